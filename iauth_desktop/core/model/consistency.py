"""Consistency checks a reviewer sees beside the verdict. They never change the service's verdict.

- the ID number's GB 11643 check digit;
- birth date and sex encoded in the ID number against ``ID_birth`` and ``sex``;
- the card's validity (``ID_valid_date``, "长期" = long-term) against today;
- age.

Checks are worded in masked form unless ``masked=False`` is asked for (the unmasked report): the
birth-date check says "matches" / "does not match" without printing a date, and any date derived
from the ID number shows its year only, so the checks never give away the ID number's middle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from iauth_desktop.core.model.result import FieldRole

CheckStatus = Literal["ok", "warning", "unknown"]

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_DATE = re.compile(r"(\d{4})\D{0,3}?(\d{1,2})\D{0,3}?(\d{1,2})")
_LONG_TERM = ("长期", "long")


@dataclass(frozen=True)
class Check:
    key: str  # "check_digit", "birth_date", "sex", "validity", "age"
    status: CheckStatus
    message: str  # English
    message_zh: str  # Chinese: the core is Qt-free, so it carries both languages like codes.py

    def text(self, language: str) -> str:
        return self.message_zh if language.startswith("zh") else self.message


def gb11643_check_char(first17: str) -> str:
    """The 18th character of a resident ID number for its first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def parse_date(text: str) -> date | None:
    """Dates as the service writes them: 1990.05.17, 1990-05-17, 19900517, 1990年5月17日."""
    compact = text.strip()
    if re.fullmatch(r"\d{8}", compact):
        compact = f"{compact[:4]}.{compact[4:6]}.{compact[6:]}"
    match = _DATE.search(compact)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _id_birth(id_number: str) -> date | None:
    return parse_date(id_number[6:14]) if len(id_number) == 18 else None


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def check_digit(id_number: str, *, masked: bool = False) -> Check:
    """``masked``: a wrong check digit is reported without the digit GB 11643 expects (that
    digit is a sum over the hidden 14)."""
    value = id_number.strip().upper()
    if len(value) == 15 and value.isdigit():
        return Check(
            "check_digit",
            "unknown",
            "15-digit ID number (old format): no check digit",
            "15位旧格式身份证号：无校验位",
        )
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return Check(
            "check_digit",
            "warning",
            "the ID number is not 17 digits plus a check digit",
            "身份证号不是17位数字加1位校验位",
        )
    expected = gb11643_check_char(value[:17])
    if value[17] != expected and masked:
        return Check(
            "check_digit",
            "warning",
            "the check digit does not match GB 11643: the number is mistyped",
            "校验位与 GB 11643 不符：号码有误",
        )
    if value[17] != expected:
        return Check(
            "check_digit",
            "warning",
            f"check digit is {value[17]}, GB 11643 expects {expected}: the number is mistyped",
            f"校验位为 {value[17]}，按 GB 11643 应为 {expected}：号码有误",
        )
    return Check("check_digit", "ok", "GB 11643 check digit is correct", "GB 11643 校验位正确")


def _shown(day: date, masked: bool) -> str:
    return f"{day.year}-**-**" if masked else day.isoformat()


def check_birth(id_number: str, id_birth: str, *, masked: bool = True) -> Check:
    encoded = _id_birth(id_number.strip())
    if encoded is None:
        return Check(
            "birth_date",
            "unknown",
            "no birth date can be read from the ID number",
            "无法从身份证号读出出生日期",
        )
    stated = parse_date(id_birth)
    if stated is None:
        return Check(
            "birth_date",
            "unknown",
            "ID_birth is missing or not a date",
            "出生日期字段缺失或不是日期",
        )
    if stated != encoded:
        if masked:
            return Check(
                "birth_date",
                "warning",
                "the birth date does not match the ID number",
                "出生日期与身份证号不一致",
            )
        return Check(
            "birth_date",
            "warning",
            f"ID_birth {stated.isoformat()} differs from the ID number's {encoded.isoformat()}",
            f"出生日期 {stated.isoformat()} 与身份证号中的 {encoded.isoformat()} 不一致",
        )
    if masked:
        return Check(
            "birth_date", "ok", "the birth date matches the ID number", "出生日期与身份证号一致"
        )
    return Check(
        "birth_date",
        "ok",
        f"birth date {encoded.isoformat()} matches the ID number",
        f"出生日期 {encoded.isoformat()} 与身份证号一致",
    )


def check_sex(id_number: str, sex: str) -> Check:
    value = id_number.strip()
    if len(value) != 18 or not value[16].isdigit():
        return Check(
            "sex", "unknown", "no sex can be read from the ID number", "无法从身份证号读出性别"
        )
    encoded = "男" if int(value[16]) % 2 else "女"
    stated = sex.strip()
    if stated not in ("男", "女"):
        return Check(
            "sex",
            "unknown",
            f"sex field {stated!r} is not 男 or 女",
            f"性别字段 {stated!r} 不是 男 或 女",
        )
    if stated != encoded:
        return Check(
            "sex",
            "warning",
            f"sex {stated} differs from the ID number's {encoded}",
            f"性别 {stated} 与身份证号中的 {encoded} 不一致",
        )
    return Check(
        "sex", "ok", f"sex {encoded} matches the ID number", f"性别 {encoded} 与身份证号一致"
    )


def check_validity(valid_date: str, today: date) -> Check:
    text = valid_date.strip()
    start_text, _, end_text = text.partition("-")
    start = parse_date(start_text)
    if start is None:
        return Check(
            "validity",
            "unknown",
            "ID_valid_date is missing or not a date range",
            "有效期限字段缺失或不是日期范围",
        )
    if start > today:
        return Check(
            "validity",
            "warning",
            f"the card's validity starts {start.isoformat()}, after today",
            f"证件有效期自 {start.isoformat()} 起，晚于今天",
        )
    if any(word in end_text.lower() for word in _LONG_TERM):
        return Check("validity", "ok", "the card is valid long-term (长期)", "证件长期有效")
    end = parse_date(end_text)
    if end is None:
        return Check(
            "validity", "unknown", "the card's expiry date cannot be read", "无法读出证件的截止日期"
        )
    if end < today:
        return Check(
            "validity",
            "warning",
            f"the card expired on {end.isoformat()}",
            f"证件已于 {end.isoformat()} 过期",
        )
    return Check(
        "validity",
        "ok",
        f"the card is valid until {end.isoformat()}",
        f"证件有效期至 {end.isoformat()}",
    )


def check_age(id_number: str, id_birth: str, today: date, *, masked: bool = True) -> Check:
    born = _id_birth(id_number.strip()) or parse_date(id_birth)
    if born is None:
        return Check(
            "age", "unknown", "no birth date to compute an age", "没有出生日期，无法计算年龄"
        )
    if born > today:
        return Check(
            "age",
            "warning",
            f"birth date {_shown(born, masked)} is in the future",
            f"出生日期 {_shown(born, masked)} 在未来",
        )
    age = _age(born, today)
    if age < 18:
        return Check("age", "warning", f"age {age}: a minor", f"年龄 {age}：未成年")
    return Check("age", "ok", f"age {age}", f"年龄 {age}")


def run_checks(fields: dict[str, str], today: date, *, masked: bool = True) -> list[Check]:
    """All checks for identity ``fields`` by role (as strings; missing ones give "unknown"),
    worded in masked form unless ``masked`` is False."""
    id_number = fields.get(FieldRole.ID_NUMBER, "")
    birth = fields.get(FieldRole.BIRTH_DATE, "")
    return [
        check_digit(id_number, masked=masked),
        check_birth(id_number, birth, masked=masked),
        check_sex(id_number, fields.get(FieldRole.SEX, "")),
        check_validity(fields.get(FieldRole.VALID_PERIOD, ""), today),
        check_age(id_number, birth, today, masked=masked),
    ]
