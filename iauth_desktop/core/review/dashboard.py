"""A supervisor's figures, from the store's queries, and each chart's numbers as a CSV table.

The console draws what ``DashboardService.figures`` returns and exports ``chart_table`` of it, so
a chart, its CSV and the store's own queries always say the same thing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

from iauth_desktop.core.files import write_atomically
from iauth_desktop.core.model.codes import CodeInfo
from iauth_desktop.core.model.dashboard import (
    CodeCount,
    DashboardFigures,
    DashboardFilter,
    depth_series,
    median_duration,
    per_reviewer_day,
    sample_times,
    top_codes,
)
from iauth_desktop.core.model.errors import OutputError, RefusedError, UsageError
from iauth_desktop.core.model.queue import QueueState
from iauth_desktop.core.model.timefmt import as_utc, utc_now
from iauth_desktop.core.providers.registry import get_spec
from iauth_desktop.core.store.dashboard import DashboardAccess, DashboardQueries

CHARTS = ("depth", "at_risk", "per_reviewer", "verdicts", "codes", "confirmations", "median")


@runtime_checkable
class ExplainsCodes(Protocol):
    """A provider that can explain one of its result codes out of a case's context."""

    def explain_code(self, code: int) -> CodeInfo: ...


class DashboardService:
    def __init__(self, queries: DashboardQueries) -> None:
        self.queries = queries

    def access(self) -> DashboardAccess:
        return self.queries.access()

    def profiles(self) -> list[str]:
        return self.queries.profiles()

    def figures(self, chosen: DashboardFilter, now: datetime | None = None) -> DashboardFigures:
        """Every figure for ``chosen``; refused in words for a reviewer who is no supervisor."""
        access = self.queries.access()
        if not access.allowed:
            raise DashboardRefused(
                f"the dashboard is for supervisors: {access.who} is {access.role} in the team "
                "database"
            )
        if as_utc(chosen.until) <= as_utc(chosen.since):
            raise UsageError("the date range ends before it starts")
        moment = as_utc(now) if now is not None else utc_now()
        q, since, until, profile = self.queries, chosen.since, chosen.until, chosen.profile
        times = sample_times(since, until, moment)
        spans = q.decided_spans(since, until, profile)
        return DashboardFigures(
            filter=chosen,
            now=moment,
            depth=tuple(depth_series(q.transitions(), times, profile)),
            at_risk=tuple(q.at_risk(moment, profile)),
            per_reviewer=tuple(per_reviewer_day(q.decisions(since, until, profile), chosen.zone)),
            verdicts=q.verdicts(since, until, profile),
            codes=tuple(
                explained(provider, code, n)
                for provider, code, n in top_codes(q.failed_codes(since, until, profile))
            ),
            confirmations=q.confirmations(since, until, profile),
            median_to_decided=median_duration(spans),
            decided=len(spans),
        )


class DashboardRefused(RefusedError):
    """Not this reviewer's to see."""


def explained(provider: str, code: int, count: int) -> CodeCount:
    """A failure code with its meaning from the provider's tables (unknown when it has none)."""
    try:
        spec = get_spec(provider)
    except UsageError:
        return CodeCount(provider, code, count)
    if isinstance(spec, ExplainsCodes):
        info = spec.explain_code(code)
        return CodeCount(provider, code, count, info.zh, info.en_labelled)
    return CodeCount(provider, code, count)


@dataclass(frozen=True)
class ChartTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def csv_bytes(self) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.header)
        writer.writerows(self.rows)
        return out.getvalue().encode("utf-8")


def chart_table(figures: DashboardFigures, chart: str) -> ChartTable:  # noqa: PLR0911 - one per chart
    """One chart's numbers (UTC ISO times, seconds for durations) as a table."""
    if chart == "depth":
        states = [s.value for s in QueueState]
        return ChartTable(
            ("at", *states),
            tuple(
                (p.at.isoformat(), *(str(p.counts.get(QueueState(s), 0)) for s in states))
                for p in figures.depth
            ),
        )
    if chart == "at_risk":
        return ChartTable(
            ("token", "state", "expires_at_estimate", "estimated_from", "verdict", "profile"),
            tuple(
                (c.token, c.state.value, c.expires_at.isoformat(), c.expiry_basis.value,
                 c.verdict or "", c.profile_name or "")
                for c in figures.at_risk
            ),
        )  # fmt: skip
    if chart == "per_reviewer":
        return ChartTable(
            ("day", "reviewer", "decisions"),
            tuple((d.day.isoformat(), d.reviewer, str(d.decisions)) for d in figures.per_reviewer),
        )
    if chart == "verdicts":
        return ChartTable(
            ("verdict", "cases"),
            tuple((v, str(n)) for v, n in sorted(figures.verdicts.items())),
        )
    if chart == "codes":
        return ChartTable(
            ("provider", "code", "failed_cases", "meaning_zh", "meaning_en"),
            tuple(
                (c.provider, str(c.code), str(c.count), c.meaning_zh, c.meaning_en)
                for c in figures.codes
            ),
        )
    if chart == "confirmations":
        found = figures.confirmations
        rate = None if found is None else found.overturn_rate
        return ChartTable(
            ("agreed", "overturned", "overturn_rate"),
            () if found is None else ((str(found.agreed), str(found.overturned), _ratio(rate)),),
        )
    if chart == "median":
        median = figures.median_to_decided
        return ChartTable(
            ("decided_cases", "median_queued_to_decided_s"),
            ((str(figures.decided), "" if median is None else f"{median.total_seconds():.0f}"),),
        )
    raise UsageError(f"no chart named {chart!r}; one of {', '.join(CHARTS)}")


def export_csv(figures: DashboardFigures, chart: str, path: Path) -> Path:
    """Write one chart's numbers to ``path`` whole or not at all."""
    data = chart_table(figures, chart).csv_bytes()
    try:
        write_atomically(Path(path), data)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    return Path(path)


def _ratio(rate: float | None) -> str:
    return "" if rate is None else f"{rate:.4f}"
