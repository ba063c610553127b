"""A fresh team database per test on the session's PostgreSQL, with granted login roles."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest

from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.providers.detectinfo.payload import parse_payload
from iauth_desktop.core.store.postgres import admin
from tests.postgres_server import PostgresServer

_numbers = itertools.count(1)
LOGINS = ("alice", "bob", "carol", "dave")


@dataclass
class TeamDatabase:
    server: PostgresServer
    name: str

    def url(self, user: str = "postgres") -> str:
        return self.server.url(user, self.name)

    def superuser(self) -> psycopg.Connection[Any]:
        return psycopg.connect(self.url(), autocommit=True)


@pytest.fixture
def team(postgres: PostgresServer) -> Iterator[TeamDatabase]:
    """A fresh database with the schema; alice and bob reviewers, carol supervisor, dave none."""
    name = f"iauth_test_{next(_numbers)}"
    with psycopg.connect(postgres.url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
        for login in LOGINS:
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,))
            if exists.fetchone() is None:
                conn.execute(f'CREATE ROLE "{login}" LOGIN')
    database = TeamDatabase(postgres, name)
    assert admin.upgrade_database(database.url()) == (0, 4)
    admin.grant(database.url(), "alice", supervisor=False)
    admin.grant(database.url(), "bob", supervisor=False)
    admin.grant(database.url(), "carol", supervisor=True)
    admin.revoke(database.url(), "dave")
    yield database
    with psycopg.connect(postgres.url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def make_case(token: str, **changes: Any) -> ReviewCase:
    fields = {"name": "欧阳演示", "ID": "990101199005171231", "yt_errorcode": 0, "livestatus": 0,
              "comparestatus": 0, **changes}  # fmt: skip
    result = parse_payload(json.dumps(fields, ensure_ascii=False).encode())
    return ReviewCase(
        result, token, "http://127.0.0.1:1/x.php", FetchMode.TEXT_ONLY, datetime.now(UTC)
    )
