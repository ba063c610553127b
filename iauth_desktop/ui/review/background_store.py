"""The case store as the console uses it: every call runs in a worker, never on the GUI thread.

``BackgroundStore`` is a ``CaseStore`` that hands each call to the task primitive (one worker,
calls in the order made) and waits for it in a local event loop that keeps the window painting
and its timers running, while the reviewer's input waits: a slow or unreachable store shows as
a short wait and then a message in words, never a frozen window. Calls from a worker thread (an
export noting itself) go to the store directly.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread

from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.decision import Decision
from iauth_desktop.core.store.base import (
    AuditHeadLike,
    CaseStore,
    CaseSummary,
    DecisionFilter,
    StoreError,
)
from iauth_desktop.ui.tasks import TaskRunner, wait_for

T = TypeVar("T")


class BackgroundStore:
    def __init__(self, store: CaseStore, parent: QObject | None = None) -> None:
        self.store = store
        self._runner = TaskRunner("case store", parent, max_threads=1)
        self._count = itertools.count()
        self.calls_off_gui_thread = 0  # how many calls went through a worker (for tests)

    # --- CaseStore --------------------------------------------------------------------------

    @property
    def audits_itself(self) -> bool:
        return self.store.audits_itself

    @property
    def identity(self) -> str | None:
        return self.store.identity

    @property
    def schema_version(self) -> int:
        return self._call(lambda: self.store.schema_version)

    def close(self) -> None:
        self._call(self.store.close)

    def record_case(
        self, case: ReviewCase, reviewer: str, audit_head: AuditHeadLike | None
    ) -> CaseSummary:
        return self._call(lambda: self.store.record_case(case, reviewer, audit_head))

    def record_decision(self, token: str, decision: Decision) -> Decision:
        return self._call(lambda: self.store.record_decision(token, decision))

    def set_notes(self, token: str, notes: str) -> None:
        self._call(lambda: self.store.set_notes(token, notes))

    def set_export(self, token: str, path: Path, audit_head: AuditHeadLike | None) -> None:
        self._call(lambda: self.store.set_export(token, path, audit_head))

    def purge(self, older_than: timedelta, now: datetime | None = None) -> list[str]:
        return self._call(lambda: self.store.purge(older_than, now))

    def get(self, token: str) -> CaseSummary | None:
        return self._call(lambda: self.store.get(token))

    def decisions(self, token: str) -> list[Decision]:
        return self._call(lambda: self.store.decisions(token))

    def latest_decision(self, token: str) -> Decision | None:
        return self._call(lambda: self.store.latest_decision(token))

    def search(
        self,
        text: str = "",
        decision: DecisionFilter = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int | None = None,
    ) -> list[CaseSummary]:
        return self._call(lambda: self.store.search(text, decision, since, until, limit))

    # --- the worker -------------------------------------------------------------------------

    def _call(self, call: Callable[[], T]) -> T:
        app = QCoreApplication.instance()
        if app is not None and QThread.currentThread() is app.thread():
            self.calls_off_gui_thread += 1
        outcome = wait_for(self._runner, call)
        if outcome.failure is not None:
            if outcome.failure.error is not None:
                raise outcome.failure.error
            raise StoreError("the case store failed unexpectedly (details are in the log)")
        if outcome.cancelled:
            raise StoreError("the case store call was cancelled")
        return outcome.value  # type: ignore[no-any-return]


def _conforms(store: BackgroundStore) -> CaseStore:
    """mypy checks here that the console's store is a CaseStore."""
    return store
