"""Which case store the app uses: today the embedded SQLite history, one file per reviewer.

The one place that constructs a store, so that a team store (a database server) slots in here
without its callers changing.
"""

from __future__ import annotations

from pathlib import Path

from iauth_desktop.core.store.base import CaseStore
from iauth_desktop.core.store.sqlite.history import CaseHistory, default_history_path


def open_case_store(path: Path | None = None) -> CaseStore:
    """The store (created when missing); a typed StoreError when it cannot be opened."""
    return CaseHistory(path)


def case_store_exists() -> bool:
    """Whether a store already exists: reading commands never create one just to look."""
    return default_history_path().is_file()
