"""Which case store the app uses: the team's PostgreSQL when ``IAUTH_DATABASE_URL`` names one,
else the embedded SQLite history (one file per reviewer, nothing to set up).

The one place that constructs a store; its callers never know which one they hold.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from iauth_desktop.core.audit.log import AuditLog

# the stores load when one is opened: a fetch that only writes the audit log goes without them
if TYPE_CHECKING:
    from iauth_desktop.core.audit.trail import AuditTrail
    from iauth_desktop.core.store.base import CaseStore
    from iauth_desktop.core.store.queue import CaseQueue

ENV_DATABASE_URL = "IAUTH_DATABASE_URL"


def team_database_url(environ: Mapping[str, str] | None = None) -> str | None:
    """The team database's URL from the environment, if any (checked when opened)."""
    url = (os.environ if environ is None else environ).get(ENV_DATABASE_URL, "").strip()
    return url or None


def open_case_store(path: Path | None = None, *, database_url: str | None = None) -> CaseStore:
    """The team store when a database URL is given or set, else the embedded history at
    ``path`` (created when missing); typed errors (StoreError, StoreUnreachableError)."""
    url = None if path is not None else (team_database_url() or database_url)
    if url is not None:
        from iauth_desktop.core.store.postgres.store import PostgresStore  # noqa: PLC0415

        return PostgresStore(url)
    from iauth_desktop.core.store.sqlite.history import CaseHistory  # noqa: PLC0415

    return CaseHistory(path)


def open_audit_trail(database_url: str | None = None) -> AuditTrail:
    """The team's chain in the database when ``IAUTH_DATABASE_URL`` (or, without it,
    ``database_url`` from the console's settings) names one, else this workstation's file."""
    url = team_database_url() or database_url
    if url is not None:
        from iauth_desktop.core.store.postgres.audit_trail import PostgresAuditTrail  # noqa: PLC0415

        return PostgresAuditTrail(url)
    return AuditLog.default()


def case_store_exists() -> bool:
    """Whether a store already exists: reading commands never create one just to look."""
    from iauth_desktop.core.store.sqlite.history import default_history_path  # noqa: PLC0415

    return team_database_url() is not None or default_history_path().is_file()


def open_queue(store: CaseStore) -> CaseQueue:
    """The review queue kept in ``store`` (the team's, with the four-eyes rule, or this
    workstation's). psycopg is imported only for the team's store."""
    from iauth_desktop.core.store.sqlite.history import CaseHistory  # noqa: PLC0415

    if isinstance(store, CaseHistory):
        from iauth_desktop.core.store.sqlite.queue import SqliteQueue  # noqa: PLC0415

        return SqliteQueue(store)
    from iauth_desktop.core.store.postgres.store import PostgresStore  # noqa: PLC0415

    if isinstance(store, PostgresStore):
        from iauth_desktop.core.store.postgres.queue import PostgresQueue  # noqa: PLC0415

        return PostgresQueue(store)
    raise TypeError(f"no queue for {type(store).__name__}")
