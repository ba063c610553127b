"""``--demo``: the emulator's tokens listed in the window; one click loads a case."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.theme import SPACING

_TOKEN_ROLE = Qt.ItemDataRole.UserRole + 1


class DemoTokenList(Retranslating, QWidget):
    """``token_chosen(token)`` when a demo case is clicked (or activated with the keyboard)."""

    token_chosen = Signal(str)

    def __init__(self, tokens: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._last: tuple[str, float] = ("", 0.0)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        for name, token in tokens.items():
            item = QListWidgetItem(name)
            item.setData(_TOKEN_ROLE, token)
            item.setToolTip(token)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING.snug, SPACING.snug, SPACING.snug, SPACING.snug)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        self.list.itemClicked.connect(self._choose)
        self.list.itemActivated.connect(self._choose)
        self.retranslate_ui()

    def names(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def choose(self, name: str) -> None:
        """Load the named demo case, as a click would."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.text() == name:
                self.list.setCurrentItem(item)
                self._choose(item)
                return
        raise KeyError(name)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Demo cases — click one to fetch it:"))
        self.list.setAccessibleName(self.tr("Demo cases"))

    @Slot(QListWidgetItem)
    def _choose(self, item: QListWidgetItem) -> None:
        token = str(item.data(_TOKEN_ROLE))
        now = time.monotonic()
        # Styles with single-click activation report one click as both clicked and activated.
        if self._last[0] == token and now - self._last[1] < 0.3:
            return
        self._last = (token, now)
        self.token_chosen.emit(token)
