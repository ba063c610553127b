"""The PDF lands atomically: a temporary file beside the target, renamed; nothing on failure."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from iauth_desktop.core.evidence.report_data import (
    ReportContext,
    ReportData,
    load_bundle_for_report,
    report_from_bundle,
)
from iauth_desktop.core.model.errors import OutputError, TargetExistsError
from iauth_desktop.report.pdf_writer import write_report
from iauth_desktop.report.stills import StillsResult
from tests.report.demo_cases import demo_bundle

NO_STILLS = StillsResult((), 0, "not sampled in this test")


@pytest.fixture
def data(qapp: object, tmp_path: Path) -> ReportData:
    loaded, manifest = load_bundle_for_report(demo_bundle(tmp_path))
    return report_from_bundle(loaded, manifest, ReportContext("alice", "1.0"))


def test_written_file_matches_what_is_reported(data: ReportData, tmp_path: Path) -> None:
    out = tmp_path / "out" / "case.pdf"
    out.parent.mkdir()
    written = write_report(data, out, stills=NO_STILLS)
    content = out.read_bytes()
    assert content.startswith(b"%PDF-")
    assert written.size == len(content)
    assert written.pages >= 2
    assert os.listdir(out.parent) == ["case.pdf"]


def test_failure_while_placing_leaves_nothing(
    data: ReportData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_link(_src: object, _dst: object) -> None:
        raise OSError(errno.EIO, "I/O error")

    def broken_replace(_self: Path, _target: object) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "link", broken_link)
    monkeypatch.setattr(Path, "replace", broken_replace)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(OutputError, match="I/O error"):
        write_report(data, out_dir / "case.pdf", stills=NO_STILLS)
    assert os.listdir(out_dir) == []


def test_existing_file_kept_unless_forced(data: ReportData, tmp_path: Path) -> None:
    out = tmp_path / "case.pdf"
    out.write_bytes(b"older")
    with pytest.raises(TargetExistsError):
        write_report(data, out, stills=NO_STILLS)
    assert out.read_bytes() == b"older"
    write_report(data, out, force=True, stills=NO_STILLS)
    assert out.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundle-pass", "case.pdf"]


def test_missing_folder_or_folder_as_target(data: ReportData, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_report(data, tmp_path / "nowhere" / "case.pdf", stills=NO_STILLS)
    with pytest.raises(OutputError, match="is a folder"):
        write_report(data, tmp_path, stills=NO_STILLS)
