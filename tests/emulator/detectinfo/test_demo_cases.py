"""The demo constants and cases: synthetic, self-consistent, and as varied as the real service."""

from __future__ import annotations

import re
from datetime import date

import pytest

from iauth_desktop.core.model.codes import CodeInfo
from iauth_desktop.core.providers.detectinfo.codes import explain
from iauth_desktop.core.providers.detectinfo.crypto import aes_key_bytes
from iauth_desktop.emulator.detectinfo.demo import (
    CASE_TOKENS,
    CASES,
    DEMO_AES_KEY,
    DEMO_TOKENS,
    FAULT_TOKENS,
    WRONG_AES_KEY,
)
from iauth_desktop.emulator.detectinfo.faults import FAULTS, Fault, parse_fault

TOKEN = re.compile(
    r"\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}"
)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
REQUIRED_CASES = {
    "pass",
    "liveness-602",
    "compare-604",
    "action-mode",
    "second-verification",
    "expired-token",
}


def check_digit(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def test_keys_are_32_ascii_characters_and_differ() -> None:
    assert len(aes_key_bytes(DEMO_AES_KEY)) == 32
    assert len(aes_key_bytes(WRONG_AES_KEY)) == 32
    assert DEMO_AES_KEY.isascii()
    assert DEMO_AES_KEY != WRONG_AES_KEY


def test_tokens_are_fixed_unique_and_well_formed() -> None:
    assert set(CASE_TOKENS) >= REQUIRED_CASES
    assert set(CASE_TOKENS) == set(CASES)
    assert set(FAULT_TOKENS) == set(FAULTS)
    assert len(set(DEMO_TOKENS.values())) == len(DEMO_TOKENS) == len(CASE_TOKENS) + len(FAULTS)
    assert all(TOKEN.fullmatch(token) for token in DEMO_TOKENS.values())


@pytest.mark.parametrize("name", [n for n, c in CASES.items() if not c.errorcode])
def test_identities_are_synthetic_and_consistent(name: str) -> None:
    fields = CASES[name].fields
    number = fields["ID"]
    assert re.fullmatch(r"99\d{15}[\dX]", number), "area code 99 belongs to no region"
    assert number[17] == check_digit(number[:17])
    birth = date(*map(int, fields["ID_birth"].split(".")))
    assert number[6:14] == birth.strftime("%Y%m%d")
    assert fields["sex"] == ("男" if int(number[16]) % 2 else "女")
    start, _, end = fields["ID_valid_date"].partition("-")
    assert re.fullmatch(r"\d{4}\.\d{2}\.\d{2}", start)
    assert end == "长期" or re.fullmatch(r"\d{4}\.\d{2}\.\d{2}", end)
    assert "演示" in fields["name"] or "样本" in fields["name"]


def test_types_vary_as_the_real_service_does() -> None:
    values = [case.fields for case in CASES.values() if case.fields]
    assert {type(f["validatedata"]) for f in values} == {int, str}
    assert {type(f["yt_errorcode"]) for f in values} == {int, str}
    assert any("comparestatus" not in f for f in values)
    assert any(f.get("validatedata") == "" for f in values)
    assert any(f.get("type") == 1 for f in values)
    assert any(str(f.get("ID_valid_date", "")).endswith("长期") for f in values)
    assert CASES["pass"].fields["sim"] == "92.5"
    assert CASES["expired-token"].errorcode == 12


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("delay", Fault("delay")),
        ("delay:0.5", Fault("delay", 0.5)),
        ("huge-video:10", Fault("huge-video", 10)),
        ("http-503", Fault("http-503")),
    ],
)
def test_parse_fault(text: str, fault: Fault) -> None:
    assert parse_fault(text) == fault
    assert parse_fault(str(fault)) == fault


def test_fault_defaults() -> None:
    assert Fault("delay").value == 3
    assert Fault("huge-video").value == 50


@pytest.mark.parametrize("text", ["nope", "reset:3", "delay:x", "delay:-1", "huge-video:0"])
def test_bad_fault_specs(text: str) -> None:
    from iauth_desktop.core.model.errors import UsageError

    with pytest.raises(UsageError):
        parse_fault(text)


# --- the codes agree with shared/spec/result-codes.md ----------------------------------------
# Which engine answers in which status field: the lip-reading liveness engine's -50xx codes in
# livestatus, the video-vs-photo compare engine's -40xx (and the ID database's -58xx) in
# comparestatus. A stage's code must come from its own engine.
STATUS_FIELDS = {"liveness": ("livestatus", "livemsg"), "compare": ("comparestatus", "comparemsg")}
ENGINE_RANGES = {"livestatus": ((-5099, -5001),), "comparestatus": ((-4099, -4001), (-5899, -5801))}
FAILED_CASES = [n for n, c in CASES.items() if c.fields and int(c.fields["yt_errorcode"]) != 0]
PASSED_CASES = [n for n, c in CASES.items() if c.fields and int(c.fields["yt_errorcode"]) == 0]


def _family(stage: str) -> str:
    """``liveness (digits)`` and ``liveness (action)`` are both the liveness stage."""
    return stage.partition(" (")[0]


def _wordings(info: CodeInfo) -> set[str]:
    """The documented wordings of a code: its meanings, and an older document's in the note."""
    older = re.findall(r"older document: ([^)]+)\)", info.en)
    return {part.strip() for part in info.zh.split(" / ")} | set(older)


def test_the_failed_and_passed_cases_are_both_there() -> None:
    assert {"liveness-602", "compare-604"} <= set(FAILED_CASES)
    assert {"pass", "action-mode", "second-verification"} <= set(PASSED_CASES)


@pytest.mark.parametrize("name", PASSED_CASES)
def test_a_passed_case_has_no_failing_engine_code(name: str) -> None:
    fields = CASES[name].fields
    for code_field, _message_field in STATUS_FIELDS.values():
        assert int(fields.get(code_field, 0)) == 0


@pytest.mark.parametrize("name", FAILED_CASES)
def test_a_failed_case_blames_one_stage_with_its_own_engine_code(name: str) -> None:
    fields = CASES[name].fields
    final = explain(int(fields["yt_errorcode"]))
    assert final.known and fields["yt_errormsg"] in _wordings(final)
    stage = _family(final.stage)
    assert stage in STATUS_FIELDS, f"{name}: the demo only fails in liveness or compare"
    code_field, message_field = STATUS_FIELDS[stage]
    for other, (other_field, _) in STATUS_FIELDS.items():
        if other != stage:  # the stage that did not fail passed, or was never reached
            assert int(fields.get(other_field, 0)) == 0, f"{name}: {other_field}"
    code = int(fields[code_field])
    message = fields[message_field]
    assert code != 0 and message, f"{name}: the failed stage's code and message are sent"
    info = explain(code, message, stage_hint=stage, engine=True)
    assert _family(info.stage) == stage
    if info.known:  # a documented engine code: from this stage's engine, worded as documented
        assert info.from_engine
        assert any(low <= code <= high for low, high in ENGINE_RANGES[code_field]), (name, code)
        assert message in _wordings(info), (name, message)
    else:  # a code the documents leave unknown: the service's message must say what failed
        assert message in _wordings(final), (name, message)


def test_compare_604_carries_no_unrelated_engine_code() -> None:
    """-5015 (video resolution too low) once stood beside "similarity below threshold"."""
    fields = CASES["compare-604"].fields
    info = explain(int(fields["comparestatus"]), stage_hint="compare", engine=True)
    assert not info.known and info.stage == "compare"
    assert fields["comparemsg"] == "比对相似度未达到通过标准"
    assert float(fields["sim"]) < 50
