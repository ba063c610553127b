"""``iauth-desktop db`` end to end on the private PostgreSQL: upgrade, status, grant, revoke."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import psycopg
import pytest

from tests.cli.conftest import RunningEmulator, run_cli
from tests.postgres_server import PostgresServer

_numbers = itertools.count(1)


@pytest.fixture
def database(postgres: PostgresServer) -> str:
    name = f"iauth_cli_{next(_numbers)}"
    with psycopg.connect(postgres.url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'erin'").fetchone() is None:
            conn.execute('CREATE ROLE "erin" LOGIN')
    return name


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("IAUTH_", "PG"))}
    return {**base, **extra}


def test_a_team_database_is_set_up_from_the_command_line(
    postgres: PostgresServer, database: str
) -> None:
    owner = postgres.url("postgres", database)
    first = run_cli("db", "upgrade", "--url", owner, env=env())
    assert (first.returncode, first.stdout.strip()) == (0, "schema 0 -> 4"), first.stderr
    again = run_cli("db", "upgrade", env=env(IAUTH_DATABASE_URL=owner))
    assert again.stdout.strip() == "schema 4: already up to date"
    assert run_cli("db", "grant", "erin", "--supervisor", "--url", owner, env=env()).returncode == 0
    status = run_cli("db", "status", env=env(IAUTH_DATABASE_URL=postgres.url("erin", database)))
    assert status.returncode == 0, status.stderr
    assert "you are: erin (supervisor)" in status.stdout
    assert "schema: 4 (this version knows 4)" in status.stdout
    assert run_cli("db", "revoke", "erin", "--url", owner, env=env()).returncode == 0
    gone = run_cli("db", "status", "--url", postgres.url("erin", database), env=env())
    assert "you are: erin (none)" in gone.stdout


def test_refusals_in_words(postgres: PostgresServer, database: str) -> None:
    with_password = f"postgresql://postgres:secret@127.0.0.1:{postgres.port}/{database}"
    done = run_cli("db", "status", "--url", with_password, env=env())
    assert done.returncode == 2 and "password" in done.stderr
    assert "secret" not in done.stderr
    unknown = run_cli("db", "grant", "nobody-here", "--reviewer", "--url",
                      postgres.url("postgres", database), env=env())  # fmt: skip
    assert unknown.returncode == 2 and "no role" in unknown.stderr
    none = run_cli("db", "status", env=env())
    assert none.returncode == 2 and "IAUTH_DATABASE_URL" in none.stderr


def test_an_unreachable_database_is_exit_4(postgres: PostgresServer) -> None:
    done = run_cli("db", "status", "--url", "postgresql://x@127.0.0.1:9/none", env=env())
    assert done.returncode == 4
    assert "cannot be reached" in done.stderr


def test_in_team_mode_every_fetch_goes_to_the_team_trail(
    postgres: PostgresServer, database: str, emulator: RunningEmulator, tmp_path: Path
) -> None:
    owner = postgres.url("postgres", database)
    assert run_cli("db", "upgrade", "--url", owner, env=env()).returncode == 0
    assert run_cli("db", "grant", "erin", "--reviewer", "--url", owner, env=env()).returncode == 0
    team = emulator.env(
        IAUTH_DATABASE_URL=postgres.url("erin", database), IAUTH_DATA_DIR=str(tmp_path / "data")
    )
    fetched = run_cli("fetch", emulator.tokens["pass"], "--out", str(tmp_path / "a"), env=team)
    assert fetched.returncode == 0, fetched.stderr
    assert not (tmp_path / "data" / "audit.jsonl").exists()  # not the workstation's file
    shown = run_cli("audit", "show", env=team)
    assert shown.returncode == 0, shown.stderr
    [line] = [ln for ln in shown.stdout.splitlines() if " fetch " in ln]
    assert "erin" in line and emulator.tokens["pass"] in line
    verified = run_cli("audit", "verify", env=team)
    assert verified.returncode == 0, verified.stderr
    assert "entries" in verified.stdout
    where = run_cli("audit", "path", env=team)
    assert "team database" in where.stdout
