"""The console holds the audit log to its anchor too: a tail cut off by someone using only the
command line, or a log damaged while the console runs, stops fetching before anything is
fetched."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.config.resolve import Credentials
from iauth_desktop.core.config.secrets import KeyringStatus
from iauth_desktop.emulator.detectinfo.demo import CASE_TOKENS
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.ui.audit.test_audit_gui import build
from tests.ui.conftest import QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE, extend=True)
Fetch = Callable[[MainWindow, str], PreparedCase]
PASS = CASE_TOKENS["pass"]


def test_a_tail_cut_off_after_command_line_use_stops_the_console(
    qtbot: QtBot, demo_credentials: Credentials, keyring_status: KeyringStatus
) -> None:
    log = AuditLog.default()  # as `iauth-desktop profile add` would: no case history involved
    for name in ("x", "y", "z"):
        log.append("profile_change", "rev", profile=name, action="add")
    log.path.write_bytes(b"".join(log.path.read_bytes().splitlines(keepends=True)[:1]))
    window = build(demo_credentials, keyring_status, qtbot)
    alarm = window.workflow.alarm
    assert alarm.isVisible()
    assert "entries 2 to 3 cut off the end" in alarm.text()
    assert not window.token_bar.isEnabled()


def test_a_log_damaged_while_the_console_runs_refuses_the_next_fetch(
    console: MainWindow, fetch_case: Fetch, qtbot: QtBot
) -> None:
    fetch_case(console, PASS)
    fetch_case(console, PASS)
    log = AuditLog.default()
    lines = log.path.read_bytes().splitlines(keepends=True)
    lines[0] = lines[0].replace(b"passed", b"failed", 1)  # entry 1 edited behind its back
    log.path.write_bytes(b"".join(lines))
    before = log.path.read_bytes()
    with qtbot.waitSignal(console.fetch_failed, timeout=20_000) as failed:
        console.fetch_token(PASS)
    message, code = failed.args
    assert code == 5
    assert "entry 1 was changed" in message
    assert log.path.read_bytes() == before  # nothing appended to the broken chain
    assert console.workflow.alarm.isVisible()
