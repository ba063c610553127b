"""The start-up check of the audit trail runs in a worker: a slow trail never freezes the window."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from iauth_desktop.core.audit import events
from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.audit.verify import VerifyReport
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.tasks import TaskRunner


class SlowLog(AuditLog):
    """A log whose check takes as long as a distant database's would."""

    threads: list[threading.Thread]

    def verify(self, expected_head: object = None) -> VerifyReport:
        self.threads.append(threading.current_thread())
        time.sleep(0.3)
        return super().verify()


def test_the_start_up_check_runs_off_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    log = SlowLog(tmp_path / "audit.jsonl")
    log.threads = []
    log.record(events.copied("{T}", "ID"), "alice")
    hooks = AuditHooks(log, lambda: "alice")
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    try:
        assert hooks.check(TaskRunner("check"))
    finally:
        timer.stop()
    assert log.threads and log.threads[0] is not threading.main_thread()
    assert len(ticks) >= 5  # the window's timers ran while the trail was checked
    assert hooks.usable
