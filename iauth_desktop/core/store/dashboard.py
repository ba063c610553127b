"""The dashboard seam: the queries both stores answer for a supervisor's figures.

Each query returns plain rows; ``core.review.dashboard`` does the arithmetic the two stores
share (``core.model.dashboard``). Queue depth over time comes from the audit trail (the team's
chain in PostgreSQL, the workstation's log beside the embedded store): no extra table.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from iauth_desktop.core.audit import events
from iauth_desktop.core.audit.trail import AuditTrail
from iauth_desktop.core.model.dashboard import AtRiskCase, ConfirmationCounts, QueueTransition
from iauth_desktop.core.model.queue import QueueState
from iauth_desktop.core.store.base import CaseStore

QUEUE_EVENTS = (events.QUEUED, events.QUEUE_MOVE, events.RETENTION_PURGE)


@dataclass(frozen=True)
class DashboardAccess:
    """Whether the connected reviewer may see the dashboard, and who they are to the store."""

    allowed: bool
    who: str
    role: str  # supervisor, reviewer, none; "solo" for the embedded store's one reviewer


class DashboardQueries(Protocol):
    """``profile`` None: every profile. Ranges are ``[since, until)`` in UTC."""

    def access(self) -> DashboardAccess: ...

    def profiles(self) -> list[str]:
        """The profiles queued cases name, for the filter."""
        ...

    def transitions(self) -> Iterator[QueueTransition]:
        """Every audited queue transition, in the trail's order."""
        ...

    def at_risk(self, now: datetime, profile: str | None) -> list[AtRiskCase]: ...

    def decisions(
        self, since: datetime, until: datetime, profile: str | None
    ) -> list[tuple[str, datetime]]:
        """(reviewer, decided at) of every decision recorded in the range."""
        ...

    def verdicts(self, since: datetime, until: datetime, profile: str | None) -> dict[str, int]:
        """Triage verdicts of the cases queued in the range."""
        ...

    def failed_codes(
        self, since: datetime, until: datetime, profile: str | None
    ) -> list[tuple[str, int]]:
        """(provider, final code) of each failed case queued in the range."""
        ...

    def confirmations(
        self, since: datetime, until: datetime, profile: str | None
    ) -> ConfirmationCounts | None:
        """Agreements and overturns given in the range; None without a four-eyes rule."""
        ...

    def decided_spans(
        self, since: datetime, until: datetime, profile: str | None
    ) -> list[tuple[datetime, datetime]]:
        """(queued at, decided at) of the cases decided in the range."""
        ...


def open_dashboard(store: CaseStore, trail: AuditTrail) -> DashboardQueries:
    """The dashboard queries of ``store`` (the embedded one reads ``trail`` for the depth).
    psycopg is imported only for the team's store."""
    from iauth_desktop.core.store.sqlite.history import CaseHistory  # noqa: PLC0415

    if isinstance(store, CaseHistory):
        from iauth_desktop.core.store.sqlite.dashboard import SqliteDashboard  # noqa: PLC0415

        return SqliteDashboard(store, trail)
    from iauth_desktop.core.store.postgres.store import PostgresStore  # noqa: PLC0415

    if isinstance(store, PostgresStore):
        from iauth_desktop.core.store.postgres.dashboard import PostgresDashboard  # noqa: PLC0415

        return PostgresDashboard(store)
    raise TypeError(f"no dashboard for {type(store).__name__}")


def transitions_from(
    entries: Iterable[tuple[str, str, dict[str, Any]]],
) -> Iterator[QueueTransition]:
    """Queue transitions from audit entries given as (ts, event, data)."""
    for ts, event, data in entries:
        at = _when(ts)
        if at is None:
            continue
        if event == events.QUEUED:
            profile = data.get("profile")
            for token in data.get("tokens") or ():
                yield QueueTransition(
                    at,
                    str(token),
                    QueueState.PENDING,
                    queued=True,
                    profile=profile if isinstance(profile, str) else None,
                )
        elif event == events.QUEUE_MOVE:
            try:
                to = QueueState(str(data.get("to")))
            except ValueError:
                continue
            yield QueueTransition(at, str(data.get("token")), to)
        elif event == events.RETENTION_PURGE:
            for token in data.get("tokens") or ():
                yield QueueTransition(at, str(token), None)


def transitions_from_lines(lines: Iterable[str]) -> Iterator[QueueTransition]:
    """The same from the audit trail's canonical JSON lines."""

    def parsed() -> Iterator[tuple[str, str, dict[str, Any]]]:
        for line in lines:
            entry = json.loads(line)
            data = entry.get("data")
            found = data if isinstance(data, dict) else {}
            yield str(entry.get("ts")), str(entry.get("event")), found

    return transitions_from(parsed())


def _when(ts: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(ts.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
