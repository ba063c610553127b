"""File → Export… end to end against the emulator: a password-protected zip, a folder, refusals."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.emulator.detectinfo.demo import CASE_TOKENS
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.export.export_dialog import ExportDialog
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE, extend=True)
Fetch = Callable[[MainWindow, str], PreparedCase]
PASS = CASE_TOKENS["pass"]
PASSWORD = "correct horse battery"
EXPORT_MS = 25_000


def open_dialog(console: MainWindow, qtbot: QtBot) -> ExportDialog:
    console.menus.export_case.trigger()
    [dialog] = [d for d in console.findChildren(ExportDialog) if d.isVisible()]
    return dialog


def run(qtbot: QtBot, dialog: ExportDialog) -> None:
    with qtbot.waitSignal(dialog.exported, timeout=EXPORT_MS):
        assert dialog.start(), dialog.error_label.text()


def test_encrypted_zip_end_to_end(
    qtbot: QtBot, console: MainWindow, fetch_case: Fetch, tmp_path: Path
) -> None:
    fetch_case(console, PASS)
    dialog = open_dialog(console, qtbot)
    target = tmp_path / "out" / "case.zip"
    target.parent.mkdir()
    dialog.target_edit.setText(str(target))
    dialog.encrypt_check.setChecked(True)
    dialog.password_edit.setText(PASSWORD)
    dialog.confirm_edit.setText(PASSWORD + "x")
    assert not dialog.start()
    assert dialog.error_label.text() == "The two passwords differ: type them again."
    dialog.confirm_edit.setText(PASSWORD)
    dialog.evidence_check.setChecked(True)
    assert not dialog.start()  # the dialog asks why, and for whom
    assert dialog.error_label.text() == "Say why the evidence is exported (purpose)."
    dialog.purpose_edit.setCurrentIndex(0)
    assert not dialog.start()
    assert dialog.error_label.text() == "Say who receives the evidence (recipient)."
    dialog.recipient_edit.setText("Internal audit")
    run(qtbot, dialog)

    result = dialog.export_result
    assert result is not None and result.path == target and result.encrypted
    assert hashlib.sha256(target.read_bytes()).hexdigest() == result.sha256
    assert dialog.sha_value.text() == f"SHA-256: {result.sha256}"
    assert dialog.path_value.text() == str(target)
    assert dialog.password_edit.text() == "" and dialog.confirm_edit.text() == ""
    assert [p.name for p in target.parent.iterdir()] == ["case.zip"]  # no temp files left

    pyzipper = pytest.importorskip("pyzipper")
    with pyzipper.AESZipFile(target) as archive:
        with pytest.raises(RuntimeError):
            archive.read("export.json")  # not without the password
        archive.setpassword(PASSWORD.encode())
        record = json.loads(archive.read("export.json"))
        assert archive.read("report.pdf").startswith(b"%PDF")
        assert archive.read("bundle/manifest.json")
    assert record["token"] == PASS and record["full_ids"] is True and record["encrypted"]

    log = AuditLog.default()
    export = [e for e in log.entries(PASS) if e.event == "export"]
    assert len(export) == 1
    assert export[0].data["sha256"] == result.sha256
    assert export[0].data["full_ids"] is True and export[0].data["encrypted"] is True
    assert export[0].data["evidence"] is True
    assert export[0].data["purpose"] == "Audit request"
    assert export[0].data["recipient"] == "Internal audit"
    assert PASSWORD not in log.path.read_text(encoding="utf-8")
    assert log.verify().ok
    summary = console.workflow.history.get(PASS)  # type: ignore[union-attr]
    assert summary is not None and summary.export_path == target


def test_plain_zip_of_an_opened_folder_export(
    qtbot: QtBot, console: MainWindow, fetch_case: Fetch, tmp_path: Path
) -> None:
    fetch_case(console, PASS)
    dialog = open_dialog(console, qtbot)
    folder = tmp_path / "case-folder"
    dialog.target_edit.setText(str(folder))
    run(qtbot, dialog)
    assert (folder / "report.pdf").is_file() and (folder / "evidence-manifest.json").is_file()
    assert not (folder / "bundle").exists()  # a summary by default: no evidence
    assert dialog.export_result is not None and not dialog.export_result.encrypted
    dialog.close()

    target = tmp_path / "plain.zip"
    second = open_dialog(console, qtbot)
    second.target_edit.setText(str(target))
    run(qtbot, second)
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        record = json.loads(archive.read("export.json"))
    assert names[:3] == ["export.json", "report.pdf", "audit.jsonl"]
    assert record["full_ids"] is False and not record["encrypted"]
    assert record["kind"] == "summary" and record["can_reopen"] is False


def test_evidence_turns_the_password_on_and_unticking_it_is_explicit(
    qtbot: QtBot, console: MainWindow, fetch_case: Fetch, tmp_path: Path
) -> None:
    fetch_case(console, PASS)
    dialog = open_dialog(console, qtbot)
    assert not dialog.encrypt_check.isChecked() and not dialog.purpose_edit.isVisibleTo(dialog)
    dialog.evidence_check.setChecked(True)
    assert dialog.encrypt_check.isChecked() and dialog.purpose_edit.isVisibleTo(dialog)
    dialog.encrypt_check.setChecked(False)  # the reviewer's explicit choice
    dialog.purpose_edit.setEditText("Court order 2026-17")
    dialog.recipient_edit.setText("Legal department")
    folder = tmp_path / "evidence"
    dialog.target_edit.setText(str(folder))
    run(qtbot, dialog)
    assert (folder / "bundle" / "case.json").is_file()
    [entry] = [e for e in AuditLog.default().entries(PASS) if e.event == "export"]
    assert entry.data["evidence"] is True and entry.data["encrypted"] is False
    assert entry.data["purpose"] == "Court order 2026-17"


def test_refusals_are_said_in_the_dialog(
    qtbot: QtBot, console: MainWindow, fetch_case: Fetch, tmp_path: Path
) -> None:
    fetch_case(console, PASS)
    dialog = open_dialog(console, qtbot)
    dialog.target_edit.setText(str(tmp_path / "folder"))
    dialog.encrypt_check.setChecked(True)
    dialog.password_edit.setText(PASSWORD)
    dialog.confirm_edit.setText(PASSWORD)
    assert not dialog.start()
    assert dialog.error_label.text() == "Only a .zip can be encrypted: end the name with .zip."
    dialog.encrypt_check.setChecked(False)
    dialog.target_edit.setText(str(tmp_path / "missing" / "case.zip"))
    with qtbot.waitSignal(dialog.runner.failed, timeout=EXPORT_MS):
        assert dialog.start()
    assert dialog.error_label.text().startswith("Export failed, nothing was written: ")
    assert "does not exist" in dialog.error_label.text()
    assert dialog.export_button.isEnabled()  # ready for another try
    assert not any(e.event == "export" for e in AuditLog.default().entries())


def test_export_without_a_case_says_so(console: MainWindow) -> None:
    console.menus.export_case.trigger()
    assert console.findChild(ExportDialog) is None
    assert "nothing to export" in console.message_strip.text()


def test_cancel_leaves_nothing_behind(
    qtbot: QtBot, console: MainWindow, fetch_case: Fetch, tmp_path: Path
) -> None:
    fetch_case(console, PASS)
    dialog = open_dialog(console, qtbot)
    target = tmp_path / "cancelled.zip"
    dialog.target_edit.setText(str(target))
    # Cancel pressed again at every step, as a reviewer might (a no-op once the first took)
    dialog.runner.progress.connect(lambda *_: dialog.cancel_button.click())
    with qtbot.waitSignal(dialog.runner.cancelled, timeout=EXPORT_MS):
        assert dialog.start()
        dialog.cancel_button.click()
    assert "cancelled" in dialog.status_label.text()
    assert list(tmp_path.iterdir()) == []


def test_closing_during_an_export_waits_for_how_it_ended(
    qtbot: QtBot, console: MainWindow, fetch_case: Fetch, tmp_path: Path
) -> None:
    fetch_case(console, PASS)
    dialog = open_dialog(console, qtbot)
    dialog.target_edit.setText(str(tmp_path / "closed.zip"))
    ended: list[str] = []
    dialog.runner.finished.connect(lambda job, _outcome: ended.append(job))
    assert dialog.start()
    dialog.close()
    assert ended == [""]  # delivered during close, not dropped nor left for the event loop
    assert not dialog.runner.is_running()
    assert "cancelled" in dialog.status_label.text()
    assert list(tmp_path.iterdir()) == []
