"""The tamper-evident audit log: who fetched, revealed, decided, reported and exported what.

Append-only JSON Lines (format in ``audit.chain``) under the data folder, with its head anchor
``audit.head`` beside it (``audit.anchor``). Appends from several processes are serialised with
``flock`` on the log itself: check the log against its anchor, write the new line in one
``write``, ``fsync``, replace the anchor, unlock. Every writer and ``head()`` fail closed: a log
that does not verify takes nothing. The check hashes the log's bytes (fast) and re-parses only
when the hash no longer matches. The log holds no personal data and no secrets (``audit.guard``).
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from iauth_desktop.core.audit.anchor import (
    Anchor,
    anchor_path,
    hash_prefix,
    read_anchor,
    write_anchor,
)
from iauth_desktop.core.audit.chain import (
    EVENT_NAME,
    TORN_EVENT,
    AuditEntry,
    AuditHead,
    AuditIntegrityError,
    canonical_line,
    parse_line,
    sha256_hex,
    torn_record,
    utc_timestamp,
)
from iauth_desktop.core.audit.events import EVENTS, AuditEvent, anchor_reset, fetched
from iauth_desktop.core.audit.guard import PersonalDataError, check_text, forbid_personal_data
from iauth_desktop.core.audit.verify import AnchorCheck, VerifyReport, entries_in, verify_bytes
from iauth_desktop.core.config.paths import data_dir, ensure_private_dir
from iauth_desktop.core.files import PRIVATE_FILE_MODE
from iauth_desktop.core.model.decision import default_reviewer
from iauth_desktop.core.model.errors import (
    CancelledError,
    HttpStatusError,
    IauthError,
    NetworkError,
    OutputError,
    ServiceError,
    UsageError,
)
from iauth_desktop.core.model.messages import said
from iauth_desktop.core.platform_files import O_BINARY, locked_then_closed, restrict_mode

__all__ = [
    "EVENTS",
    "AuditEntry",
    "AuditEvent",
    "AuditHead",
    "AuditIntegrityError",
    "AuditLog",
    "PersonalDataError",
    "VerifyReport",
    "default_log_path",
    "describe_outcome",
    "record_fetch",
]

LOG_NAME = "audit.jsonl"
_CHUNK = 1 << 20


def default_log_path() -> Path:
    return data_dir(create=False) / LOG_NAME


class AuditLog:
    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._clock = clock

    @classmethod
    def default(cls) -> AuditLog:
        """The log in the data folder (``IAUTH_DATA_DIR`` overrides it); created on first append."""
        return cls(default_log_path())

    def describe(self) -> str:
        return str(self.path)

    def record(self, event: AuditEvent, reviewer: str | None = None) -> AuditEntry:
        """Write one of the app's events (built in ``audit.events``); the entry written."""
        return self.append(event.name, reviewer, **event.data)

    @property
    def anchor_path(self) -> Path:
        """``audit.head`` beside the log (``audit.anchor``)."""
        return anchor_path(self.path)

    def append(self, event: str, reviewer: str | None = None, **data: Any) -> AuditEntry:
        """Write one entry and return it; first records a torn last line if there is one.

        Fail closed: the log is checked against its anchor first, and a damaged log takes
        nothing (AuditIntegrityError naming the first bad entry).
        """
        if event == TORN_EVENT or not EVENT_NAME.fullmatch(event):
            raise UsageError(said("audit.not_event", event=repr(event)))
        who = check_text(reviewer if reviewer else default_reviewer(), "reviewer")
        clean = forbid_personal_data(data)
        with self._write_lock() as fd:
            return self._append_locked(fd, event, who, clean)

    def head(self) -> AuditHead:
        """The last entry's seq and line hash, for the case history and exports.

        Fail closed: AuditIntegrityError when the log does not verify against its anchor.
        """
        with self._read_lock() as fd:
            return self._tip(fd).head

    def verify(self, expected_head: AuditHead | None = None) -> VerifyReport:
        """Check the whole chain, its end against the anchor, and ``expected_head`` if given."""
        with self._read_lock() as fd:
            content = b"" if fd is None else _read_range(fd, 0, os.fstat(fd).st_size)
            anchor = read_anchor(self.anchor_path)
        check = AnchorCheck(None if anchor is None else anchor.head, self.anchor_path.name)
        return verify_bytes(content, expected_head, anchor=check, path=self.path)

    def entries(self, token: str | None = None) -> list[AuditEntry]:
        """Every entry in order (only those about ``token`` when given); a torn write that a
        later entry records is never one of them."""
        return [e for e in entries_in(self._read_all()) if token is None or e.token == token]

    def reanchor(
        self, expected_head: AuditHead | None = None, reviewer: str | None = None
    ) -> tuple[AuditHead, AuditEntry]:
        """After someone has looked at the log: check the whole chain (and ``expected_head``),
        anchor its head as it is, and record that in the log. Returns the head anchored and
        the entry recording it. For a log that predates anchors, or lost one in a crash."""
        who = check_text(reviewer if reviewer else default_reviewer(), "reviewer")
        with self._write_lock() as fd:
            content = _read_range(fd, 0, os.fstat(fd).st_size)
            try:
                previous = read_anchor(self.anchor_path)
            except AuditIntegrityError:
                previous = None  # unreadable: replaced below
            report = verify_bytes(content, expected_head, path=self.path)
            report.raise_for_problem()
            head = report.head
            if head.seq == 0:
                self.anchor_path.unlink(missing_ok=True)
            else:
                end = len(content) - (report.torn_tail or 0)
                anchor = Anchor(head.seq, head.sha256, end, sha256_hex(content[:end]))
                write_anchor(self.anchor_path, anchor)
            event = anchor_reset(None if previous is None else str(previous.head), str(head))
            entry = self._append_locked(fd, event.name, who, forbid_personal_data(event.data))
        return head, entry

    def _append_locked(self, fd: int, event: str, who: str, clean: dict[str, Any]) -> AuditEntry:
        tip = self._tip(fd)
        seq, prev = tip.head.seq + 1, tip.head.sha256
        ts = utc_timestamp(datetime.fromtimestamp(self._clock(), UTC))
        out = b""
        if tip.torn is not None:
            record = torn_record(tip.torn, prev)
            out = b"\n" + canonical_line(
                seq=seq,
                ts=ts,
                reviewer=who,
                event=TORN_EVENT,
                data=record,
                prev=sha256_hex(tip.torn + b"\n"),
            )
            prev, seq = sha256_hex(out[1:]), seq + 1
        line = canonical_line(seq=seq, ts=ts, reviewer=who, event=event, data=clean, prev=prev)
        _write_all(fd, out + line)
        written = (tip.torn or b"") + out + line
        tip.digest.update(written)
        anchor = Anchor(seq, sha256_hex(line), tip.end + len(written), tip.digest.hexdigest())
        write_anchor(self.anchor_path, anchor)  # after the line: a crash leaves it one behind
        entry = parse_line(line)
        assert entry is not None
        return entry

    def _tip(self, fd: int | None) -> _Tip:
        """Where the log ends, checked (fail closed): the anchor's prefix hash when it still
        holds and nothing but a torn write follows, else the whole chain against the anchor."""
        anchor = read_anchor(self.anchor_path)
        size = 0 if fd is None else os.fstat(fd).st_size
        if fd is not None and anchor is not None and anchor.offset <= size:
            digest = hash_prefix(fd, anchor.offset)
            if digest is not None and digest.hexdigest() == anchor.prefix_sha256:
                tail = _read_range(fd, anchor.offset, size)
                if b"\n" not in tail:
                    return _Tip(anchor.head, anchor.offset, tail or None, digest)
        content = b"" if fd is None else _read_range(fd, 0, size)
        check = AnchorCheck(None if anchor is None else anchor.head, self.anchor_path.name)
        report = verify_bytes(content, anchor=check, path=self.path)
        if report.problem is not None:
            raise AuditIntegrityError(
                said("audit.damaged", path=str(self.path), problem=report.problem_message or "")
            )
        end = size - (report.torn_tail or 0)
        digest = hashlib.sha256(memoryview(content)[:end])
        return _Tip(report.head, end, content[end:] or None, digest)

    def _read_all(self) -> bytes:
        with self._read_lock() as fd:
            return b"" if fd is None else _read_range(fd, 0, os.fstat(fd).st_size)

    @contextmanager
    def _write_lock(self) -> Iterator[int]:
        try:
            ensure_private_dir(self.path.parent)
            flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | O_BINARY
            fd = os.open(self.path, flags, PRIVATE_FILE_MODE)
        except OSError as exc:
            raise OutputError(
                said("audit.cannot_open", path=str(self.path), reason=str(exc.strerror))
            ) from exc
        with locked_then_closed(fd, exclusive=True):
            if stat.S_IMODE(os.fstat(fd).st_mode) != PRIVATE_FILE_MODE:
                restrict_mode(fd, PRIVATE_FILE_MODE)
            yield fd

    @contextmanager
    def _read_lock(self) -> Iterator[int | None]:
        """The log under a shared lock, so a concurrent append is never seen half written."""
        try:
            fd = os.open(self.path, os.O_RDONLY | O_BINARY)
        except FileNotFoundError:
            yield None  # no log yet: nothing was audited
            return
        except OSError as exc:
            raise OutputError(
                said("audit.cannot_read", path=str(self.path), reason=str(exc.strerror))
            ) from exc
        with locked_then_closed(fd, exclusive=False):
            yield fd


@dataclass
class _Tip:
    """The checked end of the log: its head, where the head's line ends, what follows it."""

    head: AuditHead
    end: int
    torn: bytes | None  # a write that never finished (no newline), to record
    digest: hashlib._Hash  # SHA-256 of the log's first ``end`` bytes


def _read_range(fd: int, start: int, stop: int) -> bytes:
    """The bytes from ``start`` to ``stop``, read once (linear in their length)."""
    chunks = []
    pos = start
    while pos < stop:
        chunk = os.pread(fd, min(_CHUNK, stop - pos), pos)
        if not chunk:
            break
        chunks.append(chunk)
        pos += len(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except OSError as exc:
        raise OutputError(said("audit.cannot_write", reason=str(exc.strerror))) from exc


def describe_outcome(error: BaseException | None, verdict_status: str | None = None) -> str:
    """A fetch outcome for the log: the verdict, or the error's class and code, never its text."""
    if error is None:
        return verdict_status or "done"
    if isinstance(error, ServiceError):
        return f"service error {error.code}"
    if isinstance(error, HttpStatusError):
        return f"HTTP {error.status}"
    for kind, words in _OUTCOME_WORDS:
        if isinstance(error, kind):
            return words
    return type(error).__name__ if isinstance(error, IauthError) else "unexpected error"


_OUTCOME_WORDS: tuple[tuple[type[BaseException], str], ...] = (
    (NetworkError, "network error"),
    (CancelledError, "cancelled"),
    (KeyboardInterrupt, "cancelled"),
)


def record_fetch(  # noqa: PLR0917 - the order every caller was promised
    log: AuditLog,
    reviewer: str | None,
    token: str,
    profile: str | None,
    endpoint: str,
    outcome: str,
) -> AuditEntry:
    """One ``fetch`` entry: token, profile, endpoint host (no path, no credentials), outcome."""
    return log.record(fetched(token, profile, endpoint, outcome), reviewer)
