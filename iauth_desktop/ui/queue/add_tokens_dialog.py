"""Paste many tokens (one per line) or import a TXT/CSV file, as ``queue add`` reads them; bad
lines are named in the dialog and nothing is queued until every line reads."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.queue import QueueEntry
from iauth_desktop.core.review.queue_import import parse_queue_input
from iauth_desktop.ui.error_text import error_text
from iauth_desktop.ui.i18n import Retranslating

MAX_FILE = 16 << 20  # a 100,000-line CSV is a few MB


class AddTokensDialog(Retranslating, QDialog):
    def __init__(self, parent: QWidget | None = None, origin_label: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("addTokensDialog")
        self.entries: list[QueueEntry] = []
        self._origin = origin_label
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("tokensText")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setObjectName("addError")
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_file)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.import_button)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Add tokens to the queue"))
        self.intro.setText(
            self.tr(
                "Paste tokens, one per line, or a CSV with a “token” column (optional "
                "“created_at”, “priority”). They are fetched with: {origin}."
            ).format(origin=self._origin)
        )
        self.text_edit.setAccessibleName(self.tr("Tokens to queue"))
        self.import_button.setText(self.tr("&Import a TXT or CSV file…"))
        self.import_button.setAccessibleName(self.tr("Import tokens from a file"))

    def set_text(self, text: str) -> None:
        self.text_edit.setPlainText(text)

    def import_file(self, path: Path | None = None) -> bool:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import tokens"), "", self.tr("Token lists (*.txt *.csv);;All (*)")
            )
            if not chosen:
                return False
            path = Path(chosen)
        try:
            too_large = path.stat().st_size > MAX_FILE
            text = "" if too_large else path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self.show_error(self.tr("{name} is not UTF-8 text.").format(name=path.name))
            return False
        except OSError as exc:
            self.show_error(self.tr("Cannot read {name}: {reason}").format(
                name=path.name, reason=exc.strerror or exc))  # fmt: skip
            return False
        if too_large:
            self.show_error(self.tr("{name} is too large for a token list.").format(name=path.name))
            return False
        self.text_edit.setPlainText(text)
        self.show_error("")
        return True

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)

    def accept(self) -> None:
        try:
            entries = parse_queue_input(self.text_edit.toPlainText())
        except UsageError as exc:
            self.show_error(error_text(exc))
            return
        if not entries:
            self.show_error(self.tr("There is no token to queue."))
            return
        self.entries = entries
        super().accept()
