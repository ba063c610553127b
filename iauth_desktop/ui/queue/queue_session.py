"""One reviewer's work on the queue in the console: the rows, triage, the claimed case and its
lease — every store call and fetch in a worker of the task primitive, never on the GUI thread.

Cases are held in memory only, at most two: the one claimed (on screen) and the next one in
claim order, prefetched so Next case opens at once. A held case is dropped when it is decided,
released or closed. The lease is renewed while the case is held; a lost lease is said once
(``lease_lost``) and ``lease_live`` turns false, so the decision panel refuses to record.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from iauth_desktop.core.model.decision import Decision
from iauth_desktop.core.model.errors import IauthError
from iauth_desktop.core.model.queue import (
    DEFAULT_LEASE,
    ConfirmOutcome,
    QueueDecision,
    QueueEntry,
    QueueItem,
    QueueOrigin,
    QueueState,
    QueueStatus,
)
from iauth_desktop.core.model.timefmt import utc_now
from iauth_desktop.core.review.queueing import QueueService, evidence_of
from iauth_desktop.core.review.triage import Triage, TriageReport
from iauth_desktop.core.store.base import CaseStore
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.error_text import failure_text
from iauth_desktop.ui.tasks import Progress, TaskFailure, TaskOutcome, TaskRunner, wait_for

FetchCase = Callable[[QueueItem, Progress, threading.Event], PreparedCase]
MAX_HELD = 2
REFRESH_MS = 15_000


@dataclass(frozen=True)
class QueueSnapshot:
    items: tuple[QueueItem, ...]
    status: QueueStatus
    reviewer: str


@dataclass(frozen=True)
class HeldCase:
    """A claimed case and its full evidence; ``first`` the decision awaiting confirmation."""

    item: QueueItem
    prepared: PreparedCase
    first: Decision | None = None

    @property
    def confirming(self) -> bool:
        return self.item.state is QueueState.AWAITING_CONFIRMATION


class QueueSession(QObject):
    snapshot = Signal(object)  # QueueSnapshot
    added = Signal(object)  # AddOutcome
    triage_progress = Signal("qlonglong", "qlonglong")  # done, total (-1 unknown)
    triage_finished = Signal(object)  # TriageReport, or None when stopped
    claimed = Signal(object)  # HeldCase now on screen
    nothing_to_claim = Signal(bool)  # confirm
    lease_changed = Signal(object)  # HeldCase
    lease_lost = Signal(str)
    problem = Signal(str)

    def __init__(
        self,
        service: QueueService,
        store: CaseStore,
        fetch: FetchCase,
        triage: Callable[[], Triage],
        parent: QObject | None = None,
        *,
        lease: timedelta = DEFAULT_LEASE,
        renew_every: timedelta | None = None,
    ) -> None:
        super().__init__(parent)
        self.service, self.store, self._fetch, self._make_triage = service, store, fetch, triage
        self._store_runner = TaskRunner("queue", self, max_threads=1)
        self._triage_runner = TaskRunner("triage", self, max_threads=1)
        self._fetch_runner = TaskRunner("queue fetch", self, max_threads=2)
        self._store_runner.finished.connect(self._on_store_job)
        self._triage_runner.progress.connect(self.triage_progress)
        self._triage_runner.finished.connect(self._on_triage_done)
        self._fetch_runner.finished.connect(self._on_fetch_job)
        self.current: HeldCase | None = None
        self._claim_confirm = False
        self._held: dict[str, PreparedCase] = {}  # at most MAX_HELD, the current one included
        self._lost = False
        self._renew = QTimer(self)
        self._renew.timeout.connect(self.renew)
        self.set_lease(lease, renew_every)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)

    def set_lease(self, lease: timedelta, renew_every: timedelta | None = None) -> None:
        """How long a claim holds, and how often it is renewed while held (a third of it)."""
        self.lease = lease
        every = renew_every if renew_every is not None else lease / 3
        self._renew.setInterval(max(1000, int(every.total_seconds() * 1000)))

    # --- reading and filling -------------------------------------------------------------------

    def refresh(self) -> None:
        service = self.service
        self._store_runner.start(
            lambda _p, _c: QueueSnapshot(
                tuple(service.queue.items()), service.status(), service.reviewer
            ),
            "refresh",
        )

    def add(self, entries: list[QueueEntry], origin: QueueOrigin) -> None:
        self._store_runner.start(lambda _p, _c: self.service.add(entries, origin), "add")

    def start_triage(self) -> None:
        triage = self._make_triage()
        service = self.service

        def work(progress: Progress, cancel: threading.Event) -> TriageReport:
            total = service.status().counts.get(QueueState.PENDING, 0)
            progress(0, total)
            return triage.run(cancel, lambda report: progress(report.done, max(total, 1)))

        self._triage_runner.start(work, "triage")

    def triage_running(self) -> bool:
        return self._triage_runner.is_running()

    def cancel_triage(self) -> None:
        handle = self._triage_runner.handle("triage")
        if handle is not None:
            handle.cancel()

    # --- claims --------------------------------------------------------------------------------

    def next_case(self, *, confirm: bool = False) -> None:
        """Give back the undecided case held, claim the next one and open it (its evidence
        from memory when it was prefetched)."""
        service, store, fetch = self.service, self.store, self._fetch
        held = dict(self._held)
        previous = self.current.item.token if self.current and not self._lost else None
        lease = self.lease

        def work(progress: Progress, cancel: threading.Event) -> HeldCase | None:
            if previous is not None:
                _give_back(service, previous)
            item = service.claim_next(lease, confirm=confirm)
            if item is None:
                return None
            prepared = held.get(item.token) or fetch(item, progress, cancel)
            first = None
            if confirm and item.decision_id is not None:
                first = next((d for d in store.decisions(item.token) if d.id == item.decision_id),
                             None)  # fmt: skip
            return HeldCase(item, prepared, first)

        self._stop_holding()
        self._claim_confirm = confirm
        self._fetch_runner.start(work, "claim")

    def release(self) -> None:
        if self.current is None:
            return
        token = self.current.item.token
        self._stop_holding()
        self._store_runner.start(lambda _p, _c: self.service.release(token), "release")

    def drop_cases(self) -> None:
        """The case was closed: its decrypted data goes, and the claim back to the queue."""
        if self.current is not None and not self._lost:
            self.release()
        self._stop_holding()

    def renew(self) -> None:
        if self.current is None or self._lost:
            return
        token = self.current.item.token
        self._store_runner.start(lambda _p, _c: self.service.renew(token, self.lease), "renew")

    def lease_live(self) -> bool:
        """Whether the claim on the case held still stands (by the clock and the store)."""
        current = self.current
        if current is None or self._lost:
            return False
        lease_until = current.item.lease_until
        return lease_until is not None and lease_until > utc_now()

    # --- decisions (the decision panel waits for them) -----------------------------------------

    def decide(self, decision: Decision) -> QueueDecision:
        held = self._require_held()
        result: QueueDecision = self._wait(
            lambda: self.service.decide(held.item.token, decision, evidence_of(held.prepared.case))
        )
        self._finished_with(held)
        return result

    def confirm(
        self, outcome: ConfirmOutcome, overturn: Decision | None, note: str = ""
    ) -> QueueDecision:
        held = self._require_held()
        first = None if held.first is None else held.first.evidence_sha256
        result: QueueDecision = self._wait(
            lambda: self.service.confirm(
                held.item.token, outcome, evidence_of(held.prepared.case), overturn=overturn,
                first_evidence=first, note=note,
            )
        )  # fmt: skip
        self._finished_with(held)
        return result

    def shutdown(self) -> None:
        self._renew.stop()
        self.refresh_timer.stop()
        for runner in (self._triage_runner, self._fetch_runner, self._store_runner):
            runner.shutdown()

    # --- internals -----------------------------------------------------------------------------

    def _require_held(self) -> HeldCase:
        if self.current is None:
            raise IauthError("no claimed case is open: press Next case to claim one")
        return self.current

    def _wait(self, call: Callable[[], object]) -> object:
        outcome = wait_for(self._store_runner, call)
        if outcome.failure is not None:
            if outcome.failure.error is not None:
                raise outcome.failure.error
            raise IauthError(failure_text(outcome.failure))
        return outcome.value

    def _finished_with(self, held: HeldCase) -> None:
        """Decided: the claim is over; the evidence stays on screen until the next case."""
        self._renew.stop()
        self.current = None
        self._held.pop(held.item.token, None)  # the window keeps it on screen until replaced
        self.refresh()

    def _stop_holding(self) -> None:
        self._renew.stop()
        self.current = None
        self._lost = False
        self._held.clear()

    def _hold(self, held: HeldCase) -> None:
        self._held = {held.item.token: held.prepared}
        self.current = held
        self._lost = False
        self._renew.start()
        self.claimed.emit(held)
        self.refresh()
        self._prefetch_next(held)

    def _prefetch_next(self, held: HeldCase) -> None:
        service, fetch, confirm = self.service, self._fetch, held.confirming
        me = service.reviewer

        def work(progress: Progress, cancel: threading.Event) -> tuple[str, PreparedCase] | None:
            state = QueueState.AWAITING_CONFIRMATION if confirm else QueueState.TRIAGED
            for item in service.queue.items([state], limit=8):
                if item.token != held.item.token and item.holder is None and item.decided_by != me:
                    return item.token, fetch(item, progress, cancel)
            return None

        self._fetch_runner.start(work, "prefetch")

    @Slot(str, object)
    def _on_fetch_job(self, job: str, outcome: TaskOutcome) -> None:
        if job == "claim":
            if outcome.failure is not None:
                self.problem.emit(failure_text(outcome.failure))
                self.refresh()
            elif outcome.value is None and not outcome.cancelled:
                self.nothing_to_claim.emit(self._claim_confirm)
                self.refresh()
            elif outcome.value is not None:
                self._hold(outcome.value)
        elif job == "prefetch" and outcome.value is not None and self.current is not None:
            token, prepared = outcome.value
            if len(self._held) < MAX_HELD and token != self.current.item.token:
                self._held[token] = prepared

    @Slot(str, object)
    def _on_store_job(self, job: str, outcome: TaskOutcome) -> None:
        if outcome.cancelled:
            return
        if outcome.failure is not None:
            self._store_failed(job, outcome.failure)
        elif job == "refresh":
            self.snapshot.emit(outcome.value)
        elif job == "add":
            self.added.emit(outcome.value)
            self.refresh()
            self.start_triage()
        elif job == "renew" and self.current is not None:
            item: QueueItem = outcome.value
            if item.token == self.current.item.token:
                self.current = replace(self.current, item=item)
                self.lease_changed.emit(self.current)
        elif job == "release":
            self.refresh()

    def _store_failed(self, job: str, failure: TaskFailure) -> None:
        if job == "renew" and self.current is not None:
            self._lost = True
            self._renew.stop()
            self.lease_lost.emit(failure_text(failure))
            self.refresh()
        else:
            self.problem.emit(failure_text(failure))

    @Slot(str, object)
    def _on_triage_done(self, _job: str, outcome: TaskOutcome) -> None:
        if outcome.failure is not None:
            self.problem.emit(failure_text(outcome.failure))
        self.triage_finished.emit(outcome.value if not outcome.cancelled else None)
        self.refresh()


def _give_back(service: QueueService, token: str) -> None:
    with contextlib.suppress(IauthError):  # decided or lost meanwhile: nothing to give back
        service.release(token)
