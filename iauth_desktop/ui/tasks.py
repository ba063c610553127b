"""The one background-task primitive: a plain function on a thread pool, results as signals.

The function receives ``progress(received, total)`` and a ``threading.Event`` meaning "stop" as
plain objects, so the core it calls stays Qt-free (Picard's ``util/thread.py`` pattern). Its
outcome travels back through a signal of a relay QObject that lives in the GUI thread, so the
runner's signals are always emitted in the GUI thread.

Each ``start`` returns a ``TaskHandle`` with the job's own stop event. Jobs are named: starting
a job while one of the same name runs cancels the first, whose late outcome is then ignored;
jobs of different names run side by side. ``TaskRunner.cancel`` forgets a job at once, while
``TaskHandle.cancel`` / ``cancel_and_wait`` only ask it to stop and still deliver however it
ended (a job may finish its last step before it sees the request).
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

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QThread,
    QThreadPool,
    Signal,
    Slot,
)

from iauth_desktop.core.model.errors import CancelledError, IauthError

Progress = Callable[[int, int | None], None]
Work = Callable[[Progress, threading.Event], Any]

DEFAULT_JOB = ""
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
class TaskOutcome:
    """How a job ended: its value, why it failed, or that it stopped when asked."""

    value: Any = None
    failure: TaskFailure | None = None
    cancelled: bool = False


class TaskHandle:
    """One started job: its own stop event and, once its worker has returned, its outcome.

    Made in the GUI thread; the worker only stores the outcome and then sets ``_returned``.
    """

    def __init__(self, runner: TaskRunner, job: str) -> None:
        self.job = job
        self.cancel_event = threading.Event()
        self._returned = threading.Event()
        self._outcome: TaskOutcome | None = None
        self._runner = runner

    def cancel(self) -> None:
        """Ask the job to stop; whatever it then ends with is still delivered."""
        self.cancel_event.set()

    @property
    def outcome(self) -> TaskOutcome | None:
        """How the job ended once its worker is done (even before the GUI thread heard)."""
        return self._outcome if self._returned.is_set() else None

    def wait(self, timeout_ms: int = 5000) -> TaskOutcome | None:
        """Block (at most ``timeout_ms``) until the worker is done, then deliver its outcome now
        rather than through the event loop; None when it was not done in time (its outcome then
        arrives later as usual). A job superseded or forgotten by ``TaskRunner.cancel`` is not
        delivered, but its outcome is still returned here."""
        if not self._returned.wait(timeout_ms / 1000):
            return None
        self._runner._deliver(self)
        return self._outcome

    def cancel_and_wait(self, timeout_ms: int = 5000) -> TaskOutcome | None:
        """``cancel`` then ``wait``: for closing a window without losing how the job ended."""
        self.cancel()
        return self.wait(timeout_ms)

    def _finish(self, outcome: TaskOutcome) -> None:
        """Worker thread: the outcome first, then the flag ``wait`` and ``outcome`` look at."""
        self._outcome = outcome
        self._returned.set()


class _Relay(QObject):
    """Lives in the GUI thread; workers emit its signals, which Qt queues to the GUI thread."""

    done = Signal(object)
    progress = Signal(object, "qlonglong", "qlonglong")


class TaskRunner(QObject):
    """Runs jobs in its pool, one per name at a time (``start`` cancels a running namesake).

    Signals (GUI thread), for the jobs of every name: ``progress(received, total)`` with total -1
    when unknown, ``succeeded(value)``, ``failed(TaskFailure)``, ``cancelled()``, and after each
    of those ``finished(job, TaskOutcome)`` saying which job it was.
    """

    progress = Signal("qlonglong", "qlonglong")
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal(str, object)

    def __init__(self, name: str, parent: QObject | None = None, *, max_threads: int = 4) -> None:
        """``max_threads`` 1 runs the jobs one after another, in the order they were started."""
        super().__init__(parent)
        self._name = name
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)  # a cancelled task may still be winding down
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._relay.progress.connect(self._on_progress)
        self._live: dict[str, TaskHandle] = {}  # by name: the jobs whose outcome is awaited

    def is_running(self, job: str | None = None) -> bool:
        """Whether the job (None: any job) is running and its outcome still awaited."""
        return bool(self._live) if job is None else job in self._live

    def handle(self, job: str = DEFAULT_JOB) -> TaskHandle | None:
        """The running job of that name, whose outcome is still awaited."""
        return self._live.get(job)

    def active_threads(self) -> int:
        """Worker threads still busy, including cancelled tasks that are winding down."""
        return self._pool.activeThreadCount()

    def start(self, work: Work, job: str = DEFAULT_JOB) -> TaskHandle:
        """Run ``work(progress, cancel)`` in the pool, cancelling a job of this name still
        running (its outcome is dropped); jobs of other names go on."""
        self._forget(job)
        handle = TaskHandle(self, job)
        self._live[job] = handle
        relay, name = self._relay, self._name
        self._pool.start(lambda: _run_job(name, handle, work, relay))
        return handle

    def cancel(self, job: str = DEFAULT_JOB) -> None:
        """Ask the job to stop and forget it: ``cancelled`` is emitted now, its outcome ignored.
        (``TaskHandle.cancel`` keeps the outcome instead.)"""
        if self._forget(job):
            self._emit(job, TaskOutcome(cancelled=True))

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel and wait (bounded) for every worker, so the process can exit cleanly."""
        for job in list(self._live):
            self._forget(job)
        done = self._pool.waitForDone(timeout_ms)
        if not done:
            _log.warning("background task %s did not stop within %d ms", self._name, timeout_ms)
        return bool(done)

    @Slot(object)
    def _deliver(self, handle: TaskHandle) -> None:
        """Emit a returned job's outcome, once, unless the job was superseded or forgotten."""
        outcome = handle.outcome
        if outcome is None or self._live.get(handle.job) is not handle:
            return
        del self._live[handle.job]
        self._emit(handle.job, outcome)

    def _forget(self, job: str) -> bool:
        handle = self._live.pop(job, None)
        if handle is None:
            return False
        handle.cancel()
        return True

    def _emit(self, job: str, outcome: TaskOutcome) -> None:
        if outcome.cancelled:
            self.cancelled.emit()
        elif outcome.failure is not None:
            self.failed.emit(outcome.failure)
        else:
            self.succeeded.emit(outcome.value)
        self.finished.emit(job, outcome)

    @Slot(object, "qlonglong", "qlonglong")
    def _on_progress(self, handle: TaskHandle, received: int, total: int) -> None:
        if self._live.get(handle.job) is handle:
            self.progress.emit(received, total)


def _run_job(name: str, handle: TaskHandle, work: Work, relay: _Relay) -> None:
    """The worker side: never lets an exception escape into Qt's thread."""
    last = [0.0]
    cancel = handle.cancel_event

    def progress(received: int, total: int | None) -> None:
        now = time.monotonic()
        if cancel.is_set() or (now - last[0] < _PROGRESS_INTERVAL and received != total):
            return
        last[0] = now
        relay.progress.emit(handle, received, -1 if total is None else total)

    handle._finish(_outcome(name, work, progress, cancel))
    relay.done.emit(handle)


def _outcome(name: str, work: Work, progress: Progress, cancel: threading.Event) -> TaskOutcome:
    try:
        return TaskOutcome(value=work(progress, cancel))
    except CancelledError:
        return TaskOutcome(cancelled=True)
    except IauthError as exc:
        exc.__traceback__ = None
        if cancel.is_set():  # e.g. the connection closed because we stopped reading
            return TaskOutcome(cancelled=True)
        return TaskOutcome(failure=TaskFailure(str(exc), exc.exit_code, exc))
    except Exception as exc:  # noqa: BLE001 - a worker's last line of defence, logged below
        # The type and the code path only: an exception's message may quote decrypted data.
        frames = "".join(traceback.format_tb(exc.__traceback__))
        _log.error("internal error in background task %s: %s\n%s", name, type(exc).__name__, frames)
        return TaskOutcome(failure=TaskFailure("", INTERNAL_ERROR_EXIT, None))


_waits = itertools.count()


def wait_for(runner: TaskRunner, call: Callable[[], Any]) -> TaskOutcome:
    """Run ``call`` as a job of ``runner`` and wait for its outcome in a local event loop: the
    window keeps painting and its timers run, the reviewer's input waits. Called off the GUI
    thread, ``call`` simply runs there."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        try:
            return TaskOutcome(value=call())
        except IauthError as exc:
            return TaskOutcome(failure=TaskFailure(str(exc), exc.exit_code, exc))
    job = f"wait {next(_waits)}"
    loop = QEventLoop()
    outcomes: list[TaskOutcome] = []

    def finished(name: str, outcome: TaskOutcome) -> None:
        if name == job:
            outcomes.append(outcome)
            loop.quit()

    runner.finished.connect(finished)
    try:
        runner.start(lambda _progress, _cancel: call(), job)
        if not outcomes:
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        runner.finished.disconnect(finished)
    return outcomes[0]
