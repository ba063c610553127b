"""The dashboard's queries on the team's PostgreSQL: a supervisor's view of the whole team.

Who may look is the database's word: membership of the supervisor role (``pg_has_role``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from iauth_desktop.core.audit.events import QUEUE_MOVE, QUEUED, RETENTION_PURGE
from iauth_desktop.core.model.dashboard import (
    AT_RISK,
    OPEN_STATES,
    AtRiskCase,
    ConfirmationCounts,
    QueueTransition,
)
from iauth_desktop.core.model.queue import ExpiryBasis, QueueState
from iauth_desktop.core.model.timefmt import as_utc
from iauth_desktop.core.store.dashboard import (
    DashboardAccess,
    DashboardQueries,
    transitions_from_lines,
)
from iauth_desktop.core.store.postgres.schema import REVIEWER_ROLE, SUPERVISOR_ROLE
from iauth_desktop.core.store.postgres.store import PostgresStore


class PostgresDashboard:  # a DashboardQueries
    def __init__(self, store: PostgresStore) -> None:
        self.store = store

    def access(self) -> DashboardAccess:
        row = self._one(
            "SELECT session_user AS who, pg_has_role(session_user, %(sup)s, 'MEMBER') AS sup, "
            "pg_has_role(session_user, %(rev)s, 'MEMBER') AS rev",
            {"sup": SUPERVISOR_ROLE, "rev": REVIEWER_ROLE},
        )
        role = "supervisor" if row["sup"] else "reviewer" if row["rev"] else "none"
        return DashboardAccess(bool(row["sup"]), str(row["who"]), role)

    def profiles(self) -> list[str]:
        rows = self._all(
            "SELECT DISTINCT profile_name FROM queue WHERE profile_name IS NOT NULL "
            "ORDER BY profile_name",
            {},
        )
        return [str(r["profile_name"]) for r in rows]

    def transitions(self) -> Iterator[QueueTransition]:
        rows = self._all(
            "SELECT line FROM audit_entries WHERE (line::jsonb ->> 'event') = ANY(%(events)s) "
            "ORDER BY seq",
            {"events": [QUEUED, QUEUE_MOVE, RETENTION_PURGE]},
        )
        return transitions_from_lines(str(r["line"]) for r in rows)

    def at_risk(self, now: datetime, profile: str | None) -> list[AtRiskCase]:
        rows = self._all(
            "SELECT token, state, expires_at, expiry_basis, verdict, profile_name FROM queue AS q "
            "WHERE state = ANY(%(open)s) AND expires_at <= %(limit)s AND "
            "(%(profile)s::text IS NULL OR q.profile_name = %(profile)s) "
            "ORDER BY expires_at, token",
            {
                "open": [s.value for s in OPEN_STATES],
                "limit": as_utc(now) + AT_RISK,
                "profile": profile,
            },
        )
        return [
            AtRiskCase(
                token=str(r["token"]),
                state=QueueState(r["state"]),
                expires_at=as_utc(r["expires_at"]),
                expiry_basis=ExpiryBasis(r["expiry_basis"]),
                verdict=r["verdict"],
                profile_name=r["profile_name"],
            )
            for r in rows
        ]

    def decisions(
        self, since: datetime, until: datetime, profile: str | None
    ) -> list[tuple[str, datetime]]:
        rows = self._all(
            "SELECT d.reviewer, d.decided_at FROM decisions AS d "
            "JOIN cases AS c ON c.token = d.token LEFT JOIN queue AS q ON q.token = d.token "
            "WHERE d.decided_at >= %(since)s AND d.decided_at < %(until)s AND "
            "(%(profile)s::text IS NULL OR coalesce(q.profile_name, c.profile_name) = %(profile)s) "
            "ORDER BY d.decided_at, d.id",
            _range(since, until, profile),
        )
        return [(str(r["reviewer"]), as_utc(r["decided_at"])) for r in rows]

    def verdicts(self, since: datetime, until: datetime, profile: str | None) -> dict[str, int]:
        rows = self._all(
            "SELECT verdict, count(*) AS n FROM queue AS q WHERE verdict IS NOT NULL "
            "AND queued_at >= %(since)s AND queued_at < %(until)s AND "
            "(%(profile)s::text IS NULL OR q.profile_name = %(profile)s) "
            "GROUP BY verdict",
            _range(since, until, profile),
        )
        return {str(r["verdict"]): int(r["n"]) for r in rows}

    def failed_codes(
        self, since: datetime, until: datetime, profile: str | None
    ) -> list[tuple[str, int]]:
        rows = self._all(
            "SELECT provider, final_code FROM queue AS q WHERE verdict = 'failed' "
            "AND final_code IS NOT NULL AND queued_at >= %(since)s AND queued_at < %(until)s "
            "AND (%(profile)s::text IS NULL OR q.profile_name = %(profile)s)",
            _range(since, until, profile),
        )
        return [(str(r["provider"]), int(r["final_code"])) for r in rows]

    def confirmations(
        self, since: datetime, until: datetime, profile: str | None
    ) -> ConfirmationCounts | None:
        rows = self._all(
            "SELECT f.outcome, count(*) AS n FROM confirmations AS f "
            "LEFT JOIN queue AS q ON q.token = f.token "
            "WHERE f.confirmed_at >= %(since)s AND f.confirmed_at < %(until)s AND "
            "(%(profile)s::text IS NULL OR q.profile_name = %(profile)s) GROUP BY f.outcome",
            _range(since, until, profile),
        )
        counts = {str(r["outcome"]): int(r["n"]) for r in rows}
        return ConfirmationCounts(counts.get("agree", 0), counts.get("overturn", 0))

    def decided_spans(
        self, since: datetime, until: datetime, profile: str | None
    ) -> list[tuple[datetime, datetime]]:
        rows = self._all(
            "SELECT queued_at, updated_at FROM queue AS q WHERE state = 'decided' "
            "AND updated_at >= %(since)s AND updated_at < %(until)s AND "
            "(%(profile)s::text IS NULL OR q.profile_name = %(profile)s) "
            "ORDER BY updated_at, token",
            _range(since, until, profile),
        )
        return [(as_utc(r["queued_at"]), as_utc(r["updated_at"])) for r in rows]

    def _all(self, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        with self.store._conn() as conn:
            return list(conn.execute(sql, params).fetchall())

    def _one(self, sql: str, params: dict[str, Any]) -> dict[str, Any]:
        rows = self._all(sql, params)
        return rows[0]


def _range(since: datetime, until: datetime, profile: str | None) -> dict[str, Any]:
    return {"since": as_utc(since), "until": as_utc(until), "profile": profile}


def _conforms(dashboard: PostgresDashboard) -> DashboardQueries:
    """mypy checks here that the team dashboard answers every query."""
    return dashboard
