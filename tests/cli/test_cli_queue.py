"""The queue and ``decide`` on the command line, end to end in subprocesses against the emulator
over HTTP: the embedded store (one reviewer, four-eyes off, and it says so) and a team's
PostgreSQL (two reviewers and a supervisor, four-eyes on), with the exit codes of the table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iauth_desktop.emulator.detectinfo.demo import batch_token
from tests.cli.conftest import RunningEmulator, run_cli
from tests.team_db import TeamDatabase


@pytest.fixture
def solo(emulator: RunningEmulator, tmp_path: Path) -> dict[str, str]:
    return emulator.env(
        IAUTH_DATA_DIR=str(tmp_path / "data"), IAUTH_CONFIG_DIR=str(tmp_path / "config")
    )


def ok(*args: str, env: dict[str, str], stdin: str | None = None) -> str:
    done = run_cli(*args, env=env, stdin=stdin)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_solo_reviewers_day(solo: dict[str, str], tmp_path: Path) -> None:
    passed, failed, gone = (batch_token(n, i) for n, i in
                            (("pass", 1), ("compare-604", 2), ("expired-token", 3)))  # fmt: skip
    csv_file = tmp_path / "batch.csv"
    csv_file.write_text(f"token,priority\n{passed},1\n{failed},0\n")
    assert ok("queue", "add", str(csv_file), env=solo).strip() == "added 2, already queued 0"
    again = ok("queue", "add", "-", env=solo, stdin=f"{gone}\n{passed}\n")
    assert again.strip() == "added 1, already queued 1"
    assert "triaged 2" in ok("queue", "triage", env=solo)
    status = json.loads(ok("queue", "status", "--json", env=solo))
    assert status["counts"] == {
        "pending": 0, "triaged": 2, "claimed": 0, "awaiting_confirmation": 0, "decided": 0,
        "expired": 1, "fetch_failed": 0,
    }  # fmt: skip
    assert status["four_eyes"] is False and "one reviewer" in status["four_eyes_note"]
    first = json.loads(ok("queue", "next", "--json", env=solo))
    assert (first["token"], first["state"], first["verdict"]) == (failed, "claimed", "failed")
    assert first["expires_at"] and first["expires_estimated_from"] == "queued"
    bundle = tmp_path / "evidence"
    ok("fetch", failed, "--out", str(bundle), env=solo)
    missing = run_cli("decide", failed, "--reject", "other", "--evidence", str(bundle), env=solo)
    assert missing.returncode == 2 and "other" in missing.stderr.lower()
    said = ok("decide", failed, "--reject", "face-mismatch", "--evidence", str(bundle), env=solo)
    assert "decided" in said and "four-eyes rule off" in said
    not_held = run_cli("decide", passed, "--approve", "--evidence", str(bundle), env=solo)
    assert not_held.returncode == 2  # the evidence is of another token
    ok("fetch", passed, "--out", str(tmp_path / "p"), env=solo)
    refused = run_cli("decide", passed, "--approve", "--evidence", str(tmp_path / "p"), env=solo)
    assert refused.returncode == 6 and "queue next" in refused.stderr  # not claimed yet
    assert json.loads(ok("queue", "next", "--json", env=solo))["token"] == passed
    assert json.loads(ok("queue", "next", "--json", env=solo)) == {"token": None}
    confirm = run_cli("queue", "next", "--confirm", env=solo)
    assert confirm.returncode == 6 and "four-eyes rule off" in confirm.stderr
    assert "four-eyes rule off" in ok("queue", "policy", env=solo)
    audit = ok("audit", "show", env=solo)
    assert "queue_move" in audit and "queued" in audit
    assert ok("audit", "verify", env=solo)


def test_decide_works_without_a_queue_in_the_embedded_store(
    solo: dict[str, str], tmp_path: Path, emulator: RunningEmulator
) -> None:
    token = emulator.tokens["pass"]
    ok("fetch", token, "--out", str(tmp_path / "b"), env=solo)
    said = ok("decide", token, "--approve", "--evidence", str(tmp_path / "b"), env=solo)
    assert "Approve" in said and "decision #1" in said


@pytest.fixture
def crew(team: TeamDatabase, emulator: RunningEmulator, tmp_path: Path) -> dict[str, dict]:
    def env_for(login: str) -> dict[str, str]:
        return emulator.env(
            IAUTH_DATABASE_URL=team.url(login),
            IAUTH_DATA_DIR=str(tmp_path / login / "data"),
            IAUTH_CONFIG_DIR=str(tmp_path / login / "config"),
        )

    return {login: env_for(login) for login in ("alice", "bob", "carol")}


def test_a_teams_day_with_four_eyes(crew: dict[str, dict], tmp_path: Path) -> None:
    alice, bob, carol = crew["alice"], crew["bob"], crew["carol"]
    tokens = [batch_token("liveness-602", 10), batch_token("pass", 11)]
    ok("queue", "add", "-", env=alice, stdin="\n".join(tokens) + "\n")
    ok("queue", "triage", "--workers", "2", env=alice)
    token = json.loads(ok("queue", "next", "--json", env=alice))["token"]
    assert token == tokens[0]  # the failed one first
    held = run_cli("queue", "release", token, env=bob)
    assert held.returncode == 6 and "held by alice" in held.stderr
    ok("fetch", token, "--out", str(tmp_path / "a"), env=alice)
    said = ok("decide", token, "--reject", "liveness-doubt", "--evidence", str(tmp_path / "a"),
              env=alice)  # fmt: skip
    assert "awaiting confirmation" in said
    own = run_cli("queue", "confirm", token, "--agree", "--evidence", str(tmp_path / "a"),
                  env=alice)  # fmt: skip
    assert own.returncode == 6 and "four-eyes" in own.stderr
    assert json.loads(ok("queue", "next", "--confirm", "--json", env=alice)) == {"token": None}
    claim = json.loads(ok("queue", "next", "--confirm", "--json", env=bob))
    assert claim["token"] == token and claim["state"] == "awaiting_confirmation"
    assert claim["first_decision"]["action"] == "reject"
    assert claim["first_decision"]["reviewer"] == "alice"
    reused = run_cli("queue", "confirm", token, "--agree", "--evidence", str(tmp_path / "a"),
                     env=bob)  # fmt: skip
    assert reused.returncode == 6 and "fetch the case again" in reused.stderr
    ok("fetch", token, "--out", str(tmp_path / "b"), env=bob)
    confirmed = ok("queue", "confirm", token, "--agree", "--evidence", str(tmp_path / "b"),
                   env=bob)  # fmt: skip
    assert "agreed" in confirmed
    denied = run_cli("queue", "policy", "--reject", "off", env=alice)
    assert denied.returncode == 6 and "supervisor" in denied.stderr
    assert "rejects final" in ok("queue", "policy", "--reject", "off", env=carol)
    status = json.loads(ok("queue", "status", "--json", env=carol))
    assert status["counts"]["decided"] == 1 and status["counts"]["triaged"] == 1
    assert status["four_eyes"] is True
    listed = json.loads(ok("queue", "list", "--json", "--state", "decided", env=carol))
    assert [i["token"] for i in listed] == [token]
    trail = ok("audit", "show", env=carol)
    assert "confirmation" in trail and "queue_policy" in trail
    ok("audit", "verify", env=carol)


def test_an_unreachable_team_database_is_exit_4(emulator: RunningEmulator, tmp_path: Path) -> None:
    env = emulator.env(
        IAUTH_DATABASE_URL="postgresql://alice@127.0.0.1:1/iauth",
        IAUTH_DATA_DIR=str(tmp_path / "data"),
    )
    done = run_cli("queue", "status", env=env)
    assert done.returncode == 4 and "cannot be reached" in done.stderr
