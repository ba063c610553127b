"""The team store on a real PostgreSQL: the schema, identity from the login, and the rules the
database itself enforces against a reviewer with ``psql`` — checked as granted login roles that
are neither owner nor superuser."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from typing import Any

import psycopg
import pytest

from iauth_desktop.core.model.decision import DecisionError, make_decision
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.store.base import StoreError
from iauth_desktop.core.store.postgres import admin
from iauth_desktop.core.store.postgres.store import PostgresStore, StorePermissionError
from iauth_desktop.core.store.postgres.url import check_database_url
from iauth_desktop.core.store.sqlite.history import CaseHistory
from tests.postgres_server import PostgresServer
from tests.team_db import TeamDatabase, make_case


@pytest.fixture
def alice(team: TeamDatabase) -> Iterator[PostgresStore]:
    store = PostgresStore(team.url("alice"))
    yield store
    store.close()


def test_upgrade_is_idempotent_and_status_says_who(team: TeamDatabase) -> None:
    assert admin.upgrade_database(team.url()) == (4, 4)
    status = admin.database_status(team.url("carol"))
    assert status.backend.startswith("PostgreSQL 1")
    assert (status.schema_version, status.known_version) == (4, 4)
    assert (status.user, status.role) == ("carol", "supervisor")
    assert admin.database_status(team.url("alice")).role == "reviewer"
    nobody = admin.database_status(team.url("dave"))
    assert (nobody.role, nobody.schema_version) == ("none", None)


def test_the_author_is_the_database_login(alice: PostgresStore) -> None:
    assert alice.identity == "alice"
    summary = alice.record_case(make_case("{T-1}"), "somebody-else", None)
    assert summary.reviewer == "alice"  # the name a caller gives is not used
    first = alice.record_decision(
        "{T-1}", make_decision("approve", verdict="passed", reviewer="alice")
    )
    assert first.id is not None and first.reviewer == "alice"
    change = make_decision(
        "reject", verdict="passed", reason="other", reason_text="re-check", reviewer="alice",
        supersedes=first.id,
    )  # fmt: skip
    second = alice.record_decision("{T-1}", change)
    assert [d.id for d in alice.decisions("{T-1}")] == [first.id, second.id]
    assert alice.latest_decision("{T-1}") == second
    [found] = alice.search("欧")
    assert found.latest_decision == second and found.masked_name == "欧***"


def test_nobody_records_a_decision_as_someone_else(alice: PostgresStore) -> None:
    alice.record_case(make_case("{T-2}"), "alice", None)
    with pytest.raises(StorePermissionError, match="recorded as its author"):
        alice.record_decision("{T-2}", make_decision("escalate", verdict="passed", reviewer="bob"))
    assert alice.decisions("{T-2}") == []


def test_the_rules_hold_in_the_team_store_too(alice: PostgresStore) -> None:
    alice.record_case(make_case("{T-3}", yt_errorcode=602), "alice", None)
    with pytest.raises(DecisionError, match="justification"):
        alice.record_decision("{T-3}", make_decision("approve", verdict="passed", reviewer="alice"))
    first = alice.record_decision(
        "{T-3}", make_decision("escalate", verdict="failed", reviewer="alice")
    )
    with pytest.raises(DecisionError, match="already has a decision"):
        alice.record_decision(
            "{T-3}", make_decision("escalate", verdict="failed", reviewer="alice")
        )
    assert first.id is not None


def sql_as(team: TeamDatabase, login: str, statement: str, *params: Any) -> None:
    with psycopg.connect(team.url(login), autocommit=True) as conn:
        conn.execute(statement, params or None)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE decisions SET action = 'approve'",
        "DELETE FROM decisions",
        "DELETE FROM cases",
        "TRUNCATE decisions",
        "UPDATE cases SET token = 'other'",
    ],
)
def test_a_reviewer_with_psql_cannot_bend_the_record(
    team: TeamDatabase, alice: PostgresStore, statement: str
) -> None:
    alice.record_case(make_case("{T-4}"), "alice", None)
    alice.record_decision("{T-4}", make_decision("escalate", verdict="passed", reviewer="alice"))
    with pytest.raises(psycopg.Error):
        sql_as(team, "alice", statement)
    assert len(alice.decisions("{T-4}")) == 1
    assert alice.get("{T-4}") is not None


def test_inserting_a_decision_as_another_user_fails_in_sql(
    team: TeamDatabase, alice: PostgresStore
) -> None:
    alice.record_case(make_case("{T-5}"), "alice", None)
    with pytest.raises(psycopg.Error):
        sql_as(
            team, "alice",
            "INSERT INTO decisions (token, action, reviewer) VALUES ('{T-5}', 'escalate', 'bob')",
        )  # fmt: skip
    assert alice.decisions("{T-5}") == []


def test_even_the_owner_cannot_edit_a_decision(team: TeamDatabase, alice: PostgresStore) -> None:
    alice.record_case(make_case("{T-6}"), "alice", None)
    alice.record_decision("{T-6}", make_decision("escalate", verdict="passed", reviewer="alice"))
    with team.superuser() as conn, pytest.raises(psycopg.Error, match="never changed"):
        conn.execute("UPDATE decisions SET notes = 'edited'")


def test_a_revoked_reviewer_can_no_longer_read_or_write(
    team: TeamDatabase, alice: PostgresStore
) -> None:
    alice.record_case(make_case("{T-7}"), "alice", None)
    admin.revoke(team.url(), "alice")
    with pytest.raises(StoreError):
        alice.get("{T-7}")
    with pytest.raises(StoreError):
        alice.record_case(make_case("{T-8}"), "alice", None)
    with pytest.raises(StoreError):
        PostgresStore(team.url("dave"))  # never granted: not even the schema version


def test_only_the_purge_function_removes_rows_and_only_a_supervisor(
    team: TeamDatabase, alice: PostgresStore
) -> None:
    alice.record_case(make_case("{OLD}"), "alice", None)
    alice.record_decision("{OLD}", make_decision("escalate", verdict="passed", reviewer="alice"))
    alice.record_case(make_case("{NEW}"), "alice", None)
    with team.superuser() as conn:  # a superuser bypasses row security to age one case
        conn.execute(
            "UPDATE cases SET updated_at = now() - interval '400 days' WHERE token = '{OLD}'"
        )
    with pytest.raises(StorePermissionError):
        alice.purge(timedelta(days=180))  # a reviewer may not
    carol = PostgresStore(team.url("carol"))
    try:
        assert carol.purge(timedelta(days=180)) == ["{OLD}"]
        assert carol.get("{OLD}") is None and carol.get("{NEW}") is not None
        assert carol.purge(timedelta(days=180)) == []
    finally:
        carol.close()


def test_a_url_with_a_password_or_an_unchecked_remote_host_is_refused() -> None:
    with pytest.raises(UsageError, match="password"):
        check_database_url("postgresql://alice:secret@127.0.0.1:5432/iauth")
    with pytest.raises(UsageError, match="verify-full"):
        check_database_url("postgresql://alice@db.example:5432/iauth")
    with pytest.raises(UsageError, match="verify-full"):
        check_database_url("postgresql://alice@db.example/iauth?sslmode=require")
    assert check_database_url("postgresql://alice@db.example/iauth?sslmode=verify-full")
    assert check_database_url("postgresql://alice@127.0.0.1/iauth").host == "127.0.0.1"


def test_a_database_without_the_schema_is_refused_in_words(postgres: PostgresServer) -> None:
    with pytest.raises(StoreError, match="db upgrade"):
        PostgresStore(postgres.url())  # the maintenance database holds no schema


@pytest.fixture(params=["sqlite", "postgres"])
def any_store(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Any]:
    if request.param == "sqlite":
        store: Any = CaseHistory(tmp_path / "history.sqlite3")
    else:
        store = PostgresStore(request.getfixturevalue("team").url("bob"))
    yield store
    store.close()


def test_the_store_contract_holds_for_both_stores(any_store: Any) -> None:
    """What every CaseStore promises, whatever keeps the record."""
    assert any_store.record_case(make_case("{C-1}"), "bob", None).token == "{C-1}"
    any_store.record_case(make_case("{C-2}", yt_errorcode=602), "bob", None)
    assert {s.token for s in any_store.search()} == {"{C-1}", "{C-2}"}
    first = any_store.record_decision(
        "{C-1}", make_decision("approve", verdict="passed", reviewer="bob")
    )
    assert [s.token for s in any_store.search(decision="undecided")] == ["{C-2}"]
    with pytest.raises(DecisionError):
        any_store.record_decision(
            "{C-1}", make_decision("approve", verdict="passed", reviewer="bob")
        )
    any_store.set_notes("{C-1}", "checked with the branch")
    summary = any_store.get("{C-1}")
    assert summary is not None and summary.notes == "checked with the branch"
    assert summary.latest_decision == first and summary.verdict == "passed"
    with pytest.raises(StoreError):
        any_store.set_notes("{nope}", "x")
    refetched = any_store.record_case(replace(make_case("{C-1}")), "bob", None)
    assert refetched.notes == "checked with the branch"  # a re-fetch keeps notes and decisions


def test_in_team_mode_the_login_is_the_reviewer_whatever_is_typed(
    alice: PostgresStore, tmp_path: Any
) -> None:
    from iauth_desktop.core.audit.log import AuditLog
    from iauth_desktop.core.review.deciding import DecisionService

    log = AuditLog(tmp_path / "audit.jsonl")
    alice.record_case(make_case("{T-9}"), "alice", None)
    typed = make_decision("escalate", verdict="passed", reviewer="the settings' name")
    stored = DecisionService(alice, log).record("{T-9}", typed, reviewer="--reviewer value")
    assert stored.reviewer == "alice"
    from iauth_desktop.core.store.postgres.audit_trail import PostgresAuditTrail

    [entry] = [
        e for e in PostgresAuditTrail(alice.target.conninfo).entries() if e.event == "decision"
    ]
    assert entry.reviewer == "alice"  # in the team's trail, written with the decision
    assert [e for e in log.entries() if e.event == "decision"] == []


def test_the_team_audit_trail_is_one_chain_checked_by_the_database(
    team: TeamDatabase,
) -> None:
    from iauth_desktop.core.audit import events
    from iauth_desktop.core.store.postgres.audit_trail import PostgresAuditTrail

    alice_trail = PostgresAuditTrail(team.url("alice"))
    bob_trail = PostgresAuditTrail(team.url("bob"))
    first = alice_trail.record(events.fetched("{A}", None, "127.0.0.1", "fetched: passed"), "x")
    second = bob_trail.record(events.copied("{A}", "ID"))
    granted = 4  # the fixture's grants and revocation come first
    assert (first.seq, first.reviewer) == (granted + 1, "alice")  # the login, not the name given
    assert (second.seq, second.reviewer, second.prev) == (granted + 2, "bob", first.sha256)
    report = alice_trail.verify()
    assert report.ok and report.head == second.head == bob_trail.head()
    assert [e.event for e in alice_trail.entries("{A}")] == ["fetch", "copy"]
    for statement in (
        "UPDATE audit_entries SET line = line",
        "DELETE FROM audit_entries",
        "TRUNCATE audit_entries",
        "INSERT INTO audit_entries (seq, line, sha256) VALUES (3, '{}', repeat('0', 64))",
    ):
        with pytest.raises(psycopg.Error):
            sql_as(team, "alice", statement)
    assert len(alice_trail.entries()) == granted + 2


def test_a_superuser_edit_behind_the_triggers_is_named_by_verify(team: TeamDatabase) -> None:
    from iauth_desktop.core.audit import events
    from iauth_desktop.core.audit.chain import AuditIntegrityError
    from iauth_desktop.core.store.postgres.audit_trail import PostgresAuditTrail

    trail = PostgresAuditTrail(team.url("alice"))
    for field in ("ID", "phone", "name"):
        trail.record(events.revealed("{A}", field))
    with team.superuser() as conn:
        conn.execute("ALTER TABLE audit_entries DISABLE TRIGGER USER")
        conn.execute(
            """UPDATE audit_entries SET line = replace(line, '"phone"', '"other"') WHERE seq = 6"""
        )
        conn.execute("ALTER TABLE audit_entries ENABLE TRIGGER USER")
    report = trail.verify()
    assert not report.ok and report.problem_seq == 6  # after 4 grants: ID 5, phone 6, name 7
    with pytest.raises(AuditIntegrityError, match="entry 6"):
        trail.head()  # fail closed: nothing more is recorded on a damaged trail


def test_grants_and_revocations_are_in_the_team_trail(team: TeamDatabase) -> None:
    from iauth_desktop.core.store.postgres.audit_trail import PostgresAuditTrail

    entries = PostgresAuditTrail(team.url("alice")).entries()
    changes = [(e.reviewer, e.data["role"], e.data["action"]) for e in entries]
    assert changes == [
        ("postgres", "alice", "grant_reviewer"),
        ("postgres", "bob", "grant_reviewer"),
        ("postgres", "carol", "grant_supervisor"),
        ("postgres", "dave", "revoke"),
    ]


def test_a_decision_and_its_audit_entry_commit_together(
    team: TeamDatabase, alice: PostgresStore
) -> None:
    from iauth_desktop.core.store.postgres.audit_trail import PostgresAuditTrail

    trail = PostgresAuditTrail(team.url("alice"))
    alice.record_case(make_case("{TX}"), "alice", None)
    before = len(trail.entries())
    stored = alice.record_decision(
        "{TX}", make_decision("escalate", verdict="passed", reviewer="alice")
    )
    [entry] = trail.entries()[before:]
    assert (entry.event, entry.reviewer, entry.data["decision_id"]) == (
        "decision",
        "alice",
        stored.id,
    )
    # a decision the rules refuse leaves neither a row nor an entry
    with pytest.raises(DecisionError):
        alice.record_decision("{TX}", make_decision("escalate", verdict="passed", reviewer="alice"))
    assert len(trail.entries()) == before + 1 and len(alice.decisions("{TX}")) == 1
    assert trail.verify().ok


def test_the_purge_audits_itself_in_the_same_transaction(
    team: TeamDatabase, alice: PostgresStore
) -> None:
    from iauth_desktop.core.store.postgres.audit_trail import PostgresAuditTrail

    alice.record_case(make_case("{GONE}"), "alice", None)
    with team.superuser() as conn:
        conn.execute(
            "UPDATE cases SET updated_at = now() - interval '400 days' WHERE token = '{GONE}'"
        )
    carol = PostgresStore(team.url("carol"))
    try:
        assert carol.purge(timedelta(days=180)) == ["{GONE}"]
    finally:
        carol.close()
    trail = PostgresAuditTrail(team.url("alice"))
    last = trail.entries()[-1]
    assert (last.event, last.reviewer) == ("retention_purge", "carol")
    assert last.data["tokens"] == ["{GONE}"] and last.data["retention_days"] == 180
    assert trail.verify().ok  # the line the function wrote is a canonical, chained entry
    alice.record_case(make_case("{TX2}"), "alice", None)  # then a supervisor purges from psql
    with team.superuser() as conn:
        conn.execute(
            "UPDATE cases SET updated_at = now() - interval '400 days' WHERE token = '{TX2}'"
        )
    with psycopg.connect(team.url("carol"), autocommit=True) as conn:
        gone = conn.execute("SELECT * FROM iauth_purge(interval '180 days')").fetchall()
    assert [row[0] for row in gone] == ["{TX2}"]
    direct = trail.entries()[-1]
    assert (direct.event, direct.reviewer, direct.data["tokens"]) == (
        "retention_purge",
        "carol",
        ["{TX2}"],
    )
    assert trail.verify().ok


def test_a_password_kept_in_the_os_keyring_opens_the_team_store(
    team: TeamDatabase, memory_keyring: Any
) -> None:
    from iauth_desktop.core.config.secrets import SecretStore
    from iauth_desktop.core.store.base import StoreUnreachableError

    server = team.server
    with psycopg.connect(server.url(), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'pwuser'").fetchone() is None:
            conn.execute("CREATE ROLE pwuser LOGIN PASSWORD 'pw-for-tests'")
    hba = server.folder / "data" / "pg_hba.conf"
    rule = "host all pwuser 127.0.0.1/32 scram-sha-256\n"
    if rule not in hba.read_text():
        hba.write_text(rule + hba.read_text())  # the first matching line decides
        with psycopg.connect(server.url(), autocommit=True) as conn:
            conn.execute("SELECT pg_reload_conf()")
    admin.grant(team.url(), "pwuser", supervisor=False)
    secrets = SecretStore(backend=memory_keyring)
    url = team.url("pwuser")
    with pytest.raises(StoreUnreachableError, match="password"):
        PostgresStore(url, secrets=secrets)  # no password anywhere: refused, in words
    key = admin.store_password(url, "pw-for-tests", secrets)
    assert key == f"pwuser@127.0.0.1:{server.port}/{team.name}"
    store = PostgresStore(url, secrets=secrets)
    try:
        assert store.identity == "pwuser"
    finally:
        store.close()
    assert "pw-for-tests" not in url and "pw-for-tests" not in key
