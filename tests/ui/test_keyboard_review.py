"""The review loop without the mouse (issue #17): every key goes to whatever has the focus —
never ``setFocus`` from the test, never a click: go to the token (Ctrl+L), type it, fetch
(Return), go to the decision (Ctrl+D), choose (Space), record (Ctrl+Return)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from iauth_desktop.emulator.detectinfo.demo import CASE_TOKENS
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)


def focused(window: MainWindow) -> QWidget:
    widget = QApplication.focusWidget()
    return widget if widget is not None else window


def press(
    qtbot: QtBot,
    window: MainWindow,
    key: Qt.Key,
    mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.keyClick(focused(window), key, mods)


def test_a_decision_is_recorded_with_the_keyboard_alone(qtbot: QtBot, console: MainWindow) -> None:
    console.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is console, timeout=2000)
    press(qtbot, console, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert focused(console) is console.token_bar.token_edit
    qtbot.keyClicks(focused(console), CASE_TOKENS["pass"])
    with qtbot.waitSignal(console.case_shown, timeout=30_000):
        press(qtbot, console, Qt.Key.Key_Return)
    panel = console.workflow.panel
    press(qtbot, console, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert panel.isAncestorOf(focused(console))
    press(qtbot, console, Qt.Key.Key_Space)  # Approve
    qtbot.waitUntil(panel.record_button.isEnabled, timeout=5000)
    press(qtbot, console, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.decision_list.topLevelItemCount() == 1, timeout=10_000)
    assert "Approve" in panel.decision_list.topLevelItem(0).text(1)
