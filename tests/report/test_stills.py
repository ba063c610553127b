"""Video stills decoded with Qt Multimedia from memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from iauth_desktop.core.config.resources import resource_path
from iauth_desktop.core.evidence.report_data import (
    ReportContext,
    load_bundle_for_report,
    report_from_bundle,
)
from iauth_desktop.report.pdf_writer import write_report
from iauth_desktop.report.stills import StillsResult, sample_stills, still_indices
from tests.report.demo_cases import demo_bundle
from tests.report.poppler import pdf_images, pdf_text


def test_still_indices_spread_over_the_video() -> None:
    assert still_indices(20, 6) == [1, 5, 8, 11, 15, 18]
    assert still_indices(3, 6) == [0, 1, 2]
    assert still_indices(100, 4) == [12, 37, 62, 87]
    assert still_indices(0, 6) == []


def is_red(color: QColor) -> bool:
    return color.red() > 150 and color.blue() < 80


def test_demo_video_gives_six_stills_in_order(qapp: object) -> None:
    result = sample_stills(resource_path("demo", "video.mp4").read_bytes())
    assert result.error is None
    assert result.duration_ms == 2000
    times = [still.start_ms for still in result.stills]
    assert times == [100, 500, 800, 1100, 1500, 1800]  # frames 1 5 8 11 15 18 at 10 fps
    corners = [still.image.pixelColor(4, 4) for still in result.stills]
    assert [is_red(c) for c in corners] == [True, True, True, False, False, False]
    assert {(s.image.width(), s.image.height()) for s in result.stills} == {(320, 240)}


@pytest.mark.qt_log_ignore("Could not open media", "moov atom")
def test_bytes_that_are_no_video_give_a_reason(qapp: object) -> None:
    result = sample_stills(b"\x00\x00\x00\x18ftypisom" + b"garbage" * 200)
    assert result.stills == ()
    assert result.error


def test_report_says_when_the_video_could_not_be_sampled(qapp: object, tmp_path: Path) -> None:
    loaded, manifest = load_bundle_for_report(demo_bundle(tmp_path))
    data = report_from_bundle(loaded, manifest, ReportContext("alice", "1.0"))
    failed = StillsResult((), 0, "the video could not be decoded: test")
    out = write_report(data, tmp_path / "r.pdf", stills=failed).path
    assert "The video could not be sampled: the video could not be decoded: test" in pdf_text(out)
    assert len(pdf_images(out)) == 5  # ID front and back, three frames; no stills
