"""The supervisor's figures on both stores for a seeded history, against the stores' own tables:
depth replayed from the audit trail ends where the queue table is, verdicts, top failure codes
with their meanings, decisions per reviewer per day, overturn rate, median queued → decided."""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.model.dashboard import (
    DashboardFilter,
    QueueTransition,
    depth_series,
    sample_times,
)
from iauth_desktop.core.model.decision import make_decision
from iauth_desktop.core.model.queue import ConfirmOutcome, QueueEntry, QueueOrigin, QueueState
from iauth_desktop.core.model.timefmt import from_db_text, utc_now
from iauth_desktop.core.review.dashboard import (
    CHARTS,
    DashboardRefused,
    DashboardService,
    chart_table,
    export_csv,
)
from iauth_desktop.core.store.dashboard import open_dashboard
from iauth_desktop.core.store.postgres.audit_trail import PostgresAuditTrail
from iauth_desktop.core.store.postgres.queue import PostgresQueue
from iauth_desktop.core.store.postgres.store import PostgresStore
from iauth_desktop.core.store.sqlite.history import CaseHistory
from iauth_desktop.core.store.sqlite.queue import SqliteQueue
from tests.team_db import TeamDatabase, make_case

PROD = QueueOrigin("detectinfo", profile_name="prod")
STAGING = QueueOrigin("detectinfo", profile_name="staging")
LEASE = timedelta(minutes=30)


def test_depth_is_replayed_at_each_sample_time() -> None:
    t0 = datetime(2026, 5, 9, 8, 0, tzinfo=UTC)
    changes = [
        QueueTransition(t0, "A", QueueState.PENDING, queued=True, profile="prod"),
        QueueTransition(t0, "B", QueueState.PENDING, queued=True, profile="staging"),
        QueueTransition(t0 + timedelta(minutes=30), "A", QueueState.TRIAGED),
        QueueTransition(t0 + timedelta(minutes=90), "A", QueueState.CLAIMED),
        QueueTransition(t0 + timedelta(minutes=150), "B", None),  # purged
    ]
    times = sample_times(t0, t0 + timedelta(hours=3), now=t0 + timedelta(days=1))
    assert times == [t0 + timedelta(hours=h) for h in range(4)]
    points = depth_series(changes, times)
    pending = [p.counts[QueueState.PENDING] for p in points]
    assert pending == [2, 1, 1, 0]
    assert [p.counts[QueueState.CLAIMED] for p in points] == [0, 0, 1, 1]
    only_prod = depth_series(changes, times, profile="prod")
    assert [p.counts[QueueState.PENDING] for p in only_prod] == [1, 0, 0, 0]


def seed(queues: dict[str, Any]) -> dict[str, str]:
    """One day of a queue: passed, failed (602 twice, 604), one at risk, one staging pending.
    Claimed in order: {P1} (verified 50 h ago: first), then the failed {F1} and {F2}."""
    alice, bob = queues["alice"], queues["bob"]
    soon = utc_now() - timedelta(hours=60)  # verification ran 60 h ago: 12 h left
    first = utc_now() - timedelta(hours=50)
    alice.add([QueueEntry("{P1}", created_at=first), QueueEntry("{F1}"), QueueEntry("{F2}")],
              PROD, "alice")  # fmt: skip
    alice.add([QueueEntry("{F3}", created_at=soon), QueueEntry("{F4}")], PROD, "alice")
    alice.add([QueueEntry("{S1}")], STAGING, "alice")
    alice.triaged(make_case("{P1}"), "alice")
    for token, code in (("{F1}", 602), ("{F2}", 602), ("{F4}", 604)):
        alice.triaged(make_case(token, yt_errorcode=code, livestatus=-5008), "alice")
    reject = make_decision("reject", verdict="failed", reason="face_mismatch", reviewer="alice")
    approve = make_decision("approve", verdict="passed", reviewer="alice")
    for who, decision in (("alice", approve), ("alice", reject), ("bob", reject)):
        item = queues[who].claim_next(who, LEASE).value
        queues[who].decide(item.token, decision, who, None)
    if alice.four_eyes:
        bob.claim_next("bob", LEASE, confirm=True)
        bob.confirm("{F1}", ConfirmOutcome.AGREE, overturn=None, reviewer="bob", case=None)
        alice.claim_next("alice", LEASE, confirm=True)
        overturn = make_decision(
            "approve", verdict="failed", justification="a glare, the face matches", reviewer="a"
        )
        alice.confirm(
            "{F2}", ConfirmOutcome.OVERTURN, overturn=overturn, reviewer="alice", case=None
        )
    return {"at_risk": "{F3}"}


@pytest.fixture(params=["sqlite", "postgres"])
def seeded(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, Any]]:
    if request.param == "sqlite":
        history = CaseHistory(tmp_path / "h.sqlite3")
        log = AuditLog(tmp_path / "audit.jsonl")
        queue = LoggedQueue(SqliteQueue(history), log)
        seed({"alice": queue, "bob": queue})
        yield {"kind": "sqlite", "service": DashboardService(open_dashboard(history, log)),
               "history": history, "queue": queue}  # fmt: skip
        history.close()
        return
    team: TeamDatabase = request.getfixturevalue("team")
    stores = {n: PostgresStore(team.url(n)) for n in ("alice", "bob", "carol")}
    seed({n: PostgresQueue(s) for n, s in stores.items()})
    trail = PostgresAuditTrail(team.url("carol"))
    service = DashboardService(open_dashboard(stores["carol"], trail))
    yield {"kind": "postgres", "team": team, "queue": PostgresQueue(stores["carol"]),
           "service": service}  # fmt: skip
    for store in stores.values():
        store.close()


class LoggedQueue:
    """The embedded queue with its events recorded in the workstation log, as QueueService
    does: the depth is replayed from that log."""

    def __init__(self, queue: SqliteQueue, log: AuditLog) -> None:
        self.queue, self.log = queue, log

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self.queue, name)
        if name in ("four_eyes", "status", "get_item", "items"):
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            done = attribute(*args, **kwargs)
            for event in getattr(done, "events", ()):
                self.log.record(event, "rita")
            return done

        return call


def today() -> DashboardFilter:
    now = utc_now()
    return DashboardFilter(now - timedelta(days=1), now + timedelta(hours=1))


def test_the_figures_are_the_stores_own(seeded: dict[str, Any]) -> None:
    service: DashboardService = seeded["service"]
    figures = service.figures(today())
    status = seeded["queue"].status()
    last = figures.depth[-1].counts
    assert {s: last[s] for s in QueueState} == {s: status.counts[s] for s in QueueState}
    assert (last[QueueState.DECIDED], last[QueueState.PENDING], last[QueueState.TRIAGED]) == (
        3,
        2,
        1,
    )
    assert dict(figures.verdicts) == {"passed": 1, "failed": 3}
    assert [(c.code, c.count) for c in figures.codes] == [(602, 2), (604, 1)]
    assert figures.codes[0].meaning_en and figures.codes[0].meaning_zh
    assert [c.token for c in figures.at_risk] == ["{F3}"]
    assert figures.decided == 3 and figures.median_to_decided is not None
    per = {(d.reviewer, d.decisions) for d in figures.per_reviewer}
    rows = own_rows(seeded)
    assert figures.median_to_decided.total_seconds() == pytest.approx(rows["median"], abs=0.01)
    assert per == rows["per_reviewer"]
    if seeded["kind"] == "postgres":
        assert figures.confirmations is not None
        assert (figures.confirmations.agreed, figures.confirmations.overturned) == (1, 1)
        assert figures.confirmations.overturn_rate == 0.5
    else:
        assert figures.confirmations is None  # one reviewer: no four-eyes rule
    staging = service.figures(DashboardFilter(today().since, today().until, profile="staging"))
    assert staging.depth[-1].counts[QueueState.PENDING] == 1
    assert staging.depth[-1].counts[QueueState.DECIDED] == 0
    assert staging.verdicts == {} and staging.at_risk == ()
    assert sorted(service.profiles()) == ["prod", "staging"]


def own_rows(seeded: dict[str, Any]) -> dict[str, Any]:
    """The same figures straight from the store's tables (independent SQL)."""
    if seeded["kind"] == "postgres":
        with seeded["team"].superuser() as conn:
            spans = conn.execute(
                "SELECT extract(epoch FROM updated_at - queued_at) FROM queue "
                "WHERE state = 'decided'"
            ).fetchall()
            per = conn.execute(
                "SELECT reviewer, count(*) FROM decisions GROUP BY reviewer"
            ).fetchall()
        return {"median": statistics.median(float(s[0]) for s in spans),
                "per_reviewer": {(r[0], int(r[1])) for r in per}}  # fmt: skip
    with seeded["history"]._read() as db:
        spans = db.execute("SELECT queued_at, updated_at FROM queue WHERE state = 'decided'")
        seconds = [(from_db_text(b) - from_db_text(a)).total_seconds() for a, b in spans]
        per = db.execute("SELECT reviewer, count(*) FROM decisions GROUP BY reviewer").fetchall()
    return {"median": statistics.median(seconds), "per_reviewer": {(r[0], r[1]) for r in per}}


def test_every_chart_exports_its_numbers(seeded: dict[str, Any], tmp_path: Path) -> None:
    figures = seeded["service"].figures(today())
    for chart in CHARTS:
        path = export_csv(figures, chart, tmp_path / f"{chart}.csv")
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0] == ",".join(chart_table(figures, chart).header)
    codes = (tmp_path / "codes.csv").read_text(encoding="utf-8").splitlines()
    assert codes[1].startswith("detectinfo,602,2,")
    verdicts = (tmp_path / "verdicts.csv").read_text(encoding="utf-8").splitlines()
    assert verdicts[1:] == ["failed,3", "passed,1"]


def test_only_a_supervisor_sees_the_team_dashboard(team: TeamDatabase) -> None:
    for login, allowed in (("carol", True), ("alice", False)):
        store = PostgresStore(team.url(login))
        try:
            service = DashboardService(open_dashboard(store, PostgresAuditTrail(team.url(login))))
            assert service.access().allowed is allowed
            if not allowed:
                with pytest.raises(DashboardRefused) as refused:
                    service.figures(today())
                assert refused.value.exit_code == 6
                assert "supervisors" in str(refused.value) and "alice" in str(refused.value)
        finally:
            store.close()
