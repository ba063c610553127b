"""A supervisor's figures about the review queue: what the stores' queries return, and the pure
arithmetic that turns those rows into the dashboard's series (both stores share it).

Queue depth over time is replayed from the audit trail's ``queued`` and ``queue_move`` entries
(and ``retention_purge``, which takes tokens out): every transition of a case is audited, so the
replay at any moment gives the counts per state the queue table had then.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from iauth_desktop.core.model.queue import ExpiryBasis, QueueState
from iauth_desktop.core.model.timefmt import as_utc

AT_RISK = timedelta(hours=24)  # open cases whose estimated expiry is nearer are at risk
OPEN_STATES = (
    QueueState.PENDING,
    QueueState.TRIAGED,
    QueueState.CLAIMED,
    QueueState.FETCH_FAILED,
)
HOURLY_UP_TO = timedelta(days=3)  # a shorter range is drawn hour by hour, a longer one by day
MAX_POINTS = 400
TOP_CODES = 8


@dataclass(frozen=True)
class DashboardFilter:
    """The date range ``[since, until)`` (UTC) and one profile (None: every profile)."""

    since: datetime
    until: datetime
    profile: str | None = None
    zone: tzinfo | None = None  # the days of "per day" (None: this computer's time zone)


@dataclass(frozen=True)
class QueueTransition:
    """One audited change: ``token`` entered ``to`` at ``at`` (``to`` None: purged)."""

    at: datetime
    token: str
    to: QueueState | None
    queued: bool = False  # a ``queued`` entry: the token entered the queue
    profile: str | None = None  # the profile it was queued for (``queued`` entries)


@dataclass(frozen=True)
class DepthPoint:
    at: datetime
    counts: Mapping[QueueState, int]


@dataclass(frozen=True)
class AtRiskCase:
    token: str
    state: QueueState
    expires_at: datetime
    expiry_basis: ExpiryBasis
    verdict: str | None
    profile_name: str | None


@dataclass(frozen=True)
class ReviewerDay:
    day: date
    reviewer: str
    decisions: int


@dataclass(frozen=True)
class CodeCount:
    """A failure code and how many failed cases ended on it, with its meaning."""

    provider: str
    code: int
    count: int
    meaning_zh: str = ""
    meaning_en: str = ""


@dataclass(frozen=True)
class ConfirmationCounts:
    agreed: int = 0
    overturned: int = 0

    @property
    def total(self) -> int:
        return self.agreed + self.overturned

    @property
    def overturn_rate(self) -> float | None:
        return None if self.total == 0 else self.overturned / self.total


@dataclass(frozen=True)
class DashboardFigures:
    filter: DashboardFilter
    now: datetime
    depth: tuple[DepthPoint, ...] = ()
    at_risk: tuple[AtRiskCase, ...] = ()
    per_reviewer: tuple[ReviewerDay, ...] = ()
    verdicts: Mapping[str, int] = field(default_factory=dict)
    codes: tuple[CodeCount, ...] = ()
    confirmations: ConfirmationCounts | None = None  # None: the store has no four-eyes rule
    median_to_decided: timedelta | None = None
    decided: int = 0  # how many cases the median is taken over


# --- arithmetic ----------------------------------------------------------------------------------


def depth_step(since: datetime, until: datetime) -> timedelta:
    """An hour for a short range, a day for a longer one; never more than MAX_POINTS points."""
    span = as_utc(until) - as_utc(since)
    step = timedelta(hours=1) if span <= HOURLY_UP_TO else timedelta(days=1)
    while span / step > MAX_POINTS:
        step *= 2
    return step


def sample_times(since: datetime, until: datetime, now: datetime) -> list[datetime]:
    """The moments the depth is drawn at: from ``since`` by ``depth_step``, ending at the range's
    end (or now, when the range reaches into the future)."""
    start, end = as_utc(since), min(as_utc(until), as_utc(now))
    if end < start:
        return []
    step = depth_step(start, as_utc(until))
    times = []
    moment = start
    while moment < end:
        times.append(moment)
        moment += step
    times.append(end)
    return times


def depth_series(
    transitions: Iterable[QueueTransition],
    times: Sequence[datetime],
    profile: str | None = None,
) -> list[DepthPoint]:
    """The counts per state at each of ``times`` (ascending), replaying ``transitions`` (in
    the order they were audited). With ``profile``, only the tokens queued for that profile."""
    state: dict[str, QueueState] = {}
    origin: dict[str, str | None] = {}
    counts = dict.fromkeys(QueueState, 0)
    points: list[DepthPoint] = []
    pending = iter(times)
    moment = next(pending, None)
    for change in transitions:
        at = as_utc(change.at)
        while moment is not None and at > moment:
            points.append(DepthPoint(moment, dict(counts)))
            moment = next(pending, None)
        if change.queued:
            origin[change.token] = change.profile
        if profile is not None and origin.get(change.token) != profile:
            continue
        before = state.pop(change.token, None)
        if before is not None:
            counts[before] -= 1
        if change.to is not None:
            state[change.token] = change.to
            counts[change.to] += 1
    while moment is not None:
        points.append(DepthPoint(moment, dict(counts)))
        moment = next(pending, None)
    return points


def per_reviewer_day(
    decisions: Iterable[tuple[str, datetime]], zone: tzinfo | None = None
) -> list[ReviewerDay]:
    """(reviewer, decided at) rows counted per reviewer and local day, by day then name."""
    found: dict[tuple[date, str], int] = {}
    for reviewer, at in decisions:
        key = (as_utc(at).astimezone(zone).date(), reviewer)
        found[key] = found.get(key, 0) + 1
    return [ReviewerDay(day, who, n) for (day, who), n in sorted(found.items())]


def median_duration(spans: Iterable[tuple[datetime, datetime]]) -> timedelta | None:
    """The median of ``end - start`` over (start, end) rows; None without any."""
    seconds = [(as_utc(end) - as_utc(start)).total_seconds() for start, end in spans]
    if not seconds:
        return None
    return timedelta(seconds=statistics.median(seconds))


def top_codes(
    rows: Iterable[tuple[str, int]], limit: int = TOP_CODES
) -> list[tuple[str, int, int]]:
    """(provider, code) of failed cases → the ``limit`` most frequent as (provider, code,
    count), most frequent first, then by code."""
    found: dict[tuple[str, int], int] = {}
    for provider, code in rows:
        found[(provider, code)] = found.get((provider, code), 0) + 1
    ranked = sorted(found.items(), key=lambda kv: (-kv[1], kv[0][1], kv[0][0]))
    return [(provider, code, n) for (provider, code), n in ranked[:limit]]
