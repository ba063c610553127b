"""The review queue on both stores: states, claim order, leases, triage outcomes, audit events;
and on PostgreSQL the four-eyes rule, in the app and in the database itself."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
import pytest

from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.model.decision import make_decision
from iauth_desktop.core.model.errors import RefusedError
from iauth_desktop.core.model.queue import (
    ConfirmOutcome,
    ExpiryBasis,
    QueueEntry,
    QueueOrigin,
    QueuePolicy,
    QueueState,
)
from iauth_desktop.core.model.timefmt import TOKEN_LIFETIME
from iauth_desktop.core.store.base import StoreError
from iauth_desktop.core.store.postgres.queue import PostgresQueue
from iauth_desktop.core.store.postgres.store import PostgresStore
from iauth_desktop.core.store.queue import (
    LeaseLostError,
    NotHolderError,
    OwnDecisionError,
    SupervisorOnlyError,
    TriageFailure,
)
from iauth_desktop.core.store.sqlite.history import CaseHistory
from iauth_desktop.core.store.sqlite.queue import SqliteQueue
from tests.team_db import TeamDatabase, make_case

ORIGIN = QueueOrigin("detectinfo", profile_name="prod")
LEASE = timedelta(minutes=30)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 5, 9, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(params=["sqlite", "postgres"])
def queue(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Any]:
    if request.param == "sqlite":
        history = CaseHistory(tmp_path / "h.sqlite3")
        yield SqliteQueue(history)
        history.close()
    else:
        store = PostgresStore(request.getfixturevalue("team").url("alice"))
        yield PostgresQueue(store)
        store.close()


def who(queue: Any) -> str:
    return "alice"


def triage(queue: Any, token: str, **fields: Any) -> None:
    queue.triaged(make_case(token, **fields), who(queue))


def test_tokens_are_queued_once_with_an_expiry_estimate(queue: Any) -> None:
    created = datetime(2026, 5, 8, 6, 30, tzinfo=UTC)
    done = queue.add(
        [QueueEntry("{A}"), QueueEntry("{B}", created_at=created, priority=5), QueueEntry("{A}")],
        ORIGIN,
        "alice",
    )
    assert (done.value.added, done.value.already) == (("{A}", "{B}"), ("{A}",))
    again = queue.add([QueueEntry("{B}"), QueueEntry("{C}")], ORIGIN, "alice")
    assert (again.value.added, again.value.already) == (("{C}",), ("{B}",))
    [event] = again.events
    assert event.name == "queued" and event.data["tokens"] == ["{C}"]
    a, b = queue.get_item("{A}"), queue.get_item("{B}")
    assert a.state is QueueState.PENDING and a.profile_name == "prod"
    assert a.expiry_basis is ExpiryBasis.QUEUED
    assert a.expires_at - a.queued_at == TOKEN_LIFETIME
    assert (b.expiry_basis, b.expires_at, b.priority) == (
        ExpiryBasis.CREATED,
        created + TOKEN_LIFETIME,
        5,
    )
    assert queue.status().counts[QueueState.PENDING] == 3


def test_claims_go_nearest_expiry_first_then_failed_before_passed(queue: Any) -> None:
    base = datetime.now(UTC) - timedelta(hours=1)
    queue.add(
        [
            QueueEntry("{LATE-FAILED}", created_at=base + timedelta(hours=5)),
            QueueEntry("{SOON-PASSED}", created_at=base.replace(minute=1)),
            QueueEntry("{SOON-FAILED}", created_at=base.replace(minute=2)),
            QueueEntry("{SOON-INCOMPLETE}", created_at=base.replace(minute=3)),
        ],
        ORIGIN,
        "alice",
    )
    triage(queue, "{LATE-FAILED}", yt_errorcode=602, livestatus=-5008)
    triage(queue, "{SOON-PASSED}")
    triage(queue, "{SOON-FAILED}", yt_errorcode=602, livestatus=-5008)
    triage(queue, "{SOON-INCOMPLETE}", yt_errorcode=None)
    order = []
    while (item := queue.claim_next("alice", LEASE).value) is not None:
        order.append(item.token)
        assert item.state is QueueState.CLAIMED and item.holder == "alice"
    verdicts = {t: queue.get_item(t).verdict for t in order}
    assert verdicts["{SOON-INCOMPLETE}"] == "incomplete"
    assert order == ["{SOON-FAILED}", "{SOON-INCOMPLETE}", "{SOON-PASSED}", "{LATE-FAILED}"]


def test_a_decision_needs_the_claim_and_the_lease(queue: Any) -> None:
    queue.add([QueueEntry("{A}")], ORIGIN, "alice")
    triage(queue, "{A}")
    approve = make_decision("approve", verdict="passed", reviewer="alice")
    with pytest.raises(LeaseLostError) as refused:
        queue.decide("{A}", approve, "alice", None)  # triaged, not claimed
    assert refused.value.exit_code == 6
    item = queue.claim_next("alice", LEASE).value
    done = queue.decide(item.token, approve, "alice", None)
    assert done.value.state is QueueState.DECIDED
    decided = queue.get_item("{A}")
    assert (decided.state, decided.decision_id, decided.holder) == (
        QueueState.DECIDED,
        done.value.decision_id,
        None,
    )
    assert [e.name for e in done.events] == ["decision", "queue_move"]
    with pytest.raises(RefusedError):
        queue.decide("{A}", approve, "alice", None)  # decided once, never twice


def test_release_renew_and_an_expired_lease_returns_the_case(queue: Any) -> None:
    queue.add([QueueEntry("{A}")], ORIGIN, "alice")
    triage(queue, "{A}")
    queue.claim_next("alice", LEASE)
    assert queue.claim_next("alice", LEASE).value is None  # nothing else to claim
    renewed = queue.renew("{A}", "alice", timedelta(hours=2)).value
    assert renewed.lease_left(datetime.now(UTC)) > timedelta(minutes=100)
    released = queue.release("{A}", "alice")
    assert released.value.state is QueueState.TRIAGED and released.value.holder is None
    queue.claim_next("alice", timedelta(seconds=1))
    time.sleep(1.2)
    approve = make_decision("approve", verdict="passed", reviewer="alice")
    with pytest.raises(LeaseLostError, match="ran out"):
        queue.decide("{A}", approve, "alice", None)
    again = queue.claim_next("alice", LEASE)
    assert again.value is not None and again.value.token == "{A}"
    assert [e.data["why"] for e in again.events] == ["lease_expired", "claim"]


def test_triage_outcomes_expired_retry_and_failed(queue: Any) -> None:
    queue.add([QueueEntry("{GONE}"), QueueEntry("{NET}"), QueueEntry("{BAD}")], ORIGIN, "alice")
    taken = queue.take_for_triage(10, "alice")
    assert {i.token for i in taken} == {"{GONE}", "{NET}", "{BAD}"}
    assert queue.take_for_triage(10, "alice") == []  # held by the first triage worker
    later = datetime.now(UTC) + timedelta(hours=1)
    queue.triage_failed("{GONE}", TriageFailure("code 11", gone=True, retry_at=None, code=11), "a")
    queue.triage_failed("{NET}", TriageFailure("timed out", gone=False, retry_at=later), "a")
    queue.triage_failed("{BAD}", TriageFailure("code 14", gone=False, retry_at=None, code=14), "a")
    states = {t: queue.get_item(t) for t in ("{GONE}", "{NET}", "{BAD}")}
    assert states["{GONE}"].state is QueueState.EXPIRED
    assert states["{NET}"].state is QueueState.PENDING and states["{NET}"].attempts == 1
    assert states["{BAD}"].state is QueueState.FETCH_FAILED
    assert states["{BAD}"].error == "code 14"
    assert queue.take_for_triage(10, "alice") == []  # the retry is not due yet
    assert abs((queue.next_due() - later).total_seconds()) < 1
    queue.retry("{BAD}", "alice")
    assert [i.token for i in queue.take_for_triage(10, "alice")] == ["{BAD}"]
    with pytest.raises(NotHolderError):
        queue.retry("{NET}", "alice")  # pending, not failed
    status = queue.status()
    assert status.counts[QueueState.EXPIRED] == 1 and status.counts[QueueState.PENDING] == 2


def test_status_names_the_tokens_expiring_within_a_day(queue: Any) -> None:
    old = datetime.now(UTC) - timedelta(hours=60)
    queue.add([QueueEntry("{OLD}", created_at=old), QueueEntry("{NEW}")], ORIGIN, "alice")
    status = queue.status()
    assert status.expiring_soon == ("{OLD}",)
    assert status.oldest_pending is not None
    assert set(status.counts) == set(QueueState)


def test_a_queued_case_is_not_decided_around_the_queue(queue: Any, tmp_path: Any) -> None:
    queue.add([QueueEntry("{A}")], ORIGIN, "alice")
    triage(queue, "{A}")
    store = queue.history if isinstance(queue, SqliteQueue) else queue.store
    with pytest.raises(RefusedError, match="review queue"):
        store.record_decision("{A}", make_decision("approve", verdict="passed", reviewer="alice"))


def test_the_embedded_store_says_the_four_eyes_rule_is_off(tmp_path: Any) -> None:
    with CaseHistory(tmp_path / "h.sqlite3") as history:
        queue = SqliteQueue(history)
        assert queue.four_eyes is False
        assert "four-eyes rule off" in queue.status().four_eyes_note
        with pytest.raises(NotHolderError, match="four-eyes rule off"):
            queue.claim_next("me", LEASE, confirm=True)
        queue.add([QueueEntry("{R}")], ORIGIN, "me")
        queue.triaged(make_case("{R}"), "me")
        queue.claim_next("me", LEASE)
        reject = make_decision(
            "reject", verdict="passed", reason="other", reason_text="x", reviewer="me"
        )
        assert queue.decide("{R}", reject, "me", None).value.state is QueueState.DECIDED


def test_the_purge_takes_the_queue_rows_too(tmp_path: Any) -> None:
    clock = Clock()
    with CaseHistory(tmp_path / "h.sqlite3", clock=clock) as history:
        queue = SqliteQueue(history)
        queue.add([QueueEntry("{A}"), QueueEntry("{NEVER}")], ORIGIN, "me")
        queue.triaged(make_case("{A}"), "me")
        queue.claim_next("me", LEASE)
        queue.decide("{A}", make_decision("approve", verdict="passed", reviewer="me"), "me", None)
        clock.now += timedelta(days=200)
        assert history.purge(timedelta(days=180)) == ["{A}"]
        assert queue.get_item("{A}") is None and queue.get_item("{NEVER}") is None


# --- PostgreSQL: the four-eyes rule ------------------------------------------------------------


@pytest.fixture
def logins(team: TeamDatabase) -> Iterator[dict[str, PostgresQueue]]:
    stores = {name: PostgresStore(team.url(name)) for name in ("alice", "bob", "carol")}
    yield {name: PostgresQueue(store) for name, store in stores.items()}
    for store in stores.values():
        store.close()


def claimed_by(queue: PostgresQueue, token: str, **fields: Any) -> None:
    queue.add([QueueEntry(token)], ORIGIN, "x")
    queue.triaged(make_case(token, **fields), "x")
    item = queue.claim_next("x", LEASE).value
    assert item is not None and item.token == token


def reject(reviewer: str = "x") -> Any:
    return make_decision("reject", verdict="passed", reason="face_mismatch", reviewer=reviewer)


def test_a_reject_waits_for_a_second_reviewer_who_agrees(logins: dict[str, Any]) -> None:
    alice, bob = logins["alice"], logins["bob"]
    claimed_by(alice, "{R}")
    done = alice.decide("{R}", reject(), "x", None)
    assert done.value.state is QueueState.AWAITING_CONFIRMATION
    assert alice.get_item("{R}").decided_by == "alice"
    assert alice.claim_next("x", LEASE, confirm=True).value is None  # not her own
    with pytest.raises(OwnDecisionError) as own:
        alice.confirm("{R}", ConfirmOutcome.AGREE, overturn=None, reviewer="x", case=None)
    assert own.value.exit_code == 6
    item = bob.claim_next("x", LEASE, confirm=True).value
    assert item is not None and item.token == "{R}" and item.holder == "bob"
    agreed = bob.confirm("{R}", ConfirmOutcome.AGREE, overturn=None, reviewer="x", case=None)
    assert agreed.value.state is QueueState.DECIDED
    assert agreed.value.decision_id == done.value.decision_id
    assert [e.name for e in agreed.events] == ["confirmation", "queue_move"]
    assert bob.status().counts[QueueState.DECIDED] == 1


def test_an_overturn_is_the_confirmers_own_decision(logins: dict[str, Any]) -> None:
    alice, bob = logins["alice"], logins["bob"]
    claimed_by(alice, "{O}", yt_errorcode=602, livestatus=-5008)
    justified = make_decision(
        "approve", verdict="failed", justification="the liveness failure is a glare", reviewer="x"
    )
    first = alice.decide("{O}", justified, "x", None)
    assert first.value.state is QueueState.AWAITING_CONFIRMATION  # approve against a failure
    bob.claim_next("x", LEASE, confirm=True)
    overturn = make_decision("reject", verdict="failed", reason="liveness_doubt", reviewer="x")
    done = bob.confirm("{O}", ConfirmOutcome.OVERTURN, overturn=overturn, reviewer="x", case=None)
    decisions = bob.store.decisions("{O}")
    assert [(d.reviewer, d.action.value) for d in decisions] == [
        ("alice", "approve"),
        ("bob", "reject"),
    ]
    assert decisions[1].supersedes == decisions[0].id == first.value.decision_id
    assert done.value.decision_id == decisions[1].id


def test_escalations_are_settled_by_a_supervisor_with_a_decision(
    logins: dict[str, Any],
) -> None:
    alice, bob, carol = logins["alice"], logins["bob"], logins["carol"]
    claimed_by(alice, "{E}")
    alice.decide("{E}", make_decision("escalate", verdict="passed", reviewer="x"), "x", None)
    assert bob.claim_next("x", LEASE, confirm=True).value is None  # not for a reviewer
    with pytest.raises(SupervisorOnlyError):
        bob.confirm("{E}", ConfirmOutcome.AGREE, overturn=None, reviewer="x", case=None)
    assert carol.claim_next("x", LEASE, confirm=True).value.token == "{E}"
    with pytest.raises(RefusedError, match="not by agreeing"):
        carol.confirm("{E}", ConfirmOutcome.AGREE, overturn=None, reviewer="x", case=None)
    approve = make_decision("approve", verdict="passed", reviewer="x")
    done = carol.confirm("{E}", ConfirmOutcome.OVERTURN, overturn=approve, reviewer="x", case=None)
    assert done.value.state is QueueState.DECIDED


def test_an_approve_of_a_passed_verdict_is_final_and_the_policy_is_a_supervisors(
    logins: dict[str, Any], team: TeamDatabase
) -> None:
    alice, carol = logins["alice"], logins["carol"]
    claimed_by(alice, "{P}")
    done = alice.decide("{P}", make_decision("approve", verdict="passed", reviewer="x"), "x", None)
    assert done.value.state is QueueState.DECIDED
    with pytest.raises(SupervisorOnlyError):
        alice.set_policy(QueuePolicy(confirm_reject=False), "x")
    changed = carol.set_policy(QueuePolicy(confirm_reject=False), "x").value
    assert (changed.confirm_reject, changed.changed_by) == (False, "carol")
    claimed_by(alice, "{R2}")
    assert alice.decide("{R2}", reject(), "x", None).value.state is QueueState.DECIDED
    with team.superuser() as conn:
        lines = [r[0] for r in conn.execute("SELECT line FROM audit_entries ORDER BY seq")]
    assert any('"event":"queue_policy"' in line and '"reviewer":"carol"' in line for line in lines)


def test_two_reviewers_never_hold_the_same_case(logins: dict[str, Any]) -> None:
    alice, bob = logins["alice"], logins["bob"]
    alice.add([QueueEntry("{ONE}")], ORIGIN, "x")
    alice.triaged(make_case("{ONE}"), "x")
    assert alice.claim_next("x", LEASE).value.token == "{ONE}"
    assert bob.claim_next("x", LEASE).value is None
    with pytest.raises(NotHolderError, match="held by alice"):
        bob.release("{ONE}", "x")
    with pytest.raises(NotHolderError, match="held by alice"):
        bob.decide("{ONE}", make_decision("approve", verdict="passed", reviewer="x"), "x", None)


# --- the database's own walls, for a reviewer with psql ------------------------------------------


def psql(team: TeamDatabase, login: str, *statements: str) -> None:
    with psycopg.connect(team.url(login)) as conn, conn.transaction():
        for statement in statements:
            conn.execute(statement)


def test_the_database_refuses_a_lone_verdict_from_psql(
    logins: dict[str, Any], team: TeamDatabase
) -> None:
    alice = logins["alice"]
    claimed_by(alice, "{W}")
    first = alice.decide("{W}", reject(), "x", None).value.decision_id
    refusals = {
        "decide it herself": "UPDATE queue SET state = 'decided' WHERE token = '{W}'",
        "confirm her own": "INSERT INTO confirmations (token, decision_id, outcome) "
        f"VALUES ('{{W}}', {first}, 'agree')",
        "overturn without a confirmation": "INSERT INTO decisions (token, action, supersedes) "
        f"VALUES ('{{W}}', 'approve', {first})",
    }
    for what, statement in refusals.items():
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            psql(team, "alice", statement)
        assert alice.get_item("{W}").state is QueueState.AWAITING_CONFIRMATION, what
    # bob may overturn, but only together with his confirmation (checked at commit)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="together with"):
        psql(
            team,
            "bob",
            "INSERT INTO decisions (token, action, supersedes) "
            f"VALUES ('{{W}}', 'approve', {first})",
        )
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="confirmation"):
        psql(team, "bob", "UPDATE queue SET state = 'decided' WHERE token = '{W}'")


def test_the_database_refuses_a_claim_in_someone_elses_name(
    logins: dict[str, Any], team: TeamDatabase
) -> None:
    alice = logins["alice"]
    alice.add([QueueEntry("{C}")], ORIGIN, "x")
    alice.triaged(make_case("{C}"), "x")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="claimed only by"):
        psql(
            team,
            "bob",
            "UPDATE queue SET state = 'claimed', holder = 'alice', "
            "lease_until = now() + interval '1 hour' WHERE token = '{C}'",
        )
    alice.claim_next("x", LEASE)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="held by alice"):
        psql(team, "bob", "UPDATE queue SET holder = NULL, lease_until = NULL WHERE token = '{C}'")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        psql(team, "bob", "INSERT INTO decisions (token, action) VALUES ('{C}', 'approve')")
    with pytest.raises(RefusedError, match="review queue"):
        logins["bob"].store.record_decision(
            "{C}", make_decision("approve", verdict="passed", reviewer="bob")
        )


def test_a_dave_without_rights_gets_exit_6(team: TeamDatabase) -> None:
    with pytest.raises(StoreError) as refused:
        PostgresStore(team.url("dave"))
    assert refused.value.exit_code in (2, 6)


def test_the_embedded_queue_events_go_to_the_workstation_log(tmp_path: Any) -> None:
    from iauth_desktop.core.review.queueing import QueueService

    log = AuditLog(tmp_path / "audit.log")
    with CaseHistory(tmp_path / "h.sqlite3") as history:
        service = QueueService(SqliteQueue(history), log, "me")
        service.add([QueueEntry("{A}")], ORIGIN)
        service.triaged(make_case("{A}"))
        service.claim_next()
        service.release("{A}")
    names = [entry.event for entry in log.entries()]
    assert names == ["queued", "queue_move", "queue_move", "queue_move"]
    assert log.verify().ok
