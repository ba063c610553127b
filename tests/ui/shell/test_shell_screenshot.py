"""Screenshot mode end to end (subprocess), the heartbeat during a large fetch, the demo session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from iauth_desktop.app import build_window
from iauth_desktop.commands.demo import DemoSession
from iauth_desktop.core.config.secrets import KeyringStatus
from iauth_desktop.emulator.detectinfo.demo import CASE_TOKENS, FAULT_TOKENS
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer
from iauth_desktop.ui.shell.heartbeat import Heartbeat
from iauth_desktop.ui.shell.main_window import MainWindow
from iauth_desktop.ui.shell.screenshot import needs_offscreen, process_age_s
from tests.ui.conftest import QT_NOISE, credentials_for

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE, extend=True)
KEYS = {"startup_ms", "load_ms", "max_gui_stall_ms", "grab_ms", "fetch_process"}


def _screenshot(token: str, out: Path, *, no_display: bool = False) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if no_display:
        for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
            env.pop(name, None)
    command = [
        sys.executable,
        "-m",
        "iauth_desktop",
        "--demo",
        "--open",
        token,
        "--screenshot",
        str(out),
    ]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=90, check=False)


def test_screenshot_of_a_passed_case(tmp_path: Path) -> None:
    out = tmp_path / "pass.png"
    done = _screenshot(CASE_TOKENS["pass"], out, no_display=True)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert len(lines) == 1, done.stdout
    figures = json.loads(lines[0])
    assert set(figures) == KEYS
    assert all(isinstance(figures[key], int) and figures[key] >= 0 for key in KEYS)
    assert figures["startup_ms"] > 0
    assert figures["fetch_process"] == 1  # the console fetches in its fetch process
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)  # the default: a laptop's screen


def test_screenshot_of_a_service_error_exits_3(tmp_path: Path) -> None:
    out = tmp_path / "expired.png"
    done = _screenshot(CASE_TOKENS["expired-token"], out)
    assert done.returncode == 3, done.stderr[-2000:]
    assert out.is_file() and not QImage(str(out)).isNull()
    assert set(json.loads(done.stdout)) == KEYS


def test_screenshot_needs_a_token(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "iauth_desktop", "--screenshot", str(tmp_path / "x.png")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert "--open" in done.stderr
    assert not (tmp_path / "x.png").exists()


def test_offscreen_only_without_a_display() -> None:
    assert needs_offscreen({}) == sys.platform.startswith("linux")
    assert not needs_offscreen({"DISPLAY": ":0"})
    assert not needs_offscreen({"WAYLAND_DISPLAY": "wayland-0"})
    assert not needs_offscreen({"QT_QPA_PLATFORM": "xcb"})
    assert 0 < process_age_s() < 24 * 3600


def test_heartbeat_measures_gaps(qtbot: QtBot) -> None:
    heartbeat = Heartbeat()
    heartbeat.start()
    qtbot.wait(100)
    time.sleep(0.05)  # the GUI thread frozen on purpose
    qtbot.wait(20)
    heartbeat.stop()
    assert heartbeat.ticks >= 5
    assert heartbeat.max_gap_ms >= 45
    assert not heartbeat.is_active()


@pytest.fixture(scope="module")
def huge_emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(EmulatorConfig(fault="huge-video:5")) as server:
        yield server


def test_gui_thread_keeps_running_during_a_large_fetch(
    qtbot: QtBot, huge_emulator: EmulatorServer, keyring_status: KeyringStatus
) -> None:
    window = build_window(credentials_for(huge_emulator), keyring_status)
    qtbot.addWidget(window)
    window.show()
    heartbeat = Heartbeat()
    heartbeat.start()
    with qtbot.waitSignal(window.case_shown, timeout=30_000) as blocker:
        window.fetch_token(FAULT_TOKENS["huge-video"])
    heartbeat.stop()
    prepared = blocker.args[0]
    assert prepared.video is not None and prepared.video.size() >= 5 << 20
    assert heartbeat.ticks > 20  # the GUI thread ran its timer all along


def test_demo_session_runs_emulator_and_uses_temp_dirs() -> None:
    with DemoSession() as demo:
        assert demo.credentials is not None
        assert demo.credentials.endpoint.startswith("http://127.0.0.1:")
        assert "pass" in demo.tokens
        assert demo.faceid_credentials is not None and demo.faceid_credentials.provider == "faceid"
        assert demo.faceid_credentials.endpoint.startswith("http://127.0.0.1:")
        assert "FaceID · passed" in demo.all_tokens() and "pass" in demo.all_tokens()
        config = os.environ["IAUTH_CONFIG_DIR"]
        assert "iauth-demo-" in config
        processes = list(demo._processes)
    assert len(processes) == 2 and all(p.poll() is not None for p in processes)
    assert not os.path.exists(config)


def test_console_window_keeps_secrets_out_of_its_title(console: MainWindow) -> None:
    assert "iauth-desktop" in console.windowTitle()
    assert console.demo_dock is not None and console.demo_dock.isVisible()
