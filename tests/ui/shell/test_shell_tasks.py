"""The background-task primitive: results, errors, progress, cancellation, shutdown, several
named jobs at once, and cancel-and-wait that keeps the outcome."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from iauth_desktop.core.model.errors import CancelledError, NetworkError, ServiceError
from iauth_desktop.ui.tasks import (
    INTERNAL_ERROR_EXIT,
    Progress,
    TaskFailure,
    TaskOutcome,
    TaskRunner,
)


@pytest.fixture
def runner(qtbot: QtBot) -> TaskRunner:
    task_runner = TaskRunner("test")
    yield task_runner
    assert task_runner.shutdown(5000)


def test_result_arrives_in_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    workers: list[str] = []
    receivers: list[str] = []

    def work(_progress: Progress, _cancel: threading.Event) -> int:
        workers.append(threading.current_thread().name)
        return 42

    runner.succeeded.connect(lambda _value: receivers.append(threading.current_thread().name))
    with qtbot.waitSignal(runner.succeeded, timeout=5000) as blocker:
        runner.start(work)
    assert blocker.args == [42]
    assert workers and workers[0] != threading.main_thread().name
    assert receivers == [threading.main_thread().name]
    assert not runner.is_running()


def test_progress_is_delivered_and_throttled(qtbot: QtBot, runner: TaskRunner) -> None:
    seen: list[tuple[int, int]] = []
    runner.progress.connect(lambda received, total: seen.append((received, total)))

    def work(progress: Progress, _cancel: threading.Event) -> None:
        for received in range(1, 2001):
            progress(received, 2000)
        progress(10, None)

    with qtbot.waitSignal(runner.succeeded, timeout=5000):
        runner.start(work)
    qtbot.wait(20)
    assert (2000, 2000) in seen  # the last step always arrives
    assert len(seen) < 100  # not one queued signal per chunk
    assert all(total in (2000, -1) for _received, total in seen)


def test_core_error_becomes_a_plain_failure(qtbot: QtBot, runner: TaskRunner) -> None:
    def work(_progress: Progress, _cancel: threading.Event) -> None:
        raise ServiceError(12, "ERROR_TOKEN_OVER_TIMELIMIT", "token expired", "过期")

    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.start(work)
    failure = blocker.args[0]
    assert isinstance(failure, TaskFailure)
    assert failure.exit_code == 3
    assert "token expired" in failure.message
    assert isinstance(failure.error, ServiceError)
    assert failure.error.__traceback__ is None  # frames (and their data) are not kept


def test_unexpected_error_is_logged_without_its_message(
    qtbot: QtBot, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    decrypted = "".join(("110105", "19900101", "1234"))  # never literally in the source

    def work(_progress: Progress, _cancel: threading.Event) -> None:
        raise KeyError(decrypted)  # an exception's message may quote decrypted data

    with caplog.at_level(logging.ERROR), qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.start(work)
    failure = blocker.args[0]
    assert failure.error is None and failure.exit_code == INTERNAL_ERROR_EXIT
    assert "KeyError" in caplog.text and "test_shell_tasks.py" in caplog.text
    assert decrypted not in caplog.text


def test_second_start_cancels_the_first(qtbot: QtBot, runner: TaskRunner) -> None:
    first_cancelled = threading.Event()

    def slow(_progress: Progress, cancel: threading.Event) -> str:
        if cancel.wait(10):
            first_cancelled.set()
            raise CancelledError("stopped")
        return "slow"

    def fast(_progress: Progress, _cancel: threading.Event) -> str:
        return "fast"

    results: list[str] = []
    cancellations: list[bool] = []
    runner.succeeded.connect(results.append)
    runner.cancelled.connect(lambda: cancellations.append(True))
    runner.start(slow)
    with qtbot.waitSignal(runner.succeeded, timeout=5000):
        runner.start(fast)
    assert first_cancelled.wait(2)
    qtbot.waitUntil(lambda: runner.active_threads() == 0, timeout=2000)
    qtbot.wait(20)
    assert results == ["fast"]
    assert cancellations == []  # superseded silently: the second task is what runs now


def test_cancel_reports_at_once_and_ignores_a_late_result(qtbot: QtBot, runner: TaskRunner) -> None:
    def stubborn(_progress: Progress, cancel: threading.Event) -> str:
        cancel.wait(10)
        time.sleep(0.05)
        return "too late"  # ignores the request, as a careless core function might

    results: list[str] = []
    runner.succeeded.connect(results.append)
    runner.start(stubborn)
    with qtbot.waitSignal(runner.cancelled, timeout=1000):
        runner.cancel()
    assert not runner.is_running()
    qtbot.waitUntil(lambda: runner.active_threads() == 0, timeout=2000)
    qtbot.wait(20)
    assert results == []


def test_network_error_after_cancel_counts_as_cancelled(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()

    def work(_progress: Progress, cancel: threading.Event) -> None:
        started.set()
        cancel.wait(10)
        raise NetworkError("connection closed")  # what stopping a download can look like

    failures: list[TaskFailure] = []
    runner.failed.connect(failures.append)
    runner.start(work)
    assert started.wait(2)
    runner.cancel()
    qtbot.waitUntil(lambda: runner.active_threads() == 0, timeout=2000)
    qtbot.wait(20)
    assert failures == []


def test_shutdown_cancels_and_waits(qtbot: QtBot) -> None:
    runner = TaskRunner("shutdown")
    stopped = threading.Event()

    def work(_progress: Progress, cancel: threading.Event) -> None:
        cancel.wait(30)
        stopped.set()

    runner.start(work)
    begun = time.monotonic()
    assert runner.shutdown(5000)
    assert stopped.is_set()
    assert time.monotonic() - begun < 2
    assert runner.active_threads() == 0


# --- several jobs at once, cancel-and-wait ---------------------------------------------------


def test_two_named_jobs_run_at_once_and_both_outcomes_arrive(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    both_running = threading.Barrier(2)  # passes only when the two workers are in it together

    def job(value: str) -> Callable[[Progress, threading.Event], str]:
        def work(_progress: Progress, _cancel: threading.Event) -> str:
            both_running.wait(5)  # BrokenBarrierError (a failure) if they ran one after another
            return value

        return work

    ended: list[tuple[str, TaskOutcome]] = []
    runner.finished.connect(lambda name, outcome: ended.append((name, outcome)))
    first = runner.start(job("first"), job="a")
    second = runner.start(job("second"), job="b")
    assert runner.is_running("a") and runner.is_running("b")
    qtbot.waitUntil(lambda: len(ended) == 2, timeout=5000)
    assert sorted((name, outcome.value) for name, outcome in ended) == [
        ("a", "first"),
        ("b", "second"),
    ]
    assert all(outcome.failure is None for _name, outcome in ended)
    assert not first.cancel_event.is_set() and not second.cancel_event.is_set()
    assert not runner.is_running()


def test_cancelling_one_job_leaves_the_other_running(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()

    def stoppable(_progress: Progress, cancel: threading.Event) -> None:
        cancel.wait(10)
        raise CancelledError("stopped")

    def steady(_progress: Progress, _cancel: threading.Event) -> str:
        release.wait(10)
        return "kept"

    runner.start(stoppable, job="a")
    other = runner.start(steady, job="b")
    runner.cancel("a")
    assert not runner.is_running("a") and runner.is_running("b")
    assert not other.cancel_event.is_set()
    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        release.set()
    assert blocker.args[0] == "b" and blocker.args[1].value == "kept"


@pytest.mark.parametrize("ending", ["value", "error", "cancelled"])
def test_cancel_and_wait_delivers_however_the_job_ended(runner: TaskRunner, ending: str) -> None:
    def work(_progress: Progress, cancel: threading.Event) -> str:
        assert cancel.wait(10)  # runs until asked to stop; then ends as the test says
        if ending == "error":
            raise KeyError("broken")
        if ending == "cancelled":
            raise CancelledError("stopped")
        return "written"  # the last step was done before the request was seen

    seen: list[str] = []
    runner.succeeded.connect(lambda value: seen.append(f"succeeded {value}"))
    runner.failed.connect(lambda failure: seen.append(f"failed {failure.exit_code}"))
    runner.cancelled.connect(lambda: seen.append("cancelled"))
    handle = runner.start(work)
    outcome = handle.cancel_and_wait(5000)
    # Delivered inside the call, without the event loop running.
    expected = {
        "value": (TaskOutcome(value="written"), "succeeded written"),
        "error": (TaskOutcome(failure=TaskFailure("", INTERNAL_ERROR_EXIT)), "failed 1"),
        "cancelled": (TaskOutcome(cancelled=True), "cancelled"),
    }[ending]
    assert outcome == expected[0]
    assert handle.outcome == expected[0]
    assert seen == [expected[1]]
    assert not runner.is_running()


def test_outcome_is_delivered_once_when_waited_for(qtbot: QtBot, runner: TaskRunner) -> None:
    def work(_progress: Progress, _cancel: threading.Event) -> int:
        return 7

    values: list[int] = []
    runner.succeeded.connect(values.append)
    handle = runner.start(work)
    assert handle.wait(5000) == TaskOutcome(value=7)
    qtbot.waitUntil(lambda: runner.active_threads() == 0, timeout=2000)
    qtbot.wait(20)  # the worker's own queued delivery arrives and is recognised as done
    assert values == [7]


def test_a_job_not_done_in_time_still_delivers_later(qtbot: QtBot, runner: TaskRunner) -> None:
    gate = threading.Event()

    def work(_progress: Progress, _cancel: threading.Event) -> str:
        gate.wait(10)
        return "late"

    handle = runner.start(work)
    assert handle.wait(10) is None  # cannot be done: the gate is still shut
    assert handle.outcome is None and runner.is_running()
    with qtbot.waitSignal(runner.succeeded, timeout=5000) as blocker:
        gate.set()
    assert blocker.args == ["late"]


def test_forgotten_job_is_not_delivered_even_when_waited_for(runner: TaskRunner) -> None:
    def work(_progress: Progress, cancel: threading.Event) -> str:
        cancel.wait(10)
        return "too late"

    handle = runner.start(work)
    results: list[str] = []
    runner.succeeded.connect(results.append)
    runner.cancel()  # forget it: its outcome is no one's business any more
    assert handle.wait(5000) == TaskOutcome(value="too late")  # the caller may still look
    assert results == []
