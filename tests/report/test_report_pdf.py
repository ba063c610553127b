"""The rendered PDF, read back with poppler: text, images at their pixel sizes, embedded font."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from iauth_desktop.core.evidence.report_data import ReportContext, report_from_case
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.providers.detectinfo.payload import parse_payload
from iauth_desktop.emulator.detectinfo.demo import CASES
from iauth_desktop.report.pdf_writer import write_report
from iauth_desktop.report.stills import StillsResult
from tests.report.conftest import AUDIT_HEAD, RenderReport
from tests.report.demo_cases import (
    ENDPOINT,
    FETCHED_AT,
    FULL_ID,
    FULL_PHONE,
    HOSTILE,
    MASKED_ID,
    MASKED_PHONE,
    demo_result,
)
from tests.report.poppler import flat, pdf_fonts, pdf_images, pdf_text


def test_case_header_and_decision(pass_report: Path) -> None:
    text = pdf_text(pass_report)
    assert "{C2E929B9-A3B5-5E6A-9A15-B7615A21A7B7}" in text
    assert "2026-11-23 21:00:00 UTC" in text  # fetched at
    assert "loopback (emulator)" in text  # the environment of 127.0.0.1
    assert "127.0.0.1:8443" in text
    assert "Reject 拒绝" in text
    assert "Other 其他: photo of a screen" in text
    assert "the ID card looked reflective" in text
    assert "2026-11-24 02:30:00 UTC" in text  # decided at


def test_identity_masked_by_default(pass_report: Path) -> None:
    text = pdf_text(pass_report)
    assert "欧阳演示" in text
    assert MASKED_ID in text
    assert MASKED_PHONE in text
    assert FULL_ID not in flat(text)
    assert FULL_PHONE not in flat(text)
    assert "Identity values and card images masked" in text
    assert "1990-05-17" not in flat(text) and "19900517" not in flat(text)
    assert "示例路" not in text  # the address stops at the district


def test_verdict_codes_checks_and_fields(pass_report: Path) -> None:
    text = pdf_text(pass_report)
    assert "PASSED 通过" in text
    for field in ("yt_errorcode", "livestatus", "comparestatus"):
        assert field in text
    assert "成功" in text
    assert "通过" in text  # the service's yt_errormsg
    assert "GB 11643 check digit is correct" in text
    assert "GB 11643 校验位正确" in text
    assert "the birth date matches the ID number" in text  # masked: no date printed
    assert "性别 男 与身份证号一致" in text
    assert re.search(r"sim\s+92\.5", text)
    assert re.search(r"liveness_engine\s+yt-demo-2\.4", text)
    assert re.search(r"validatedata 朗读数字\s+3344", text)


def test_manifest_provenance_and_page_numbers(pass_report: Path) -> None:
    text = pdf_text(pass_report)
    bundle = pass_report.parent / "bundle-pass"
    manifest_hash = hashlib.sha256((bundle / "manifest.json").read_bytes()).hexdigest()
    video_hash = hashlib.sha256((bundle / "video.mp4").read_bytes()).hexdigest()
    assert manifest_hash in flat(text)
    assert video_hash in flat(text)
    assert "iauth-desktop 9.9.9-test" in text
    assert f"entry {AUDIT_HEAD.seq}" in text
    assert AUDIT_HEAD.sha256 in flat(text)
    pages = [int(m) for m in re.findall(r"page (\d+) of (\d+)", text) for m in m]
    count = pages[1]
    assert count >= 2
    assert re.findall(r"page \d+ of \d+", text) == [
        f"page {n} of {count}" for n in range(1, count + 1)
    ]


def test_images_embedded_at_their_pixel_sizes(pass_report: Path) -> None:
    images = pdf_images(pass_report)
    sizes = Counter((row["width"], row["height"]) for row in images)
    assert sizes[("856", "540")] == 2  # ID card front and back
    stills = sizes[("320", "240")] - 3  # after the service's three video frames
    assert 4 <= stills <= 6
    assert len(images) == 2 + 3 + stills
    assert all(row["type"] == "image" for row in images)  # no soft masks


def test_cjk_font_embedded(pass_report: Path) -> None:
    fonts = pdf_fonts(pass_report)
    assert any("iauthSansSC-GB18030" in f["name"] for f in fonts)
    assert all(f["emb"] == "yes" and f["uni"] == "yes" for f in fonts)


def test_full_ids_on_request(render_report: RenderReport) -> None:
    text = pdf_text(render_report("pass", full_ids=True))
    assert FULL_ID in text
    assert FULL_PHONE in text
    assert MASKED_ID not in text
    assert "FULL identity numbers" in text


def test_hostile_value_prints_literally(render_report: RenderReport) -> None:
    text = pdf_text(render_report("pass", name=HOSTILE, liveness_engine=HOSTILE))
    assert text.count(HOSTILE) == 2
    assert "No decision recorded" in text


def test_failed_verdict_shows_the_failed_stage(render_report: RenderReport) -> None:
    text = pdf_text(render_report("liveness-602"))
    assert "FAILED 未通过" in text
    assert "failed stage 未通过环节: liveness (digits), liveness" in text
    assert "视频活体检测没通过" in text  # the code's meaning, also the service's message
    assert "video liveness check failed" in text
    assert "-5008" in text
    assert "unknown code -5008" not in text
    flat = " ".join(text.split())  # table cells wrap
    assert "语音识别失败" in flat and "per the engine's" in flat and "documentation" in flat
    assert "声音识别失败" in text  # livemsg, verbatim
    assert "**************0460" in text


def test_a_changed_case_says_tampered_on_every_page(qapp: object, tmp_path: Path) -> None:
    case = ReviewCase(demo_result("pass"), "{T}", ENDPOINT, FetchMode.FULL, FETCHED_AT)
    case = replace(case, changed_files=("case.json",), missing_files=("video.mp4",))
    data = report_from_case(case, ReportContext("alice", "1.0"))
    no_stills = StillsResult((), 0, "not sampled in this test")
    text = pdf_text(write_report(data, tmp_path / "r.pdf", stills=no_stills).path)
    assert "changed since export: case.json" in text
    assert "missing: video.mp4" in text
    pages = len(re.findall(r"page \d+ of \d+", text))
    assert text.count("TAMPERED EVIDENCE 证据已被改动 — see page 1") == pages


def test_incomplete_evidence_is_printed(qapp: object, tmp_path: Path) -> None:
    fields = {**CASES["pass"].fields, "video": ""}  # no media at all, and no video
    result = parse_payload(json.dumps(fields, ensure_ascii=False).encode())
    case = ReviewCase(result, "{T}", ENDPOINT, FetchMode.FULL, FETCHED_AT)
    data = report_from_case(case, ReportContext("alice", "1.0"))
    no_stills = StillsResult((), 0, "not sampled in this test")
    text = " ".join(pdf_text(write_report(data, tmp_path / "r.pdf", stills=no_stills).path).split())
    assert "EVIDENCE INCOMPLETE" in text
    assert "no video was sent" in text
    complete = report_from_case(
        ReviewCase(demo_result("pass"), "{T}", ENDPOINT, FetchMode.FULL, FETCHED_AT),
        ReportContext("alice", "1.0"),
    )
    flat = " ".join(
        pdf_text(write_report(complete, tmp_path / "c.pdf", stills=no_stills).path).split()
    )
    assert "Evidence: complete." in flat and "EVIDENCE INCOMPLETE" not in flat


RARE_NAME = "欧阳喆堃"
RARE_ADDRESS = "演示省样本市虚构区昇玥路1号珺镕赟烜䶮小区"


def test_names_beyond_gb2312_print_in_the_embedded_font(render_report: RenderReport) -> None:
    """Issue #10: 喆 堃 昇 玥 珺 镕 赟 烜 and Ext-A 䶮 print from the bundled font, not a
    system fallback, and nothing is flagged."""
    pdf = render_report("pass", full_ids=True, name=RARE_NAME, ID_address=RARE_ADDRESS)
    text = flat(pdf_text(pdf))
    assert RARE_NAME in text
    assert flat(RARE_ADDRESS) in text
    fonts = pdf_fonts(pdf)
    assert fonts and all("iauthSansSC-GB18030" in f["name"] for f in fonts), fonts
    assert "outsidetheembeddedfont" not in text


def test_a_character_no_shipped_font_has_is_flagged(render_report: RenderReport) -> None:
    """An Extension B character is never silently lost: the report names it."""
    pdf = render_report("pass", name="欧阳\U00020000")
    text = pdf_text(pdf)
    assert "character outside the embedded font" in text
    assert "U+20000" in text
    assert "Characters outside the embedded font" in text
