"""Case history → double-click: reopen from the last export, else fetch again (expired: said)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from iauth_desktop.core.export.case import export_case
from iauth_desktop.core.store.sqlite.history import CaseHistory
from iauth_desktop.emulator.detectinfo.demo import CASE_TOKENS
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.export.export_dialog import ExportDialog
from iauth_desktop.ui.review.history_model import HistoryColumn
from iauth_desktop.ui.review.history_view import HistoryDialog
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.ui.case.test_case_view import demo_case
from tests.ui.conftest import QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE, extend=True)
Fetch = Callable[[MainWindow, str], PreparedCase]
PASS = CASE_TOKENS["pass"]
EXPIRED = CASE_TOKENS["expired-token"]
# The demo's expired token answers code 12: past the flow's 2-hour limit (not the 3-day keep).
EXPIRED_TEXT = (
    "This token is past the 2-hour limit of its verification flow, so the service no longer "
    "answers for it; reopen the case from an export instead."
)


def history_of(console: MainWindow) -> CaseHistory:
    assert console.workflow.history is not None
    return console.workflow.history


def open_history(console: MainWindow) -> HistoryDialog:
    console.menus.case_history.trigger()  # Ctrl+H
    dialog = console.workflow.history_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def double_click(dialog: HistoryDialog, token: str) -> None:
    row = next(r for r in range(dialog.proxy.rowCount()) if dialog.summary_at(r).token == token)  # type: ignore[union-attr]
    dialog.table.doubleClicked.emit(dialog.proxy.index(row, HistoryColumn.TOKEN))


def export_to(
    qtbot: QtBot, console: MainWindow, target: Path, password: str = "", *, evidence: bool = True
) -> None:
    """An evidence export (the only kind that can reopen a case) unless ``evidence`` is False."""
    dialog = console.workflow.export_case()
    assert isinstance(dialog, ExportDialog)
    dialog.target_edit.setText(str(target))
    if evidence:
        dialog.evidence_check.setChecked(True)
        dialog.purpose_edit.setEditText("Audit request")
        dialog.recipient_edit.setText("Internal audit")
    dialog.encrypt_check.setChecked(bool(password))
    if password:
        dialog.password_edit.setText(password)
        dialog.confirm_edit.setText(password)
    with qtbot.waitSignal(dialog.exported, timeout=25_000):
        assert dialog.start()
    dialog.close()


def test_a_summary_export_is_not_remembered_for_reopening(
    qtbot: QtBot, console: MainWindow, fetch_case: Fetch, tmp_path: Path
) -> None:
    """A summary holds no evidence: reopening the case fetches its token again."""
    fetch_case(console, PASS)
    export_to(qtbot, console, tmp_path / "summary", evidence=False)
    assert history_of(console).get(PASS).export_path is None  # type: ignore[union-attr]


@pytest.mark.parametrize("name", ["folder", "plain.zip", "secret.zip"])
def test_double_click_reopens_from_the_export(
    qtbot: QtBot,
    console: MainWindow,
    fetch_case: Fetch,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    fetch_case(console, PASS)
    password = "open sesame 42" if name == "secret.zip" else ""
    export_to(qtbot, console, tmp_path / name, password)
    assert history_of(console).get(PASS).export_path == tmp_path / name  # type: ignore[union-attr]
    console.close_case()
    asked: list[str] = []

    def get_text(*_args: object) -> tuple[str, bool]:
        asked.append("password")
        return password, True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    dialog = open_history(console)
    assert dialog.model.index(0, HistoryColumn.EXPORTED).data() == "yes"
    fetches: list[str] = []
    console.controller.started.connect(lambda: fetches.append("fetch"))
    with qtbot.waitSignal(console.case_shown, timeout=20_000) as shown:
        double_click(dialog, PASS)
    prepared = shown.args[0]
    assert prepared.case.origin == "bundle" and prepared.case.token == PASS
    assert not prepared.case.tampered
    assert fetches == []  # opened from the export, not fetched again
    assert asked == (["password"] if password else [])
    assert console.case_view.banner.status() == "passed"
    assert console.workflow.panel.token() == PASS
    assert list(tmp_path.iterdir()) == [tmp_path / name]  # nothing unpacked left beside it


def test_without_export_the_token_is_fetched_again(
    qtbot: QtBot, console: MainWindow, fetch_case: Fetch
) -> None:
    fetch_case(console, PASS)
    console.close_case()
    dialog = open_history(console)
    with qtbot.waitSignal(console.controller.finished, timeout=20_000):
        double_click(dialog, PASS)
    assert console.controller.current is not None
    assert console.controller.current.case.origin == "fetch"


def test_expired_token_is_said_plainly(qtbot: QtBot, console: MainWindow) -> None:
    old = replace(demo_case("pass", info_type=1).case, token=EXPIRED)
    history_of(console).record_case(old, "rev-dave", None)
    dialog = open_history(console)
    with qtbot.waitSignal(console.fetch_failed, timeout=20_000) as failed:
        double_click(dialog, EXPIRED)
    message = failed.args[0]
    assert "12" in message and EXPIRED_TEXT in message
    assert "3 days" not in message.split("\n", 1)[1]  # the note: that is code 11's reason
    assert EXPIRED_TEXT in console.message_strip.text()
    assert EXPIRED_TEXT in dialog.message_label.text() and dialog.message_label.isVisible()


def test_a_vanished_export_falls_back_to_fetching(
    qtbot: QtBot, console: MainWindow, fetch_case: Fetch, tmp_path: Path
) -> None:
    prepared = fetch_case(console, PASS)
    assert prepared.case.bundle_path is None
    history_of(console).set_export(PASS, tmp_path / "gone.zip", None)
    console.close_case()
    dialog = open_history(console)
    with qtbot.waitSignal(console.controller.finished, timeout=20_000):
        double_click(dialog, PASS)
    assert "is no longer there: fetching the token again" in dialog.message_label.text()
    assert export_case  # the core export is what the dialog runs (imported for the reader)
