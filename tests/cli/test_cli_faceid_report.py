"""A FaceID case's PDF report names the service and shows every liveness attempt in its own row
— time, mode, codes with their meanings, similarity, billed or not — with the document type; the
identity numbers stay masked (checked with poppler's pdftotext). A legacy report has no such
section."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli_faceid import FaceIdEmulatorProcess, faceid, fetch
from tests.report.demo_cases import demo_bundle
from tests.report.poppler import flat, pdf_text
from tests.report.test_report_cli import run_report

__all__ = ["faceid"]


def test_the_report_lists_every_attempt(faceid: FaceIdEmulatorProcess, tmp_path: Path) -> None:
    report = tmp_path / "case.pdf"
    done = fetch(faceid, tmp_path, "liveness-retries", "--report", str(report))
    assert done.returncode == 0, done.stderr
    text = flat(pdf_text(report))
    assert flat("Tencent 人脸核身 FaceID GetDetectInfoEnhanced") in text
    assert flat("Liveness attempts 活体尝试 (3)") in text
    for code, words in (("1102", "脸部未完整露出"), ("1301", "疑似非真人录制")):
        assert flat(f"{code} {words}") in text
    assert flat("not billed 未计费") in text or flat("billed 计费") in text
    assert flat("Identity document 证件类型") in text
    assert "990101199005171231" not in text  # the ID number the attempts carry: masked


def test_a_legacy_report_has_no_attempts_section(tmp_path: Path) -> None:
    out = tmp_path / "legacy.pdf"
    done = run_report(str(demo_bundle(tmp_path)), "--out", str(out), "--reviewer", "bob")
    assert done.returncode == 0, done.stderr
    text = flat(pdf_text(out))
    assert "Livenessattempts" not in text
    assert flat("Tencent 实名核身 getdetectinfo") in text
