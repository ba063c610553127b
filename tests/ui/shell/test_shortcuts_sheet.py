"""Help → Keyboard shortcuts lists every shortcut the window has — menu actions and the keys of
one area (video, decision panel) — each with words; F1 opens it; it speaks the language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from iauth_desktop.ui.i18n import install_language
from iauth_desktop.ui.shell.main_window import MainWindow
from iauth_desktop.ui.shell.shortcuts_sheet import ShortcutsSheet, window_shortcuts
from tests.ui.conftest import QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)


def every_key(window: MainWindow) -> set[str]:
    keys = {
        s.toString(QKeySequence.SequenceFormat.NativeText)
        for action in window.findChildren(QAction)
        for s in action.shortcuts()
    }
    keys |= {
        s.key().toString(QKeySequence.SequenceFormat.NativeText)
        for s in window.findChildren(QShortcut)
    }
    return {k for k in keys if k}


def test_the_sheet_lists_every_shortcut_with_words(qtbot: QtBot, console: MainWindow) -> None:
    listed = dict(window_shortcuts(console))
    assert set(listed) == every_key(console)  # nothing missing, nothing invented
    assert all(words.strip() for words in listed.values())
    for expected in ("Ctrl+N", "Ctrl+L", "Ctrl+R", "Space", "Esc", "F1", "Ctrl+Return"):
        assert expected in listed, expected


def test_f1_opens_it_from_the_keyboard(qtbot: QtBot, console: MainWindow) -> None:
    console.activateWindow()
    qtbot.keyClick(console, Qt.Key.Key_F1)
    sheets = [w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsSheet)]
    qtbot.waitUntil(lambda: any(s.isVisible() for s in sheets) or bool(
        [w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsSheet)]
    ), timeout=2000)  # fmt: skip
    sheet = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsSheet))
    assert ("Ctrl+N", "Next case") in sheet.rows()
    sheet.close()


def test_the_sheet_speaks_chinese(qtbot: QtBot, console: MainWindow) -> None:
    app = QApplication.instance()
    try:
        install_language(app, "zh_CN")
        QApplication.processEvents()
        listed = dict(window_shortcuts(console))
        assert listed["Ctrl+N"] != "Next case" and listed["Esc"] != "Cancel the fetch"
    finally:
        install_language(app, "en")
