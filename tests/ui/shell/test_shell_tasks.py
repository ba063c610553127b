"""The background-task primitive: results, errors, progress, cancellation, shutdown."""

from __future__ import annotations

import logging
import threading
import time

import pytest
from pytestqt.qtbot import QtBot

from iauth_desktop.core.model.errors import CancelledError, NetworkError, ServiceError
from iauth_desktop.ui.tasks import INTERNAL_ERROR_EXIT, Progress, TaskFailure, TaskRunner


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
