"""The Queue menu and the view switches: Next case is one key away wherever the focus is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


class QueueMenu:
    """Adds the Queue menu to ``window``'s menu bar; the workflow connects the actions."""

    def __init__(self, window: QMainWindow) -> None:
        self.menu = QMenu(window)
        window.menuBar().addMenu(self.menu)
        self.next_case = QAction(window)
        self.next_case.setShortcut(QKeySequence("Ctrl+N"))
        self.next_confirmation = QAction(window)
        self.next_confirmation.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.add_tokens = QAction(window)
        self.add_tokens.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.release = QAction(window)
        self.views = {name: QAction(window) for name in ("case", "queue", "dashboard")}
        for number, action in enumerate(self.views.values(), start=1):
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        self.menu.addActions([self.next_case, self.next_confirmation, self.release])
        self.menu.addSeparator()
        self.menu.addAction(self.add_tokens)
        self.menu.addSeparator()
        self.menu.addActions(list(self.views.values()))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.menu.setTitle(QCoreApplication.translate("QueueMenu", "&Queue"))
        self.next_case.setText(QCoreApplication.translate("QueueMenu", "&Next case"))
        self.next_confirmation.setText(
            QCoreApplication.translate("QueueMenu", "Next &confirmation")
        )
        self.add_tokens.setText(QCoreApplication.translate("QueueMenu", "&Add tokens…"))
        self.release.setText(QCoreApplication.translate("QueueMenu", "&Give back the claimed case"))
        self.views["case"].setText(QCoreApplication.translate("QueueMenu", "Show the &case"))
        self.views["queue"].setText(QCoreApplication.translate("QueueMenu", "Show the &queue"))
        self.views["dashboard"].setText(
            QCoreApplication.translate("QueueMenu", "Show the &dashboard")
        )
