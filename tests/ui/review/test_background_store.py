"""The console never calls the case store on the GUI thread, and keeps painting while it waits."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.model.decision import DecisionAction
from iauth_desktop.core.store.base import StoreError
from iauth_desktop.core.store.sqlite.history import CaseHistory
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.review.background_store import BackgroundStore
from iauth_desktop.ui.review.decision_panel import DecisionPanel
from iauth_desktop.ui.review.decision_recorder import DecisionRecorder
from tests.ui.case.test_case_view import demo_case


class SpyStore:
    """A real SQLite history that notes the thread of every call, and can be made slow."""

    def __init__(self, path: Path) -> None:
        self.inner = CaseHistory(path)
        self.threads: list[tuple[str, threading.Thread]] = []
        self.delay = 0.0

    def __getattr__(self, name: str) -> Any:
        target = getattr(self.inner, name)
        if not callable(target):
            return target

        def call(*args: Any, **kwargs: Any) -> Any:
            self.threads.append((name, threading.current_thread()))
            time.sleep(self.delay)
            return target(*args, **kwargs)

        return call


@pytest.fixture
def spy(tmp_path: Path) -> Iterator[SpyStore]:
    store = SpyStore(tmp_path / "history.sqlite3")
    yield store
    store.inner.close()


def test_every_panel_call_runs_in_a_worker(qtbot: QtBot, spy: SpyStore, tmp_path: Path) -> None:
    store = BackgroundStore(spy)  # type: ignore[arg-type]
    hooks = AuditHooks(AuditLog(tmp_path / "audit.jsonl"), lambda: "alice")
    panel = DecisionPanel(DecisionRecorder(store, hooks), lambda: "alice")
    qtbot.addWidget(panel)
    case = replace(demo_case("pass", info_type=1).case, token="{T-1}")
    store.record_case(case, "alice", None)
    panel.show_case(case)
    panel.choose(DecisionAction.APPROVE)
    stored = panel.record()
    assert stored is not None
    [summary] = store.search()
    assert summary.latest_decision == stored
    names = [name for name, _ in spy.threads]
    assert {"record_case", "decisions", "record_decision"} <= set(names)
    main = threading.main_thread()
    assert all(thread is not main for _, thread in spy.threads)
    assert store.calls_off_gui_thread == len(spy.threads)


def test_the_window_keeps_painting_while_the_store_is_slow(qtbot: QtBot, spy: SpyStore) -> None:
    store = BackgroundStore(spy)  # type: ignore[arg-type]
    spy.delay = 0.4
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    try:
        assert store.search() == []
    finally:
        timer.stop()
    assert len(ticks) >= 5  # the GUI thread ran its timers during the 0.4 s call


def test_a_store_error_comes_back_as_the_typed_error(qtbot: QtBot, spy: SpyStore) -> None:
    store = BackgroundStore(spy)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="No case"):
        store.set_notes("{unknown}", "a note")
    assert spy.threads[-1][1] is not threading.main_thread()
