"""``iauth-desktop fetch --out`` of a case with a large video, run as the console script runs:
the video lands whole, as its manifest says, and past the page cache where the file system takes
direct I/O (what the README's benchmark section says the command does)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from iauth_desktop.core.direct_write import DIRECT_FROM_BYTES
from iauth_desktop.core.evidence.bundle import verify_bundle
from iauth_desktop.emulator.detectinfo.demo import (
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
    DEMO_TOKENS,
)
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer
from tests.page_cache import resident_pages, takes_direct_io

VIDEO_MIB = 9


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(EmulatorConfig(fault=f"huge-video:{VIDEO_MIB}")) as server:
        yield server


def test_the_video_is_written_whole_and_past_the_page_cache(
    emulator: EmulatorServer, tmp_path: Path
) -> None:
    out = tmp_path / "bundle"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "IAUTH_CONFIG_DIR": str(tmp_path / "config"),
        "IAUTH_DATA_DIR": str(tmp_path / "data"),
        "IAUTH_ENDPOINT": emulator.url,
        "IAUTH_APPID": DEMO_APPID,
        "IAUTH_SECRET_KEY": DEMO_SECRET_KEY,
        "IAUTH_AES_KEY": DEMO_AES_KEY,
        "NO_PROXY": "127.0.0.1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "iauth_desktop", "fetch", DEMO_TOKENS["pass"], "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    video = out / "video.mp4"
    size = video.stat().st_size
    assert size >= VIDEO_MIB << 20 > DIRECT_FROM_BYTES
    if takes_direct_io(tmp_path):
        # at most the tail page went through the cache; a buffered write leaves every page
        assert resident_pages(video) <= 1, "the video went through the page cache"
    entry = json.loads((out / "manifest.json").read_text("utf-8"))["files"]["video.mp4"]
    assert entry == {"sha256": hashlib.sha256(video.read_bytes()).hexdigest(), "bytes": size}
    assert verify_bundle(out).media["video"] == video.read_bytes()  # raises on any mismatch
