"""``iauth-desktop fetch`` ends without the interpreter's teardown, its output complete; other
commands end as usual. Run as the console script runs it (``cli.run``), in a child process."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from iauth_desktop.emulator.detectinfo.demo import (
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
    DEMO_TOKENS,
)
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer

# An exit handler that says when the interpreter's teardown ran, then the real entry point.
PROGRAM = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('TEARDOWN', file=sys.stderr, flush=True))\n"
    "from iauth_desktop.cli import run\n"
    "sys.argv = ['iauth-desktop', *sys.argv[1:]]\n"
    "run()\n"
)


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(EmulatorConfig()) as server:
        yield server


def _run(args: list[str], tmp_path: Path, url: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "IAUTH_CONFIG_DIR": str(tmp_path / "config"),
        "IAUTH_DATA_DIR": str(tmp_path / "data"),
        "IAUTH_ENDPOINT": url,
        "IAUTH_APPID": DEMO_APPID,
        "IAUTH_SECRET_KEY": DEMO_SECRET_KEY,
        "IAUTH_AES_KEY": DEMO_AES_KEY,
        "NO_PROXY": "127.0.0.1",
    }
    return subprocess.run(
        [sys.executable, "-c", PROGRAM, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_fetch_ends_at_once_with_its_output_and_bundle_complete(
    emulator: EmulatorServer, tmp_path: Path
) -> None:
    out = tmp_path / "bundle"
    done = _run(["fetch", DEMO_TOKENS["pass"], "--out", str(out), "--json"], tmp_path, emulator.url)
    assert done.returncode == 0, done.stderr
    assert "TEARDOWN" not in done.stderr  # no teardown: os._exit after the flush
    case = json.loads(done.stdout)  # the whole JSON object reached the pipe
    assert case["bundle"] == str(out)
    assert (out / "manifest.json").is_file()


def test_a_failed_fetch_ends_at_once_with_its_exit_code_and_message(
    emulator: EmulatorServer, tmp_path: Path
) -> None:
    done = _run(["fetch", "{not-a-token}", "--out", str(tmp_path / "b")], tmp_path, emulator.url)
    assert done.returncode == 3, done.stderr  # the service's error code: exit 3
    assert "TEARDOWN" not in done.stderr
    assert done.stderr.startswith("iauth-desktop: ")


def test_other_commands_end_as_usual(emulator: EmulatorServer, tmp_path: Path) -> None:
    done = _run(["audit", "verify"], tmp_path, emulator.url)
    assert "TEARDOWN" in done.stderr
