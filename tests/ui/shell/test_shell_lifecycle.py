"""Cancel, a second fetch, Close case, idle close, keyboard shortcuts, closing mid-fetch."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from iauth_desktop.app import build_window
from iauth_desktop.core.config.resolve import Credentials
from iauth_desktop.core.config.secrets import KeyringStatus
from iauth_desktop.emulator.detectinfo.demo import (
    CASE_TOKENS,
    DEMO_APPID,
    DEMO_SECRET_KEY,
    FAULT_TOKENS,
)
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE, extend=True)
PASS = CASE_TOKENS["pass"]
DELAY = FAULT_TOKENS["delay"]  # answers after 3 s
Fetch = Callable[[MainWindow, str], PreparedCase]


def _activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def test_cancel_with_escape_during_a_slow_answer(qtbot: QtBot, console: MainWindow) -> None:
    _activate(qtbot, console)
    console.fetch_token(DELAY)
    assert console.token_bar.cancel_button.isVisible()
    qtbot.wait(200)
    with qtbot.waitSignal(console.controller.cancelled, timeout=2000):
        qtbot.keyClick(console.token_bar.token_edit, Qt.Key.Key_Escape)
    assert not console.controller.is_running()
    assert not console.token_bar.cancel_button.isVisible()
    assert console.message_strip.severity == "info"
    assert "cancelled" in console.message_strip.text().lower()
    assert console.token_bar.token() == DELAY
    runner = console.controller.runner
    qtbot.waitUntil(lambda: runner.active_threads() == 0, timeout=1500)  # really stopped
    assert not console.case_view.has_case()


def test_second_fetch_cancels_the_first(qtbot: QtBot, console: MainWindow) -> None:
    shown: list[PreparedCase] = []
    failures: list[str] = []
    console.case_shown.connect(shown.append)
    console.fetch_failed.connect(lambda message, _code: failures.append(message))
    console.fetch_token(DELAY)
    qtbot.wait(100)
    console.fetch_token(PASS)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    qtbot.waitUntil(lambda: console.controller.runner.active_threads() == 0, timeout=2000)
    qtbot.wait(50)
    assert [p.case.token for p in shown] == [PASS]
    assert failures == []
    assert not console.message_strip.isVisible()  # no "cancelled" note for a replaced fetch


def test_close_case_drops_the_decrypted_data(
    qtbot: QtBot, console: MainWindow, fetch_case: Fetch
) -> None:
    prepared = fetch_case(console, PASS)
    qtbot.waitSignal(console.case_view.media_ready, timeout=10_000, raising=False)
    gone = weakref.ref(prepared)
    result = weakref.ref(prepared.case.result)
    del prepared
    _activate(qtbot, console)
    qtbot.keyClick(console, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert console.controller.current is None
    assert not console.case_view.has_case()
    assert console.case_view.fields.fields_model().rowCount() == 0
    assert not any(tile.has_image() for tile in console.case_view.evidence.tiles.values())
    assert not console.case_view.video.has_video()
    qtbot.wait(50)  # let queued signals that carried the case be delivered and dropped
    gc.collect()
    assert gone() is None, gc.get_referrers(gone())
    assert result() is None
    assert console.token_bar.token() == PASS  # the token is not decrypted data


def test_idle_close(qtbot: QtBot, console: MainWindow, fetch_case: Fetch) -> None:
    console.settings.idle_close_minutes = 1
    fetch_case(console, PASS)
    console.idle_watch.set_interval_ms(100)
    qtbot.waitUntil(lambda: console.controller.current is None, timeout=3000)
    assert not console.case_view.has_case()
    assert "idle" in console.message_strip.text()
    console.idle_watch.set_minutes(0)
    assert not console.idle_watch.is_armed()


def test_keyboard_focus_token_and_enter_fetches(qtbot: QtBot, console: MainWindow) -> None:
    _activate(qtbot, console)
    combo = console.token_bar.profile_combo
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=1000)
    qtbot.keyClick(combo, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    edit = console.token_bar.token_edit
    assert edit.hasFocus()
    qtbot.keyClicks(edit, PASS)
    with qtbot.waitSignal(console.case_shown, timeout=20_000) as blocker:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert blocker.args[0].case.token == PASS


def test_escape_is_left_alone_when_nothing_runs(qtbot: QtBot, console: MainWindow) -> None:
    _activate(qtbot, console)
    cancelled: list[bool] = []
    console.controller.cancelled.connect(lambda: cancelled.append(True))
    qtbot.keyClick(console.token_bar.token_edit, Qt.Key.Key_Escape)
    assert cancelled == []
    assert not console.message_strip.isVisible()


def test_empty_token_does_not_fetch(qtbot: QtBot, console: MainWindow) -> None:
    console.token_bar.set_token("   ")
    assert not console.token_bar.fetch_button.isEnabled()
    qtbot.keyClick(console.token_bar.token_edit, Qt.Key.Key_Return)
    assert not console.controller.is_running()


def test_closing_the_window_mid_fetch_stops_the_worker(
    qtbot: QtBot, demo_credentials: Credentials, keyring_status: KeyringStatus
) -> None:
    window = build_window(demo_credentials, keyring_status)
    window.show()
    window.fetch_token(DELAY)
    qtbot.wait(100)
    assert window.controller.runner.active_threads() == 1
    assert window.close()
    assert window.controller.runner.active_threads() == 0
    assert window.controller.current is None
    window.deleteLater()
    qtbot.wait(10)


def test_language_choice_is_saved(console: MainWindow) -> None:
    action = console.menus.language_actions["en"]
    action.trigger()
    assert action.isChecked()
    assert console.settings.language == "en"
    assert type(console.settings).load().language == "en"


def test_settings_dialog_opens_from_the_menu(
    qtbot: QtBot, demo_credentials: Credentials, keyring_status: KeyringStatus
) -> None:
    window = build_window(demo_credentials, keyring_status)
    qtbot.addWidget(window)
    seen: list[str] = []

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            seen.append(dialog.objectName())
            dialog.reject()

    QTimer.singleShot(200, close_dialog)
    window.menus.settings.trigger()  # modal: returns once the dialog is closed
    assert seen == ["settingsDialog"]
    window.reload_connections()  # what a profile change in the dialog triggers
    assert window.token_bar.current_connection() is not None


def test_signature_inspector_opens_from_the_menu(qtbot: QtBot, console: MainWindow) -> None:
    console.menus.signature_inspector.trigger()
    inspector = console.findChild(QWidget, "signatureInspector")
    assert inspector is not None and inspector.isVisible()
    assert console._signing_secret() == (DEMO_APPID, DEMO_SECRET_KEY)
    inspector.close()
