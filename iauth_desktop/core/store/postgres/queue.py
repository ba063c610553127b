"""The review queue on the team's PostgreSQL, with the four-eyes rule.

Claims take ``FOR UPDATE SKIP LOCKED``: two reviewers asking at once get two different cases.
Every step is one transaction that also appends its audit entries to the team's chain, and the
database's own triggers (schema version 4) refuse what the rules forbid even from ``psql``. The
reviewer is the database login; the names callers pass are not used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import psycopg

from iauth_desktop.core.audit import events
from iauth_desktop.core.audit.events import AuditEvent
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.decision import Decision, DecisionAction, check_free_text
from iauth_desktop.core.model.errors import RefusedError
from iauth_desktop.core.model.masking import mask_name
from iauth_desktop.core.model.queue import (
    EXPIRING_SOON,
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
from iauth_desktop.core.model.timefmt import as_utc
from iauth_desktop.core.store.base import StoreError, stage_values
from iauth_desktop.core.store.postgres.audit_trail import append_event
from iauth_desktop.core.store.postgres.store import (
    PostgresStore,
    insert_decision,
    latest_decision_id,
    upsert_case,
)
from iauth_desktop.core.store.queue import (
    TRIAGE_HOLD,
    CaseQueue,
    Done,
    LeaseLostError,
    NotHolderError,
    OwnDecisionError,
    SupervisorOnlyError,
    TriageFailure,
    queue_item_from_mapping,
    split_repeats,
)

_ORDER = """
ORDER BY date_trunc('hour', q.expires_at AT TIME ZONE 'UTC'),
    CASE q.verdict WHEN 'failed' THEN 0 WHEN 'incomplete' THEN 1 ELSE 2 END,
    q.priority DESC, q.expires_at, q.token
"""
_SUPERVISOR = "pg_has_role(session_user, 'iauth_supervisor', 'MEMBER')"
# Awaiting a second look, free, not this login's own decision; escalations for supervisors.
_CONFIRMABLE = """q.state = 'awaiting_confirmation' AND q.holder IS NULL
    AND q.decided_by IS DISTINCT FROM session_user
    AND (pg_has_role(session_user, 'iauth_supervisor', 'MEMBER')
         OR (SELECT d.action FROM decisions AS d WHERE d.id = q.decision_id) <> 'escalate')"""
Conn = psycopg.Connection[Any]


class PostgresQueue:  # a CaseQueue
    audits_itself = True
    four_eyes = True

    def __init__(self, store: PostgresStore) -> None:
        self.store = store

    # --- filling -----------------------------------------------------------------------------

    def add(
        self, entries: Sequence[QueueEntry], origin: QueueOrigin, reviewer: str
    ) -> Done[AddOutcome]:
        added: list[str] = []
        unique, already = split_repeats(entries)
        with self.store._write() as conn:
            now = _db_now(conn)
            for entry in unique:
                expires, basis = estimate_expiry(now, entry.created_at)
                done = conn.execute(
                    "INSERT INTO queue (token, provider, profile_name, endpoint, priority, "
                    "expires_at, expiry_basis) VALUES (%s, %s, %s, %s, %s, %s, %s) "
                    "ON CONFLICT (token) DO NOTHING",
                    (
                        entry.token,
                        origin.provider,
                        origin.profile_name,
                        origin.endpoint,
                        entry.priority,
                        expires,
                        basis.value,
                    ),
                )
                (added if done.rowcount == 1 else already).append(entry.token)
            found: tuple[AuditEvent, ...] = ()
            if added:
                event = events.queued(added, len(already), origin.profile_name, origin.provider)
                append_event(conn, event)
                found = (event,)
        return Done(AddOutcome(tuple(added), tuple(already)), found)

    # --- triage ------------------------------------------------------------------------------

    def take_for_triage(self, limit: int, reviewer: str) -> list[QueueItem]:
        with self.store._write() as conn:
            rows = conn.execute(
                "WITH due AS (SELECT token FROM queue WHERE state = 'pending' "
                "AND (next_attempt_at IS NULL OR next_attempt_at <= now()) "
                "AND (triage_until IS NULL OR triage_until < now()) "
                "ORDER BY expires_at, priority DESC, token LIMIT %s FOR UPDATE SKIP LOCKED) "
                "UPDATE queue AS q SET triage_until = now() + %s FROM due "
                "WHERE q.token = due.token RETURNING q.*",
                (max(0, limit), TRIAGE_HOLD),
            ).fetchall()
        return sorted((_item(r) for r in rows), key=lambda i: (i.expires_at, i.token))

    def triaged(self, case: ReviewCase, reviewer: str) -> Done[QueueItem]:
        result = case.result
        with self.store._write() as conn:
            before = self._lock(conn, case.token)
            upsert_case(conn, case, None)
            row = _one(
                conn,
                "UPDATE queue SET state = 'triaged', verdict = %s, final_code = %s, "
                "failed_stages = %s, masked_name = %s, attempts = attempts + 1, error = '', "
                "triage_until = NULL, next_attempt_at = NULL WHERE token = %s RETURNING *",
                (
                    result.verdict.status,
                    stage_values(result)["final_code"],
                    ",".join(result.verdict.failed_stages),
                    mask_name(result.identity.get("name", "").strip()),
                    case.token,
                ),
            )
            item = _item(row)
            move = events.queue_moved(
                case.token, before["state"], item.state.value, why="triaged", verdict=item.verdict
            )
            append_event(conn, move)
        return Done(item, (move,))

    def triage_failed(self, token: str, failure: TriageFailure, reviewer: str) -> Done[QueueItem]:
        if failure.gone:
            state = QueueState.EXPIRED
        elif failure.retry_at is None:
            state = QueueState.FETCH_FAILED
        else:
            state = QueueState.PENDING
        with self.store._write() as conn:
            before = self._lock(conn, token)
            row = _one(
                conn,
                "UPDATE queue SET state = %s, attempts = attempts + 1, error = %s, "
                "next_attempt_at = %s, triage_until = NULL WHERE token = %s RETURNING *",
                (state.value, failure.error[:500], failure.retry_at, token),
            )
            move = events.queue_moved(
                token, before["state"], state.value, why="fetch_failed", code=failure.code
            )
            append_event(conn, move)
        return Done(_item(row), (move,))

    def next_due(self) -> datetime | None:
        with self.store._conn() as conn:
            row = conn.execute(
                "SELECT min(next_attempt_at) AS due FROM queue WHERE state = 'pending'"
            ).fetchone()
        return None if row is None or row["due"] is None else as_utc(row["due"])

    def retry(self, token: str, reviewer: str) -> Done[QueueItem]:
        with self.store._write() as conn:
            before = self._lock(conn, token)
            if before["state"] not in ("fetch_failed", "expired"):
                raise NotHolderError(f"{token} is {before['state']}, not failed: nothing to retry")
            row = _one(
                conn,
                "UPDATE queue SET state = 'pending', attempts = 0, next_attempt_at = NULL "
                "WHERE token = %s RETURNING *",
                (token,),
            )
            move = events.queue_moved(token, before["state"], "pending", why="retry")
            append_event(conn, move)
        return Done(_item(row), (move,))

    # --- claims ------------------------------------------------------------------------------

    def claim_next(
        self, reviewer: str, lease: timedelta, *, confirm: bool = False
    ) -> Done[QueueItem | None]:
        with self.store._write() as conn:
            found = self._return_expired(conn)
            if confirm:
                where = _CONFIRMABLE
                state = "awaiting_confirmation"
            else:
                where = "q.state = 'triaged'"
                state = "claimed"
            row = conn.execute(
                f"WITH next AS (SELECT q.token FROM queue AS q WHERE {where} {_ORDER} "  # noqa: S608
                "LIMIT 1 FOR UPDATE OF q SKIP LOCKED) "
                "UPDATE queue AS q SET state = %s, holder = session_user, claimed_at = now(), "
                "lease_until = now() + %s FROM next WHERE q.token = next.token RETURNING q.*",
                (state, lease),
            ).fetchone()
            if row is None:
                return Done(None, tuple(found))
            item = _item(row)
            move = events.queue_moved(
                item.token,
                "triaged" if not confirm else state,
                state,
                why="claim_for_confirmation" if confirm else "claim",
                lease_s=int(lease.total_seconds()),
            )
            append_event(conn, move)
        return Done(item, (*found, move))

    def renew(self, token: str, reviewer: str, lease: timedelta) -> Done[QueueItem]:
        with self.store._write() as conn:
            self._held(conn, token)
            row = _one(
                conn,
                "UPDATE queue SET lease_until = now() + %s WHERE token = %s RETURNING *",
                (lease, token),
            )
        return Done(_item(row))

    def release(self, token: str, reviewer: str) -> Done[QueueItem]:
        with self.store._write() as conn:
            before = self._held(conn, token)
            back = "triaged" if before["state"] == "claimed" else before["state"]
            row = _one(
                conn,
                "UPDATE queue SET state = %s, holder = NULL, claimed_at = NULL, "
                "lease_until = NULL WHERE token = %s RETURNING *",
                (back, token),
            )
            move = events.queue_moved(token, before["state"], back, why="release")
            append_event(conn, move)
        return Done(_item(row), (move,))

    # --- decisions ---------------------------------------------------------------------------

    def decide(
        self, token: str, decision: Decision, reviewer: str, case: ReviewCase | None
    ) -> Done[QueueDecision]:
        with self.store._write() as conn:
            queued = conn.execute(
                "SELECT * FROM queue WHERE token = %s FOR UPDATE", (token,)
            ).fetchone()
            if queued is None:
                raise RefusedError(
                    f"{token} is not in the review queue: in team mode a case is decided on a "
                    "claim (`queue add`, then `queue next`)"
                )
            self._held(conn, token, expect="claimed")
            if case is not None:
                upsert_case(conn, case, None)
            mine = replace(
                decision, reviewer=_who(conn), supersedes=latest_decision_id(conn, token)
            )
            stored = insert_decision(conn, token, mine)
            assert stored.id is not None
            needs = conn.execute(
                "SELECT iauth_needs_confirmation(%s) AS needs", (stored.id,)
            ).fetchone()
            state = (
                QueueState.AWAITING_CONFIRMATION
                if needs is not None and needs["needs"]
                else QueueState.DECIDED
            )
            conn.execute(
                "UPDATE queue SET state = %s, holder = NULL, claimed_at = NULL, "
                "lease_until = NULL, decision_id = %s, decided_by = session_user "
                "WHERE token = %s",
                (state.value, stored.id, token),
            )
            found = (
                events.decided(token, stored),
                events.queue_moved(
                    token, "claimed", state.value, why="decision", decision_id=stored.id
                ),
            )
            for event in found:
                append_event(conn, event)
        return Done(QueueDecision(stored.id, state), found)

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
        text = note.strip()
        check_free_text("notes", text)
        with self.store._write() as conn:
            queued = self._lock(conn, token)
            if queued["state"] != "awaiting_confirmation":
                raise NotHolderError(
                    f"{token} is {QueueState(queued['state']).label}: nothing awaits confirmation"
                )
            me = _who(conn)
            if queued["decided_by"] == me:
                raise OwnDecisionError(
                    f"you decided {token}: a second reviewer confirms it (the four-eyes rule)"
                )
            if queued["holder"] not in (None, me) and _live(conn, token):
                raise NotHolderError(f"{token} is held by {queued['holder']} for confirmation")
            first_id = int(queued["decision_id"])
            first = conn.execute(
                "SELECT action FROM decisions WHERE id = %s", (first_id,)
            ).fetchone()
            escalation = first is not None and first["action"] == DecisionAction.ESCALATE.value
            if escalation and not _is_supervisor(conn):
                raise SupervisorOnlyError(
                    f"{token} was escalated: a supervisor settles it with a decision"
                )
            if escalation and outcome is ConfirmOutcome.AGREE:
                raise RefusedError(
                    "an escalation is settled by a decision (--approve or --reject), "
                    "not by agreeing with it"
                )
            if case is not None:
                upsert_case(conn, case, None)
            found: list[AuditEvent] = []
            overturn_id: int | None = None
            if outcome is ConfirmOutcome.OVERTURN:
                if overturn is None or overturn.action is DecisionAction.ESCALATE:
                    raise RefusedError("an overturn approves or rejects the case")
                stored = insert_decision(
                    conn, token, replace(overturn, reviewer=me, supersedes=first_id)
                )
                overturn_id = stored.id
                found.append(events.decided(token, stored))
            conn.execute(
                "INSERT INTO confirmations (token, decision_id, outcome, overturn_id, note, "
                "evidence_sha256) VALUES (%s, %s, %s, %s, %s, %s)",
                (
                    token,
                    first_id,
                    outcome.value,
                    overturn_id,
                    text,
                    None if overturn is None else overturn.evidence_sha256,
                ),
            )
            conn.execute(
                "UPDATE queue SET state = 'decided', holder = NULL, claimed_at = NULL, "
                "lease_until = NULL WHERE token = %s",
                (token,),
            )
            found += [
                events.confirmed(token, first_id, outcome.value, overturn_id),
                events.queue_moved(
                    token, "awaiting_confirmation", "decided", why=f"confirmation_{outcome.value}"
                ),
            ]
            for event in found:
                append_event(conn, event)
        final = overturn_id if overturn_id is not None else first_id
        return Done(QueueDecision(final, QueueState.DECIDED), tuple(found))

    # --- reading -----------------------------------------------------------------------------

    def get_item(self, token: str) -> QueueItem | None:
        with self.store._conn() as conn:
            row = conn.execute("SELECT * FROM queue WHERE token = %s", (token,)).fetchone()
        return None if row is None else _item(row)

    def items(
        self, states: Sequence[QueueState] | None = None, limit: int | None = None
    ) -> list[QueueItem]:
        sql = "SELECT q.* FROM queue AS q"
        params: list[Any] = []
        if states:
            sql += " WHERE q.state = ANY(%s)"
            params.append([s.value for s in states])
        sql += _ORDER
        if limit is not None:
            sql += " LIMIT %s"
            params.append(max(0, limit))
        with self.store._conn() as conn:
            return [_item(r) for r in conn.execute(sql, params).fetchall()]

    def status(self, now: datetime | None = None) -> QueueStatus:
        with self.store._conn() as conn:
            counts = dict.fromkeys(QueueState, 0)
            for row in conn.execute("SELECT state, count(*) AS n FROM queue GROUP BY state"):
                counts[QueueState(row["state"])] = int(row["n"])
            oldest = conn.execute(
                "SELECT min(queued_at) AS at FROM queue WHERE state = 'pending'"
            ).fetchone()
            moment = as_utc(now) if now is not None else _db_now(conn)
            soon = conn.execute(
                "SELECT token FROM queue WHERE state IN ('pending', 'triaged', 'claimed') "
                "AND expires_at <= %s ORDER BY expires_at, token",
                (moment + EXPIRING_SOON,),
            ).fetchall()
            policy = _policy(conn)
        return QueueStatus(
            counts=counts,
            oldest_pending=None if oldest is None or oldest["at"] is None else oldest["at"],
            expiring_soon=tuple(str(r["token"]) for r in soon),
            four_eyes=True,
            four_eyes_note="four-eyes rule on: " + policy.describe(),
        )

    def policy(self) -> QueuePolicy:
        with self.store._conn() as conn:
            return _policy(conn)

    def set_policy(self, policy: QueuePolicy, reviewer: str) -> Done[QueuePolicy]:
        with self.store._write() as conn:
            if not _is_supervisor(conn):
                raise SupervisorOnlyError("only a supervisor changes the four-eyes policy")
            conn.execute(
                "UPDATE queue_policy SET confirm_reject = %s, confirm_override = %s, "
                "confirm_escalate = %s WHERE id = 1",
                (policy.confirm_reject, policy.confirm_override, policy.confirm_escalate),
            )
            event = events.queue_policy_changed(
                policy.confirm_reject, policy.confirm_override, policy.confirm_escalate
            )
            append_event(conn, event)
            stored = _policy(conn)
        return Done(stored, (event,))

    # --- internals ---------------------------------------------------------------------------

    @staticmethod
    def _lock(conn: Conn, token: str) -> dict[str, Any]:
        row = conn.execute("SELECT * FROM queue WHERE token = %s FOR UPDATE", (token,)).fetchone()
        if row is None:
            raise StoreError(f"{token} is not in the review queue")
        return dict(row)

    def _held(self, conn: Conn, token: str, expect: str | None = None) -> dict[str, Any]:
        """The row of a case this login holds under a live lease; refused otherwise."""
        row = self._lock(conn, token)
        me = _who(conn)
        state = QueueState(row["state"])
        if row["holder"] != me or (expect is not None and state.value != expect):
            if row["holder"] is not None and row["holder"] != me and _live(conn, token):
                raise NotHolderError(f"{token} is held by {row['holder']}, not by you")
            raise LeaseLostError(
                f"you do not hold {token} (it is {state.label}): nothing was recorded; "
                "claim it again with `queue next`"
            )
        if not _live(conn, token):
            raise LeaseLostError(
                f"your lease on {token} ran out: nothing was recorded; claim it again with "
                "`queue next`"
            )
        return row

    @staticmethod
    def _return_expired(conn: Conn) -> list[AuditEvent]:
        rows = conn.execute(
            "WITH old AS (SELECT token, state FROM queue WHERE holder IS NOT NULL "
            "AND lease_until <= now() FOR UPDATE SKIP LOCKED) "
            "UPDATE queue AS q SET state = CASE WHEN q.state = 'claimed' THEN 'triaged' "
            "ELSE q.state END, holder = NULL, claimed_at = NULL, lease_until = NULL "
            "FROM old WHERE q.token = old.token RETURNING q.token, old.state AS was, q.state"
        ).fetchall()
        found = [
            events.queue_moved(r["token"], r["was"], r["state"], why="lease_expired")
            for r in sorted(rows, key=lambda r: str(r["token"]))
        ]
        for event in found:
            append_event(conn, event)
        return found


def _item(row: Any) -> QueueItem:
    return queue_item_from_mapping(row, when=lambda value: value)


def _one(conn: Conn, sql: str, params: Sequence[Any]) -> dict[str, Any]:
    row = conn.execute(sql, params).fetchone()
    if row is None:
        raise StoreError("the queue row went away")
    return dict(row)


def _db_now(conn: Conn) -> datetime:
    row = conn.execute("SELECT now() AS now").fetchone()
    assert row is not None
    return as_utc(row["now"])


def _who(conn: Conn) -> str:
    row = conn.execute("SELECT session_user AS who").fetchone()
    assert row is not None
    return str(row["who"])


def _live(conn: Conn, token: str) -> bool:
    row = conn.execute(
        "SELECT lease_until > now() AS live FROM queue WHERE token = %s", (token,)
    ).fetchone()
    return bool(row is not None and row["live"])


def _is_supervisor(conn: Conn) -> bool:
    row = conn.execute(f"SELECT {_SUPERVISOR} AS yes").fetchone()
    return bool(row is not None and row["yes"])


def _policy(conn: Conn) -> QueuePolicy:
    row = conn.execute("SELECT * FROM queue_policy WHERE id = 1").fetchone()
    if row is None:
        raise StoreError("the team database has no queue policy: run `db upgrade`")
    return QueuePolicy(
        confirm_reject=bool(row["confirm_reject"]),
        confirm_override=bool(row["confirm_override"]),
        confirm_escalate=bool(row["confirm_escalate"]),
        changed_by=str(row["changed_by"]),
        changed_at=as_utc(row["changed_at"]),
    )


def _conforms(queue: PostgresQueue) -> CaseQueue:
    """mypy checks here that the team queue is a CaseQueue."""
    return queue
