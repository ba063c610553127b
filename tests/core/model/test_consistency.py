from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iauth_desktop.core.model.consistency import (
    check_age,
    check_birth,
    check_digit,
    check_sex,
    check_validity,
    gb11643_check_char,
    parse_date,
    run_checks,
)

TODAY = date(2026, 11, 24)


def make_id(region: str, born: str, sequence: str) -> str:
    first17 = region + born + sequence
    return first17 + gb11643_check_char(first17)


def test_standard_example() -> None:
    # GB 11643-1999's own example number
    assert gb11643_check_char("11010519491231002") == "X"
    assert check_digit("11010519491231002X").status == "ok"
    assert check_digit("11010519491231002x").status == "ok"


def test_mistyped_check_digit() -> None:
    result = check_digit("110105194912310021")
    assert result.status == "warning"
    assert "expects X" in result.message
    assert "X" in result.message_zh


@pytest.mark.parametrize("value", ["", "12345", "1101051949123100XX", "A1010519491231002X"])
def test_malformed_id(value: str) -> None:
    assert check_digit(value).status == "warning"


def test_fifteen_digit_id_is_unknown() -> None:
    assert check_digit("110105491231002").status == "unknown"


@given(st.from_regex(r"\A\d{17}\Z"))
def test_any_number_with_its_check_char_passes(first17: str) -> None:
    assert check_digit(first17 + gb11643_check_char(first17)).status == "ok"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1990.05.17", date(1990, 5, 17)),
        ("1990-05-17", date(1990, 5, 17)),
        ("19900517", date(1990, 5, 17)),
        ("1990年5月17日", date(1990, 5, 17)),
        ("xxxx", None),
        ("1990.02.30", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_birth_date_against_id() -> None:
    number = make_id("990101", "19900517", "123")
    assert check_birth(number, "1990.05.17").status == "ok"
    assert check_birth(number, "1990.05.18").status == "warning"
    assert check_birth(number, "xxxx").status == "unknown"


def test_sex_against_id() -> None:
    male = make_id("990101", "19900517", "123")  # 17th digit 3: odd, male
    female = make_id("990101", "19900517", "124")
    assert check_sex(male, "男").status == "ok"
    assert check_sex(female, "女").status == "ok"
    assert check_sex(male, "女").status == "warning"
    assert check_sex(male, "").status == "unknown"


@pytest.mark.parametrize(
    ("valid", "status"),
    [
        ("2020.01.01-2040.01.01", "ok"),
        ("2015.03.01-长期", "ok"),
        ("2006.01.01-2026.01.01", "warning"),
        ("2027.01.01-2047.01.01", "warning"),
        ("", "unknown"),
        ("2020.01.01-", "unknown"),
    ],
)
def test_validity(valid: str, status: str) -> None:
    assert check_validity(valid, TODAY).status == status


def test_expired_card_says_when() -> None:
    assert "2026-01-01" in check_validity("2006.01.01-2026.01.01", TODAY).message


def test_age() -> None:
    assert check_age(make_id("990101", "19901124", "123"), "", TODAY).message == "age 36"
    assert check_age(make_id("990101", "19901125", "123"), "", TODAY).message == "age 35"
    minor = check_age(make_id("990101", "20100101", "123"), "", TODAY)
    assert minor.status == "warning" and "minor" in minor.message
    assert check_age("", "", TODAY).status == "unknown"


def test_run_checks_covers_every_check_in_both_languages() -> None:
    checks = run_checks({"ID": make_id("990101", "19900517", "123")}, TODAY)
    assert [c.key for c in checks] == ["check_digit", "birth_date", "sex", "validity", "age"]
    assert all(c.text("zh_CN") and c.text("en") for c in checks)


def test_checks_in_masked_form_print_no_date_and_keep_the_age() -> None:
    """Issue #10: "matches" / "does not match" without the date; age stays; the unmasked
    report keeps the dates."""
    id_number = make_id("990101", "19900517", "123")
    fields = {"id_number": id_number, "birth_date": "1990.05.18", "sex": "男"}
    masked = {c.key: c for c in run_checks(fields, TODAY)}
    assert masked["birth_date"].message == "the birth date does not match the ID number"
    assert masked["birth_date"].message_zh == "出生日期与身份证号不一致"
    assert masked["age"].message.startswith("age ")
    texts = " ".join(c.message + c.message_zh for c in masked.values())
    assert "1990-05" not in texts and "05-17" not in texts and "05-18" not in texts
    wrong = {c.key: c for c in run_checks({"id_number": id_number[:-1] + "0"}, TODAY)}
    assert "expects" not in wrong["check_digit"].message  # the expected digit is not given
    full = {c.key: c for c in run_checks(fields, TODAY, masked=False)}
    assert "1990-05-18 differs from the ID number's 1990-05-17" in full["birth_date"].message
