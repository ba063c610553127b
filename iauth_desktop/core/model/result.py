"""The provider-neutral verification result: stages with their codes, identity fields, media.

A provider (``core/providers/<name>``) reads its service's answer into this shape; everything
else — console, report, history, exports — reads only this. ``raw`` keeps the decrypted object
exactly as decrypted (media strings replaced by ``MEDIA_PLACEHOLDER``) for the evidence bundle.
The verdict is never "passed" by default: an answer without a readable final code is
"incomplete".
"""

from __future__ import annotations

import enum
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any, Final, Literal

from iauth_desktop.core.model.attempts import LivenessAttempt
from iauth_desktop.core.model.codes import CodeInfo
from iauth_desktop.core.model.media import MediaItem

__all__ = [
    "IDENTITY_ROLES",
    "MEDIA_PLACEHOLDER",
    "FetchMode",
    "FieldRole",
    "IdentityField",
    "LivenessAttempt",
    "MediaItem",
    "MediaRole",
    "MediaSlot",
    "Stage",
    "StageResult",
    "Verdict",
    "VerificationResult",
    "as_int",
    "as_text",
    "present",
    "review_status",
    "value_at",
]


class FetchMode(enum.StrEnum):
    """What a fetch asks for; a provider maps it to its own request options."""

    FULL = "full"
    TEXT_ONLY = "text_only"


class Stage(enum.StrEnum):
    FINAL = "final"
    LIVENESS = "liveness"
    COMPARE = "compare"


class FieldRole(enum.StrEnum):
    """What an identity field means, whatever the provider calls it."""

    NAME = "name"
    ID_NUMBER = "id_number"
    SEX = "sex"
    NATION = "nation"
    BIRTH_DATE = "birth_date"
    ADDRESS = "address"
    AUTHORITY = "authority"
    VALID_PERIOD = "valid_period"
    PHONE = "phone"
    CHALLENGE = "challenge"  # the digits read aloud in digits liveness


IDENTITY_ROLES: tuple[FieldRole, ...] = tuple(r for r in FieldRole if r is not FieldRole.CHALLENGE)


class MediaRole(enum.StrEnum):
    ID_FRONT = "id_front"
    ID_BACK = "id_back"
    AVATAR = "avatar"
    FRAME = "frame"
    VIDEO = "video"


RawPath = tuple[str | int, ...]


@dataclass(frozen=True)
class MediaSlot:
    """Where a provider's answer may carry one medium: its name (the bundle's file is named
    after it), role and place (frame 1…), and, in a nested answer, the path to its value
    (``("Section", "Front")``; empty: the top-level key ``key``)."""

    key: str
    role: MediaRole
    index: int = 0
    path: RawPath = ()

    @property
    def where(self) -> RawPath:
        return self.path or (self.key,)


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


def as_number(value: Any) -> float | None:
    """A finite number from a number or a numeric string (``" 92.5"``), else None: a bool,
    null, text, NaN or infinity is no score."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value.strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


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


def value_at(raw: Any, path: RawPath, default: Any = None) -> Any:
    """The value at ``path`` in nested objects and lists; ``default`` where the path breaks."""
    node = raw
    for step in path:
        if not _has_step(node, step):
            return default
        node = node[step]
    return node


def _has_step(node: Any, step: str | int) -> bool:
    if isinstance(step, str):
        return isinstance(node, dict) and step in node
    return isinstance(node, list) and 0 <= step < len(node)


def present(value: Any) -> bool:
    """Null and blank strings count as absent."""
    return value is not None and not (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class StageResult:
    """One stage's outcome: its code (``None`` when absent or not a number), the code's
    meaning, and the service's own message, with the provider's raw keys for both."""

    stage: Stage
    field: str
    message_field: str
    sent: bool  # a value was sent (not null, not blank)
    code: int | None
    message: str
    info: CodeInfo | None = None

    @property
    def failed(self) -> bool:
        return self.code is not None and self.code != 0

    @property
    def unreadable(self) -> bool:
        return self.sent and self.code is None


@dataclass(frozen=True)
class IdentityField:
    role: FieldRole
    key: str  # the provider's raw key
    value: str
    sent: bool  # the answer carries the key at all


VerdictStatus = Literal["passed", "failed", "incomplete"]


@dataclass(frozen=True)
class Verdict:
    status: VerdictStatus
    failed_stages: tuple[str, ...]
    summary: str


@dataclass(frozen=True)
class VerificationResult:
    """What one verification produced, read by a provider into the neutral shape.

    ``raw`` is the decrypted object, every field as decrypted, except that a media string whose
    content moved into ``media`` (decoded bytes or kept raw text) is ``MEDIA_PLACEHOLDER``.
    ``media`` is keyed by the raw key; ``media_slots`` says which role each key plays.
    """

    raw: dict[str, Any] = dataclass_field(repr=False)
    media: dict[str, MediaItem] = dataclass_field(default_factory=dict)
    provider: str = ""
    stages: tuple[StageResult, ...] = ()
    fields: tuple[IdentityField, ...] = dataclass_field(default=(), repr=False)
    media_slots: tuple[MediaSlot, ...] = ()
    documented: frozenset[str] = frozenset()
    verification_type: int | None = None  # 0 first full verification, 1 second verification
    similarity: float | None = None
    # what a full fetch of this kind of case must carry (a second verification has no ID card)
    required_media: frozenset[MediaRole] = frozenset()
    # every liveness attempt of the flow, in order (providers that report them)
    attempts: tuple[LivenessAttempt, ...] = ()
    # what the service warns about the evidence (a copied or edited ID card...), explained
    warnings: tuple[CodeInfo, ...] = ()
    document_type: str = ""  # the identity document used, in words ("" when not said)
    # the provider's flat view of fields its documents do not name (None: top-level keys)
    extras: Mapping[str, Any] | None = dataclass_field(default=None, repr=False)

    # --- fields ----------------------------------------------------------------------------

    @property
    def identity(self) -> dict[str, str]:
        """Identity fields the answer carries, by role (``"id_number"``, ``"name"``…)."""
        return {
            f.role.value: f.value
            for f in self.fields
            if f.sent and f.role is not FieldRole.CHALLENGE
        }

    def field(self, role: FieldRole) -> IdentityField | None:
        return next((f for f in self.fields if f.role is role), None)

    @property
    def challenge(self) -> str:
        """The digits read aloud (empty in action mode or when not sent)."""
        found = self.field(FieldRole.CHALLENGE)
        return found.value if found else ""

    @property
    def extra_fields(self) -> dict[str, Any]:
        """Every field the provider's documents do not name, value and type as sent."""
        if self.extras is not None:
            return dict(self.extras)
        return {k: v for k, v in self.raw.items() if k not in self.documented}

    def value_of(self, key: str) -> Any:
        """A raw value by its key, or by a dotted path in a nested answer (``Section.Code``)."""
        if key in self.raw:
            return self.raw[key]
        return value_at(self.raw, tuple(key.split(".")))

    # --- stages and verdict ----------------------------------------------------------------

    def stage(self, which: Stage) -> StageResult | None:
        return next((s for s in self.stages if s.stage is which), None)

    @property
    def final_code_info(self) -> CodeInfo | None:
        final = self.stage(Stage.FINAL)
        return final.info if final is not None else None

    @property
    def verdict(self) -> Verdict:
        """failed if any stage's code is non-zero; else incomplete without a readable final
        code (or with an unreadable liveness or compare code); else passed."""
        stages: list[str] = []
        reasons: list[str] = []
        for s in self.stages:
            if not s.failed:
                continue
            if s.stage is Stage.FINAL:
                label = s.info.stage if s.info is not None else "final"
                meaning = f", {s.info.en}" if s.info is not None else ""
                stages.append(label)
                reasons.append(f"{label}: code {s.code}{meaning}" + _said(s.message))
            else:
                stages.append(s.stage.value)
                known = f", {s.info.en_labelled}" if s.info is not None and s.info.known else ""
                reasons.append(f"{s.stage.value}: {s.field} {s.code}{known}" + _said(s.message))
        if stages:
            unique = tuple(dict.fromkeys(stages))
            return Verdict("failed", unique, "failed: " + "; ".join(reasons))
        missing = self._unreadable_stages()
        if missing:
            return Verdict("incomplete", (), "incomplete: " + "; ".join(missing))
        final = self.stage(Stage.FINAL)
        return Verdict("passed", (), f"passed: {final.field if final else 'final code'} 0")

    def _unreadable_stages(self) -> list[str]:
        notes: list[str] = []
        final = self.stage(Stage.FINAL)
        if final is None or not final.sent:
            key = f" ({final.field})" if final is not None else ""
            notes.append(f"the answer has no final result code{key}")
        elif final.code is None:
            notes.append(f"the final result code ({final.field}) is not a number")
        notes.extend(
            f"{s.field} is not a number"
            for s in self.stages
            if s.stage is not Stage.FINAL and s.unreadable
        )
        return notes

    # --- media -----------------------------------------------------------------------------

    def slots(self, *roles: MediaRole) -> tuple[MediaSlot, ...]:
        """The provider's media slots with these roles (all when none given), in order."""
        return tuple(s for s in self.media_slots if not roles or s.role in roles)

    def media_for(self, role: MediaRole) -> list[MediaItem]:
        """The media this answer carries in ``role``, in slot order."""
        return [self.media[s.key] for s in self.slots(role) if s.key in self.media]

    @property
    def video(self) -> MediaItem | None:
        videos = self.media_for(MediaRole.VIDEO)
        return videos[0] if videos else None

    # --- evidence --------------------------------------------------------------------------

    def evidence_problems(self, mode: FetchMode) -> list[tuple[str, str]]:
        """(raw key, reason) for each medium that was sent but cannot be used, and for each
        one a full fetch of this case must carry but does not; none for a text-only fetch."""
        if mode is FetchMode.TEXT_ONLY:
            return []
        problems: list[tuple[str, str]] = []
        for slot in self.media_slots:
            item = self.media.get(slot.key)
            if item is not None and (item.error or item.warning):
                problems.append((slot.key, item.error or item.warning or ""))
        for role in sorted(self.required_media):
            slots = self.slots(role)
            if not any(slot.key in self.media for slot in slots):
                key = slots[0].key if slots else role.value
                problems.append((key, f"no {role.value.replace('_', ' ')} was sent"))
        return problems

    def evidence_complete(self, mode: FetchMode) -> bool | None:
        """True or False for a full fetch; None (not applicable) for a text-only fetch."""
        if mode is FetchMode.TEXT_ONLY:
            return None
        return not self.evidence_problems(mode)

    # --- the decrypted object with media as file names -------------------------------------

    def slot(self, name: str) -> MediaSlot | None:
        return next((s for s in self.media_slots if s.key == name), None)

    def has_media_file(self, name: str) -> bool:
        slot = self.slot(name)
        where = slot.where if slot is not None else (name,)
        return value_at(self.raw, where) is MEDIA_PLACEHOLDER

    def case_object(self, file_names: Mapping[str, str]) -> dict[str, Any]:
        """``raw`` in its order with each placeholder replaced by the name of its file
        (``file_names`` by slot name), at any depth."""
        by_path = {s.where: file_names[s.key] for s in self.media_slots if s.key in file_names}
        by_path.update({(k,): v for k, v in file_names.items() if (k,) not in by_path})
        replaced = _replace_placeholders(self.raw, (), by_path)
        assert isinstance(replaced, dict)
        return replaced


def review_status(verdict: VerdictStatus, evidence_complete: bool | None) -> VerdictStatus:
    """The status the decision rules go by: a passed verdict on incomplete evidence counts as
    incomplete (approving it needs a written justification, as for a failed verdict)."""
    return "incomplete" if verdict == "passed" and evidence_complete is False else verdict


def _replace_placeholders(node: Any, path: RawPath, names: Mapping[RawPath, str]) -> Any:
    if node is MEDIA_PLACEHOLDER:
        return names[path]
    if isinstance(node, dict):
        return {k: _replace_placeholders(v, (*path, k), names) for k, v in node.items()}
    if isinstance(node, list):
        return [_replace_placeholders(v, (*path, i), names) for i, v in enumerate(node)]
    return node


def _said(message: str) -> str:
    return f" (service: {message})" if message else ""
