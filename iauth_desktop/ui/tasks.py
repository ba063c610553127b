"""The one background-task primitive: a plain function on a thread pool, results as signals.

The function receives ``progress(received, total)`` and a ``threading.Event`` meaning "stop" as
plain objects, so the core it calls stays Qt-free (Picard's ``util/thread.py`` pattern). Its
outcome travels back through a signal of a relay QObject that lives in the GUI thread, so the
runner's signals are always emitted in the GUI thread. A ``TaskRunner`` runs one kind of task at
a time: starting another cancels the first, whose late outcome is then ignored.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from iauth_desktop.core.model.errors import CancelledError, IauthError

Progress = Callable[[int, int | None], None]
Work = Callable[[Progress, threading.Event], Any]

INTERNAL_ERROR_EXIT = 1
_PROGRESS_INTERVAL = 0.05  # seconds: more often only floods the GUI thread's event queue
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TaskFailure:
    """Why a task failed: a typed core error (``error`` set) or an internal error (None).

    The error's traceback is dropped in the worker: its frames could keep decrypted data alive.
    """

    message: str
    exit_code: int
    error: IauthError | None = None


@dataclass(frozen=True)
class _Outcome:
    value: Any = None
    failure: TaskFailure | None = None
    cancelled: bool = False


class _Relay(QObject):
    """Lives in the GUI thread; workers emit its signals, which Qt queues to the GUI thread."""

    done = Signal(int, object)
    progress = Signal(int, "qlonglong", "qlonglong")


class TaskRunner(QObject):
    """Runs one kind of task at a time; ``start`` while one runs cancels the running one.

    Signals (GUI thread): ``progress(received, total)`` with total -1 when unknown,
    ``succeeded(value)``, ``failed(TaskFailure)``, ``cancelled()``.
    """

    progress = Signal("qlonglong", "qlonglong")
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(4)  # a cancelled task may still be winding down
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.progress.connect(self._on_progress)
        self._ids = itertools.count(1)
        self._current: tuple[int, threading.Event] | None = None

    def is_running(self) -> bool:
        return self._current is not None

    def active_threads(self) -> int:
        """Worker threads still busy, including cancelled tasks that are winding down."""
        return self._pool.activeThreadCount()

    def start(self, work: Work) -> None:
        """Run ``work(progress, cancel)`` in the pool, cancelling any task still running."""
        self._cancel_current()
        job_id, cancel = next(self._ids), threading.Event()
        self._current = (job_id, cancel)
        relay, name = self._relay, self._name
        self._pool.start(lambda: _run_job(name, job_id, work, cancel, relay))

    def cancel(self) -> None:
        """Ask the running task to stop; ``cancelled`` is emitted now, its outcome ignored."""
        if self._cancel_current():
            self.cancelled.emit()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel and wait (bounded) for every worker, so the process can exit cleanly."""
        self._cancel_current()
        done = self._pool.waitForDone(timeout_ms)
        if not done:
            _log.warning("background task %s did not stop within %d ms", self._name, timeout_ms)
        return bool(done)

    def _cancel_current(self) -> bool:
        current, self._current = self._current, None
        if current is None:
            return False
        current[1].set()
        return True

    @Slot(int, object)
    def _on_done(self, job_id: int, outcome: _Outcome) -> None:
        if self._current is None or self._current[0] != job_id:
            return  # superseded or cancelled: nobody is waiting for it any more
        self._current = None
        if outcome.cancelled:
            self.cancelled.emit()
        elif outcome.failure is not None:
            self.failed.emit(outcome.failure)
        else:
            self.succeeded.emit(outcome.value)

    @Slot(int, "qlonglong", "qlonglong")
    def _on_progress(self, job_id: int, received: int, total: int) -> None:
        if self._current is not None and self._current[0] == job_id:
            self.progress.emit(received, total)


def _run_job(name: str, job_id: int, work: Work, cancel: threading.Event, relay: _Relay) -> None:
    """The worker side: never lets an exception escape into Qt's thread."""
    last = [0.0]

    def progress(received: int, total: int | None) -> None:
        now = time.monotonic()
        if cancel.is_set() or (now - last[0] < _PROGRESS_INTERVAL and received != total):
            return
        last[0] = now
        relay.progress.emit(job_id, received, -1 if total is None else total)

    outcome = _outcome(name, work, progress, cancel)
    relay.done.emit(job_id, outcome)


def _outcome(name: str, work: Work, progress: Progress, cancel: threading.Event) -> _Outcome:
    try:
        return _Outcome(value=work(progress, cancel))
    except CancelledError:
        return _Outcome(cancelled=True)
    except IauthError as exc:
        exc.__traceback__ = None
        if cancel.is_set():  # e.g. the connection closed because we stopped reading
            return _Outcome(cancelled=True)
        return _Outcome(failure=TaskFailure(str(exc), exc.exit_code, exc))
    except Exception as exc:  # noqa: BLE001 - a worker's last line of defence, logged below
        # The type and the code path only: an exception's message may quote decrypted data.
        frames = "".join(traceback.format_tb(exc.__traceback__))
        _log.error("internal error in background task %s: %s\n%s", name, type(exc).__name__, frames)
        return _Outcome(failure=TaskFailure("", INTERNAL_ERROR_EXIT, None))
