"""The console fetches through its fetch process (``core/net/child_fetch.py``) as it does in
its own worker thread: the same case on screen, the same failures told the same way."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from iauth_desktop.core.net.child_fetch import ChildFetcher
from iauth_desktop.emulator.detectinfo.demo import DEMO_TOKENS
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import FETCH_TIMEOUT_MS, QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)


@pytest.fixture
def child_console(console: MainWindow) -> Iterator[MainWindow]:
    fetcher = ChildFetcher()
    console.controller.fetcher = fetcher
    yield console
    fetcher.close()


def test_the_console_shows_a_case_fetched_in_the_child(
    child_console: MainWindow,
    fetch_case: Callable[[MainWindow, str], PreparedCase],
) -> None:
    fetcher = child_console.controller.fetcher
    assert fetcher is not None
    prepared = fetch_case(child_console, DEMO_TOKENS["pass"])
    assert fetcher.pid is not None  # it went through the fetch process
    media = prepared.result.media
    assert prepared.video is not None
    video = prepared.result.video
    assert video is not None and video.data is not None
    assert bytes(prepared.video.data()) == bytes(video.data)
    assert set(prepared.images) == {k for k, v in media.items() if v.ok and k != video.field}
    assert child_console.controller.current is prepared


def test_a_service_error_from_the_child_is_told_as_in_process(
    qtbot: QtBot, child_console: MainWindow
) -> None:
    failures: list[tuple[str, int]] = []
    child_console.fetch_failed.connect(lambda message, code: failures.append((message, code)))
    child_console.fetch_token(DEMO_TOKENS["expired-token"])
    qtbot.waitUntil(lambda: bool(failures), timeout=FETCH_TIMEOUT_MS)
    message, code = failures[0]
    assert code == 3
    assert "12" in message
    assert "reopen the case from an export" in message
