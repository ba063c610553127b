"""The strip under the token bar that says what went wrong (or was cancelled), in words.

Errors never open a modal dialog or show a traceback: the strip keeps the token and profile in
view so the reviewer can correct and fetch again.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.theme import SPACING

Severity = Literal["error", "info"]
_STYLES = {
    "error": "QFrame#messageStrip { background: #fdecea; border: 1px solid #d32f2f; }"
    " QLabel { color: #611a15; }",
    "info": "QFrame#messageStrip { background: #fff8e1; border: 1px solid #f9a825; }"
    " QLabel { color: #5d4200; }",
}


class MessageStrip(Retranslating, QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageStrip")
        self.severity: Severity | None = None
        self.icon_label = QLabel()
        self.text_label = QLabel()
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)  # service text shows literally
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACING.normal, SPACING.snug, SPACING.snug, SPACING.snug)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()
        self.retranslate_ui()

    def text(self) -> str:
        return self.text_label.text()

    def show_message(self, text: str, severity: Severity = "error") -> None:
        self.severity = severity
        self.text_label.setText(text)
        self.setStyleSheet(_STYLES[severity])
        self.retranslate_ui()
        self.show()

    def clear(self) -> None:
        self.severity = None
        self.text_label.clear()
        self.hide()

    def retranslate_ui(self) -> None:
        self.close_button.setToolTip(self.tr("Dismiss"))
        if self.severity is None:
            return
        pixmap = QStyle.StandardPixmap.SP_MessageBoxCritical
        if self.severity == "info":
            pixmap = QStyle.StandardPixmap.SP_MessageBoxInformation
        self.icon_label.setPixmap(self.style().standardIcon(pixmap).pixmap(20, 20))
        self.icon_label.setToolTip(
            self.tr("Error") if self.severity == "error" else self.tr("Note")
        )
