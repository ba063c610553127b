"""IdleWatch: input on any of the application's windows restarts the countdown; other events do
not; 0 minutes stops watching."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from iauth_desktop.ui.shell.idle_watch import IdleWatch


def _window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(200, 100)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_input_on_any_window_restarts_the_countdown(qtbot: QtBot) -> None:
    main = _window(qtbot)
    watch = IdleWatch(main)
    watch.set_minutes(15)
    dialog = _window(qtbot)  # opened later: watched once it has the focus
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle(), timeout=5000)
    for widget in (main, dialog):
        window = widget.windowHandle()
        watch._timer.stop()
        QApplication.sendEvent(window, QEvent(QEvent.Type.UpdateRequest))
        assert not watch.is_armed()  # not input
        QTest.keyClick(window, Qt.Key.Key_A)
        assert watch.is_armed()
        watch._timer.stop()
        QTest.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
        assert watch.is_armed()


def test_zero_minutes_stops_watching(qtbot: QtBot) -> None:
    main = _window(qtbot)
    watch = IdleWatch(main)
    watch.set_minutes(15)
    watch.set_minutes(0)
    assert not watch.is_armed()
    QTest.keyClick(main.windowHandle(), Qt.Key.Key_A)
    assert not watch.is_armed()
