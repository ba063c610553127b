"""Issue #12: reading a bundle checks each file's type and size before reading any of it."""

from __future__ import annotations

import json
import os
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from iauth_desktop.core.evidence.bundle import write_bundle
from iauth_desktop.core.evidence.read import read_bundle, verify_bundle
from iauth_desktop.core.model.errors import IntegrityError
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.providers.detectinfo.payload import parse_payload


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    result = parse_payload(b'{"name":"demo","yt_errorcode":0,"frontpic":"QUFB"}')
    return write_bundle(
        result,
        tmp_path / "b",
        token="{T}",
        endpoint="http://127.0.0.1:1/getdetectinfo.php",
        mode=FetchMode.FULL,
        request={"info_type": 0},
        fetched_at=datetime(2026, 1, 1, tzinfo=UTC),
        tool_version="test",
    )


def run_bounded(func, seconds: float = 5.0):  # type: ignore[no-untyped-def]
    """Run ``func`` in a thread; fail when it hangs (a FIFO read would)."""
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = func()
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "reading the bundle hung"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box.get("value")


def test_manifest_linked_to_dev_zero(bundle: Path) -> None:
    (bundle / "manifest.json").unlink()
    (bundle / "manifest.json").symlink_to("/dev/zero")
    with pytest.raises(IntegrityError, match="regular file"):
        run_bounded(lambda: read_bundle(bundle))


def test_manifest_as_a_fifo(bundle: Path) -> None:
    (bundle / "manifest.json").unlink()
    os.mkfifo(bundle / "manifest.json")
    with pytest.raises(IntegrityError):
        run_bounded(lambda: read_bundle(bundle))


def test_manifest_as_a_folder(bundle: Path) -> None:
    (bundle / "manifest.json").unlink()
    (bundle / "manifest.json").mkdir()
    with pytest.raises(IntegrityError):
        read_bundle(bundle)


@pytest.mark.parametrize("kind", ["zero-link", "fifo", "folder", "sparse"])
def test_case_json_replaced(bundle: Path, kind: str) -> None:
    case = bundle / "case.json"
    case.unlink()
    if kind == "zero-link":
        case.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(case)
    elif kind == "folder":
        case.mkdir()
    else:
        with case.open("wb") as handle:
            handle.truncate(20 << 30)  # 20 GiB, sparse: only lstat may look at it
    loaded = run_bounded(lambda: read_bundle(bundle))
    assert "case.json" in loaded.check.changed
    with pytest.raises(IntegrityError, match=r"changed: case\.json"):
        run_bounded(lambda: verify_bundle(bundle))


def test_a_manifest_listing_an_impossible_size(bundle: Path) -> None:
    manifest = json.loads((bundle / "manifest.json").read_text())
    manifest["files"]["case.json"]["bytes"] = 20 << 30
    (bundle / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IntegrityError, match="cannot hold"):
        read_bundle(bundle)
