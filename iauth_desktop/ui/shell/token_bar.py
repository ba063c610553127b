"""The token bar: token, profile, full or text-only, Fetch; progress and Cancel while it runs."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.settings.connections import Connection, display_label
from iauth_desktop.ui.theme import SPACING

MODES = (FetchMode.FULL, FetchMode.TEXT_ONLY)  # the mode list's rows


class TokenBar(Retranslating, QWidget):
    """``fetch_requested(token, mode)`` on Enter or Fetch with a non-empty token;
    ``cancel_requested`` on Cancel; ``connection_changed(index)`` when the profile changes."""

    fetch_requested = Signal(str, object)  # token, FetchMode
    cancel_requested = Signal()
    connection_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._connections: list[Connection] = []
        self._progress: tuple[int, int] | None = None  # (received, total) shown, re-worded
        self.token_label = QLabel()
        self.token_edit = QLineEdit()
        self.token_edit.setClearButtonEnabled(True)
        self.token_edit.setMinimumWidth(300)
        self.token_label.setBuddy(self.token_edit)
        self.profile_label = QLabel()
        self.profile_combo = QComboBox()
        self.profile_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.profile_label.setBuddy(self.profile_combo)
        self.mode_combo = QComboBox()
        self.mode_combo.addItems(["", ""])
        self.fetch_button = QPushButton()
        self.fetch_button.setDefault(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setFixedWidth(160)
        self.progress_bar.setTextVisible(False)
        self.bytes_label = QLabel()
        self.bytes_label.setMinimumWidth(150)
        self.cancel_button = QPushButton()
        for busy_widget in (self.progress_bar, self.bytes_label, self.cancel_button):
            policy = busy_widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # the bar does not jump when a fetch starts
            busy_widget.setSizePolicy(policy)
        self.token_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACING.normal, SPACING.normal, SPACING.normal, SPACING.normal)
        for widget in (
            self.token_label,
            self.token_edit,
            self.profile_label,
            self.profile_combo,
            self.mode_combo,
            self.fetch_button,
            self.progress_bar,
            self.bytes_label,
            self.cancel_button,
        ):
            layout.addWidget(widget)

        self.token_edit.returnPressed.connect(self._request_fetch)
        self.token_edit.textChanged.connect(self._update_fetch_enabled)
        self.fetch_button.clicked.connect(self._request_fetch)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.profile_combo.currentIndexChanged.connect(self.connection_changed)
        self.set_busy(False)
        self._update_fetch_enabled()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.token_label.setText(self.tr("To&ken:"))
        self.token_edit.setAccessibleName(self.tr("Token"))
        self.profile_combo.setAccessibleName(self.tr("Profile"))
        self.mode_combo.setAccessibleName(self.tr("What to fetch"))
        self.token_edit.setPlaceholderText(self.tr("Paste the token (Ctrl+L)"))
        self.profile_label.setText(self.tr("&Profile:"))
        self.mode_combo.setItemText(MODES.index(FetchMode.FULL), self.tr("Full evidence"))
        self.mode_combo.setItemText(MODES.index(FetchMode.TEXT_ONLY), self.tr("Text only (fast)"))
        self.mode_combo.setToolTip(self.tr("Text only skips the images and the video"))
        self.fetch_button.setText(self.tr("Fetch"))
        self.fetch_button.setToolTip(self.tr("Fetch the case (Enter)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop fetching (Esc)"))
        for index, connection in enumerate(self._connections):
            self.profile_combo.setItemText(index, display_label(connection))
        if self._progress is not None:
            self.set_progress(*self._progress)

    # --- profile choices ------------------------------------------------------------------

    def set_connections(self, connections: list[Connection], current: int = 0) -> None:
        self._connections = list(connections)
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for connection in self._connections:
            self.profile_combo.addItem(display_label(connection))
        self.profile_combo.setCurrentIndex(current)
        self.profile_combo.blockSignals(False)
        self.connection_changed.emit(self.profile_combo.currentIndex())

    def connections(self) -> list[Connection]:
        return list(self._connections)

    def select_connection(self, label: str) -> bool:
        """Choose the connection called ``label``; False when there is none."""
        for index, connection in enumerate(self._connections):
            if connection.label == label:
                self.profile_combo.setCurrentIndex(index)
                return True
        return False

    def current_connection(self) -> Connection | None:
        index = self.profile_combo.currentIndex()
        return self._connections[index] if 0 <= index < len(self._connections) else None

    # --- token ----------------------------------------------------------------------------

    def token(self) -> str:
        """The token as pasted, surrounding whitespace trimmed."""
        return self.token_edit.text().strip()

    def set_token(self, token: str) -> None:
        self.token_edit.setText(token)

    def mode(self) -> FetchMode:
        return MODES[max(self.mode_combo.currentIndex(), 0)]

    def set_mode(self, mode: FetchMode) -> None:
        self.mode_combo.setCurrentIndex(MODES.index(mode))

    def focus_token(self) -> None:
        self.token_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.token_edit.selectAll()

    # --- running --------------------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        for widget in (self.progress_bar, self.bytes_label, self.cancel_button):
            widget.setVisible(busy)
        if busy:
            self.progress_bar.setRange(0, 0)  # busy indicator until the size is known
            self.bytes_label.clear()
            self._progress = None

    @Slot("qlonglong", "qlonglong")
    def set_progress(self, received: int, total: int) -> None:
        self._progress = (received, total)
        locale = QLocale()
        if total > 0:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(min(1000, received * 1000 // total))
            self.bytes_label.setText(
                self.tr("{received} of {total}").format(
                    received=locale.formattedDataSize(received),
                    total=locale.formattedDataSize(total),
                )
            )
        else:
            self.progress_bar.setRange(0, 0)
            self.bytes_label.setText(locale.formattedDataSize(received))

    @Slot()
    def _request_fetch(self) -> None:
        if self.token():
            self.fetch_requested.emit(self.token(), self.mode())

    @Slot()
    def _update_fetch_enabled(self) -> None:
        self.fetch_button.setEnabled(bool(self.token()))
