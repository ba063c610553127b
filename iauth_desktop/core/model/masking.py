"""Masked form of identity values, on screen until Reveal, in reports, exports and history.

Masked means a reader cannot recover the ID or phone number from everything else shown:

- ID number: the last 4 characters only (``**************002X``); the first 6 would name the
  region and the 8 after them are the birth date, which is why both go;
- birth date: the year only (``1990-**-**``);
- address: up to the district or county (区/县/旗, or a county-level city), the rest starred;
- phone: first 3 and last 4 (the service already stars the middle).

Values too short to mask meaningfully, and addresses whose county cannot be found, are masked
whole: when in doubt, less is shown. ``mask_free_text`` stars anything shaped like an ID or
mobile number in text the provider does not name (its extra fields).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from iauth_desktop.core.model.result import FieldRole

MASK = "*"


def _keep_ends(value: str, head: int, tail: int) -> str:
    if len(value) <= head + tail:
        return MASK * len(value)
    return value[:head] + MASK * (len(value) - head - tail) + value[len(value) - tail :]


def mask_id_number(value: str) -> str:
    """The last 4 characters (an 18-digit number keeps its check digit and the 3 before it)."""
    text = value.strip()
    if len(text) <= 8:
        return MASK * len(text)
    return _keep_ends(text, 0, 4)


def mask_phone(value: str) -> str:
    return _keep_ends(value, 3, 4)


_DATE = re.compile(r"\s*(\d{4})(?:\D{0,3}\d{1,2}\D{0,3}\d{1,2}\D?|\d{4})\s*")


def mask_birth_date(value: str) -> str:
    """``1990.05.17`` / ``19900517`` / ``1990年5月17日`` -> ``1990-**-**``; anything else whole."""
    match = _DATE.fullmatch(value)
    if match is None:
        return MASK * len(value)
    return f"{match[1]}-**-**"


# A province-level unit at the start: 演示省, 广西壮族自治区, 香港特别行政区, the municipalities.
_PROVINCE = re.compile(r"[^\d\s]{1,10}?(?:省|自治区|特别行政区)|(?:北京|上海|天津|重庆)市")
# One administrative unit: no digits and none of the characters that start a street address.
_NOT_UNIT = r"\d\s路街道号村镇乡巷弄栋楼室组屯庄里院苑园"
_UNIT = re.compile(rf"[^{_NOT_UNIT}]{{1,15}}?(?:自治州|地区|盟|州|市|区|县|旗)")
_COUNTY_END = ("区", "县", "旗")
_NOT_A_COUNTY = ("小区", "社区", "园区", "校区", "厂区", "营区", "矿区")


def address_kept_length(value: str) -> int:
    """How many leading characters of an address are at or above the county level (0 when
    none can be told apart from the street address)."""
    end = 0
    province = _PROVINCE.match(value)
    municipality = province is not None and province[0].endswith("市")
    if province is not None:
        end = province.end()
    for _level in range(1 if municipality else 2):
        unit = _UNIT.match(value, end)
        if unit is None or unit[0].endswith(_NOT_A_COUNTY):
            break
        end = unit.end()
        if unit[0].endswith(_COUNTY_END):
            break
    return end


def mask_address(value: str) -> str:
    kept = address_kept_length(value)
    return value[:kept] + MASK * (len(value) - kept)


MASKED_FIELDS: dict[str, Callable[[str], str]] = {
    FieldRole.ID_NUMBER: mask_id_number,
    FieldRole.BIRTH_DATE: mask_birth_date,
    FieldRole.ADDRESS: mask_address,
    FieldRole.PHONE: mask_phone,
}


def mask_field(key: str, value: str) -> str:
    """The value as shown by default for the field whose role is ``key`` (unchanged for
    unmasked fields)."""
    masker = MASKED_FIELDS.get(key)
    return masker(value) if masker else value


def is_masked_field(key: str) -> bool:
    return key in MASKED_FIELDS


# Digits inside a longer run of letters or digits (hashes, GUIDs) are not a match.
_ID_LIKE = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
_PHONE_LIKE = re.compile(
    r"(?<![0-9A-Za-z])(?:\+?86[- ]?)?1\d{2}[- ]?\d{4}[- ]?\d{4}(?![0-9A-Za-z])"
)


def mask_free_text(value: str) -> str:
    """Text the provider does not name, with ID- and mobile-shaped numbers in masked form."""
    value = _ID_LIKE.sub(lambda m: mask_id_number(m[0]), value)
    return _PHONE_LIKE.sub(lambda m: mask_phone(m[0]), value)


def mask_name(value: str) -> str:
    """First character, then one ``*`` per further character (``欧***``) — for case history."""
    return value[:1] + MASK * (len(value) - 1) if value else value
