"""The decrypted object's field names, and how they read into the neutral VerificationResult.

The service's JSON is loose (numbers sent as strings and the reverse, fields missing, fields the
document never names), so ``raw`` keeps every field as decrypted and the values are coerced on
the way into the neutral model.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from iauth_desktop.core.model.media import MediaItem
from iauth_desktop.core.model.result import (
    FieldRole,
    IdentityField,
    MediaRole,
    MediaSlot,
    Stage,
    StageResult,
    VerificationResult,
    as_int,
    as_text,
    present,
)
from iauth_desktop.core.providers.detectinfo.codes import explain

PROVIDER = "detectinfo"

# raw key -> role, in the order the console and the report show them
IDENTITY_KEYS: dict[str, FieldRole] = {
    "name": FieldRole.NAME,
    "ID": FieldRole.ID_NUMBER,
    "sex": FieldRole.SEX,
    "nation": FieldRole.NATION,
    "ID_birth": FieldRole.BIRTH_DATE,
    "ID_address": FieldRole.ADDRESS,
    "ID_authority": FieldRole.AUTHORITY,
    "ID_valid_date": FieldRole.VALID_PERIOD,
    "phone": FieldRole.PHONE,
}
IDENTITY_FIELDS: tuple[str, ...] = tuple(IDENTITY_KEYS)
CHALLENGE_FIELD = "validatedata"
TYPE_FIELD = "type"

MEDIA_SLOTS: tuple[MediaSlot, ...] = (
    MediaSlot("frontpic", MediaRole.ID_FRONT),
    MediaSlot("backpic", MediaRole.ID_BACK),
    MediaSlot("videopic1", MediaRole.FRAME, 1),
    MediaSlot("videopic2", MediaRole.FRAME, 2),
    MediaSlot("videopic3", MediaRole.FRAME, 3),
    MediaSlot("video", MediaRole.VIDEO),
)
MEDIA_FIELDS: tuple[str, ...] = tuple(slot.key for slot in MEDIA_SLOTS)

# (stage, code key, message key), final first
STAGE_FIELDS: tuple[tuple[Stage, str, str], ...] = (
    (Stage.FINAL, "yt_errorcode", "yt_errormsg"),
    (Stage.LIVENESS, "livestatus", "livemsg"),
    (Stage.COMPARE, "comparestatus", "comparemsg"),
)
STATUS_FIELDS: tuple[str, ...] = tuple(k for _, code, msg in STAGE_FIELDS for k in (code, msg))
DOCUMENTED_FIELDS: frozenset[str] = frozenset(
    (*IDENTITY_FIELDS, CHALLENGE_FIELD, *MEDIA_FIELDS, *STATUS_FIELDS, TYPE_FIELD)
)


def interpret(
    raw: dict[str, Any], media: Mapping[str, MediaItem] | None = None
) -> VerificationResult:
    """The decrypted object (media already split out) as the neutral result."""
    keys = {**IDENTITY_KEYS, CHALLENGE_FIELD: FieldRole.CHALLENGE}
    fields = tuple(
        IdentityField(role, key, as_text(raw.get(key)), key in raw) for key, role in keys.items()
    )
    return VerificationResult(
        raw=raw,
        media=dict(media or {}),
        provider=PROVIDER,
        stages=tuple(_stage(raw, *keys) for keys in STAGE_FIELDS),
        fields=fields,
        media_slots=MEDIA_SLOTS,
        documented=DOCUMENTED_FIELDS,
        verification_type=as_int(raw.get(TYPE_FIELD)),
        required_media=required_media(as_int(raw.get(TYPE_FIELD))),
        similarity=similarity(raw),
    )


SIMILARITY_KEYS = ("sim", "similarity", "score")  # integrators' extra fields, any case


def similarity(raw: Mapping[str, Any]) -> float | None:
    """The first similarity-like field that holds a finite number (none in the document)."""
    lowered = {key.lower(): key for key in raw}
    for name in SIMILARITY_KEYS:
        key = lowered.get(name)
        value = raw.get(key) if key is not None else None
        if isinstance(value, bool) or value is None:
            continue
        try:
            number = float(value.strip()) if isinstance(value, str) else float(value)
        except (TypeError, ValueError):
            continue
        if math.isfinite(number):
            return number
    return None


def required_media(verification_type: int | None) -> frozenset[MediaRole]:
    """A full fetch carries the liveness video; a first verification also both card sides (a
    second verification compares against the photo of the first, with no card)."""
    if verification_type == 1:
        return frozenset({MediaRole.VIDEO})
    return frozenset({MediaRole.VIDEO, MediaRole.ID_FRONT, MediaRole.ID_BACK})


def _stage(raw: Mapping[str, Any], stage: Stage, code_key: str, message_key: str) -> StageResult:
    code = as_int(raw.get(code_key))
    message = as_text(raw.get(message_key))
    hint = None if stage is Stage.FINAL else stage.value
    engine = stage in (Stage.LIVENESS, Stage.COMPARE)  # the engines' own codes
    info = None if code is None else explain(code, message or None, stage_hint=hint, engine=engine)
    return StageResult(
        stage=stage,
        field=code_key,
        message_field=message_key,
        sent=present(raw.get(code_key)),
        code=code,
        message=message,
        info=info,
    )
