"""Decisions in the case history: immutable, chained by ``supersedes``, purged only whole."""

import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from iauth_desktop.core.model.decision import (
    Decision,
    DecisionAction,
    DecisionError,
    RejectReason,
    make_decision,
    superseding,
)
from iauth_desktop.core.store.sqlite.history import DEFAULT_RETENTION, CaseHistory, HistoryError
from tests.core.store.test_history import SHA, T0, Clock, Head, make_case


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def history(tmp_path: Path, clock: Clock) -> Iterator[CaseHistory]:
    with CaseHistory(tmp_path / "history.sqlite3", clock=clock) as opened:
        yield opened


@pytest.fixture
def raw(history: CaseHistory) -> Iterator[sqlite3.Connection]:
    """A second, plain sqlite3 connection to the same file: what a careless script would do."""
    connection = sqlite3.connect(history.path, isolation_level=None)
    yield connection
    connection.close()


def escalate(**kwargs: object) -> Decision:
    return make_decision("escalate", verdict="passed", reviewer="amy", **kwargs)  # type: ignore[arg-type]


def test_record_decision_returns_it_with_an_id(history: CaseHistory) -> None:
    history.record_case(make_case("t", yt=-1101), "amy", None)
    decision = make_decision(
        "reject",
        verdict="failed",
        reason="other",
        reason_text="screen photo",
        notes="see tile 2",
        reviewer="amy",
        decided_at=T0,
    )
    recorded = history.record_decision("t", decision)
    assert recorded.id is not None and recorded.id >= 1
    assert recorded.reason is RejectReason.OTHER
    assert history.decisions("t") == [recorded]
    assert history.latest_decision("t") == recorded
    assert history.get("t").latest_decision == recorded  # type: ignore[union-attr]


def test_a_decision_needs_a_recorded_case(history: CaseHistory) -> None:
    with pytest.raises(HistoryError, match="record the case first"):
        history.record_decision("unknown", escalate())


def test_the_rules_use_the_stored_verdict(history: CaseHistory) -> None:
    history.record_case(make_case("failed", yt=-1101), "amy", None)
    # Checked against "passed" by the caller, yet the stored case failed: refused.
    approve = make_decision("approve", verdict="passed", reviewer="amy")
    with pytest.raises(DecisionError, match="verdict is failed"):
        history.record_decision("failed", approve)
    assert history.decisions("failed") == []


def test_direct_update_and_delete_of_decisions_are_refused(
    history: CaseHistory, raw: sqlite3.Connection
) -> None:
    history.record_case(make_case("t"), "amy", None)
    recorded = history.record_decision("t", escalate())
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        raw.execute("UPDATE decisions SET action = 'approve' WHERE id = ?", (recorded.id,))
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        raw.execute("UPDATE decisions SET notes = 'edited'")
    with pytest.raises(sqlite3.IntegrityError, match="retention purge"):
        raw.execute("DELETE FROM decisions")
    with pytest.raises(sqlite3.IntegrityError, match="retention purge"):
        raw.execute("DELETE FROM cases")
    with pytest.raises(sqlite3.IntegrityError, match="keeps its token"):
        raw.execute("UPDATE cases SET token = 'other'")
    assert history.decisions("t") == [recorded]
    assert history.get("t") is not None


def test_a_change_is_a_new_decision_that_supersedes_the_old(
    history: CaseHistory, clock: Clock
) -> None:
    history.record_case(make_case("t"), "amy", None)
    first = history.record_decision("t", escalate(decided_at=T0))
    change = make_decision("reject", verdict="passed", reason="face_mismatch", reviewer="bob")
    second = history.record_decision("t", superseding(first, change))
    third = history.record_decision(
        "t", superseding(second, make_decision("approve", verdict="passed", reviewer="cy"))
    )
    assert (second.supersedes, third.supersedes) == (first.id, second.id)
    assert history.decisions("t") == [first, second, third]  # the first one is unchanged
    assert history.latest_decision("t") == third
    assert history.get("t").latest_decision == third  # type: ignore[union-attr]


def test_latest_follows_the_chain_not_the_clock(history: CaseHistory) -> None:
    """A reviewer's clock may go backwards; the chain still says which decision is current."""
    history.record_case(make_case("t"), "amy", None)
    first = history.record_decision("t", escalate(decided_at=T0 + timedelta(hours=5)))
    second = history.record_decision(
        "t", superseding(first, make_decision("approve", verdict="passed", decided_at=T0))
    )
    assert history.latest_decision("t") == second
    assert [s.token for s in history.search(decision=DecisionAction.APPROVE)] == ["t"]


def test_a_second_decision_must_name_the_one_it_replaces(history: CaseHistory) -> None:
    history.record_case(make_case("t"), "amy", None)
    first = history.record_decision("t", escalate())
    with pytest.raises(DecisionError, match=f"already has a decision \\(#{first.id}\\)"):
        history.record_decision("t", escalate())
    second = history.record_decision("t", superseding(first, escalate()))
    with pytest.raises(DecisionError, match="already been replaced"):
        history.record_decision("t", superseding(first, escalate()))  # a stale view
    assert history.latest_decision("t") == second
    assert len(history.decisions("t")) == 2


def test_a_decision_cannot_replace_one_on_another_case(
    history: CaseHistory, raw: sqlite3.Connection
) -> None:
    history.record_case(make_case("a"), "amy", None)
    history.record_case(make_case("b"), "amy", None)
    on_a = history.record_decision("a", escalate())
    with pytest.raises(DecisionError, match="not a decision on this case"):
        history.record_decision("b", superseding(on_a, escalate()))
    # The schema refuses it too, and refuses a fork of one chain.
    insert = (
        "INSERT INTO decisions (token, action, reviewer, decided_at, supersedes) "
        "VALUES (?, 'escalate', 'x', '2026-01-01T00:00:00.000000Z', ?)"
    )
    with pytest.raises(sqlite3.IntegrityError, match="same case"):
        raw.execute(insert, ("b", on_a.id))
    raw.execute(insert, ("a", on_a.id))
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        raw.execute(insert, ("a", on_a.id))


def test_schema_refuses_a_reject_without_reason(
    history: CaseHistory, raw: sqlite3.Connection
) -> None:
    history.record_case(make_case("t"), "amy", None)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        raw.execute(
            "INSERT INTO decisions (token, action, reviewer, decided_at) "
            "VALUES ('t', 'reject', 'x', '2026-01-01T00:00:00.000000Z')"
        )


def test_purge_removes_old_cases_with_their_decisions(
    history: CaseHistory, clock: Clock, raw: sqlite3.Connection
) -> None:
    history.record_case(make_case("old-1"), "amy", Head(1, SHA))
    first = history.record_decision("old-1", escalate())
    history.record_decision("old-1", superseding(first, escalate()))
    history.record_case(make_case("old-2"), "amy", None)
    clock.now = T0 + timedelta(days=100)
    history.record_case(make_case("recent", fetched_at=clock.now), "amy", None)
    # A case fetched long ago but decided recently is still in use: it stays.
    history.record_case(make_case("touched"), "amy", None)
    history.record_decision("touched", escalate())

    assert timedelta(days=180) == DEFAULT_RETENTION
    purged = history.purge(DEFAULT_RETENTION, now=T0 + timedelta(days=181))
    assert purged == ["old-1", "old-2"]
    assert history.get("old-1") is None and history.decisions("old-1") == []
    assert history.get("old-2") is None
    assert {s.token for s in history.search()} == {"recent", "touched"}
    assert raw.execute("SELECT count(*) FROM decisions WHERE token = 'old-1'").fetchone() == (0,)
    assert raw.execute("SELECT count(*) FROM purge_permits").fetchone() == (0,)
    # The guards are back in force after the purge.
    with pytest.raises(sqlite3.IntegrityError, match="retention purge"):
        raw.execute("DELETE FROM decisions WHERE token = 'touched'")
    assert history.purge(now=T0 + timedelta(days=181)) == []


def test_purge_uses_the_clock_by_default(history: CaseHistory, clock: Clock) -> None:
    history.record_case(make_case("t"), "amy", None)
    assert history.purge(timedelta(days=1)) == []
    clock.now = T0 + timedelta(days=2)
    assert history.purge(timedelta(days=1)) == ["t"]


def test_purge_refuses_a_negative_period(history: CaseHistory) -> None:
    with pytest.raises(HistoryError, match="negative"):
        history.purge(timedelta(days=-1))


def test_purged_data_leaves_no_bytes_behind(history: CaseHistory, clock: Clock) -> None:
    history.record_case(make_case("purged-token-7f3a"), "amy", None)
    history.record_decision("purged-token-7f3a", escalate(notes="unique-note-9c1e"))
    clock.now = T0 + timedelta(days=2)
    history.record_case(make_case("kept", fetched_at=clock.now), "amy", None)
    history.record_decision("kept", escalate(notes="kept note"))
    assert history.purge(timedelta(days=1)) == ["purged-token-7f3a"]
    assert history.get("kept") is not None
    files = sorted(history.path.parent.glob("history.sqlite3*"))
    contents = b"".join(f.read_bytes() for f in files)
    assert b"purged-token-7f3a" not in contents
    assert b"unique-note-9c1e" not in contents


def test_ids_are_never_reused_after_a_purge(history: CaseHistory) -> None:
    history.record_case(make_case("old"), "amy", None)
    old = history.record_decision("old", escalate())
    history.purge(timedelta(0), now=T0 + timedelta(seconds=1))
    history.record_case(make_case("new"), "amy", None)
    new = history.record_decision("new", escalate())
    assert new.id is not None and old.id is not None and new.id > old.id


def test_two_instances_on_one_file_keep_one_chain(history: CaseHistory) -> None:
    """Two app windows (or processes) deciding the same case: the second sees it was decided."""
    history.record_case(make_case("t"), "amy", None)
    with CaseHistory(history.path) as other:
        assert other.get("t") is not None
        first = other.record_decision("t", escalate())
        with pytest.raises(DecisionError, match="already has a decision"):
            history.record_decision("t", escalate())
        second = history.record_decision("t", superseding(first, escalate()))
        assert other.latest_decision("t") == second
