"""The typed verification result: the decrypted object kept whole, read through forgiving accessors.

The service's JSON is loose (numbers sent as strings and the reverse, fields missing, fields the
document never names), so ``raw`` keeps every field exactly as decrypted and the accessors coerce
on the way out. The verdict is never "passed" by default: an answer without a final result code
is "incomplete".
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any, Final, Literal

from iauth_desktop.core.model.media import MEDIA_FIELDS, MediaItem
from iauth_desktop.core.providers.detectinfo.codes import CodeInfo, explain

__all__ = [
    "DOCUMENTED_FIELDS",
    "IDENTITY_FIELDS",
    "MEDIA_FIELDS",
    "MEDIA_PLACEHOLDER",
    "MediaItem",
    "Verdict",
    "VerificationResult",
    "as_int",
    "as_text",
]

IDENTITY_FIELDS: tuple[str, ...] = (
    "name",
    "ID",
    "sex",
    "nation",
    "ID_birth",
    "ID_address",
    "ID_authority",
    "ID_valid_date",
    "phone",
)
STATUS_FIELDS: tuple[str, ...] = (
    "yt_errorcode",
    "yt_errormsg",
    "livestatus",
    "livemsg",
    "comparestatus",
    "comparemsg",
)
DOCUMENTED_FIELDS: frozenset[str] = frozenset(
    (*IDENTITY_FIELDS, "validatedata", *MEDIA_FIELDS, *STATUS_FIELDS, "type")
)


class _Placeholder(enum.Enum):
    MEDIA = "media"

    def __repr__(self) -> str:
        return "MEDIA_PLACEHOLDER"


# Stands in ``VerificationResult.raw`` for a media string whose content lives in ``media``.
# An enum member: a singleton through copy and pickle, and json.dumps refuses it, so a result
# can never be serialised with the placeholder left in by mistake.
MEDIA_PLACEHOLDER: Final = _Placeholder.MEDIA

_INT_TEXT = re.compile(r"[+-]?[0-9]{1,30}")


def as_int(value: Any) -> int | None:
    """An integer from ``0``, ``"0"``, ``" 602 "`` or ``602.0``; ``None`` for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str):
        text = value.strip()
        if _INT_TEXT.fullmatch(text):
            return int(text)
    return None


def as_text(value: Any) -> str:
    """A display string: ``3344`` -> ``"3344"``, absent or null -> ``""``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return json.dumps(value, ensure_ascii=False)


def _present(value: Any) -> bool:
    """Null and blank strings count as absent."""
    return value is not None and not (isinstance(value, str) and not value.strip())


VerdictStatus = Literal["passed", "failed", "incomplete"]


@dataclass(frozen=True)
class Verdict:
    status: VerdictStatus
    failed_stages: tuple[str, ...]
    summary: str


@dataclass(frozen=True)
class VerificationResult:
    """``raw`` is the decrypted object, every field as decrypted, except that a media string
    whose content moved into ``media`` (decoded bytes or kept raw text) is ``MEDIA_PLACEHOLDER``.
    """

    raw: dict[str, Any] = dataclass_field(repr=False)
    media: dict[str, MediaItem] = dataclass_field(default_factory=dict)

    # --- typed accessors -------------------------------------------------------------------

    @property
    def identity(self) -> dict[str, str]:
        return {name: as_text(self.raw[name]) for name in IDENTITY_FIELDS if name in self.raw}

    @property
    def validatedata(self) -> str:
        return as_text(self.raw.get("validatedata"))

    @property
    def yt_errorcode(self) -> int | None:
        return as_int(self.raw.get("yt_errorcode"))

    @property
    def yt_errormsg(self) -> str:
        return as_text(self.raw.get("yt_errormsg"))

    @property
    def livestatus(self) -> int | None:
        return as_int(self.raw.get("livestatus"))

    @property
    def livemsg(self) -> str:
        return as_text(self.raw.get("livemsg"))

    @property
    def comparestatus(self) -> int | None:
        return as_int(self.raw.get("comparestatus"))

    @property
    def comparemsg(self) -> str:
        return as_text(self.raw.get("comparemsg"))

    @property
    def verification_type(self) -> int | None:
        """``0`` first full verification, ``1`` second verification."""
        return as_int(self.raw.get("type"))

    @property
    def extra_fields(self) -> dict[str, Any]:
        """Every field the integration document does not name, value and type as sent."""
        return {k: v for k, v in self.raw.items() if k not in DOCUMENTED_FIELDS}

    @property
    def yt_code_info(self) -> CodeInfo | None:
        code = self.yt_errorcode
        return None if code is None else explain(code, self.yt_errormsg or None)

    # --- verdict ---------------------------------------------------------------------------

    @property
    def verdict(self) -> Verdict:
        """failed if any status code is non-zero; else incomplete without a final code; else
        passed. A status that is present but not a number makes the case incomplete, never
        passed."""
        yt, live, compare = self.yt_errorcode, self.livestatus, self.comparestatus
        stages: list[str] = []
        reasons: list[str] = []
        if yt is not None and yt != 0:
            info = explain(yt, self.yt_errormsg or None)
            stages.append(info.stage)
            reasons.append(f"{info.stage}: code {yt}, {info.en}" + _said(self.yt_errormsg))
        if live is not None and live != 0:
            stages.append("liveness")
            reasons.append(f"liveness: livestatus {live}" + _said(self.livemsg))
        if compare is not None and compare != 0:
            stages.append("compare")
            reasons.append(f"compare: comparestatus {compare}" + _said(self.comparemsg))
        if stages:
            unique = tuple(dict.fromkeys(stages))
            return Verdict("failed", unique, "failed: " + "; ".join(reasons))
        missing = self._unreadable_statuses()
        if missing:
            return Verdict("incomplete", (), "incomplete: " + "; ".join(missing))
        return Verdict("passed", (), "passed: yt_errorcode 0")

    def _unreadable_statuses(self) -> list[str]:
        notes: list[str] = []
        value = self.raw.get("yt_errorcode")
        if not _present(value):
            notes.append("the answer has no final result code (yt_errorcode)")
        elif self.yt_errorcode is None:
            notes.append("the final result code (yt_errorcode) is not a number")
        for name in ("livestatus", "comparestatus"):
            if _present(self.raw.get(name)) and as_int(self.raw.get(name)) is None:
                notes.append(f"{name} is not a number")
        return notes

    # --- the decrypted object with media as file names -------------------------------------

    def has_media_file(self, name: str) -> bool:
        return self.raw.get(name, None) is MEDIA_PLACEHOLDER

    def case_object(self, file_names: Mapping[str, str]) -> dict[str, Any]:
        """``raw`` in its order with each placeholder replaced by ``file_names[field]``."""
        return {k: file_names[k] if v is MEDIA_PLACEHOLDER else v for k, v in self.raw.items()}


def _said(message: str) -> str:
    return f" (service: {message})" if message else ""
