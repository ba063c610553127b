"""Shared fixtures of the UI tests: a real emulator on 127.0.0.1 and the console wired to it.

- ``emulator``: one ``EmulatorServer`` (no global fault) for the whole session; each demo case
  and fault mode is reached through its token (``emulator.detectinfo.demo.DEMO_TOKENS``).
- ``demo_credentials``: ``Credentials`` for that emulator (the demo appid and keys).
- ``keyring_status``: a secure-looking ``KeyringStatus`` for windows that show one.
- ``console``: the main window as ``iauth-desktop --demo`` builds it, against ``emulator``,
  shown, closed (and its fetches stopped) by pytest-qt at teardown.
- ``fetch_case(window, token)``: fetch through the window and return the ``PreparedCase`` shown
  (fails the test with the window's error message if the fetch fails).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import MappingProxyType

import pytest
from pytestqt.qtbot import QtBot

from iauth_desktop.app import build_window
from iauth_desktop.core.config.resolve import Credentials
from iauth_desktop.core.config.secrets import KeyringStatus
from iauth_desktop.emulator.detectinfo.demo import (
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
    DEMO_TOKENS,
)
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.shell.main_window import MainWindow

FETCH_TIMEOUT_MS = 20_000
# Qt messages a console with a video emits on a machine without GPU or sound (harmless), and
# libjpeg's about a damaged image. Use: ``pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)``.
QT_NOISE = (
    r"^Couldn't (load|resolve) .* (library|symbols)$",
    r"^PulseAudioService: pa_context_connect\(\) failed$",
    r"No RHI backend\. Using CPU conversion",
    r"^No audio device detected$",
    r"^Corrupt JPEG data",
    r"^JPEG datastream contains no image$",
    r"^Unsupported marker type",
)


def credentials_for(server: EmulatorServer) -> Credentials:
    """The demo credentials, pointed at ``server``."""
    return Credentials(
        endpoint=server.url,
        appid=DEMO_APPID,
        secret_key=DEMO_SECRET_KEY,
        aes_key=DEMO_AES_KEY,
        profile_name="demo",
        sources=MappingProxyType({"endpoint": "demo", "appid": "demo"}),
    )


@pytest.fixture(scope="session")
def emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(EmulatorConfig()) as server:
        yield server


@pytest.fixture
def demo_credentials(emulator: EmulatorServer) -> Credentials:
    return credentials_for(emulator)


@pytest.fixture
def keyring_status() -> KeyringStatus:
    return KeyringStatus("Test Keyring", True, "secrets are kept in Test Keyring")


@pytest.fixture
def console(
    qtbot: QtBot, demo_credentials: Credentials, keyring_status: KeyringStatus
) -> MainWindow:
    window = build_window(demo_credentials, keyring_status, demo_tokens=dict(DEMO_TOKENS))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def fetch_case(qtbot: QtBot) -> Callable[[MainWindow, str], PreparedCase]:
    def fetch(window: MainWindow, token: str) -> PreparedCase:
        shown: list[PreparedCase] = []
        errors: list[str] = []
        ready: list[bool] = []

        def failed(message: str, _code: int) -> None:
            errors.append(message)

        def media_ready() -> None:
            ready.append(True)

        window.case_shown.connect(shown.append)
        window.fetch_failed.connect(failed)
        window.case_view.media_ready.connect(media_ready)
        try:
            window.fetch_token(token)
            # The verdict shows first; images and the video's poster follow a turn later.
            qtbot.waitUntil(lambda: bool((shown and ready) or errors), timeout=FETCH_TIMEOUT_MS)
        finally:
            window.case_shown.disconnect(shown.append)
            window.fetch_failed.disconnect(failed)
            window.case_view.media_ready.disconnect(media_ready)
        assert not errors, errors[0]
        return shown[0]

    return fetch
