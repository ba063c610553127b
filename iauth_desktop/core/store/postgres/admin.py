"""The team database's administration: create or migrate its schema, grant and revoke the app's
rights (each change recorded in the team's audit trail), say who is connected and with which
role. Run by the database owner (``db`` commands)."""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from psycopg import sql

from iauth_desktop.core.audit import events
from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.store.base import StoreError, StoreUnreachableError
from iauth_desktop.core.store.postgres.audit_trail import PostgresAuditTrail
from iauth_desktop.core.store.postgres.schema import (
    REVIEWER_ROLE,
    SCHEMA_VERSION,
    SUPERVISOR_ROLE,
    current_version,
    upgrade,
)
from iauth_desktop.core.store.postgres.url import check_database_url, connect_kwargs

CONNECT_TIMEOUT_S = 10
Conn = psycopg.Connection[tuple[object, ...]]


@dataclass(frozen=True)
class DatabaseStatus:
    backend: str
    schema_version: int | None  # None: this login may not even read it
    known_version: int
    user: str
    role: str  # supervisor, reviewer, owner or none


def _connect(url: str) -> Conn:
    target = check_database_url(url)
    try:
        return psycopg.connect(
            target.conninfo,
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name="iauth-desktop",
            **connect_kwargs(target),
        )
    except psycopg.OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "connection failed"
        raise StoreUnreachableError(f"the team database cannot be reached: {first}") from None


def upgrade_database(url: str) -> tuple[int, int]:
    """Create or migrate the schema; (version before, version after). Idempotent."""
    with _connect(url) as conn:
        try:
            before, after = upgrade(conn)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise StoreError(
                f"the schema cannot be created by this login: {_first(exc)} (run it as the "
                "database owner, with CREATEROLE the first time)"
            ) from None
    if before > SCHEMA_VERSION:
        raise StoreError(
            f"the team database has schema {before}, newer than this version knows "
            f"({SCHEMA_VERSION}): update iauth-desktop"
        )
    return before, after


def database_status(url: str) -> DatabaseStatus:
    with _connect(url) as conn:
        row = (
            conn.execute(
                "SELECT session_user, version(), "
                "pg_has_role(session_user, %s, 'MEMBER'), pg_has_role(session_user, %s, 'MEMBER'), "
                "EXISTS (SELECT 1 FROM pg_database WHERE datname = current_database() "
                "AND datdba = (SELECT oid FROM pg_roles WHERE rolname = session_user))",
                (SUPERVISOR_ROLE, REVIEWER_ROLE),
            ).fetchone()
            if _roles_exist(conn)
            else None
        )
        if row is None:
            basic = conn.execute("SELECT session_user, version()").fetchone()
            assert basic is not None
            row = (basic[0], basic[1], False, False, False)
        try:
            version: int | None = current_version(conn)
        except psycopg.errors.InsufficientPrivilege:
            version = None
    user, server, supervisor, reviewer, owner = row
    role = "supervisor" if supervisor else "reviewer" if reviewer else "owner" if owner else "none"
    backend = "PostgreSQL " + str(server).split()[1] if str(server).split() else "PostgreSQL"
    return DatabaseStatus(backend, version, SCHEMA_VERSION, str(user), role)


def grant(url: str, login: str, *, supervisor: bool) -> None:
    """Give an existing login role the app's rights (supervisors' include the reviewers')."""
    group = SUPERVISOR_ROLE if supervisor else REVIEWER_ROLE
    with _connect(url) as conn:
        _require_role(conn, login)
        _admin(conn, sql.SQL("GRANT {} TO {}"), group, login)
    action = "grant_supervisor" if supervisor else "grant_reviewer"
    PostgresAuditTrail(url).record(events.rights_changed(login, action))


def revoke(url: str, login: str) -> None:
    """Take the app's rights away (a reviewer who leaves): they can no longer read or write."""
    with _connect(url) as conn:
        _require_role(conn, login)
        for group in (SUPERVISOR_ROLE, REVIEWER_ROLE):
            _admin(conn, sql.SQL("REVOKE {} FROM {}"), group, login)
    PostgresAuditTrail(url).record(events.rights_changed(login, "revoke"))


def _admin(
    conn: psycopg.Connection[tuple[object, ...]], statement: sql.SQL, group: str, login: str
) -> None:
    try:
        conn.execute(statement.format(sql.Identifier(group), sql.Identifier(login)))
    except psycopg.errors.InsufficientPrivilege as exc:
        raise StoreError(f"this login may not change the app's rights: {_first(exc)}") from None
    except psycopg.errors.UndefinedObject:
        raise StoreError(
            "the team database has no iauth roles yet: run `db upgrade` first"
        ) from None


def _require_role(conn: Conn, login: str) -> None:
    if not login or login.startswith("pg_") or login in (REVIEWER_ROLE, SUPERVISOR_ROLE):
        raise UsageError(f"{login!r} is not a login role this command can change")
    found = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone()
    if found is None:
        raise UsageError(f"there is no role {login!r} in the database: create the login first")


def _roles_exist(conn: Conn) -> bool:
    found = conn.execute(
        "SELECT count(*) FROM pg_roles WHERE rolname IN (%s, %s)", (REVIEWER_ROLE, SUPERVISOR_ROLE)
    ).fetchone()
    return found is not None and found[0] == 2


def _first(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def store_password(url: str, password: str, secrets: SecretStore | None = None) -> str:
    """Keep a login's password in the OS keyring (never a file); the keyring item's name."""
    target = check_database_url(url)
    (secrets or SecretStore()).set_database_password(target.key, password)
    return target.key
