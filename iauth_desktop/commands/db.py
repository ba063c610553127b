"""``iauth-desktop db``: the team database — create or migrate its schema, say who is connected,
grant and revoke the app's rights. The URL comes from ``--url`` or ``IAUTH_DATABASE_URL``; the
password from libpq (``PGPASSWORD``, ``~/.pgpass``), never from the URL."""

from __future__ import annotations

import argparse
import getpass
import sys

from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.store.select import ENV_DATABASE_URL, team_database_url


def add_db_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("db", help="the team database on PostgreSQL: schema, status, rights")
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    upgrade = actions.add_parser("upgrade", help="create or migrate the schema (database owner)")
    upgrade.set_defaults(handler=run_db_upgrade)
    status = actions.add_parser("status", help="backend, schema version, who you are, your role")
    status.set_defaults(handler=run_db_status)
    grant = actions.add_parser("grant", help="give an existing login role the app's rights")
    grant.add_argument("role", help="the login role (it must exist)")
    which = grant.add_mutually_exclusive_group(required=True)
    which.add_argument("--reviewer", action="store_true", help="fetch, decide, read the record")
    which.add_argument("--supervisor", action="store_true", help="a reviewer who may also purge")
    grant.set_defaults(handler=run_db_grant)
    revoke = actions.add_parser("revoke", help="take the app's rights away (a reviewer who leaves)")
    revoke.add_argument("role")
    revoke.set_defaults(handler=run_db_revoke)
    password = actions.add_parser(
        "password", help="keep your login's password in the OS keyring (never in a file)"
    )
    password.add_argument(
        "--password-stdin", action="store_true", help="read it from standard input's first line"
    )
    password.set_defaults(handler=run_db_password)
    for action in (upgrade, status, grant, revoke, password):
        action.add_argument(
            "--url",
            metavar="URL",
            help=f"libpq URL without password (default: ${ENV_DATABASE_URL})",
        )


def _url(args: argparse.Namespace) -> str:
    url = args.url or team_database_url()
    if not url:
        raise UsageError(f"no team database: give --url or set {ENV_DATABASE_URL}")
    return str(url)


def run_db_upgrade(args: argparse.Namespace) -> int:
    from iauth_desktop.core.store.postgres.admin import upgrade_database  # noqa: PLC0415

    before, after = upgrade_database(_url(args))
    if before == after:
        print(f"schema {after}: already up to date")
    else:
        print(f"schema {before} -> {after}")
    return 0


def run_db_status(args: argparse.Namespace) -> int:
    from iauth_desktop.core.store.postgres.admin import database_status  # noqa: PLC0415

    status = database_status(_url(args))
    version = (
        "not readable by this login"
        if status.schema_version is None
        else (str(status.schema_version))
    )
    print(f"backend: {status.backend}")
    print(f"schema: {version} (this version knows {status.known_version})")
    print(f"you are: {status.user} ({status.role})")
    return 0


def run_db_grant(args: argparse.Namespace) -> int:
    from iauth_desktop.core.store.postgres.admin import grant  # noqa: PLC0415

    grant(_url(args), args.role, supervisor=args.supervisor)
    print(f"{args.role}: {'supervisor' if args.supervisor else 'reviewer'}")
    return 0


def run_db_revoke(args: argparse.Namespace) -> int:
    from iauth_desktop.core.store.postgres.admin import revoke  # noqa: PLC0415

    revoke(_url(args), args.role)
    print(f"{args.role}: no rights in the team database any more")
    return 0


def run_db_password(args: argparse.Namespace) -> int:
    from iauth_desktop.core.store.postgres.admin import store_password  # noqa: PLC0415

    if args.password_stdin:
        lines = sys.stdin.read().splitlines()
        secret = lines[0] if lines else ""
    else:
        if not sys.stdin.isatty():
            raise UsageError("no terminal to ask for the password on: use --password-stdin")
        secret = getpass.getpass("database password: ")
    key = store_password(_url(args), secret)
    print(f"the password of {key} is kept in the OS keyring")
    return 0
