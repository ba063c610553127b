"""The tamper-evident audit log: who fetched, revealed, decided, reported and exported what.

Append-only JSON Lines (format in ``audit_chain``) under the data folder. Appends from several
processes are serialised with ``flock`` on the log itself: read the last line, write the new
line in one ``write``, ``fsync``, unlock. Only the end of the file is read to append, so the cost
does not grow with the log. The log holds no personal data and no secrets (``audit_guard``).
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from iauth_desktop.core.audit.chain import (
    EMPTY_HEAD,
    EVENT_NAME,
    TORN_EVENT,
    ZERO_HASH,
    AuditEntry,
    AuditHead,
    AuditIntegrityError,
    canonical_line,
    parse_line,
    sha256_hex,
    torn_record,
    utc_timestamp,
)
from iauth_desktop.core.audit.events import EVENTS, AuditEvent, fetched
from iauth_desktop.core.audit.guard import PersonalDataError, check_text, forbid_personal_data
from iauth_desktop.core.audit.verify import VerifyReport, verify_bytes
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
from iauth_desktop.core.platform_files import locked_then_closed, restrict_mode

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
_TAIL_BLOCK = 8192


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

    def record(self, event: AuditEvent, reviewer: str | None = None) -> AuditEntry:
        """Write one of the app's events (built in ``audit.events``); the entry written."""
        return self.append(event.name, reviewer, **event.data)

    def append(self, event: str, reviewer: str | None = None, **data: Any) -> AuditEntry:
        """Write one entry and return it; first records a torn last line if there is one."""
        if event == TORN_EVENT or not EVENT_NAME.fullmatch(event):
            raise UsageError(f"{event!r} is not an audit event name")
        who = check_text(reviewer if reviewer else default_reviewer(), "reviewer")
        clean = forbid_personal_data(data)
        with self._write_lock() as fd:
            last, torn = _read_end(fd)
            seq, prev = _next_link(last)
            ts = utc_timestamp(datetime.fromtimestamp(self._clock(), UTC))
            out = b""
            if torn is not None:
                record = torn_record(torn, prev)
                torn_line = torn + b"\n"
                out = b"\n" + canonical_line(
                    seq=seq,
                    ts=ts,
                    reviewer=who,
                    event=TORN_EVENT,
                    data=record,
                    prev=sha256_hex(torn_line),
                )
                prev, seq = sha256_hex(out[1:]), seq + 1
            line = canonical_line(seq=seq, ts=ts, reviewer=who, event=event, data=clean, prev=prev)
            _write_all(fd, out + line)
        entry = parse_line(line)
        assert entry is not None
        return entry

    def head(self) -> AuditHead:
        """The last complete entry's seq and line hash, for the case history and exports."""
        with self._read_lock() as fd:
            if fd is None:
                return EMPTY_HEAD
            last, _ = _read_end(fd)
        if last is None:
            return EMPTY_HEAD
        entry = parse_line(last)
        if entry is None:
            raise AuditIntegrityError(f"the last line of {self.path} is not a valid audit entry")
        return entry.head

    def verify(self, expected_head: AuditHead | None = None) -> VerifyReport:
        return verify_bytes(self._read_all(), expected_head, path=self.path)

    def entries(self, token: str | None = None) -> list[AuditEntry]:
        """Every readable entry in order (only those about ``token`` when given)."""
        found = [parse_line(line + b"\n") for line in self._read_all().split(b"\n")[:-1]]
        return [e for e in found if e is not None and (token is None or e.token == token)]

    def _read_all(self) -> bytes:
        with self._read_lock() as fd:
            if fd is None:
                return b""
            chunks = []
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
        return b"".join(chunks)

    @contextmanager
    def _write_lock(self) -> Iterator[int]:
        try:
            ensure_private_dir(self.path.parent)
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, PRIVATE_FILE_MODE)
        except OSError as exc:
            raise OutputError(f"cannot open the audit log {self.path}: {exc.strerror}") from exc
        with locked_then_closed(fd, exclusive=True):
            if stat.S_IMODE(os.fstat(fd).st_mode) != PRIVATE_FILE_MODE:
                restrict_mode(fd, PRIVATE_FILE_MODE)
            yield fd

    @contextmanager
    def _read_lock(self) -> Iterator[int | None]:
        """The log under a shared lock, so a concurrent append is never seen half written."""
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            yield None  # no log yet: nothing was audited
            return
        except OSError as exc:
            raise OutputError(f"cannot read the audit log {self.path}: {exc.strerror}") from exc
        with locked_then_closed(fd, exclusive=False):
            yield fd


def _next_link(last: bytes | None) -> tuple[int, str]:
    if last is None:
        return 1, ZERO_HASH
    entry = parse_line(last)
    if entry is None:
        raise AuditIntegrityError(
            "the audit log's last complete line is not a valid entry: nothing more is written"
            " until it is looked at (run `iauth-desktop audit verify`)"
        )
    return entry.seq + 1, entry.sha256


def _read_end(fd: int) -> tuple[bytes | None, bytes | None]:
    """The last complete line (newline included) and the torn bytes after it, if any.

    Reads backwards from the end in blocks until two newlines (or the start) are in hand.
    """
    size = os.fstat(fd).st_size
    buf = b""
    pos = size
    while pos > 0 and buf.count(b"\n") < 2:
        step = min(_TAIL_BLOCK, pos)
        pos -= step
        buf = os.pread(fd, step, pos) + buf
    end = buf.rfind(b"\n")
    torn = buf[end + 1 :] or None
    if end < 0:
        return None, torn
    start = buf.rfind(b"\n", 0, end) + 1
    return buf[start : end + 1], torn


def _write_all(fd: int, data: bytes) -> None:
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except OSError as exc:
        raise OutputError(f"cannot write the audit log: {exc.strerror}") from exc


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
