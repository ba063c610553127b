"""Issue #12: reopening an export zip is bounded by its manifest and runs off the GUI thread."""

from __future__ import annotations

import json
import threading
import zipfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from iauth_desktop.ui.export import export_reopen
from iauth_desktop.ui.export.export_reopen import UNLISTED_BYTES, extract_bundle

SHA = "0" * 64


def bomb(path: Path, *, case_bytes: int = 50 << 20, extra: int = 0) -> Path:
    """An export zip whose case.json expands far beyond the size its manifest lists."""
    manifest = {"format": 2, "files": {"case.json": {"sha256": SHA, "bytes": 1000}}}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bundle/manifest.json", json.dumps(manifest))
        archive.writestr("bundle/case.json", b"\0" * case_bytes)
        for index in range(extra):
            archive.writestr(f"bundle/unlisted{index}.jpg", b"\0" * (1 << 20))
    return path


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_extraction_stops_at_the_manifests_sizes(tmp_path: Path) -> None:
    source = bomb(tmp_path / "bomb.zip", extra=5)
    assert source.stat().st_size < 1 << 20  # a small zip...
    out = tmp_path / "out"
    written = extract_bundle(source, out, None)
    assert written == folder_bytes(out)
    # ...that once expanded to 55 MB here: now the listed 1000 bytes (+1 to show the change)
    # and one small budget for everything unlisted
    assert (out / "bundle" / "case.json").stat().st_size == 1001
    assert written < 1001 + UNLISTED_BYTES + 1 + 200


def test_too_many_unlisted_files_is_refused(tmp_path: Path) -> None:
    source = bomb(tmp_path / "many.zip", case_bytes=10, extra=0)
    with zipfile.ZipFile(source, "a") as archive:
        for index in range(export_reopen.MAX_UNLISTED + 1):
            archive.writestr(f"bundle/x{index}.jpg", b"")
    with pytest.raises(ValueError, match="does not list"):
        extract_bundle(source, tmp_path / "out", None)


def test_reopen_unpacks_off_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = bomb(tmp_path / "bomb.zip", case_bytes=10)
    threads: list[bool] = []
    real = export_reopen.extract_bundle

    def spy(*args: object, **kwargs: object) -> int:
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(export_reopen, "extract_bundle", spy)
    explained: list[str] = []
    monkeypatch.setattr(export_reopen, "open_case_path", lambda _parent, _path: None)
    monkeypatch.setattr(export_reopen, "_explain", lambda _p, _path, why: explained.append(why))
    assert export_reopen.open_export(None, source) is None
    assert threads == [False]
    assert explained == []
