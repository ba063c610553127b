"""The demo constants and cases: synthetic, self-consistent, and as varied as the real service."""

from __future__ import annotations

import re
from datetime import date

import pytest

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
