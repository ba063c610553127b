"""Triage: text-only fetches of the queue's pending cases, a few at a time, paced, with backoff.

A network failure is retried after a growing pause and, after the last attempt, left for a
person (``fetch_failed``); a service error says something the next try will not change: the
token is gone (``expired``, codes 11 and 12) or the answer is an error a person must read
(``fetch_failed`` with its explanation, code 14 among them). Both front ends run this: the
command line in the foreground, the console in a worker.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta

from iauth_desktop.core.model.errors import CancelledError, IauthError, ServiceError
from iauth_desktop.core.model.queue import QueueItem
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.model.timefmt import utc_now
from iauth_desktop.core.providers.base import Provider
from iauth_desktop.core.review.fetching import FetchService
from iauth_desktop.core.review.queueing import QueueService
from iauth_desktop.core.store.queue import TriageFailure

DEFAULT_WORKERS = 2
MAX_WORKERS = 16
DEFAULT_PACE_S = 0.2  # at least this long between two requests to the service
DEFAULT_BACKOFF_S = 5.0  # the first retry's pause; each later one doubles it
DEFAULT_ATTEMPTS = 4  # network failures tried this many times in all


@dataclass
class TriageReport:
    triaged: int = 0
    expired: int = 0
    failed: int = 0
    retrying: int = 0
    by_verdict: dict[str, int] = field(default_factory=dict)

    @property
    def done(self) -> int:
        return self.triaged + self.expired + self.failed


@dataclass(frozen=True)
class TriageSettings:
    workers: int = DEFAULT_WORKERS
    pace_s: float = DEFAULT_PACE_S
    backoff_s: float = DEFAULT_BACKOFF_S
    attempts: int = DEFAULT_ATTEMPTS
    wait_for_retries: bool = True


class Triage:
    """Runs triage for one queue; ``connect`` gives the provider a queued case is fetched from
    (its profile or endpoint), raising a typed error when it cannot."""

    def __init__(
        self,
        queue: QueueService,
        fetcher: FetchService,
        connect: Callable[[QueueItem], Provider],
        settings: TriageSettings | None = None,
    ) -> None:
        self.queue = queue
        self.fetcher = fetcher
        self.connect = connect
        self.settings = settings or TriageSettings()
        if not 1 <= self.settings.workers <= MAX_WORKERS:
            raise IauthError(f"--workers is between 1 and {MAX_WORKERS}")
        self._pace_lock = threading.Lock()
        self._next_request = 0.0
        self._report_lock = threading.Lock()

    def run(
        self,
        cancel: threading.Event | None = None,
        progress: Callable[[TriageReport], None] | None = None,
    ) -> TriageReport:
        """Triage until no pending case is due (and, by default, until the retries are done)."""
        stop = cancel or threading.Event()
        report = TriageReport()
        with ThreadPoolExecutor(self.settings.workers, thread_name_prefix="triage") as pool:
            while not stop.is_set():
                batch = self.queue.take_for_triage(self.settings.workers * 4)
                if not batch:
                    due = self.queue.next_due() if self.settings.wait_for_retries else None
                    if due is None:
                        break
                    pause = (due - utc_now()).total_seconds()
                    if stop.wait(max(0.05, min(pause, 60.0))):
                        break
                    continue
                futures = [pool.submit(self._one, item, stop, report) for item in batch]
                for future in futures:
                    future.result()
                    if progress is not None:
                        progress(report)
        if stop.is_set():
            raise CancelledError("triage stopped; the cases not yet fetched stay pending")
        return report

    def _one(self, item: QueueItem, stop: threading.Event, report: TriageReport) -> None:
        if stop.is_set():
            return
        try:
            provider = self.connect(item)
            self._pace(stop)
            case = self.fetcher.fetch(
                provider,
                item.token,
                FetchMode.TEXT_ONLY,
                profile_name=item.profile_name,
                cancel=stop,
            )
        except CancelledError:
            return
        except IauthError as exc:
            failure = self._failure(item, exc)
            self.queue.triage_failed(item.token, failure)
            with self._report_lock:
                if failure.gone:
                    report.expired += 1
                elif failure.retry_at is None:
                    report.failed += 1
                else:
                    report.retrying += 1
            return
        self.queue.triaged(case)
        with self._report_lock:
            report.triaged += 1
            verdict = case.result.verdict.status
            report.by_verdict[verdict] = report.by_verdict.get(verdict, 0) + 1

    def _failure(self, item: QueueItem, exc: IauthError) -> TriageFailure:
        words = str(exc)
        if isinstance(exc, ServiceError):
            return TriageFailure(
                words, gone=exc.token_gone is not None, retry_at=None, code=exc.code
            )
        if exc.exit_code == 4 and item.attempts + 1 < self.settings.attempts:
            pause = self.settings.backoff_s * (2**item.attempts)
            return TriageFailure(words, gone=False, retry_at=utc_now() + timedelta(seconds=pause))
        return TriageFailure(words, gone=False, retry_at=None)

    def _pace(self, stop: threading.Event) -> None:
        """Keep at least ``pace_s`` between two requests, whatever the number of workers."""
        with self._pace_lock:
            now = time.monotonic()
            start = max(now, self._next_request)
            self._next_request = start + self.settings.pace_s
        if start > now and stop.wait(start - now):
            raise CancelledError("triage stopped")
