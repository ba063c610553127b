"""The main window against the real emulator: the full flow, every fault mode, errors in words."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from iauth_desktop.app import build_window
from iauth_desktop.core.config.secrets import KeyringStatus
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.emulator.detectinfo.demo import (
    CASE_TOKENS,
    DEMO_AES_KEY,
    DEMO_SECRET_KEY,
    FAULT_TOKENS,
)
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.shell.main_window import DEFAULT_HEIGHT, DEFAULT_WIDTH, MainWindow
from tests.ui.conftest import QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE, extend=True)
PASS = CASE_TOKENS["pass"]
Fetch = Callable[[MainWindow, str], PreparedCase]


def _texts(window: MainWindow) -> str:
    return "\n".join(label.text() for label in window.findChildren(QLabel))


def _fail(qtbot: QtBot, window: MainWindow, token: str) -> tuple[str, int]:
    with qtbot.waitSignal(window.fetch_failed, timeout=20_000) as blocker:
        window.fetch_token(token)
    message, code = blocker.args
    return str(message), int(code)


def test_full_flow_shows_the_case(qtbot: QtBot, console: MainWindow, fetch_case: Fetch) -> None:
    assert console.width() >= DEFAULT_WIDTH and console.height() >= DEFAULT_HEIGHT
    prepared = fetch_case(console, f"  {PASS}\n")
    assert prepared.case.token == PASS  # trimmed, otherwise as pasted
    assert prepared.case.profile_name == "demo"
    assert console.controller.current is prepared
    assert console.case_view.has_case()
    assert console.case_view.banner.status() == "passed"
    model = console.case_view.fields.fields_model()
    assert model.rowCount() >= 10
    assert sorted(prepared.images) == ["backpic", "frontpic", "videopic1", "videopic2", "videopic3"]
    tiles = console.case_view.evidence.tiles
    assert all(tiles[name].has_image() for name in prepared.images)
    assert prepared.video is not None and console.case_view.video.has_video()
    assert not console.message_strip.isVisible()
    assert not console.token_bar.cancel_button.isVisible()  # idle again
    texts = _texts(console)
    assert DEMO_SECRET_KEY not in texts and DEMO_AES_KEY not in texts
    assert "990101199005171231" not in texts  # the ID number is masked everywhere


def test_status_bar_names_profile_endpoint_and_keyring(console: MainWindow) -> None:
    status = console.status
    assert "demo" in status.profile_label.text()
    assert status.endpoint_kind == "loopback"
    assert "loopback" in status.endpoint_label.text()
    assert "Test Keyring" in status.keyring_label.text()


def test_text_only_fetch_has_no_media(console: MainWindow, fetch_case: Fetch) -> None:
    console.token_bar.set_mode(FetchMode.TEXT_ONLY)
    prepared = fetch_case(console, PASS)
    assert prepared.case.mode is FetchMode.TEXT_ONLY
    assert prepared.images == {} and prepared.video is None
    assert console.case_view.banner.status() == "passed"


FAILURES = [
    ("http-500", 4, "HTTP 500"),
    ("http-502", 4, "HTTP 502"),
    ("http-503", 4, "HTTP 503"),
    ("reset", 4, "Network"),
    ("truncated", 4, "Network"),
    ("non-json", 4, "Network"),
    ("garbage-base64", 5, "Decryption failed"),
    ("wrong-key", 5, "Decryption failed"),
]


@pytest.mark.parametrize(("fault", "exit_code", "words"), FAILURES)
def test_fault_shows_its_message_then_next_token_works(
    qtbot: QtBot, console: MainWindow, fetch_case: Fetch, fault: str, exit_code: int, words: str
) -> None:
    console.controller.make_options = lambda _settings: ClientOptions(backoff=0.01)
    token = FAULT_TOKENS[fault]
    message, code = _fail(qtbot, console, token)
    assert code == exit_code
    assert words in message
    assert console.message_strip.isVisible()
    assert console.message_strip.text() == message
    assert "Traceback" not in message
    assert console.token_bar.token() == token  # still filled in
    assert console.token_bar.current_connection() is not None
    assert not console.case_view.has_case()
    fetch_case(console, PASS)
    assert not console.message_strip.isVisible()
    assert console.case_view.banner.status() == "passed"


def test_service_error_code_is_explained(qtbot: QtBot, console: MainWindow) -> None:
    message, code = _fail(qtbot, console, CASE_TOKENS["expired-token"])
    assert code == 3
    assert "12" in message and "ERROR_TOKEN_OVER_TIMELIMIT" in message


@pytest.mark.parametrize("fault", ["wrapped-base64", "php-escapes"])
def test_tolerated_faults_show_the_case(console: MainWindow, fetch_case: Fetch, fault: str) -> None:
    prepared = fetch_case(console, FAULT_TOKENS[fault])
    assert len(prepared.images) == 5 and prepared.video is not None


def test_broken_image_leaves_the_rest_usable(console: MainWindow, fetch_case: Fetch) -> None:
    prepared = fetch_case(console, FAULT_TOKENS["broken-jpeg"])
    assert "frontpic" not in prepared.images and "backpic" in prepared.images
    tiles = console.case_view.evidence.tiles
    assert not tiles["frontpic"].has_image() and tiles["frontpic"].placeholder_text()
    assert tiles["backpic"].has_image()


def test_missing_configuration_is_explained(qtbot: QtBot, keyring_status: KeyringStatus) -> None:
    window = build_window(None, keyring_status, problem="missing credentials: appid")
    qtbot.addWidget(window)
    assert "missing credentials: appid" in window.message_strip.text()
    message, code = _fail(qtbot, window, PASS)
    assert code == 2
    assert "Configuration problem" in message and "missing credentials: appid" in message


def test_demo_list_loads_a_case_with_one_click(qtbot: QtBot, console: MainWindow) -> None:
    demo = console.demo_list
    assert demo is not None
    assert "pass" in demo.names() and "fault-delay" in demo.names()
    row = demo.names().index("compare-604")
    item = demo.list.item(row)
    rect = demo.list.visualItemRect(item)
    with qtbot.waitSignal(console.case_shown, timeout=20_000) as blocker:
        qtbot.mouseClick(demo.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert console.token_bar.token() == CASE_TOKENS["compare-604"]
    assert blocker.args[0].result.verdict.status == "failed"


def test_a_failed_fetch_keeps_the_open_case(
    qtbot: QtBot, console: MainWindow, fetch_case: Fetch
) -> None:
    console.token_bar.set_mode(FetchMode.TEXT_ONLY)
    shown = fetch_case(console, PASS)
    message, code = _fail(qtbot, console, CASE_TOKENS["expired-token"])
    assert code == 3 and message
    assert console.controller.current is shown  # kept until a new case arrives
    assert console.case_view.has_case()
    assert console.case_view.banner.status() == "passed"
    assert console.message_strip.isVisible()


def test_a_cancelled_fetch_keeps_the_open_case(
    qtbot: QtBot, console: MainWindow, fetch_case: Fetch
) -> None:
    console.token_bar.set_mode(FetchMode.TEXT_ONLY)
    shown = fetch_case(console, PASS)
    with qtbot.waitSignal(console.controller.cancelled, timeout=10_000):
        console.fetch_token(FAULT_TOKENS["delay"])
        console.controller.cancel()
    assert console.controller.current is shown
    assert console.case_view.banner.status() == "passed"


def test_a_new_case_replaces_the_open_one(console: MainWindow, fetch_case: Fetch) -> None:
    console.token_bar.set_mode(FetchMode.TEXT_ONLY)
    fetch_case(console, PASS)
    failed = fetch_case(console, CASE_TOKENS["liveness-602"])
    assert console.controller.current is failed
    assert console.case_view.banner.status() == "failed"
