"""Idle auto-close of an open case (issue #10): 15 minutes by default, "never" is audited."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.config.profiles import ProfileStore
from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.settings.app_settings import AppSettings
from iauth_desktop.ui.settings.settings_dialog import SettingsDialog


def _dialog(qtbot: QtBot, tmp_path: Path, settings: AppSettings) -> tuple[SettingsDialog, AuditLog]:
    log = AuditLog.default()
    hooks = AuditHooks(log, lambda: "alice")
    store = ProfileStore(tmp_path / "profiles.json")
    dialog = SettingsDialog(None, store, SecretStore(), settings, audit=hooks)
    qtbot.addWidget(dialog)
    return dialog, log


def test_idle_close_defaults_to_fifteen_minutes(isolated_dirs: dict[str, Path]) -> None:
    assert AppSettings().idle_close_minutes == 15
    assert AppSettings.load().idle_close_minutes == 15  # no settings file yet


def test_choosing_never_is_audited(
    qtbot: QtBot, isolated_dirs: dict[str, Path], memory_keyring: object, tmp_path: Path
) -> None:
    settings = AppSettings()
    dialog, log = _dialog(qtbot, tmp_path, settings)
    assert dialog.idle_spin.value() == 15
    dialog.idle_spin.setValue(30)
    assert dialog.apply()
    assert not [e for e in log.entries() if e.event == "setting_change"]  # 30 min: not audited
    dialog.idle_spin.setValue(0)
    assert dialog.idle_spin.text() == "never"
    assert dialog.apply()
    [entry] = [e for e in log.entries() if e.event == "setting_change"]
    assert entry.data == {"setting": "idle_close_minutes", "value": None}
    assert entry.reviewer == "alice"
    assert AppSettings.load().idle_close_minutes == 0
