"""The console's audit entries: fetch, reveal, copy, decision, profile change, retention purge;
a damaged log turns fetching off; and the canary: no personal value or secret in the log, the
case history or the config folder after a full GUI flow."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from iauth_desktop.app import build_window
from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.config.paths import config_dir, data_dir
from iauth_desktop.core.config.profiles import ProfileStore
from iauth_desktop.core.config.resolve import Credentials
from iauth_desktop.core.config.secrets import KeyringStatus, SecretStore
from iauth_desktop.core.model.decision import DecisionAction
from iauth_desktop.core.store.sqlite.history import CaseHistory
from iauth_desktop.emulator.detectinfo.demo import (
    CASE_TOKENS,
    DEMO_AES_KEY,
    DEMO_SECRET_KEY,
    DEMO_TOKENS,
    FAULT_TOKENS,
)
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.case.fields_model import FieldColumn
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.settings.app_settings import AppSettings
from iauth_desktop.ui.settings.settings_dialog import SettingsDialog
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.conftest import MemoryKeyring
from tests.ui.case.test_case_view import demo_case
from tests.ui.conftest import QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE, extend=True)
Fetch = Callable[[MainWindow, str], PreparedCase]
PASS = CASE_TOKENS["pass"]
ID_NUMBER, PHONE, NAME = "990101199005171231", "13800138000", "欧阳演示"
CANARIES = (ID_NUMBER, PHONE, NAME, DEMO_SECRET_KEY, DEMO_AES_KEY)


def events(token: str | None = None) -> list[tuple[str, dict[str, object]]]:
    return [(e.event, e.data) for e in AuditLog.default().entries(token)]


def reveal_and_copy(qtbot: QtBot, console: MainWindow, key: str) -> None:
    if console.audit.ask_purpose is not None and console.audit.purpose is None:
        console.audit.ask_purpose = lambda: "compare with the card"  # the dialog's answer
    table = console.case_view.fields
    table.select_row(table.fields_model().row_of(key))
    table.reveal_action.trigger()
    table.copy_action.trigger()
    assert QGuiApplication.clipboard().text() in (ID_NUMBER, PHONE)
    QGuiApplication.clipboard().clear()


def test_fetches_are_audited_with_their_outcome(
    console: MainWindow, fetch_case: Fetch, qtbot: QtBot
) -> None:
    console.settings.reviewer = "rev-erin"
    fetch_case(console, PASS)
    for token in (FAULT_TOKENS["http-500"], CASE_TOKENS["expired-token"]):
        with qtbot.waitSignal(console.fetch_failed, timeout=20_000):
            console.fetch_token(token)
    entries = AuditLog.default().entries()
    fetches = [e for e in entries if e.event == "fetch"]
    assert [e.data["outcome"] for e in fetches] == [
        "fetched: passed",
        "HTTP 500",
        "service error 12",
    ]
    assert [e.data["token"] for e in fetches] == [
        PASS,
        FAULT_TOKENS["http-500"],
        CASE_TOKENS["expired-token"],
    ]
    assert {e.data["profile"] for e in fetches} == {"demo"}
    assert all(e.data["endpoint"].startswith("127.0.0.1:") for e in fetches)  # type: ignore[union-attr]
    assert {e.reviewer for e in entries} == {"rev-erin"}
    assert AuditLog.default().verify().ok
    summary = console.workflow.history.get(PASS)  # type: ignore[union-attr]
    assert summary is not None and summary.reviewer == "rev-erin"
    assert summary.audit_head is not None and summary.audit_head.seq == 1  # head after the fetch


def test_reveal_copy_and_decision_are_audited(
    console: MainWindow, fetch_case: Fetch, qtbot: QtBot
) -> None:
    fetch_case(console, PASS)
    reveal_and_copy(qtbot, console, "ID")
    model = console.case_view.fields.fields_model()
    assert model.index(model.row_of("ID"), FieldColumn.VALUE).data() == ID_NUMBER
    panel = console.workflow.panel
    assert panel.token() == PASS and console.workflow.dock.isVisible()
    panel.choose(DecisionAction.ESCALATE)
    panel.notes_edit.setPlainText("ask the team lead; looks like a screen photo")
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    assert panel.error() == ""
    assert [name for name, _ in events(PASS)] == ["fetch", "reveal", "copy", "decision"]
    _, reveal = events(PASS)[1]
    assert reveal == {"token": PASS, "field": "ID", "purpose": "compare with the card"}
    _, decision = events(PASS)[3]
    assert decision["action"] == "escalate" and decision["decision_id"] == 1
    assert "screen photo" not in AuditLog.default().path.read_text(encoding="utf-8")
    assert AuditLog.default().verify().ok


def test_profile_changes_are_audited_without_secrets(
    qtbot: QtBot, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    hooks = AuditHooks(AuditLog.default(), lambda: "rev-frank")
    store = ProfileStore(tmp_path / "profiles.json")
    dialog = SettingsDialog(
        None, store, SecretStore(backend=memory_keyring), AppSettings(), audit=hooks
    )
    qtbot.addWidget(dialog)
    page = dialog.profiles_page
    for name in ("acme", "beta"):
        editor = page.open_editor(None)
        assert editor is not None
        editor.name_edit.setText(name)
        editor.appid_edit.setText("1400123")
        editor.secret_edit.setText(DEMO_SECRET_KEY)
        editor.aes_edit.setText(DEMO_AES_KEY)
        assert editor.save()
        editor.reject()
    editor = page.open_editor("acme")
    assert editor is not None
    editor.appid_edit.setText("1400999")
    assert editor.save()
    editor.reject()
    assert page.set_default("beta")
    assert page.remove_profile("acme")
    changes = [(d["profile"], d["action"]) for e, d in events() if e == "profile_change"]
    assert changes == [
        ("acme", "add"),
        ("beta", "add"),
        ("acme", "edit"),
        ("beta", "set_default"),
        ("acme", "remove"),
    ]
    text = AuditLog.default().path.read_text(encoding="utf-8")
    assert DEMO_SECRET_KEY not in text and DEMO_AES_KEY not in text
    assert AuditLog.default().verify().ok


def build(credentials: Credentials, keyring: KeyringStatus, qtbot: QtBot) -> MainWindow:
    window = build_window(credentials, keyring, demo_tokens=dict(DEMO_TOKENS))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_damaged_audit_log_turns_fetching_off(
    qtbot: QtBot, demo_credentials: Credentials, keyring_status: KeyringStatus
) -> None:
    log = AuditLog.default()
    log.append("profile_change", "rev", profile="x", action="add")
    log.append("profile_change", "rev", profile="y", action="add")
    lines = log.path.read_bytes().splitlines(keepends=True)
    log.path.write_bytes(lines[0].replace(b'"x"', b'"z"') + lines[1])  # an edited entry
    window = build(demo_credentials, keyring_status, qtbot)
    alarm = window.workflow.alarm
    assert alarm.isVisible()
    assert (
        "iauth-desktop audit verify" in alarm.text() and "fetching is switched off" in alarm.text()
    )
    assert not window.token_bar.isEnabled()
    with qtbot.waitSignal(window.fetch_failed, timeout=5_000) as failed:
        window.fetch_token(PASS)  # the demo list still asks: refused
    assert "audit log" in failed.args[0] and failed.args[1] == 5
    assert window.controller.current is None
    window.close_case()
    window.message_strip.clear()
    assert alarm.isVisible()  # persistent: closing the case or the message does not hide it


def test_retention_purge_at_start_up_is_audited(
    qtbot: QtBot, demo_credentials: Credentials, keyring_status: KeyringStatus
) -> None:
    now = datetime.now(UTC)
    with CaseHistory(clock=lambda: now - timedelta(days=200)) as old:
        for token in ("{OLD-1}", "{OLD-2}"):
            case = demo_case("pass", info_type=1).case
            case.token = token
            old.record_case(case, "rev", None)
    with CaseHistory(clock=lambda: now - timedelta(days=10)) as recent:
        case = demo_case("pass", info_type=1).case
        case.token = "{RECENT-1}"
        recent.record_case(case, "rev", None)
    audit_before = AuditLog.default().path.exists()
    window = build(demo_credentials, keyring_status, qtbot)
    history = window.workflow.history
    assert history is not None
    assert [s.token for s in history.search()] == ["{RECENT-1}"]
    [(event, data)] = events()
    assert event == "retention_purge"
    assert data == {"count": 2, "tokens": ["{OLD-1}", "{OLD-2}"], "retention_days": 180}
    assert not audit_before and AuditLog.default().verify().ok
    window.settings.retention_days = 5
    assert window.workflow.purge_history() == ["{RECENT-1}"]
    assert events()[-1][1]["count"] == 1 and len(events()) == 2  # the log only grows


def all_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    found = []
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            found.append((path, path.read_bytes()))
    return found


def test_canary_no_personal_value_or_secret_at_rest(
    qtbot: QtBot,
    console: MainWindow,
    fetch_case: Fetch,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    fetch_case(console, PASS)
    reveal_and_copy(qtbot, console, "ID")
    reveal_and_copy(qtbot, console, "phone")
    panel = console.workflow.panel
    panel.choose(DecisionAction.APPROVE)
    panel.notes_edit.setPlainText(f"name checked: {NAME}")  # the reviewer's own words
    assert panel.record() is None
    assert panel.error() == (
        "The notes hold the person's full name, which the case history never keeps. "
        "Write the masked name (欧***) instead."
    )
    panel.notes_edit.setPlainText("name checked: 欧***, ID ending 1231")
    assert panel.record() is not None
    dialog = console.workflow.export_case()
    assert dialog is not None
    dialog.target_edit.setText(str(tmp_path / "export.zip"))
    dialog.evidence_check.setChecked(True)
    dialog.purpose_edit.setEditText("Audit request")
    dialog.recipient_edit.setText("Internal audit")
    dialog.encrypt_check.setChecked(False)
    with qtbot.waitSignal(dialog.exported, timeout=25_000):
        assert dialog.start()
    dialog.close()
    settings = SettingsDialog(
        console,
        ProfileStore.default_location(),
        SecretStore(backend=memory_keyring),
        console.settings,
        audit=console.workflow.audit,
    )
    qtbot.addWidget(settings)
    editor = settings.profiles_page.open_editor(None)
    assert editor is not None
    editor.name_edit.setText("canary")
    editor.appid_edit.setText("1400123")
    editor.secret_edit.setText(DEMO_SECRET_KEY)
    editor.aes_edit.setText(DEMO_AES_KEY)
    assert editor.save()
    editor.reject()
    console.settings.reviewer = "rev-gina"
    assert settings.apply()
    console.close_case()
    console.workflow.history.close()  # type: ignore[union-attr]  # WAL folded in

    log = AuditLog.default()
    assert log.verify().ok
    assert {e.event for e in log.entries()} >= {"fetch", "reveal", "copy", "decision", "export"}
    assert {e.event for e in log.entries()} >= {"profile_change"}
    files = all_bytes(data_dir(create=False)) + all_bytes(config_dir(create=False))
    names = {path.name for path, _ in files}
    assert {"audit.jsonl", "history.sqlite3", "profiles.json", "console.json"} <= names
    for path, content in files:
        for canary in CANARIES:
            assert canary.encode() not in content, f"{canary!r} found in {path}"
            assert canary.encode("utf-16-le") not in content, f"{canary!r} found in {path}"


def test_reviewer_and_retention_are_settings(qtbot: QtBot, memory_keyring: MemoryKeyring) -> None:
    settings = AppSettings()
    assert settings.retention_days == 180 and settings.reviewer is None
    store = ProfileStore.default_location()
    dialog = SettingsDialog(None, store, SecretStore(backend=memory_keyring), settings)
    qtbot.addWidget(dialog)
    rows = dialog.workflow_rows
    rows.reviewer_edit.setText("13800138000")
    assert not dialog.apply()
    assert "must not hold an ID or phone number" in dialog.error_label.text()
    rows.reviewer_edit.setText("  rev-hana ")
    rows.retention_spin.setValue(30)
    assert dialog.apply()
    assert settings.reviewer == "rev-hana" and settings.retention_days == 30
    assert AppSettings.load() == settings
    assert AppSettings.load().reviewer_name() == "rev-hana"
    assert PHONE not in AppSettings.path().read_text(encoding="utf-8")
