"""``PostgresStore``: the team's case record, a ``CaseStore`` on PostgreSQL (psycopg 3 + pool).

Identity comes from the database login (``session_user``): the reviewer a caller names is not
used, the database writes and checks the author of every row (see ``schema``). The decision
rules run here as in the embedded store, and the database's own triggers and row-level security
stand behind them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool, PoolTimeout

from iauth_desktop.core.audit import events
from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.decision import (
    Decision,
    DecisionAction,
    check_chain,
    check_decision,
    check_free_text,
    contains_personal_number,
)
from iauth_desktop.core.model.errors import RefusedError
from iauth_desktop.core.model.masking import mask_name
from iauth_desktop.core.model.result import review_status
from iauth_desktop.core.net.hosts import endpoint_host
from iauth_desktop.core.store.base import (
    UNDECIDED,
    AuditHeadLike,
    CaseStore,
    CaseSummary,
    DecisionFilter,
    StoreError,
    StoreUnreachableError,
    decision_from_mapping,
    stage_values,
    summary_from_mapping,
)
from iauth_desktop.core.store.postgres.audit_trail import append_event
from iauth_desktop.core.store.postgres.schema import SCHEMA_VERSION, current_version
from iauth_desktop.core.store.postgres.url import check_database_url, connect_kwargs

CONNECT_TIMEOUT_S = 10

_SUMMARY = """
SELECT c.*, d.id AS d_id, d.action AS d_action, d.reason AS d_reason,
    d.reason_text AS d_reason_text, d.justification AS d_justification, d.notes AS d_notes,
    d.reviewer AS d_reviewer, d.decided_at AS d_decided_at, d.supersedes AS d_supersedes,
    d.evidence_sha256 AS d_evidence_sha256
FROM cases AS c LEFT JOIN decisions AS d
    ON d.id = (SELECT max(l.id) FROM latest_decisions AS l WHERE l.token = c.token)
"""
_UPSERT = """
INSERT INTO cases (token, fetched_at, verdict, failed_stages, final_code, final_message,
    liveness_code, liveness_message, compare_code, compare_message, mode, provider,
    evidence_complete, masked_name, profile_name, endpoint_host, audit_seq, audit_sha256)
VALUES (%(token)s, %(fetched_at)s, %(verdict)s, %(failed_stages)s, %(final_code)s,
    %(final_message)s, %(liveness_code)s, %(liveness_message)s, %(compare_code)s,
    %(compare_message)s, %(mode)s, %(provider)s, %(evidence_complete)s, %(masked_name)s,
    %(profile_name)s, %(endpoint_host)s, %(audit_seq)s, %(audit_sha256)s)
ON CONFLICT (token) DO UPDATE SET
    fetched_at = excluded.fetched_at, verdict = excluded.verdict,
    failed_stages = excluded.failed_stages, final_code = excluded.final_code,
    final_message = excluded.final_message, liveness_code = excluded.liveness_code,
    liveness_message = excluded.liveness_message, compare_code = excluded.compare_code,
    compare_message = excluded.compare_message, mode = excluded.mode,
    provider = excluded.provider, evidence_complete = excluded.evidence_complete,
    masked_name = excluded.masked_name, profile_name = excluded.profile_name,
    endpoint_host = excluded.endpoint_host,
    audit_seq = coalesce(excluded.audit_seq, cases.audit_seq),
    audit_sha256 = coalesce(excluded.audit_sha256, cases.audit_sha256),
    updated_at = now()
"""


class PostgresStore:
    """The team's record at ``url`` (a libpq URL without a password)."""

    # decisions and purges write their audit entry themselves, in the same transaction
    audits_itself = True

    def __init__(
        self, url: str, *, max_connections: int = 4, secrets: SecretStore | None = None
    ) -> None:
        self.target = check_database_url(url)
        extra = connect_kwargs(self.target, secrets)
        # One direct connection first: a refused or unknown server is said at once, in words,
        # rather than after the pool has retried for its whole timeout.
        try:
            with psycopg.connect(
                self.target.conninfo,
                connect_timeout=CONNECT_TIMEOUT_S,
                application_name="iauth-desktop",
                row_factory=dict_row,
                **extra,
            ) as conn:
                version = current_version(conn)
                who = _one(conn.execute("SELECT session_user AS who"))["who"]
        except psycopg.OperationalError as exc:
            raise StoreUnreachableError(
                f"the team database {self._where()} cannot be reached: {_first_line(exc)}"
            ) from None
        except psycopg.errors.InsufficientPrivilege as exc:
            raise StorePermissionError(_first_line(exc)) from None
        except psycopg.Error as exc:
            raise StoreError(f"the team database refused: {_first_line(exc)}") from None
        if version != SCHEMA_VERSION:
            raise StoreError(_version_problem(version))
        self.identity: str | None = str(who)
        self._pool = ConnectionPool(
            self.target.conninfo,
            min_size=1,
            max_size=max_connections,
            kwargs={
                "connect_timeout": CONNECT_TIMEOUT_S,
                "application_name": "iauth-desktop",
                **extra,
            },
            open=False,
        )
        self._pool.open(wait=False)

    def _where(self) -> str:
        return f"{self.target.dbname or '(default)'} on {self.target.host or 'this machine'}"

    # --- lifetime ----------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        with self._conn() as conn:
            return current_version(conn)

    def close(self) -> None:
        self._pool.close()

    # --- writing -----------------------------------------------------------------------------

    def record_case(
        self, case: ReviewCase, reviewer: str, audit_head: AuditHeadLike | None
    ) -> CaseSummary:
        """Add or refresh the case; the author is the database login, not ``reviewer``."""
        if not case.token:
            raise StoreError("A case needs its token to be recorded.")
        with self._write() as conn:
            upsert_case(conn, case, audit_head)
            return self._summary(conn, case.token)

    def record_decision(self, token: str, decision: Decision) -> Decision:
        with self._write() as conn:
            queued = conn.execute("SELECT state FROM queue WHERE token = %s", (token,)).fetchone()
            if queued is not None:
                raise RefusedError(
                    f"{token} is in the review queue ({queued['state']}): decide it there, on a "
                    "claim of yours (`queue next`, then `decide`)"
                )
            recorded = insert_decision(conn, token, decision)
            append_event(conn, events.decided(token, recorded))  # in the same transaction
            return recorded

    def set_notes(self, token: str, notes: str) -> None:
        text = notes.strip()
        check_free_text("notes", text)
        with self._write() as conn:
            done = conn.execute(
                "UPDATE cases SET notes = %s, updated_at = now() WHERE token = %s", (text, token)
            )
            if done.rowcount == 0:
                raise StoreError(f"No case {token!r} in the record.")

    def set_export(self, token: str, path: Path, audit_head: AuditHeadLike | None) -> None:
        where = str(Path(path).absolute())
        if contains_personal_number(where):
            raise StoreError(
                "The export path seems to hold a full ID or phone number, which the case record "
                "never keeps; export under a name without it."
            )
        seq = None if audit_head is None else audit_head.seq
        sha = None if audit_head is None else audit_head.sha256
        with self._write() as conn:
            done = conn.execute(
                "UPDATE cases SET export_path = %s, audit_seq = coalesce(%s, audit_seq), "
                "audit_sha256 = coalesce(%s, audit_sha256), updated_at = now() "
                "WHERE token = %s",
                (where, seq, sha, token),
            )
            if done.rowcount == 0:
                raise StoreError(f"No case {token!r} in the record.")

    def purge(self, older_than: timedelta, now: datetime | None = None) -> list[str]:
        """Remove cases past retention through the database's own purge (supervisors only);
        the database's clock decides, ``now`` is not used."""
        with self._write() as conn:
            rows = conn.execute("SELECT * FROM iauth_purge(%s)", (older_than,)).fetchall()
        # the function recorded the purge in the team's trail itself, in the same transaction
        return sorted(str(next(iter(r.values()))) for r in rows)

    # --- reading -----------------------------------------------------------------------------

    def get(self, token: str) -> CaseSummary | None:
        with self._conn() as conn:
            return self._find(conn, token)

    def decisions(self, token: str) -> list[Decision]:
        with self._conn() as conn:
            rows = conn.execute(
                "SELECT * FROM decisions WHERE token = %s ORDER BY id", (token,)
            ).fetchall()
        return [d for d in map(_decision, rows) if d is not None]

    def latest_decision(self, token: str) -> Decision | None:
        with self._conn() as conn:
            row = conn.execute(
                "SELECT * FROM latest_decisions WHERE token = %s ORDER BY id DESC LIMIT 1",
                (token,),
            ).fetchone()
        return None if row is None else _decision(row)

    def search(
        self,
        text: str = "",
        decision: DecisionFilter = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int | None = None,
    ) -> list[CaseSummary]:
        clauses: list[str] = []
        params: list[Any] = []
        needle = text.strip()
        if needle:
            clauses.append(
                "(strpos(lower(c.token), lower(%s)) > 0 OR strpos(c.masked_name, %s) > 0)"
            )
            params += [needle, needle]
        if decision == UNDECIDED:
            clauses.append("d.id IS NULL")
        elif decision is not None:
            clauses.append("d.action = %s")
            params.append(DecisionAction(decision).value)
        if since is not None:
            clauses.append("c.fetched_at >= %s")
            params.append(since)
        if until is not None:
            clauses.append("c.fetched_at < %s")
            params.append(until)
        sql = _SUMMARY + (" WHERE " + " AND ".join(clauses) if clauses else "")
        sql += " ORDER BY c.fetched_at DESC, c.token"
        if limit is not None:
            sql += " LIMIT %s"
            params.append(max(0, limit))
        with self._conn() as conn:
            return [_summary(row) for row in conn.execute(sql, params).fetchall()]

    # --- internals ---------------------------------------------------------------------------

    def _summary(self, conn: psycopg.Connection[Any], token: str) -> CaseSummary:
        found = self._find(conn, token)
        assert found is not None
        return found

    @staticmethod
    def _find(conn: psycopg.Connection[Any], token: str) -> CaseSummary | None:
        row = conn.execute(_SUMMARY + " WHERE c.token = %s", (token,)).fetchone()
        return None if row is None else _summary(row)

    @contextmanager
    def _conn(self) -> Iterator[psycopg.Connection[Any]]:
        try:
            with self._pool.connection(timeout=CONNECT_TIMEOUT_S) as conn:
                conn.row_factory = dict_row  # type: ignore[assignment]
                yield conn
        except PoolTimeout as exc:
            raise StoreUnreachableError(f"the team database cannot be reached: {exc}") from None
        except psycopg.errors.InsufficientPrivilege as exc:
            raise StorePermissionError(_first_line(exc)) from None
        except psycopg.OperationalError as exc:
            raise StoreUnreachableError(
                f"the team database {self._where()} failed: {_first_line(exc)}"
            ) from None
        except psycopg.Error as exc:
            raise StoreError(f"the team database refused: {_first_line(exc)}") from None

    @contextmanager
    def _write(self) -> Iterator[psycopg.Connection[Any]]:
        with self._conn() as conn, conn.transaction():
            yield conn


class StorePermissionError(RefusedError, StoreError):
    """The database itself refused: not this login's right (a revoked reviewer, a purge by a
    reviewer, a row written as someone else)."""


def upsert_case(
    conn: psycopg.Connection[Any], case: ReviewCase, audit_head: AuditHeadLike | None
) -> None:
    """Add or refresh the case's row inside the caller's transaction (metadata only)."""
    result = case.result
    verdict = result.verdict
    values: dict[str, Any] = {
        "token": case.token,
        "fetched_at": case.fetched_at,
        "verdict": verdict.status,
        "failed_stages": ",".join(verdict.failed_stages),
        **stage_values(result),
        "mode": case.mode.value,
        "provider": result.provider,
        "evidence_complete": case.evidence_complete,
        "masked_name": mask_name(result.identity.get("name", "").strip()),
        "profile_name": case.profile_name,
        "endpoint_host": endpoint_host(case.endpoint, with_port=False),
        "audit_seq": None if audit_head is None else audit_head.seq,
        "audit_sha256": None if audit_head is None else audit_head.sha256,
    }
    conn.execute(_UPSERT, values)


def insert_decision(conn: psycopg.Connection[Any], token: str, decision: Decision) -> Decision:
    """Check ``decision`` against the case's verdict and chain and insert it, inside the
    caller's transaction; the stored decision (the queue records its decisions through this)."""
    row = conn.execute(
        "SELECT verdict, evidence_complete FROM cases WHERE token = %s FOR UPDATE", (token,)
    ).fetchone()
    if row is None:
        raise StoreError(f"No case {token!r} in the record; record the case first.")
    check_decision(decision, review_status(row["verdict"], row["evidence_complete"]))
    check_chain(decision, latest_decision_id(conn, token))
    stored = _one(
        conn.execute(
            "INSERT INTO decisions (token, action, reason, reason_text, justification, "
            "notes, reviewer, supersedes, evidence_sha256) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id, decided_at",
            (
                token,
                decision.action.value,
                None if decision.reason is None else decision.reason.value,
                decision.reason_text,
                decision.justification,
                decision.notes,
                decision.reviewer,
                decision.supersedes,
                decision.evidence_sha256,
            ),
        )
    )
    conn.execute("UPDATE cases SET updated_at = now() WHERE token = %s", (token,))
    return replace(decision, id=int(stored["id"]), decided_at=stored["decided_at"])


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _version_problem(version: int) -> str:
    if version == 0:
        return (
            "the team database has no iauth schema yet: its owner runs "
            "`iauth-desktop db upgrade` first"
        )
    if version < SCHEMA_VERSION:
        return (
            f"the team database has schema {version}; this version needs {SCHEMA_VERSION}: "
            "its owner runs `iauth-desktop db upgrade`"
        )
    return (
        f"the team database has schema {version}, newer than this version knows "
        f"({SCHEMA_VERSION}): update iauth-desktop"
    )


def latest_decision_id(conn: psycopg.Connection[Any], token: str) -> int | None:
    row = _one(
        conn.execute("SELECT max(id) AS id FROM latest_decisions WHERE token = %s", (token,))
    )
    return None if row["id"] is None else int(row["id"])


def _one(cursor: psycopg.Cursor[Any]) -> Any:
    """The one row a statement always returns."""
    row = cursor.fetchone()
    if row is None:
        raise StoreError("the team database answered no row where one was due")
    return row


def _same(value: Any) -> Any:
    return value  # psycopg reads timestamptz as aware datetimes already


def _decision(row: dict[str, Any], prefix: str = "") -> Decision | None:
    return decision_from_mapping(row, prefix, when=_same)


def _summary(row: dict[str, Any]) -> CaseSummary:
    return summary_from_mapping(row, when=_same)


def _conforms(store: PostgresStore) -> CaseStore:
    """mypy checks here that the team store is a CaseStore."""
    return store


__all__ = ["PostgresStore", "StorePermissionError"]
