"""The case history: a local SQLite file of reviewed cases and their decisions, metadata only.

One connection per ``CaseHistory``, usable from any thread (calls are serialised); several app
instances may share the file (WAL, writes in ``BEGIN IMMEDIATE`` transactions, busy timeout).
Decisions are immutable (see ``history_schema``): a change is a new decision whose
``supersedes`` names the current latest one, so each case keeps one unbroken chain.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType

from iauth_desktop.core.config.paths import data_dir
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
from iauth_desktop.core.model.messages import said
from iauth_desktop.core.model.result import review_status
from iauth_desktop.core.model.timefmt import as_utc, to_db_text, token_likely_expired, utc_now
from iauth_desktop.core.store.base import (
    UNDECIDED,
    AuditHeadLike,
    CaseStore,
    CaseSummary,
    DecisionFilter,
    RecordedAuditHead,
)
from iauth_desktop.core.store.sqlite.rows import (
    INSERT_DECISION,
    SUMMARY_SELECT,
    UPSERT_CASE,
    audit_head_values,
    case_values,
    decision_from_row,
    decision_values,
    summary_from_row,
)
from iauth_desktop.core.store.sqlite.schema import SCHEMA_VERSION, HistoryError, connect_history

__all__ = [
    "DEFAULT_RETENTION",
    "HISTORY_FILE",
    "SCHEMA_VERSION",
    "AuditHeadLike",
    "CaseHistory",
    "CaseSummary",
    "DecisionFilter",
    "HistoryError",
    "RecordedAuditHead",
    "default_history_path",
    "token_likely_expired",
]

DEFAULT_RETENTION = timedelta(days=180)
HISTORY_FILE = "history.sqlite3"


def default_history_path() -> Path:
    return data_dir() / HISTORY_FILE


class CaseHistory:  # a CaseStore
    identity: str | None = None  # the reviewer names themself (settings, --reviewer)
    audits_itself = False  # the audit log is a separate file: the caller records
    """The reviewed cases in ``path`` (default ``data_dir()/history.sqlite3``, mode 0600)."""

    def __init__(
        self, path: Path | None = None, *, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self.path = default_history_path() if path is None else Path(path)
        self._clock = clock
        self._lock = threading.Lock()
        self._db = connect_history(self.path)

    # --- lifetime ----------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> CaseHistory:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self._read() as db:
            return int(db.execute("PRAGMA user_version").fetchone()[0])

    # --- writing -----------------------------------------------------------------------------

    def record_case(
        self, case: ReviewCase, reviewer: str, audit_head: AuditHeadLike | None
    ) -> CaseSummary:
        """Add ``case`` or refresh it (a re-fetch); its notes, export and decisions stay."""
        if not case.token:
            raise HistoryError(said("history.no_token"))
        if not reviewer.strip():
            raise HistoryError(said("history.no_reviewer"))
        values = case_values(case, reviewer.strip(), audit_head, self._now())
        with self._write() as db:
            db.execute(UPSERT_CASE, values)
            return self._summary(db, case.token)

    def record_decision(self, token: str, decision: Decision) -> Decision:
        """Store ``decision`` for the case ``token``; the stored decision, with its id.

        The first decision has ``supersedes=None``; every later one must name the case's
        current latest decision (``superseding(latest, new)``). DecisionError otherwise.
        """
        with self._write() as db:
            queued = db.execute("SELECT state FROM queue WHERE token = ?", (token,)).fetchone()
            if queued is not None and queued["state"] != "decided":
                raise RefusedError(
                    f"{token} is in the review queue ({queued['state']}): decide it there, "
                    "on a claim of yours (`queue next`, then `decide`)"
                )
            return self._insert_decision(db, token, decision)

    def _insert_decision(self, db: sqlite3.Connection, token: str, decision: Decision) -> Decision:
        """Check ``decision`` against the case's verdict and chain and insert it, inside the
        caller's transaction (the queue records its decisions through this too)."""
        row = db.execute(
            "SELECT verdict, evidence_complete FROM cases WHERE token = ?", (token,)
        ).fetchone()
        if row is None:
            raise HistoryError(said("history.record_first", token=repr(token)))
        complete = row["evidence_complete"]
        check_decision(
            decision,
            review_status(row["verdict"], None if complete is None else bool(complete)),
        )
        check_chain(decision, _latest_id(db, token))
        cursor = db.execute(INSERT_DECISION, decision_values(token, decision))
        self._touch(db, token)
        assert cursor.lastrowid is not None
        return replace(decision, id=cursor.lastrowid, decided_at=as_utc(decision.decided_at))

    def set_notes(self, token: str, notes: str) -> None:
        """The case's running notes (separate from each decision's own notes)."""
        text = notes.strip()
        check_free_text("notes", text)
        with self._write() as db:
            self._require(db, token)
            db.execute("UPDATE cases SET notes = ? WHERE token = ?", (text, token))
            self._touch(db, token)

    def set_export(self, token: str, path: Path, audit_head: AuditHeadLike | None) -> None:
        """Remember where the case was last exported, and the audit head at that moment."""
        where = str(Path(path).absolute())
        if contains_personal_number(where):
            raise HistoryError(said("history.export_personal"))
        seq, sha = audit_head_values(audit_head)
        with self._write() as db:
            self._require(db, token)
            db.execute(
                "UPDATE cases SET export_path = ?, audit_seq = coalesce(?, audit_seq), "
                "audit_sha256 = coalesce(?, audit_sha256) WHERE token = ?",
                (where, seq, sha, token),
            )
            self._touch(db, token)

    def purge(
        self, older_than: timedelta = DEFAULT_RETENTION, now: datetime | None = None
    ) -> list[str]:
        """Remove every case with no activity (fetch, decision, notes, export) for ``older_than``,
        decisions included; the tokens removed, for the caller to audit."""
        if older_than < timedelta(0):
            raise HistoryError(said("history.negative_retention"))
        cutoff = to_db_text(as_utc(self._now() if now is None else now) - older_than)
        with self._write() as db:
            db.execute("DELETE FROM purge_permits")
            db.execute(
                "INSERT INTO purge_permits (token) SELECT token FROM cases WHERE updated_at < ?",
                (cutoff,),
            )
            tokens = [str(r[0]) for r in db.execute("SELECT token FROM purge_permits ORDER BY 1")]
            # the queue's rows of those cases, and queued tokens never fetched, gone as long
            db.execute(
                "DELETE FROM queue WHERE token IN (SELECT token FROM purge_permits) OR "
                "(updated_at < ? AND token NOT IN (SELECT token FROM cases))",
                (cutoff,),
            )
            db.execute("DELETE FROM decisions WHERE token IN (SELECT token FROM purge_permits)")
            db.execute("DELETE FROM cases WHERE token IN (SELECT token FROM purge_permits)")
            db.execute("DELETE FROM purge_permits")
        if tokens:
            with self._read() as db:  # leave no purged pages behind in the write-ahead log
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return tokens

    # --- reading -----------------------------------------------------------------------------

    def get(self, token: str) -> CaseSummary | None:
        with self._read() as db:
            row = db.execute(SUMMARY_SELECT + " WHERE c.token = ?", (token,)).fetchone()
            return None if row is None else summary_from_row(row)

    def decisions(self, token: str) -> list[Decision]:
        """Every decision on the case, oldest first (each later one supersedes the one before)."""
        with self._read() as db:
            rows = db.execute("SELECT * FROM decisions WHERE token = ? ORDER BY id", (token,))
            return [d for d in map(decision_from_row, rows) if d is not None]

    def latest_decision(self, token: str) -> Decision | None:
        """The head of the case's chain: the decision no later decision supersedes."""
        with self._read() as db:
            row = db.execute(
                "SELECT * FROM latest_decisions WHERE token = ? ORDER BY id DESC LIMIT 1", (token,)
            ).fetchone()
            return None if row is None else decision_from_row(row)

    def search(
        self,
        text: str = "",
        decision: DecisionFilter = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int | None = None,
    ) -> list[CaseSummary]:
        """Cases, newest fetch first. ``text`` matches the token (any case) or the masked name;
        ``decision`` the latest decision's action, or ``"undecided"``; ``since`` (inclusive) and
        ``until`` (exclusive) the fetch time."""
        clauses: list[str] = []
        params: list[object] = []
        needle = text.strip()
        if needle:
            clauses.append("(instr(lower(c.token), lower(?)) > 0 OR instr(c.masked_name, ?) > 0)")
            params += [needle, needle]
        if decision == UNDECIDED:
            clauses.append("d.id IS NULL")
        elif decision is not None:
            clauses.append("d.action = ?")
            params.append(DecisionAction(decision).value)
        if since is not None:
            clauses.append("c.fetched_at >= ?")
            params.append(to_db_text(since))
        if until is not None:
            clauses.append("c.fetched_at < ?")
            params.append(to_db_text(until))
        sql = SUMMARY_SELECT
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY c.fetched_at DESC, c.token"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, limit))
        with self._read() as db:
            return [summary_from_row(row) for row in db.execute(sql, params)]

    # --- internals ---------------------------------------------------------------------------

    def _now(self) -> datetime:
        return as_utc(self._clock())

    def _touch(self, db: sqlite3.Connection, token: str) -> None:
        db.execute(
            "UPDATE cases SET updated_at = ? WHERE token = ?", (to_db_text(self._now()), token)
        )

    def _summary(self, db: sqlite3.Connection, token: str) -> CaseSummary:
        return summary_from_row(
            db.execute(SUMMARY_SELECT + " WHERE c.token = ?", (token,)).fetchone()
        )

    @staticmethod
    def _require(db: sqlite3.Connection, token: str) -> None:
        if db.execute("SELECT 1 FROM cases WHERE token = ?", (token,)).fetchone() is None:
            raise HistoryError(said("history.no_case", token=repr(token)))

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as error:
                raise HistoryError(said("history.unreadable", reason=str(error))) from error

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction: all of it is stored, or none of it."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")
            except sqlite3.Error as error:
                self._rollback()
                raise HistoryError(said("history.unwritable", reason=str(error))) from error
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")


def _latest_id(db: sqlite3.Connection, token: str) -> int | None:
    row = db.execute("SELECT max(id) FROM latest_decisions WHERE token = ?", (token,)).fetchone()
    return None if row[0] is None else int(row[0])


def _conforms(history: CaseHistory) -> CaseStore:
    """mypy checks here that the SQLite history is a CaseStore."""
    return history
