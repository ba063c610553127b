"""The review queue in the embedded store: one reviewer, so no four-eyes rule (it says so).

Every step is one ``BEGIN IMMEDIATE`` transaction of the history's connection, which also
serialises several app instances on the same file. The audit events go back to the caller,
who records them in the workstation's log (the file is not the history).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, cast

from iauth_desktop.core.audit import events
from iauth_desktop.core.audit.events import AuditEvent
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.decision import Decision
from iauth_desktop.core.model.masking import mask_name
from iauth_desktop.core.model.queue import (
    EXPIRING_SOON,
    OFF_POLICY,
    AddOutcome,
    ConfirmOutcome,
    QueueDecision,
    QueueEntry,
    QueueItem,
    QueueOrigin,
    QueuePolicy,
    QueueState,
    QueueStatus,
    estimate_expiry,
)
from iauth_desktop.core.model.timefmt import as_utc, from_db_text, to_db_text
from iauth_desktop.core.store.base import StoreError, stage_values
from iauth_desktop.core.store.queue import (
    TRIAGE_HOLD,
    CaseQueue,
    Done,
    LeaseLostError,
    NotHolderError,
    TriageFailure,
    queue_item_from_mapping,
    split_repeats,
)
from iauth_desktop.core.store.sqlite.history import CaseHistory
from iauth_desktop.core.store.sqlite.rows import UPSERT_CASE, case_values

FOUR_EYES_OFF = "four-eyes rule off: the embedded store has one reviewer (a team database has it)"

# The claim order of ``core.model.queue.claim_order``, in SQL.
_ORDER = """
ORDER BY substr(expires_at, 1, 13),
    CASE verdict WHEN 'failed' THEN 0 WHEN 'incomplete' THEN 1 ELSE 2 END,
    priority DESC, expires_at, token
"""


class SqliteQueue:  # a CaseQueue
    audits_itself = False
    four_eyes = False

    def __init__(self, history: CaseHistory) -> None:
        self.history = history

    # --- filling -----------------------------------------------------------------------------

    def add(
        self, entries: Sequence[QueueEntry], origin: QueueOrigin, reviewer: str
    ) -> Done[AddOutcome]:
        now = self._now()
        added: list[str] = []
        unique, already = split_repeats(entries)
        with self.history._write() as db:
            for entry in unique:
                expires, basis = estimate_expiry(now, entry.created_at)
                done = db.execute(
                    "INSERT INTO queue (token, provider, profile_name, endpoint, priority, "
                    "queued_at, queued_by, expires_at, expiry_basis, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (token) DO NOTHING",
                    (
                        entry.token,
                        origin.provider,
                        origin.profile_name,
                        origin.endpoint,
                        entry.priority,
                        to_db_text(now),
                        reviewer,
                        to_db_text(expires),
                        basis.value,
                        to_db_text(now),
                    ),
                )
                (added if done.rowcount == 1 else already).append(entry.token)
        outcome = AddOutcome(tuple(added), tuple(already))
        found = (
            (events.queued(added, len(already), origin.profile_name, origin.provider),)
            if added
            else ()
        )
        return Done(outcome, found)

    # --- triage ------------------------------------------------------------------------------

    def take_for_triage(self, limit: int, reviewer: str) -> list[QueueItem]:
        now = self._now()
        with self.history._write() as db:
            rows = db.execute(
                "SELECT * FROM queue WHERE state = 'pending' "
                "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) "
                "AND (triage_until IS NULL OR triage_until < ?) "
                "ORDER BY expires_at, priority DESC, token LIMIT ?",
                (to_db_text(now), to_db_text(now), max(0, limit)),
            ).fetchall()
            hold = to_db_text(now + TRIAGE_HOLD)
            for row in rows:
                db.execute(
                    "UPDATE queue SET triage_until = ? WHERE token = ?", (hold, row["token"])
                )
        return [_item(r) for r in rows]

    def triaged(self, case: ReviewCase, reviewer: str) -> Done[QueueItem]:
        result = case.result
        now = self._now()
        with self.history._write() as db:
            before = self._row(db, case.token)
            db.execute(UPSERT_CASE, case_values(case, reviewer, None, now))
            db.execute(
                "UPDATE queue SET state = 'triaged', verdict = ?, final_code = ?, "
                "failed_stages = ?, masked_name = ?, attempts = attempts + 1, error = '', "
                "triage_until = NULL, next_attempt_at = NULL, updated_at = ? WHERE token = ?",
                (
                    result.verdict.status,
                    stage_values(result)["final_code"],
                    ",".join(result.verdict.failed_stages),
                    mask_name(result.identity.get("name", "").strip()),
                    to_db_text(now),
                    case.token,
                ),
            )
            item = _item(self._row(db, case.token))
        move = events.queue_moved(
            case.token, before["state"], item.state.value, why="triaged", verdict=item.verdict
        )
        return Done(item, (move,))

    def triage_failed(self, token: str, failure: TriageFailure, reviewer: str) -> Done[QueueItem]:
        now = self._now()
        if failure.gone:
            state = QueueState.EXPIRED
        elif failure.retry_at is None:
            state = QueueState.FETCH_FAILED
        else:
            state = QueueState.PENDING
        with self.history._write() as db:
            before = self._row(db, token)
            db.execute(
                "UPDATE queue SET state = ?, attempts = attempts + 1, error = ?, "
                "next_attempt_at = ?, triage_until = NULL, updated_at = ? WHERE token = ?",
                (
                    state.value,
                    failure.error[:500],
                    None if failure.retry_at is None else to_db_text(failure.retry_at),
                    to_db_text(now),
                    token,
                ),
            )
            item = _item(self._row(db, token))
        move = events.queue_moved(
            token, before["state"], state.value, why="fetch_failed", code=failure.code
        )
        return Done(item, (move,))

    def next_due(self) -> datetime | None:
        with self.history._read() as db:
            row = db.execute(
                "SELECT min(next_attempt_at) FROM queue WHERE state = 'pending'"
            ).fetchone()
        return None if row[0] is None else from_db_text(row[0])

    def retry(self, token: str, reviewer: str) -> Done[QueueItem]:
        with self.history._write() as db:
            before = self._row(db, token)
            if before["state"] not in ("fetch_failed", "expired"):
                raise NotHolderError(f"{token} is {before['state']}, not failed: nothing to retry")
            db.execute(
                "UPDATE queue SET state = 'pending', attempts = 0, next_attempt_at = NULL, "
                "updated_at = ? WHERE token = ?",
                (to_db_text(self._now()), token),
            )
            item = _item(self._row(db, token))
        return Done(item, (events.queue_moved(token, before["state"], "pending", why="retry"),))

    # --- claims ------------------------------------------------------------------------------

    def claim_next(
        self, reviewer: str, lease: timedelta, *, confirm: bool = False
    ) -> Done[QueueItem | None]:
        if confirm:
            raise NotHolderError(FOUR_EYES_OFF + "; nothing awaits confirmation")
        now = self._now()
        with self.history._write() as db:
            found = list(self._return_expired(db, now))
            row = db.execute(
                "SELECT * FROM queue WHERE state = 'triaged' " + _ORDER + " LIMIT 1"  # noqa: S608
            ).fetchone()
            if row is None:
                return Done(None, tuple(found))
            db.execute(
                "UPDATE queue SET state = 'claimed', holder = ?, claimed_at = ?, "
                "lease_until = ?, updated_at = ? WHERE token = ?",
                (reviewer, to_db_text(now), to_db_text(now + lease), to_db_text(now), row["token"]),
            )
            item = _item(self._row(db, row["token"]))
        found.append(
            events.queue_moved(
                item.token, "triaged", "claimed", why="claim", lease_s=int(lease.total_seconds())
            )
        )
        return Done(item, tuple(found))

    def renew(self, token: str, reviewer: str, lease: timedelta) -> Done[QueueItem]:
        now = self._now()
        with self.history._write() as db:
            row = self._held(db, token, reviewer, now)
            db.execute(
                "UPDATE queue SET lease_until = ?, updated_at = ? WHERE token = ?",
                (to_db_text(now + lease), to_db_text(now), row["token"]),
            )
            item = _item(self._row(db, token))
        return Done(item)

    def release(self, token: str, reviewer: str) -> Done[QueueItem]:
        now = self._now()
        with self.history._write() as db:
            self._held(db, token, reviewer, now)
            db.execute(
                "UPDATE queue SET state = 'triaged', holder = NULL, claimed_at = NULL, "
                "lease_until = NULL, updated_at = ? WHERE token = ?",
                (to_db_text(now), token),
            )
            item = _item(self._row(db, token))
        return Done(item, (events.queue_moved(token, "claimed", "triaged", why="release"),))

    # --- decisions ---------------------------------------------------------------------------

    def decide(
        self, token: str, decision: Decision, reviewer: str, case: ReviewCase | None
    ) -> Done[QueueDecision]:
        now = self._now()
        with self.history._write() as db:
            queued = db.execute("SELECT * FROM queue WHERE token = ?", (token,)).fetchone()
            if queued is not None:
                self._held(db, token, reviewer, now)
            if case is not None:
                db.execute(UPSERT_CASE, case_values(case, reviewer, None, now))
            latest = db.execute(
                "SELECT max(id) FROM latest_decisions WHERE token = ?", (token,)
            ).fetchone()[0]
            stored = self.history._insert_decision(db, token, replace(decision, supersedes=latest))
            assert stored.id is not None
            found: list[AuditEvent] = [events.decided(token, stored)]
            if queued is not None:
                db.execute(
                    "UPDATE queue SET state = 'decided', holder = NULL, lease_until = NULL, "
                    "decision_id = ?, decided_by = ?, updated_at = ? WHERE token = ?",
                    (stored.id, reviewer, to_db_text(now), token),
                )
                found.append(
                    events.queue_moved(
                        token, "claimed", "decided", why="decision", decision_id=stored.id
                    )
                )
        return Done(QueueDecision(stored.id, QueueState.DECIDED), tuple(found))

    def confirm(
        self,
        token: str,
        outcome: ConfirmOutcome,
        *,
        overturn: Decision | None,
        reviewer: str,
        case: ReviewCase | None,
        note: str = "",
    ) -> Done[QueueDecision]:
        raise NotHolderError(FOUR_EYES_OFF + "; nothing awaits confirmation")

    # --- reading -----------------------------------------------------------------------------

    def get_item(self, token: str) -> QueueItem | None:
        with self.history._read() as db:
            row = db.execute("SELECT * FROM queue WHERE token = ?", (token,)).fetchone()
        return None if row is None else _item(row)

    def items(
        self, states: Sequence[QueueState] | None = None, limit: int | None = None
    ) -> list[QueueItem]:
        sql = "SELECT * FROM queue"
        params: list[Any] = []
        if states:
            sql += " WHERE state IN (" + ",".join("?" * len(states)) + ")"
            params += [s.value for s in states]
        sql += _ORDER
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, limit))
        with self.history._read() as db:
            return [_item(r) for r in db.execute(sql, params)]

    def status(self, now: datetime | None = None) -> QueueStatus:
        moment = as_utc(now) if now is not None else self._now()
        with self.history._read() as db:
            counts = dict.fromkeys(QueueState, 0)
            for row in db.execute("SELECT state, count(*) AS n FROM queue GROUP BY state"):
                counts[QueueState(row["state"])] = int(row["n"])
            oldest = db.execute(
                "SELECT min(queued_at) FROM queue WHERE state = 'pending'"
            ).fetchone()[0]
            soon = db.execute(
                "SELECT token FROM queue WHERE state IN ('pending', 'triaged', 'claimed') "
                "AND expires_at <= ? ORDER BY expires_at, token",
                (to_db_text(moment + EXPIRING_SOON),),
            ).fetchall()
        return QueueStatus(
            counts=counts,
            oldest_pending=None if oldest is None else from_db_text(oldest),
            expiring_soon=tuple(str(r[0]) for r in soon),
            four_eyes=False,
            four_eyes_note=FOUR_EYES_OFF,
        )

    def policy(self) -> QueuePolicy:
        return OFF_POLICY

    def set_policy(self, policy: QueuePolicy, reviewer: str) -> Done[QueuePolicy]:
        raise StoreError(FOUR_EYES_OFF + ": there is no policy to change")

    # --- internals ---------------------------------------------------------------------------

    def _now(self) -> datetime:
        return self.history._now()

    @staticmethod
    def _row(db: sqlite3.Connection, token: str) -> sqlite3.Row:
        row = db.execute("SELECT * FROM queue WHERE token = ?", (token,)).fetchone()
        if row is None:
            raise StoreError(f"{token} is not in the review queue")
        return cast(sqlite3.Row, row)

    def _held(
        self, db: sqlite3.Connection, token: str, reviewer: str, now: datetime
    ) -> sqlite3.Row:
        """The queue row of a case ``reviewer`` holds under a live lease; refused otherwise."""
        row = self._row(db, token)
        if row["state"] != "claimed" or row["holder"] != reviewer:
            if row["state"] == "claimed":
                raise NotHolderError(f"{token} is held by {row['holder']}, not by {reviewer}")
            raise LeaseLostError(
                f"you do not hold {token} (it is {QueueState(row['state']).label}): "
                "claim it again with `queue next`"
            )
        if from_db_text(row["lease_until"]) <= now:
            raise LeaseLostError(
                f"your lease on {token} ran out at {row['lease_until']}: nothing was recorded; "
                "claim it again with `queue next`"
            )
        return row

    @staticmethod
    def _return_expired(db: sqlite3.Connection, now: datetime) -> list[AuditEvent]:
        rows = db.execute(
            "SELECT token, holder FROM queue WHERE state = 'claimed' AND lease_until <= ?",
            (to_db_text(now),),
        ).fetchall()
        for row in rows:
            db.execute(
                "UPDATE queue SET state = 'triaged', holder = NULL, claimed_at = NULL, "
                "lease_until = NULL, updated_at = ? WHERE token = ?",
                (to_db_text(now), row["token"]),
            )
        return [
            events.queue_moved(r["token"], "claimed", "triaged", why="lease_expired") for r in rows
        ]


def _conforms(queue: SqliteQueue) -> CaseQueue:
    """mypy checks here that the embedded queue is a CaseQueue."""
    return queue


def _item(row: Any) -> QueueItem:
    return queue_item_from_mapping(row, when=from_db_text)
