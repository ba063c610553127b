"""The case history's SQLite schema, its version (``PRAGMA user_version``) and its guards.

Decisions are immutable: triggers abort any UPDATE of a decision, and any DELETE of a decision
or a case, unless the case's token sits in ``purge_permits``. Only the retention purge writes
there, inside the transaction that deletes those cases and empties the table again, so a purge
either removes whole cases with their decisions or nothing. The guards stop mistakes, not an
attacker with the file; tampering is what the audit log's hash chain reveals.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from iauth_desktop.core.config.paths import ensure_private_dir
from iauth_desktop.core.files import PRIVATE_FILE_MODE
from iauth_desktop.core.model.messages import said
from iauth_desktop.core.store.base import StoreError
from iauth_desktop.core.store.sqlite.migrations import SCHEMA_V1, TO_V2, TO_V3, TO_V4

SCHEMA_VERSION = 4
BUSY_TIMEOUT_S = 10.0
APPLICATION_TABLES = frozenset({"cases", "decisions", "purge_permits", "queue"})

# Index = the version a script upgrades from; version 0 is an empty file.
_MIGRATIONS: tuple[str, ...] = (SCHEMA_V1, TO_V2, TO_V3, TO_V4)
assert len(_MIGRATIONS) == SCHEMA_VERSION


class HistoryError(StoreError):
    """The case history cannot do what was asked: unknown case, unusable or unwritable file."""


def schema_version(connection: sqlite3.Connection) -> int:
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def user_tables(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {str(row[0]) for row in rows}


def ensure_schema(connection: sqlite3.Connection) -> int:
    """Create or upgrade the schema in one transaction; the version the file now has.

    ``connection`` must be in autocommit mode (``isolation_level=None``).
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = _usable_version(connection)
        for script in _MIGRATIONS[version:]:
            for statement in _statements(script):
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return SCHEMA_VERSION


def _usable_version(connection: sqlite3.Connection) -> int:
    version = schema_version(connection)
    if version > SCHEMA_VERSION:
        raise HistoryError(said("history.newer", version=version, supported=SCHEMA_VERSION))
    if version == 0 and user_tables(connection):
        raise HistoryError(said("history.foreign"))
    return version


def _statements(script: str) -> list[str]:
    """Split a script into statements (``executescript`` would commit our transaction)."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements


def connect_history(path: Path) -> sqlite3.Connection:
    """Open (or create, mode 0600) the history file in WAL mode with the current schema."""
    ensure_private_dir(path.parent)
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
        os.close(descriptor)
        path.chmod(PRIVATE_FILE_MODE)  # the umask may have loosened it; a copied file may be looser
    except OSError as error:
        raise HistoryError(
            said("history.cannot_open", path=str(path), reason=str(error.strerror))
        ) from error
    db = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    try:
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA secure_delete = ON")  # purged cases leave no readable bytes behind
        ensure_schema(db)
    except sqlite3.DatabaseError as error:
        db.close()
        raise HistoryError(said("history.unusable", path=str(path), reason=str(error))) from error
    except HistoryError:
        db.close()
        raise
    return db
