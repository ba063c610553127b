"""FaceID's answer (the ``Response`` object, media split out) as the neutral result.

Every value stays in ``raw`` as sent (any may be null; the service mixes ``""`` and null);
values are coerced only on the way into the neutral model.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from iauth_desktop.core.model.attempts import AttemptCode, LivenessAttempt
from iauth_desktop.core.model.codes import CodeInfo
from iauth_desktop.core.model.media import MediaItem
from iauth_desktop.core.model.result import (
    MEDIA_PLACEHOLDER,
    IdentityField,
    MediaRole,
    Stage,
    StageResult,
    VerificationResult,
    as_int,
    as_number,
    as_text,
    present,
)
from iauth_desktop.core.providers.faceid import codes
from iauth_desktop.core.providers.faceid.wire import (
    COMPARE_MSG,
    COMPARE_STATUS,
    DETAIL_CHARGED,
    DETAIL_CODES,
    DETAIL_ID,
    DETAIL_LIB,
    DETAIL_MODE,
    DETAIL_NAME,
    DETAIL_SEQ,
    DETAIL_SIM,
    DETAIL_TIME,
    DOCUMENTED,
    ERR_CODE,
    ERR_MSG,
    ID_CARD_DATA,
    ID_INFO_FROM,
    IDENTITY_KEYS,
    INFO_TYPE,
    LIVE_MSG,
    LIVE_STATUS,
    LIVENESS_DETAIL,
    MEDIA_SLOTS,
    PROVIDER,
    SIM,
    TEXT,
    TOP_DOCUMENTED,
    USE_ID_TYPE,
    WARN_BACK,
    WARN_FRONT,
)

STAGE_KEYS: tuple[tuple[Stage, str, str], ...] = (
    (Stage.FINAL, ERR_CODE, ERR_MSG),
    (Stage.LIVENESS, LIVE_STATUS, LIVE_MSG),
    (Stage.COMPARE, COMPARE_STATUS, COMPARE_MSG),
)
MEDIUM_SHOWN = "(medium: saved as a file)"  # a placeholder's text in the extra fields


def interpret(
    raw: dict[str, Any],
    media: Mapping[str, MediaItem] | None = None,
    request: Mapping[str, Any] | None = None,
) -> VerificationResult:
    """The answer (media already split out) as the neutral result; ``request`` says which
    parts were asked for (``InfoType``), so only those count as missing evidence."""
    text = _section(raw, TEXT)
    fields = tuple(
        IdentityField(role, f"{TEXT}.{key}", as_text(text.get(key)), key in text)
        for key, role in IDENTITY_KEYS.items()
    )
    return VerificationResult(
        raw=raw,
        media=dict(media or {}),
        provider=PROVIDER,
        stages=tuple(_stage(text, *keys) for keys in STAGE_KEYS),
        fields=fields,
        media_slots=MEDIA_SLOTS,
        documented=TOP_DOCUMENTED,
        similarity=as_number(text.get(SIM)),
        required_media=required_media(raw, request),
        attempts=attempts(text.get(LIVENESS_DETAIL)),
        warnings=card_warnings(_section(raw, ID_CARD_DATA)),
        document_type=_document_type(text.get(USE_ID_TYPE)),
        extras=extra_fields(raw),
    )


def info_parts(request: Mapping[str, Any] | None) -> str:
    """The digits of the request's ``InfoType`` ("0" everything) — "0" when not recorded."""
    value = (request or {}).get(INFO_TYPE)
    text = str(value).strip() if isinstance(value, str | int) else ""
    return text if text.isdigit() else "0"


def required_media(
    raw: Mapping[str, Any], request: Mapping[str, Any] | None
) -> frozenset[MediaRole]:
    """What the asked-for parts must bring: the video (4), the best frame (3), both card sides
    (2) when the flow read the card by OCR."""
    parts = info_parts(request)
    everything = "0" in parts
    needed: set[MediaRole] = set()
    if everything or "4" in parts:
        needed.add(MediaRole.VIDEO)
    if everything or "3" in parts:
        needed.add(MediaRole.FRAME)
    read_card = as_text(_section(raw, TEXT).get(ID_INFO_FROM)).upper() == "OCR"
    if (everything or "2" in parts) and read_card:
        needed.update((MediaRole.ID_FRONT, MediaRole.ID_BACK))
    return frozenset(needed)


def attempts(detail: Any) -> tuple[LivenessAttempt, ...]:
    """Each entry of ``LivenessDetail`` as one attempt (entries that are not objects skipped)."""
    if not isinstance(detail, list):
        return ()
    found = []
    for index, entry in enumerate(detail, start=1):
        if not isinstance(entry, dict):
            continue
        found.append(
            LivenessAttempt(
                index=index,
                time=as_text(entry.get(DETAIL_TIME)),
                when=_moment(entry.get(DETAIL_TIME)),
                mode=_mode(entry.get(DETAIL_MODE)),
                codes=tuple(_attempt_code(entry, *keys) for keys in DETAIL_CODES),
                similarity=as_number(entry.get(DETAIL_SIM)),
                billed=entry.get(DETAIL_CHARGED)
                if isinstance(entry.get(DETAIL_CHARGED), bool)
                else None,
                id_number=as_text(entry.get(DETAIL_ID)),
                name=as_text(entry.get(DETAIL_NAME)),
                reference=as_text(entry.get(DETAIL_SEQ)),
                library=as_text(entry.get(DETAIL_LIB)),
            )
        )
    return tuple(found)


def card_warnings(card: Mapping[str, Any]) -> tuple[CodeInfo, ...]:
    found: list[CodeInfo] = []
    for key, side in ((WARN_FRONT, "portrait side"), (WARN_BACK, "emblem side")):
        values = card.get(key)
        if not isinstance(values, list):
            continue
        for value in values:
            code = as_int(value)
            if code is not None:
                found.append(codes.card_warning(code, side))
    return tuple(found)


def extra_fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Every value the documents do not name, by dotted key (``Text.Extra``), as sent."""
    extras: dict[str, Any] = {}
    for key, value in raw.items():
        documented = DOCUMENTED.get(key)
        if documented is not None and isinstance(value, dict):
            for inner, item in value.items():
                if inner not in documented:
                    extras[f"{key}.{inner}"] = _shown(item)
        elif key not in TOP_DOCUMENTED:
            extras[key] = _shown(value)
    return extras


def _shown(value: Any) -> Any:
    """A value with media placeholders replaced by words (extras are shown as JSON)."""
    if value is MEDIA_PLACEHOLDER:
        return MEDIUM_SHOWN
    if isinstance(value, dict):
        return {k: _shown(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shown(v) for v in value]
    return value


def _section(raw: Mapping[str, Any], name: str) -> dict[str, Any]:
    value = raw.get(name)
    return value if isinstance(value, dict) else {}


def _stage(text: Mapping[str, Any], stage: Stage, code_key: str, message_key: str) -> StageResult:
    code = as_int(text.get(code_key))
    message = as_text(text.get(message_key))
    hint = None if stage is Stage.FINAL else stage.value
    info = None if code is None else codes.explain(code, message or None, stage_hint=hint)
    return StageResult(
        stage=stage,
        field=f"{TEXT}.{code_key}",
        message_field=f"{TEXT}.{message_key}",
        sent=present(text.get(code_key)),
        code=code,
        message=message,
        info=info,
    )


def _attempt_code(
    entry: Mapping[str, Any], check: str, code_key: str, message_key: str
) -> AttemptCode:
    code = as_int(entry.get(code_key))
    message = as_text(entry.get(message_key))
    hint = None if check == "final" else check
    info = None if code is None else codes.explain(code, message or None, stage_hint=hint)
    return AttemptCode(check, code_key, code, message, info)


def _moment(value: Any) -> datetime | None:
    """``ReqTime``: Unix seconds or milliseconds, as a number or digits."""
    number = as_int(value)
    if number is None or number <= 0:
        return None
    seconds = number / 1000 if number > 10**11 else number
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _mode(value: Any) -> str:
    number = as_int(value)
    if number is None:
        return as_text(value)
    return codes.LIVENESS_MODES.get(number, f"mode {number}")


def _document_type(value: Any) -> str:
    number = as_int(value)
    if number is None:
        return as_text(value)
    return codes.DOCUMENT_TYPES.get(number, f"document type {number}")
