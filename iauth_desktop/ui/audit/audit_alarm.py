"""The red strip that stays on screen while the audit log cannot be trusted (fetching is off)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from iauth_desktop.ui.i18n import Retranslating

STYLE = (
    "QLabel { background: #fce8e6; color: #8c1d18; border: 2px solid #c5221f; padding: 6px;"
    " font-weight: bold; }"
)


class AuditAlarm(Retranslating, QLabel):
    """Hidden until ``show_problem``; no close button: it goes only with a repaired log."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditAlarm")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(STYLE)
        self.problem = ""
        self.hide()

    def show_problem(self, problem: str) -> None:
        self.problem = problem
        self.retranslate_ui()
        self.show()

    def retranslate_ui(self) -> None:
        if not self.problem:
            return
        self.setText(
            self.tr(
                "The audit log is damaged or cannot be written, so fetching is switched off: "
                "nothing may be fetched, revealed or decided without its record. Run "
                "“iauth-desktop audit verify” to see which entry is affected, and have the log "
                "looked at before going on. Details: {problem}"
            ).format(problem=self.problem)
        )
