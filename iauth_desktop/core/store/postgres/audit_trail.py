"""The team's audit trail: the same chained lines as the workstation's file, one chain in the
database for every reviewer.

Each line is built here exactly as ``audit.chain`` builds a file's (its reviewer the database
login), appended under a transaction-scoped lock in chain order; the database checks what it can
(author, sequence, the link to the previous line and the line's own hash) and keeps the table
insert-only. ``verify`` re-reads the whole chain, so a superuser who edits a row behind the
triggers' back is named, and a rewritten head is caught by the head every export carries.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg.rows import dict_row

from iauth_desktop.core.audit.chain import (
    EMPTY_HEAD,
    EVENT_NAME,
    AuditEntry,
    AuditHead,
    AuditIntegrityError,
    canonical_line,
    parse_line,
    sha256_hex,
    utc_timestamp,
)
from iauth_desktop.core.audit.events import AuditEvent
from iauth_desktop.core.audit.guard import forbid_personal_data
from iauth_desktop.core.audit.verify import VerifyReport, verify_bytes
from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.store.base import StoreError, StoreUnreachableError
from iauth_desktop.core.store.postgres.url import check_database_url, connect_kwargs

CONNECT_TIMEOUT_S = 10


def append_event(conn: psycopg.Connection[Any], event: AuditEvent) -> AuditEntry:
    """Append ``event`` to the team's chain inside the caller's transaction, so that a change
    and the entry recording it are committed together or not at all. Chain order is kept by a
    transaction-scoped lock; the author is the database login."""
    if not EVENT_NAME.fullmatch(event.name):
        raise UsageError(f"{event.name!r} is not an audit event name")
    clean = forbid_personal_data(dict(event.data))
    conn.execute("SELECT pg_advisory_xact_lock(hashtext('iauth_audit'))")
    cursor = conn.cursor(row_factory=dict_row)
    who = cursor.execute("SELECT session_user AS who").fetchone()
    last = cursor.execute(
        "SELECT seq, sha256 FROM audit_entries ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    seq = 1 if last is None else int(last["seq"]) + 1
    prev = EMPTY_HEAD.sha256 if last is None else str(last["sha256"])
    line = canonical_line(
        seq=seq,
        ts=utc_timestamp(datetime.now(UTC)),
        reviewer=str(who["who"]) if who else "",
        event=event.name,
        data=clean,
        prev=prev,
    )
    conn.execute(
        "INSERT INTO audit_entries (seq, line, sha256) VALUES (%s, %s, %s)",
        (seq, line.decode("utf-8").rstrip("\n"), sha256_hex(line)),
    )
    entry = parse_line(line)
    assert entry is not None
    return entry


class PostgresAuditTrail:
    def __init__(self, url: str, *, secrets: SecretStore | None = None) -> None:
        self.target = check_database_url(url)
        self._extra = connect_kwargs(self.target, secrets)

    def describe(self) -> str:
        return f"the team database {self.target.dbname} on {self.target.host or 'this machine'}"

    # --- writing -----------------------------------------------------------------------------

    def record(self, event: AuditEvent, reviewer: str | None = None) -> AuditEntry:
        """Append ``event`` as the database login (``reviewer`` is not used: the login is)."""
        with self._conn() as conn, conn.transaction():
            return append_event(conn, event)

    # --- reading -----------------------------------------------------------------------------

    def head(self) -> AuditHead:
        """The last entry's head, once the chain verifies (fail closed)."""
        report = self.verify()
        if not report.ok:
            raise AuditIntegrityError(
                f"the team's audit trail is damaged: entry {report.problem_seq}: "
                f"{report.problem} (run `iauth-desktop audit verify`)"
            )
        return report.head

    def entries(self, token: str | None = None) -> list[AuditEntry]:
        found = [e for e in map(parse_line, self._lines()) if e is not None]
        return found if token is None else [e for e in found if e.token == token]

    def verify(self, expected_head: AuditHead | None = None) -> VerifyReport:
        """The whole chain checked as a file's would be, and each row's stored hash."""
        with self._conn() as conn:
            rows = conn.execute(
                "SELECT seq, line, sha256 FROM audit_entries ORDER BY seq"
            ).fetchall()
        content = b"".join(row["line"].encode("utf-8") + b"\n" for row in rows)
        report = verify_bytes(content, expected_head)
        if report.ok:
            for row in rows:
                if sha256_hex(row["line"].encode("utf-8") + b"\n") != row["sha256"]:
                    return VerifyReport(
                        entries=report.entries,
                        head=report.head,
                        problem="the stored hash does not match the entry's text (it was edited)",
                        problem_seq=int(row["seq"]),
                    )
        return report

    def _lines(self) -> Iterator[bytes]:
        with self._conn() as conn:
            rows = conn.execute("SELECT line FROM audit_entries ORDER BY seq").fetchall()
        for row in rows:
            yield row["line"].encode("utf-8") + b"\n"

    @contextmanager
    def _conn(self) -> Iterator[psycopg.Connection[Any]]:
        try:
            conn = psycopg.connect(
                self.target.conninfo,
                connect_timeout=CONNECT_TIMEOUT_S,
                application_name="iauth-desktop",
                row_factory=dict_row,
                **self._extra,
            )
        except psycopg.OperationalError as exc:
            raise StoreUnreachableError(
                f"the team database cannot be reached: {_first(exc)}"
            ) from None
        try:
            with conn:
                yield conn
        except psycopg.errors.InsufficientPrivilege as exc:
            raise AuditIntegrityError(f"the team's audit trail refused: {_first(exc)}") from None
        except psycopg.Error as exc:
            raise StoreError(f"the team's audit trail failed: {_first(exc)}") from None


def _first(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
