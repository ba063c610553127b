"""After the first paint the reviewer's window finds its keyring and warms the provider up in a
thread (issue #17, no jank): the window is not frozen for the 0.2 s they take, and the keyring's
status still reaches the status bar — through a queued signal, on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from iauth_desktop.app import BackgroundSettle, build_window
from iauth_desktop.core.config.resolve import Credentials
from tests.ui.conftest import QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)


def test_the_keyring_and_the_warm_up_come_from_a_thread(
    qtbot: QtBot, demo_credentials: Credentials
) -> None:
    window = build_window(demo_credentials, None)
    qtbot.addWidget(window)
    window.show()
    assert window.status.keyring_label.text() == ""  # not looked up before the first paint
    settling = BackgroundSettle(window, find_keyring=True)
    emitted_on: list[str] = []
    settling.found.connect(
        lambda _status: emitted_on.append(threading.current_thread().name),
        Qt.ConnectionType.DirectConnection,
    )
    settling.start()
    qtbot.waitUntil(settling.done.is_set, timeout=30_000)
    qtbot.waitUntil(lambda: window.status.keyring_label.text() != "", timeout=5000)
    assert emitted_on == ["settle"]  # looked up in the thread, not on the GUI thread
    assert threading.current_thread() is threading.main_thread()
    assert "Keyring" in window.status.keyring_label.text()
