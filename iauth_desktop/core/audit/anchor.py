"""The head anchor beside the audit log: what the log's end was after the last append.

A hash chain shows an entry changed, removed or moved, but not entries cut off the end: what
is left still chains. So every append, after its line is written and synced, replaces
``audit.head`` (atomically) with the new head's seq and line hash, the byte length of the log
up to that line and the SHA-256 of those bytes. A log that ends before its anchor was cut off;
a log with entries but no anchor lost it (or predates it).

The same record is the checkpoint that keeps the fail-closed check cheap: if the log's first
``offset`` bytes still hash to ``prefix_sha256``, they are the bytes verified when the anchor was
written, and only what follows needs a look. Hashing runs at disk speed; re-parsing every
entry is some hundred times slower. (Recording only the offset and the head line's hash would
be cheaper still, but would miss an edit of an earlier line.)

What it cannot do: someone who can write the log can also write the anchor. Deleting or
cutting both together, consistently, is not detectable from the data folder alone; only a head
recorded elsewhere (the case history, an export, ``audit verify --expect-head``) shows it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iauth_desktop.core.audit.chain import AuditHead, AuditIntegrityError
from iauth_desktop.core.files import write_atomically
from iauth_desktop.core.model.errors import OutputError
from iauth_desktop.core.model.messages import said

ANCHOR_FORMAT = 1
_HEX64 = re.compile(r"[0-9a-f]{64}")
_KEYS = frozenset({"format", "seq", "sha256", "offset", "prefix_sha256"})
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Anchor:
    seq: int
    sha256: str  # the head line's SHA-256 (newline included)
    offset: int  # bytes of the log up to and including the head line
    prefix_sha256: str  # SHA-256 of those bytes

    @property
    def head(self) -> AuditHead:
        return AuditHead(self.seq, self.sha256)

    def to_bytes(self) -> bytes:
        obj = {
            "format": ANCHOR_FORMAT,
            "seq": self.seq,
            "sha256": self.sha256,
            "offset": self.offset,
            "prefix_sha256": self.prefix_sha256,
        }
        return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode() + b"\n"


def anchor_path(log_path: Path) -> Path:
    """``audit.jsonl`` → ``audit.head`` in the same folder."""
    if log_path.suffix == ".head":
        return log_path.with_name(log_path.name + ".anchor")
    return log_path.with_suffix(".head")


def read_anchor(path: Path) -> Anchor | None:
    """The anchor at ``path``; None when there is none; AuditIntegrityError when unreadable."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(
            said("anchor.cannot_read", path=str(path), reason=str(exc.strerror))
        ) from exc
    anchor = _parse(raw)
    if anchor is None:
        raise AuditIntegrityError(said("anchor.invalid", path=str(path)))
    return anchor


def write_anchor(path: Path, anchor: Anchor) -> None:
    try:
        write_atomically(path, anchor.to_bytes())
    except OSError as exc:
        raise OutputError(
            said("anchor.cannot_update", path=str(path), reason=str(exc.strerror or exc))
        ) from exc


def hash_prefix(fd: int, length: int) -> hashlib._Hash | None:
    """A SHA-256 fed the file's first ``length`` bytes; None when the file is shorter."""
    digest = hashlib.sha256()
    pos = 0
    while pos < length:
        chunk = os.pread(fd, min(_CHUNK, length - pos), pos)
        if not chunk:
            return None
        digest.update(chunk)
        pos += len(chunk)
    return digest


def _parse(raw: bytes) -> Anchor | None:
    try:
        obj: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(obj, dict) or set(obj) != _KEYS or obj["format"] != ANCHOR_FORMAT:
        return None
    seq, offset, sha, prefix = obj["seq"], obj["offset"], obj["sha256"], obj["prefix_sha256"]
    numbers_ok = all(isinstance(n, int) and not isinstance(n, bool) for n in (seq, offset))
    if not numbers_ok or seq < 1 or offset < 1:
        return None
    if not all(isinstance(h, str) and _HEX64.fullmatch(h) for h in (sha, prefix)):
        return None
    return Anchor(seq, sha, offset, prefix)
