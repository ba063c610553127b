"""Belt and braces for the audit log: refuse data that looks personal or secret.

Callers are meant to pass only tokens, field keys, class names, codes, paths and hashes. This
guard catches the mistake of passing a value instead: an 18-character resident ID number, an
11-digit mainland mobile number, or a key named like a secret. It refuses; it never masks, so
the mistake is seen in a test instead of being papered over in the log.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.messages import said

# Digits that are part of a longer run of letters or digits (hashes, GUIDs) are not a match.
_EDGE_BEFORE = r"(?<![0-9A-Za-z])"
_EDGE_AFTER = r"(?![0-9A-Za-z])"
ID_NUMBER_PATTERN = re.compile(_EDGE_BEFORE + r"\d{17}[\dXx]" + _EDGE_AFTER)
PHONE_PATTERN = re.compile(
    _EDGE_BEFORE + r"(?:\+?86[- ]?)?1\d{2}[- ]?\d{4}[- ]?\d{4}" + _EDGE_AFTER
)
FORBIDDEN_KEY_PARTS = ("secret", "aes", "password")


class PersonalDataError(UsageError):
    """Something about to be written to the audit log looks like personal data or a secret.

    The message names the key, never the value.
    """


def forbid_personal_data(data: Mapping[str, Any], *, where: str = "data") -> dict[str, Any]:
    """A JSON-ready copy of ``data``; raises PersonalDataError on anything personal or secret.

    Nested mappings and lists are checked too. Only str, int, float, bool and None leaves are
    accepted (tuples become lists), so what is written reads back exactly as it was given.
    """
    return {
        _checked_key(key, where): _checked(value, f"{where}.{key}") for key, value in data.items()
    }


def check_text(value: str, where: str) -> str:
    """``value`` unchanged, or PersonalDataError when it contains an ID- or phone-like number."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: the line could not be written as UTF-8
        raise PersonalDataError(said("guard.not_unicode", where=where)) from None
    if ID_NUMBER_PATTERN.search(value):
        raise PersonalDataError(said("guard.id_number", where=where))
    if PHONE_PATTERN.search(value):
        raise PersonalDataError(said("guard.phone", where=where))
    return value


def _checked_key(key: object, where: str) -> str:
    if not isinstance(key, str):
        raise PersonalDataError(said("guard.key_not_text", where=where))
    lowered = key.lower()
    if any(part in lowered for part in FORBIDDEN_KEY_PARTS):
        raise PersonalDataError(said("guard.secret", where=where, key=key))
    return check_text(key, f"{where} key")


def _checked(value: object, where: str) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return check_text(value, where)
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise PersonalDataError(said("guard.not_finite", where=where))
        check_text(str(value), where)
        return value
    if isinstance(value, Mapping):
        return forbid_personal_data(value, where=where)
    if isinstance(value, list | tuple):
        return [_checked(item, f"{where}[{i}]") for i, item in enumerate(value)]
    raise PersonalDataError(said("guard.not_json", where=where, kind=type(value).__name__))
