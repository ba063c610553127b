"""ReportData assembled without Qt: masking, codes, integrity, manifest."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from iauth_desktop.core.evidence.report_data import (
    ReportContext,
    build_report_data,
    code_lines,
    field_rows,
    in_memory_manifest,
    load_bundle_for_report,
    report_from_case,
)
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.errors import IntegrityError
from iauth_desktop.core.model.result import FetchMode, VerificationResult
from iauth_desktop.core.net.hosts import endpoint_host
from tests.report.demo_cases import (
    ENDPOINT,
    FETCHED_AT,
    FULL_ID,
    MASKED_ID,
    MASKED_PHONE,
    demo_bundle,
    demo_result,
)

CONTEXT = ReportContext(reviewer="alice", tool_version="1.2.3")


def values(rows: tuple[object, ...]) -> dict[str, str]:
    return {row.key: row.value for row in rows}  # type: ignore[attr-defined]


def test_identity_numbers_masked_unless_asked() -> None:
    result = demo_result("pass")
    masked = values(field_rows(result, full_ids=False))
    assert masked["ID"] == MASKED_ID
    assert masked["phone"] == MASKED_PHONE
    assert masked["name"] == "欧阳演示"  # names are not masked in reports
    assert values(field_rows(result, full_ids=True))["ID"] == FULL_ID
    extra = [row.key for row in field_rows(result, full_ids=False) if not row.documented]
    assert extra == ["sim", "liveness_engine"]


def test_a_status_that_is_no_number_is_shown_as_sent() -> None:
    lines = {line.field: line for line in code_lines(demo_result("pass", livestatus="abc"))}
    assert lines["livestatus"].info is None
    assert lines["livestatus"].raw == "abc"
    assert lines["yt_errorcode"].info is not None
    assert lines["yt_errorcode"].info.zh == "成功"


def test_codes_explained_with_the_stage_of_their_field() -> None:
    lines = {line.field: line for line in code_lines(demo_result("compare-604"))}
    assert lines["yt_errorcode"].info is not None
    assert lines["yt_errorcode"].info.code == 604
    compare = lines["comparestatus"].info
    assert compare is not None
    assert (compare.code, compare.stage, compare.known) == (-4020, "compare", False)
    assert compare.source == "unknown"  # in no table: the service's message explains it
    live = lines["livestatus"].info
    assert live is not None and (live.code, live.known) == (0, True)
    assert lines["comparestatus"].message == "比对相似度未达到通过标准"


def test_a_case_never_saved_lists_its_media_from_memory() -> None:
    result = demo_result("pass")
    case = ReviewCase(result, "{T}", ENDPOINT, FetchMode.FULL, FETCHED_AT, profile_name="demo")
    data = report_from_case(case, CONTEXT)
    assert data.manifest.sha256 is None
    names = {f.name: f.sha256 for f in data.manifest.files}
    assert names["video.mp4"] == result.media["video"].sha256
    assert data.integrity_warnings == ()
    assert (data.environment, data.endpoint_host, data.profile_name) == (
        "loopback",
        "127.0.0.1:8443",
        "demo",
    )


def test_a_changed_case_prints_with_its_warning() -> None:
    case = ReviewCase(demo_result("pass"), "{T}", ENDPOINT, FetchMode.FULL, FETCHED_AT)
    data = report_from_case(replace(case, changed_files=("frontpic.jpg",)), CONTEXT)
    assert data.integrity_warnings == ("changed since export: frontpic.jpg",)


def test_bundle_manifest_and_its_hash(tmp_path: Path) -> None:
    bundle = demo_bundle(tmp_path)
    loaded, manifest = load_bundle_for_report(bundle)
    raw = (bundle / "manifest.json").read_bytes()
    assert manifest.sha256 == hashlib.sha256(raw).hexdigest()
    assert manifest.written_by == "0.1.0-test"
    on_disk = {p.name: p.stat().st_size for p in bundle.iterdir() if p.name != "manifest.json"}
    assert {f.name: f.size for f in manifest.files} == on_disk
    assert isinstance(loaded.result(), VerificationResult)


@pytest.mark.parametrize("damage", ["change", "add", "remove"])
def test_a_tampered_bundle_is_refused(tmp_path: Path, damage: str) -> None:
    bundle = demo_bundle(tmp_path)
    if damage == "change":
        (bundle / "frontpic.jpg").write_bytes(b"\xff\xd8\xff" + b"0" * 100)
    elif damage == "add":
        (bundle / "videopic4.jpg").write_bytes(b"extra")
    else:
        (bundle / "backpic.jpg").unlink()
    with pytest.raises(IntegrityError):
        load_bundle_for_report(bundle)


def test_endpoint_host_never_carries_credentials_or_path() -> None:
    assert endpoint_host("https://u:p@iauth-test.wecity.qq.com/new/cgi-bin/x.php") == (
        "iauth-test.wecity.qq.com"
    )
    assert endpoint_host("http://[::1]:99/x") == "::1:99"
    assert endpoint_host("not a url") == ""


def test_the_report_judges_the_evidence() -> None:
    complete = demo_result("pass")
    data = build_report_data(
        complete, ReportContext("alice", "test"), token="{T}", endpoint=ENDPOINT,
        mode=FetchMode.FULL, request={"info_type": 0}, fetched_at=FETCHED_AT,
        manifest=in_memory_manifest(complete),
    )  # fmt: skip
    assert (data.evidence_complete, data.evidence_problems) == (True, ())
    text_only = build_report_data(
        complete, ReportContext("alice", "test"), token="{T}", endpoint=ENDPOINT,
        mode=FetchMode.TEXT_ONLY, request={"info_type": 1}, fetched_at=FETCHED_AT,
        manifest=in_memory_manifest(complete),
    )  # fmt: skip
    assert text_only.evidence_complete is None


def test_masked_report_data_holds_no_recoverable_identity_value() -> None:
    """Issue #10: birth year only, address to the county, checks without dates, ID- and
    phone-shaped numbers in unnamed fields masked, the card's portrait side marked for covering."""
    result = demo_result("pass", operator_note="call 13800138000 re 990101199005171231")
    case = ReviewCase(result, "{T}", ENDPOINT, FetchMode.FULL, FETCHED_AT)
    data = report_from_case(case, CONTEXT)
    shown = values(data.fields)
    assert shown["ID_birth"] == "1990-**-**"
    assert shown["ID_address"] == "演示省样本市虚构区" + "*" * 11
    assert shown["operator_note"] == "call 138****8000 re **************1231"
    everything = " ".join(
        [*shown.values(), *(c.message for c in data.checks), *(c.message_zh for c in data.checks)]
    )
    for secret in (FULL_ID, "13800138000", "1990-05-17", "1990.05.17", "示例路"):
        assert secret not in everything
    assert "the birth date matches the ID number" in everything
    assert "age " in everything  # the age stays
    fronts = [m for m in data.images if m.role.value == "id_front"]
    assert fronts and all(m.mask_card for m in fronts)
    assert not any(m.mask_card for m in data.images if m.role.value != "id_front")

    full = report_from_case(case, replace(CONTEXT, full_ids=True))
    assert values(full.fields)["operator_note"] == "call 13800138000 re 990101199005171231"
    assert "birth date 1990-05-17 matches the ID number" in [c.message for c in full.checks]
    assert not any(m.mask_card for m in full.images)
