"""Default masking of identity numbers on screen and in reports.

ID number: first 6 and last 4 characters kept (``110105********002X``); phone: first 3 and last 4.
Nothing else is masked. Values too short to mask meaningfully are masked whole.
"""

from __future__ import annotations

from collections.abc import Callable

from iauth_desktop.core.model.result import FieldRole

MASK = "*"


def _keep_ends(value: str, head: int, tail: int) -> str:
    if len(value) <= head + tail:
        return MASK * len(value)
    return value[:head] + MASK * (len(value) - head - tail) + value[len(value) - tail :]


def mask_id_number(value: str) -> str:
    return _keep_ends(value, 6, 4)


def mask_phone(value: str) -> str:
    return _keep_ends(value, 3, 4)


MASKED_FIELDS: dict[str, Callable[[str], str]] = {
    FieldRole.ID_NUMBER: mask_id_number,
    FieldRole.PHONE: mask_phone,
}


def mask_field(key: str, value: str) -> str:
    """The value as shown by default for the field whose role is ``key`` (unchanged for
    unmasked fields)."""
    masker = MASKED_FIELDS.get(key)
    return masker(value) if masker else value


def is_masked_field(key: str) -> bool:
    return key in MASKED_FIELDS


def mask_name(value: str) -> str:
    """First character, then one ``*`` per further character (``欧***``) — for case history."""
    return value[:1] + MASK * (len(value) - 1) if value else value
