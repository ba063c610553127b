"""The main window's menus and their shortcuts; labels set again on a language change."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

# The languages offered, each named in its own language (never translated).
LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}


class MainMenus:
    """Creates the menu bar of ``window``; the window connects the actions' ``triggered``."""

    def __init__(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        self.file_menu = QMenu(window)
        self.tools_menu = QMenu(window)
        self.view_menu = QMenu(window)
        self.language_menu = QMenu(window)
        self.help_menu = QMenu(window)
        for menu in (self.file_menu, self.tools_menu, self.view_menu):
            bar.addMenu(menu)

        self.open_case = QAction(window)
        self.open_case.setShortcut(QKeySequence.StandardKey.Open)
        self.close_case = QAction(window)
        self.close_case.setShortcut(QKeySequence("Ctrl+W"))
        self.export_case = QAction(window)
        self.export_case.setShortcut(QKeySequence("Ctrl+E"))
        self.case_history = QAction(window)
        self.case_history.setShortcut(QKeySequence("Ctrl+H"))
        self.reconnect_store = QAction(window)  # when the case record could not be opened
        self.quit = QAction(window)
        self.quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.file_menu.addActions([self.open_case, self.close_case])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.export_case, self.case_history, self.reconnect_store])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)

        self.signature_inspector = QAction(window)
        self.settings = QAction(window)
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.tools_menu.addActions([self.signature_inspector, self.settings])

        # the review loop's stops, each a key away
        self.focus_token = _keyed(window, "Ctrl+L")
        self.focus_card = _keyed(window, "Ctrl+I")
        self.play_video = _keyed(window, "Ctrl+P")
        self.focus_decision = _keyed(window, "Ctrl+D")
        self.view_menu.addActions(
            [self.focus_token, self.focus_card, self.play_video, self.focus_decision]
        )
        self.view_menu.addSeparator()
        self.view_menu.addMenu(self.language_menu)
        self.language_group = QActionGroup(window)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, window)
            action.setCheckable(True)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        # Help comes last, after menus others add (Queue): see ``add_help_menu``
        self.keyboard_shortcuts = QAction(window)
        self.keyboard_shortcuts.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.help_menu.addAction(self.keyboard_shortcuts)
        self._bar = bar
        self.retranslate_ui()

    def add_help_menu(self) -> None:
        """Put Help at the end of the menu bar (call once every other menu is in)."""
        self._bar.addMenu(self.help_menu)

    def check_language(self, language: str) -> None:
        action = self.language_actions.get(language)
        if action is not None:
            action.setChecked(True)

    def retranslate_ui(self) -> None:
        self.file_menu.setTitle(QCoreApplication.translate("MainMenus", "&File"))
        self.tools_menu.setTitle(QCoreApplication.translate("MainMenus", "&Tools"))
        self.view_menu.setTitle(QCoreApplication.translate("MainMenus", "&View"))
        self.language_menu.setTitle(QCoreApplication.translate("MainMenus", "&Language"))
        self.open_case.setText(QCoreApplication.translate("MainMenus", "&Open case folder…"))
        self.close_case.setText(QCoreApplication.translate("MainMenus", "&Close case"))
        self.close_case.setToolTip(
            QCoreApplication.translate(
                "MainMenus", "Close the case and drop its decrypted data from memory"
            )
        )
        self.export_case.setText(QCoreApplication.translate("MainMenus", "&Export case…"))
        self.case_history.setText(QCoreApplication.translate("MainMenus", "Case &history…"))
        self.reconnect_store.setText(
            QCoreApplication.translate("MainMenus", "&Reconnect to the case record")
        )
        self.quit.setText(QCoreApplication.translate("MainMenus", "&Quit"))
        self.signature_inspector.setText(
            QCoreApplication.translate("MainMenus", "&Signature inspector…")
        )
        self.settings.setText(QCoreApplication.translate("MainMenus", "S&ettings…"))
        self.focus_token.setText(QCoreApplication.translate("MainMenus", "Go to &token field"))
        self.focus_decision.setText(QCoreApplication.translate("MainMenus", "Go to the &decision"))
        self.focus_card.setText(QCoreApplication.translate("MainMenus", "Go to the &ID card"))
        self.play_video.setText(QCoreApplication.translate("MainMenus", "&Play or pause the video"))
        self.help_menu.setTitle(QCoreApplication.translate("MainMenus", "&Help"))
        self.keyboard_shortcuts.setText(
            QCoreApplication.translate("MainMenus", "&Keyboard shortcuts")
        )


def _keyed(window: QMainWindow, keys: str) -> QAction:
    action = QAction(window)
    action.setShortcut(QKeySequence(keys))
    return action
