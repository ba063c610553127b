"""One liveness attempt of a verification flow, for providers whose answer lists them all.

A reviewer sees every attempt in its own row: when it ran, in which liveness mode, its codes
explained, its similarity and whether the service billed it. Values stay as the service wrote
them (``time``); the ID number and name are kept for masking by the front ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from iauth_desktop.core.model.codes import CodeInfo


@dataclass(frozen=True)
class AttemptCode:
    """One code of an attempt: which check (``final``, ``liveness``, ``compare``), the key it
    came under, the number (``None`` when absent or not a number), its meaning, the service's
    own words."""

    check: str
    field: str
    code: int | None
    message: str
    info: CodeInfo | None = None

    @property
    def failed(self) -> bool:
        return self.code is not None and self.code != 0


@dataclass(frozen=True)
class LivenessAttempt:
    index: int  # 1-based, in the service's order
    time: str  # as the service wrote it
    when: datetime | None  # the same moment, UTC, when it could be read
    mode: str  # the liveness mode in words ("digits", "action", ...; "" when not said)
    codes: tuple[AttemptCode, ...]
    similarity: float | None
    billed: bool | None  # None: the service did not say
    id_number: str = ""  # as sent (front ends mask it)
    name: str = ""
    reference: str = ""  # the service's own mark for the attempt
    library: str = ""  # what the face was compared with (authority database, own library...)

    @property
    def passed(self) -> bool | None:
        """True when every code is 0, False when one failed, None when none was readable."""
        readable = [c for c in self.codes if c.code is not None]
        if not readable:
            return None
        return not any(c.failed for c in readable)


def code_text(code: AttemptCode, *, full: bool = False) -> str:
    """``1102 脸部未完整露出`` (``full``: with `` — the face is not fully visible``); the
    service's words when no number was sent; ``—`` when nothing was."""
    if code.code is None:
        return code.message or "—"
    if code.info is None or not code.info.known:
        said = f" ({code.message})" if code.message else ""
        return f"{code.code} unknown code{said}"
    if full:
        return f"{code.code} {code.info.zh} — {code.info.en}"
    return f"{code.code} {code.info.zh}"


def time_text(attempt: LivenessAttempt) -> str:
    """When the attempt ran, in the computer's local time (as sent when it cannot be read)."""
    when: datetime | None = attempt.when
    if when is None:
        return attempt.time or "—"
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def similarity_text(attempt: LivenessAttempt) -> str:
    return f"{attempt.similarity:.2f}" if attempt.similarity is not None else "—"
