"""Bundles written before providers (format 1) still open: the legacy provider reads them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from iauth_desktop.core.evidence.read import read_bundle, verify_bundle
from iauth_desktop.core.evidence.report_data import (
    ReportContext,
    load_bundle_for_report,
    report_from_bundle,
)
from iauth_desktop.core.model.errors import IntegrityError
from iauth_desktop.core.model.result import FetchMode, Stage

CASE = {
    "name": "欧阳演示",
    "ID": "990101199005171231",
    "yt_errorcode": 602,
    "yt_errormsg": "视频活体检测没通过",
    "livestatus": -5005,
    "livemsg": "嘴唇动作",
    "validatedata": "3344",
    "frontpic": "frontpic.jpg",
}
FRONT = b"\xff\xd8\xff\xe0 not really a photo \xff\xd9"


def format_1_bundle(path: Path, *, info_type: int = 1, provider: str | None = None) -> Path:
    """A bundle as version 0.1 wrote it: ``info_type`` at the manifest's top level."""
    path.mkdir()
    case = json.dumps(CASE, ensure_ascii=False, indent=2).encode() + b"\n"
    files = {"case.json": case, "frontpic.jpg": FRONT}
    for name, data in files.items():
        (path / name).write_bytes(data)
    manifest: dict[str, object] = {
        "format": 1,
        "files": {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
            for name, data in files.items()
        },
        "token": "{old-token}",
        "endpoint": "https://iauth-sandbox.wecity.qq.com/new/cgi-bin/getdetectinfo.php",
        "info_type": info_type,
        "fetched_at": "2026-01-02T03:04:05Z",
        "tool_version": "0.1.0",
        "problems": [],
    }
    if provider is not None:
        manifest["provider"] = provider
    (path / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    return path


@pytest.mark.parametrize(("info_type", "mode"), [(0, FetchMode.FULL), (1, FetchMode.TEXT_ONLY)])
def test_a_format_1_bundle_opens_through_the_legacy_provider(
    tmp_path: Path, info_type: int, mode: FetchMode
) -> None:
    loaded = verify_bundle(format_1_bundle(tmp_path / "b", info_type=info_type))
    assert loaded.provider == "detectinfo"
    assert loaded.mode is mode
    assert loaded.request == {"info_type": info_type}
    result = loaded.result()
    assert result.provider == "detectinfo"
    final = result.stage(Stage.FINAL)
    assert final is not None and final.code == 602
    assert result.verdict.status == "failed"
    assert result.identity["name"] == "欧阳演示"
    assert result.challenge == "3344"
    assert result.media["frontpic"].data == FRONT


def test_a_format_1_report_says_its_mode(tmp_path: Path) -> None:
    loaded, manifest = load_bundle_for_report(format_1_bundle(tmp_path / "b"))
    data = report_from_bundle(loaded, manifest, ReportContext("alice", "test"))
    assert data.mode is FetchMode.TEXT_ONLY
    assert data.request == "info_type=1"
    assert [line.field for line in data.codes] == ["yt_errorcode", "livestatus"]


def test_a_bundle_of_an_unknown_provider_is_refused_in_words(tmp_path: Path) -> None:
    path = format_1_bundle(tmp_path / "b")
    manifest = json.loads((path / "manifest.json").read_text("utf-8"))
    manifest.update(format=2, provider="nonesuch", mode="full", request={})
    (path / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    loaded = read_bundle(path)
    assert loaded.mode is FetchMode.FULL
    with pytest.raises(IntegrityError, match="nonesuch"):
        loaded.result()
