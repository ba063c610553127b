"""The audit log's line format: one canonical JSON object per line, chained by SHA-256.

Every line is ``json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)``
plus ``"\\n"``, encoded as UTF-8. Its ``prev`` is the SHA-256 of the previous line's exact bytes
(newline included), 64 zeros for the first line. Because the form is canonical, a line that
parses but is not byte-for-byte its own re-serialisation has been edited.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from iauth_desktop.core.model.errors import IntegrityError, UsageError
from iauth_desktop.core.model.messages import said

ZERO_HASH = "0" * 64
TORN_EVENT = "torn"
ENTRY_KEYS = frozenset({"seq", "ts", "reviewer", "event", "data", "prev"})
EVENT_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


class AuditIntegrityError(IntegrityError):
    """The audit log fails verification, or cannot be appended to safely (exit 5)."""


@dataclass(frozen=True)
class AuditHead:
    """The last entry's sequence number and the SHA-256 of its line: ``seq 0`` for no entries."""

    seq: int
    sha256: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.sha256}"

    @classmethod
    def parse(cls, text: str) -> AuditHead:
        """Read ``SEQ:SHA256`` as printed by ``str(head)``; UsageError when it is not that."""
        seq_text, _, digest = text.strip().partition(":")
        if not seq_text.isdigit() or not _HEX64.fullmatch(digest.lower()):
            raise UsageError(said("audit.bad_head", text=repr(text)))
        return cls(int(seq_text), digest.lower())


EMPTY_HEAD = AuditHead(0, ZERO_HASH)


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    ts: str
    reviewer: str
    event: str
    data: dict[str, Any]
    prev: str
    line: bytes = field(repr=False)  # the exact bytes in the log, newline included

    @property
    def sha256(self) -> str:
        return sha256_hex(self.line)

    @property
    def token(self) -> str | None:
        token = self.data.get("token")
        return token if isinstance(token, str) else None

    @property
    def head(self) -> AuditHead:
        return AuditHead(self.seq, self.sha256)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def utc_timestamp(moment: datetime) -> str:
    """``2024-05-01T08:30:00.123Z``: UTC, milliseconds, the form every entry carries."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def canonical_line(
    *, seq: int, ts: str, reviewer: str, event: str, data: dict[str, Any], prev: str
) -> bytes:
    obj = {"seq": seq, "ts": ts, "reviewer": reviewer, "event": event, "data": data, "prev": prev}
    text = json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return text.encode("utf-8") + b"\n"


def parse_line(line: bytes) -> AuditEntry | None:
    """The entry on ``line`` (newline included); None unless it is exactly a canonical entry."""
    if not line.endswith(b"\n"):
        return None
    try:
        obj = json.loads(line[:-1].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(obj, dict) or set(obj) != ENTRY_KEYS or not _well_typed(obj):
        return None
    entry = AuditEntry(line=line, **obj)
    rebuilt = canonical_line(
        seq=entry.seq,
        ts=entry.ts,
        reviewer=entry.reviewer,
        event=entry.event,
        data=entry.data,
        prev=entry.prev,
    )
    return entry if rebuilt == line else None


def _well_typed(obj: dict[str, Any]) -> bool:
    seq, ts, prev = obj["seq"], obj["ts"], obj["prev"]
    return (
        isinstance(seq, int)
        and not isinstance(seq, bool)
        and seq >= 1
        and isinstance(ts, str)
        and _TIMESTAMP.fullmatch(ts) is not None
        and isinstance(obj["reviewer"], str)
        and isinstance(obj["event"], str)
        and EVENT_NAME.fullmatch(obj["event"]) is not None
        and isinstance(obj["data"], dict)
        and isinstance(prev, str)
        and _HEX64.fullmatch(prev) is not None
    )


def torn_record(torn: bytes, chain_before: str) -> dict[str, Any]:
    """The data of a ``torn`` entry: what the unfinished write held and where it sat."""
    return {"sha256": sha256_hex(torn), "length": len(torn), "after": chain_before}


def accounts_for(entry: AuditEntry | None, line: bytes) -> bool:
    """True when ``entry`` is the torn entry recording ``line`` (newline included)."""
    if entry is None or entry.event != TORN_EVENT:
        return False
    torn = line[:-1]
    return entry.data.get("sha256") == sha256_hex(torn) and entry.data.get("length") == len(torn)
