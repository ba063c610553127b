"""Eight reviewers drain a queue of 400 cases on a real PostgreSQL against the emulator over
HTTP, four-eyes on: every case decided exactly once, no case held twice, the audit chain whole.
And a reviewer killed with SIGKILL while holding a claim: the case returns after its lease."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import psycopg
import pytest

from iauth_desktop.core.config.resolve import Credentials
from iauth_desktop.core.model.decision import make_decision
from iauth_desktop.core.model.queue import ConfirmOutcome, QueueEntry, QueueOrigin, QueueState
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.registry import get_spec
from iauth_desktop.core.review.fetching import FetchService
from iauth_desktop.core.review.queueing import QueueService, evidence_of
from iauth_desktop.core.review.triage import Triage, TriageSettings
from iauth_desktop.core.store.postgres import admin
from iauth_desktop.core.store.postgres.audit_trail import PostgresAuditTrail
from iauth_desktop.core.store.postgres.queue import PostgresQueue
from iauth_desktop.core.store.postgres.store import PostgresStore
from iauth_desktop.emulator.detectinfo.demo import (
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
    batch_token,
)
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer
from tests.team_db import TeamDatabase

REVIEWERS = tuple(f"reviewer{n}" for n in range(1, 9))
CASES = 400
LEASE = timedelta(minutes=30)


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(EmulatorConfig()) as server:
        yield server


@pytest.fixture
def crew(team: TeamDatabase) -> TeamDatabase:
    with team.superuser() as conn:
        for login in REVIEWERS:
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone():
                continue
            conn.execute(f'CREATE ROLE "{login}" LOGIN')
    for login in REVIEWERS:
        admin.grant(team.url(), login, supervisor=False)
    return team


def provider(server: EmulatorServer) -> Any:
    creds = Credentials(server.url, DEMO_APPID, DEMO_SECRET_KEY, DEMO_AES_KEY, None)
    return get_spec().connect(creds, ClientOptions(backoff=0.01))


def service_for(team: TeamDatabase, login: str) -> tuple[QueueService, PostgresStore]:
    store = PostgresStore(team.url(login), max_connections=2)
    trail = PostgresAuditTrail(team.url(login))
    return QueueService(PostgresQueue(store), trail, login), store


@pytest.fixture
def pgpass(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The team's logins find their (here: no) password in a pgpass file, as libpq does."""
    passfile = tmp_path / "pgpass"
    passfile.write_text("")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))


@pytest.mark.timeout(300)
@pytest.mark.usefixtures("pgpass")
def test_eight_reviewers_drain_four_hundred_cases_with_four_eyes(
    crew: TeamDatabase, emulator: EmulatorServer
) -> None:
    tokens = [batch_token("pass" if n % 2 else "liveness-602", n) for n in range(1, CASES + 1)]
    lead, lead_store = service_for(crew, REVIEWERS[0])
    assert len(lead.add([QueueEntry(t) for t in tokens], QueueOrigin("detectinfo")).added) == CASES
    fetcher = FetchService(lead.audit)
    settings = TriageSettings(workers=4, pace_s=0.0)
    report = Triage(lead, fetcher, lambda item: provider(emulator), settings).run()
    assert report.by_verdict == {"passed": CASES // 2, "failed": CASES // 2}

    claims: list[tuple[str, str, bool]] = []  # (token, reviewer, for confirmation)
    problems: list[BaseException] = []
    lock = threading.Lock()

    def work(login: str) -> None:
        service, store = service_for(crew, login)
        fetch = FetchService(service.audit).fetch
        connected = provider(emulator)
        try:
            while True:
                item = service.claim_next(LEASE, confirm=True)
                confirming = item is not None
                if item is None:
                    item = service.claim_next(LEASE)
                if item is None:
                    counts = service.status().counts
                    open_ = sum(
                        counts[s]
                        for s in (
                            QueueState.TRIAGED,
                            QueueState.CLAIMED,
                            QueueState.AWAITING_CONFIRMATION,
                        )
                    )
                    if open_ == 0:
                        return
                    time.sleep(0.05)
                    continue
                with lock:
                    claims.append((item.token, login, confirming))
                case = fetch(connected, item.token, FetchMode.FULL)
                evidence = evidence_of(case)
                if confirming:
                    first = next(d for d in store.decisions(item.token) if d.id == item.decision_id)
                    service.confirm(
                        item.token,
                        ConfirmOutcome.AGREE,
                        evidence,
                        first_evidence=first.evidence_sha256,
                    )
                elif case.result.verdict.status == "passed":
                    approve = make_decision("approve", verdict="passed", reviewer=login)
                    service.decide(item.token, approve, evidence)
                else:
                    reject = make_decision(
                        "reject", verdict="failed", reason="liveness_doubt", reviewer=login
                    )
                    service.decide(item.token, reject, evidence)
        except BaseException as exc:
            problems.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=work, args=(login,), daemon=True) for login in REVIEWERS]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 240
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    assert not any(t.is_alive() for t in threads)
    assert problems == []

    decision_claims = Counter(t for t, _, confirming in claims if not confirming)
    confirm_claims = Counter(t for t, _, confirming in claims if confirming)
    assert set(decision_claims) == set(tokens) and max(decision_claims.values()) == 1
    assert len(confirm_claims) == CASES // 2 and max(confirm_claims.values()) == 1
    assert len({login for _, login, _ in claims}) == len(REVIEWERS)  # all of them worked

    status = lead.status()
    assert status.counts[QueueState.DECIDED] == CASES
    with psycopg.connect(crew.url()) as conn:
        per_case = conn.execute(
            "SELECT token, count(*) FROM decisions GROUP BY token HAVING count(*) <> 1"
        ).fetchall()
        assert per_case == []  # exactly one decision each (agreement adds none)
        lone = conn.execute(
            "SELECT count(*) FROM confirmations AS c JOIN decisions AS d "
            "ON d.id = c.decision_id WHERE d.reviewer = c.confirmer"
        ).fetchone()
        assert lone == (0,)
        confirmed = conn.execute("SELECT count(*) FROM confirmations").fetchone()
        assert confirmed == (CASES // 2,)
    verified = lead.audit.verify()
    assert verified.ok, verified
    lead_store.close()


CHILD = textwrap.dedent(
    """
    import sys, time
    from datetime import timedelta
    from iauth_desktop.core.review.queueing import QueueService
    from iauth_desktop.core.store.postgres.audit_trail import PostgresAuditTrail
    from iauth_desktop.core.store.postgres.queue import PostgresQueue
    from iauth_desktop.core.store.postgres.store import PostgresStore

    url = sys.argv[1]
    service = QueueService(PostgresQueue(PostgresStore(url)), PostgresAuditTrail(url), "x")
    item = service.claim_next(timedelta(seconds=3))
    print(item.token, flush=True)
    time.sleep(600)  # reviewing, until killed
    """
)


@pytest.mark.timeout(60)
@pytest.mark.usefixtures("pgpass")
def test_a_killed_reviewers_claim_returns_after_its_lease(crew: TeamDatabase) -> None:
    lead, store = service_for(crew, REVIEWERS[0])
    lead.add([QueueEntry("{KILLED}")], QueueOrigin("detectinfo"))
    from tests.team_db import make_case

    lead.triaged(make_case("{KILLED}"))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, crew.url(REVIEWERS[1])],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "{KILLED}"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    held = lead.queue.get_item("{KILLED}")
    assert held is not None and held.holder == REVIEWERS[1]
    assert lead.claim_next(LEASE) is None  # still under the dead reviewer's lease
    deadline = time.monotonic() + 20
    item = None
    while item is None and time.monotonic() < deadline:
        time.sleep(0.5)
        item = lead.claim_next(LEASE)
    assert item is not None and item.token == "{KILLED}" and item.holder == REVIEWERS[0]
    expired = [e for e in lead.audit.entries("{KILLED}") if e.data.get("why") == "lease_expired"]
    assert [(e.data["from"], e.data["to"]) for e in expired] == [("claimed", "triaged")]
    store.close()
