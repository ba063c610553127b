"""The dashboard's queries on the embedded store: one reviewer's own queue.

The embedded store has no roles and no four-eyes rule: its one reviewer sees the figures of
their own queue, and there are no confirmations to count. The depth over time is replayed from
the workstation's audit log, where the queue's transitions are recorded.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from iauth_desktop.core.audit.trail import AuditTrail
from iauth_desktop.core.model.dashboard import (
    AT_RISK,
    OPEN_STATES,
    AtRiskCase,
    ConfirmationCounts,
    QueueTransition,
)
from iauth_desktop.core.model.queue import ExpiryBasis, QueueState
from iauth_desktop.core.model.timefmt import as_utc, from_db_text, to_db_text
from iauth_desktop.core.store.dashboard import (
    QUEUE_EVENTS,
    DashboardAccess,
    DashboardQueries,
    transitions_from,
)
from iauth_desktop.core.store.sqlite.history import CaseHistory


class SqliteDashboard:  # a DashboardQueries
    def __init__(self, history: CaseHistory, trail: AuditTrail) -> None:
        self.history = history
        self.trail = trail

    def access(self) -> DashboardAccess:
        return DashboardAccess(True, self.history.identity or "", "solo")

    def profiles(self) -> list[str]:
        rows = self._all(
            "SELECT DISTINCT profile_name FROM queue WHERE profile_name IS NOT NULL "
            "ORDER BY profile_name",
            {},
        )
        return [str(r["profile_name"]) for r in rows]

    def transitions(self) -> Iterator[QueueTransition]:
        entries = self.trail.entries()
        return transitions_from((e.ts, e.event, e.data) for e in entries if e.event in QUEUE_EVENTS)

    def at_risk(self, now: datetime, profile: str | None) -> list[AtRiskCase]:
        rows = self._all(
            "SELECT token, state, expires_at, expiry_basis, verdict, profile_name FROM queue AS q "
            "WHERE state IN (:s1, :s2, :s3, :s4) AND expires_at <= :limit "
            "AND (:profile IS NULL OR q.profile_name = :profile) ORDER BY expires_at, token",
            {
                **{f"s{n}": s.value for n, s in enumerate(OPEN_STATES, 1)},
                "limit": to_db_text(as_utc(now) + AT_RISK),
                "profile": profile,
            },
        )
        return [
            AtRiskCase(
                token=str(r["token"]),
                state=QueueState(r["state"]),
                expires_at=from_db_text(r["expires_at"]),
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
            "WHERE d.decided_at >= :since AND d.decided_at < :until AND "
            "(:profile IS NULL OR coalesce(q.profile_name, c.profile_name) = :profile) "
            "ORDER BY d.decided_at, d.id",
            _range(since, until, profile),
        )
        return [(str(r["reviewer"]), from_db_text(r["decided_at"])) for r in rows]

    def verdicts(self, since: datetime, until: datetime, profile: str | None) -> dict[str, int]:
        rows = self._all(
            "SELECT verdict, count(*) AS n FROM queue AS q WHERE verdict IS NOT NULL "
            "AND queued_at >= :since AND queued_at < :until AND "
            "(:profile IS NULL OR q.profile_name = :profile) "
            "GROUP BY verdict",
            _range(since, until, profile),
        )
        return {str(r["verdict"]): int(r["n"]) for r in rows}

    def failed_codes(
        self, since: datetime, until: datetime, profile: str | None
    ) -> list[tuple[str, int]]:
        rows = self._all(
            "SELECT provider, final_code FROM queue AS q WHERE verdict = 'failed' "
            "AND final_code IS NOT NULL AND queued_at >= :since AND queued_at < :until "
            "AND (:profile IS NULL OR q.profile_name = :profile)",
            _range(since, until, profile),
        )
        return [(str(r["provider"]), int(r["final_code"])) for r in rows]

    def confirmations(
        self, since: datetime, until: datetime, profile: str | None
    ) -> ConfirmationCounts | None:
        return None  # one reviewer: the four-eyes rule is off here

    def decided_spans(
        self, since: datetime, until: datetime, profile: str | None
    ) -> list[tuple[datetime, datetime]]:
        rows = self._all(
            "SELECT queued_at, updated_at FROM queue AS q WHERE state = 'decided' "
            "AND updated_at >= :since AND updated_at < :until AND "
            "(:profile IS NULL OR q.profile_name = :profile) "
            "ORDER BY updated_at, token",
            _range(since, until, profile),
        )
        return [(from_db_text(r["queued_at"]), from_db_text(r["updated_at"])) for r in rows]

    def _all(self, sql: str, params: dict[str, Any]) -> list[Any]:
        with self.history._read() as db:
            return list(db.execute(sql, params).fetchall())


def _range(since: datetime, until: datetime, profile: str | None) -> dict[str, Any]:
    return {"since": to_db_text(since), "until": to_db_text(until), "profile": profile}


def _conforms(dashboard: SqliteDashboard) -> DashboardQueries:
    """mypy checks here that the embedded dashboard answers every query."""
    return dashboard
