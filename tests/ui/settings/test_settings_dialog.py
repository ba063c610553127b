"""Settings: profiles go to a real ProfileStore and an in-memory keyring; no secret on disk."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from iauth_desktop.core.config.profiles import Profile, ProfileStore
from iauth_desktop.core.config.secrets import SERVICE, SecretStore, keyring_status
from iauth_desktop.core.providers.detectinfo.endpoints import PRODUCTION_ENDPOINT, TEST_ENDPOINT
from iauth_desktop.ui.settings.app_settings import AppSettings
from iauth_desktop.ui.settings.profile_editor import ProfileEditor
from iauth_desktop.ui.settings.settings_dialog import SettingsDialog

SECRET = "unit-test-secret-key-value-0001"
AES = "UnitTestAesKey-32chars-abcdefghi"
assert len(AES) == 32


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    return ProfileStore(tmp_path / "profiles.json")


def _dialog(qtbot: QtBot, store: ProfileStore, secrets: SecretStore) -> SettingsDialog:
    dialog = SettingsDialog(None, store, secrets, AppSettings())
    qtbot.addWidget(dialog)
    return dialog


def _visible_text(*widgets: QWidget) -> str:
    parts = []
    for widget in widgets:
        parts.append(widget.windowTitle())
        parts.extend(label.text() for label in widget.findChildren(QLabel))
    return "\n".join(parts)


def _fill(editor: ProfileEditor, name: str, appid: str, secret: str, aes: str) -> None:
    editor.name_edit.setText(name)
    editor.appid_edit.setText(appid)
    editor.secret_edit.setText(secret)
    editor.aes_edit.setText(aes)


def test_add_profile_stores_secrets_in_keyring_only(qtbot, store, memory_keyring, caplog) -> None:
    dialog = _dialog(qtbot, store, SecretStore(backend=memory_keyring))
    editor = dialog.profiles_page.open_editor(None)
    assert editor is not None
    _fill(editor, "acme", "1400123", SECRET, AES)
    with (
        caplog.at_level(logging.INFO, logger="iauth_desktop.audit"),
        qtbot.waitSignal(dialog.profiles_changed),
    ):
        assert editor.save()
    assert store.get("acme") == Profile("acme", TEST_ENDPOINT, "1400123")
    assert memory_keyring.items[(SERVICE, "acme/secret_key")] == SECRET
    assert memory_keyring.items[(SERVICE, "acme/aes_key")] == AES
    on_disk = store.path.read_text(encoding="utf-8")
    assert "acme" in on_disk
    assert SECRET not in on_disk
    assert AES not in on_disk
    assert dialog.profiles_page.tree.topLevelItem(0).text(0) == "acme"
    audit = [r.getMessage() for r in caplog.records if r.name == "iauth_desktop.audit"]
    assert "profile added: acme" in audit
    assert not any(SECRET in m or AES in m for m in (r.getMessage() for r in caplog.records))
    assert editor.secret_edit.text() == ""
    assert editor.aes_edit.text() == ""


def test_edit_never_prefills_and_blank_keeps_stored(qtbot, store, memory_keyring) -> None:
    secrets = SecretStore(backend=memory_keyring)
    store.add(Profile.create("acme", TEST_ENDPOINT, "1400123"))
    secrets.set("acme", "secret_key", SECRET)
    secrets.set("acme", "aes_key", AES)
    dialog = _dialog(qtbot, store, secrets)
    editor = dialog.profiles_page.open_editor("acme")
    assert editor is not None
    assert editor.secret_edit.text() == ""
    assert editor.aes_edit.text() == ""
    assert editor.secret_state.text() == "stored in keyring"
    assert editor.aes_state.text() == "stored in keyring"
    assert editor.name_edit.isReadOnly()
    assert SECRET not in _visible_text(dialog, editor)
    assert AES not in _visible_text(dialog, editor)
    editor.endpoint.combo.setCurrentIndex(2)  # production
    assert editor.endpoint.warning.isVisibleTo(editor)
    editor.appid_edit.setText("1400999")
    assert editor.save()
    assert store.get("acme") == Profile("acme", PRODUCTION_ENDPOINT, "1400999")
    assert memory_keyring.items[(SERVICE, "acme/secret_key")] == SECRET
    assert memory_keyring.items[(SERVICE, "acme/aes_key")] == AES
    assert "PRODUCTION" in dialog.profiles_page.tree.topLevelItem(0).text(2)

    editor = dialog.profiles_page.open_editor("acme")
    assert editor is not None
    editor.secret_edit.setText("a-new-secret-value")
    assert editor.save()
    assert memory_keyring.items[(SERVICE, "acme/secret_key")] == "a-new-secret-value"
    assert memory_keyring.items[(SERVICE, "acme/aes_key")] == AES


def test_remove_and_default(qtbot, store, memory_keyring, monkeypatch, caplog) -> None:
    secrets = SecretStore(backend=memory_keyring)
    for name in ("one", "two"):
        store.add(Profile.create(name, TEST_ENDPOINT, "1400123"))
        secrets.set(name, "secret_key", SECRET)
    dialog = _dialog(qtbot, store, secrets)
    page = dialog.profiles_page
    page.select("two")
    with caplog.at_level(logging.INFO, logger="iauth_desktop.audit"):
        page.default_button.click()
        assert store.default() == store.get("two")
        assert page.tree.topLevelItem(1).text(3) != ""
        assert page.tree.topLevelItem(0).text(3) == ""
        monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
        page.select("one")
        page.remove_button.click()
    assert [p.name for p in store.list()] == ["two"]
    assert (SERVICE, "one/secret_key") not in memory_keyring.items
    assert (SERVICE, "two/secret_key") in memory_keyring.items
    assert page.tree.topLevelItemCount() == 1
    messages = [r.getMessage() for r in caplog.records if r.name == "iauth_desktop.audit"]
    assert messages == ["default profile set: two", "profile removed: one"]


def test_duplicate_name_refused(qtbot, store, memory_keyring) -> None:
    store.add(Profile.create("acme", TEST_ENDPOINT, "1"))
    dialog = _dialog(qtbot, store, SecretStore(backend=memory_keyring))
    editor = dialog.profiles_page.open_editor(None)
    assert editor is not None
    _fill(editor, "acme", "2", "", "")
    assert not editor.save()
    assert "already exists" in editor.error_label.text()
    assert store.get("acme").appid == "1"


def test_31_char_aes_key_refused(qtbot, store, memory_keyring) -> None:
    dialog = _dialog(qtbot, store, SecretStore(backend=memory_keyring))
    editor = dialog.profiles_page.open_editor(None)
    assert editor is not None
    _fill(editor, "acme", "1400123", SECRET, AES[:31])
    assert not editor.save()
    assert editor.error_label.isVisibleTo(editor)
    assert "32" in editor.error_label.text()
    assert "31" in editor.error_label.text()
    assert AES[:31] not in editor.error_label.text()
    assert not store.path.exists()
    assert memory_keyring.items == {}
    assert editor.isVisible()  # still open, to fix the key


def test_insecure_backend_refuses_secrets_with_explanation(qtbot, store) -> None:
    backend = fail.Keyring()
    status = keyring_status(backend)
    assert not status.secure
    dialog = _dialog(qtbot, store, SecretStore(backend=backend))
    assert status.explanation in dialog.profiles_page.keyring_label.text()
    editor = dialog.profiles_page.open_editor(None)
    assert editor is not None
    assert status.explanation in editor.keyring_label.text()
    _fill(editor, "acme", "1400123", SECRET, AES)
    assert not editor.save()
    assert status.explanation in editor.error_label.text()
    assert not store.path.exists()
    # Without secrets the profile itself (endpoint, appid) may still be kept.
    editor.secret_edit.clear()
    editor.aes_edit.clear()
    assert editor.save()
    assert SECRET not in store.path.read_text(encoding="utf-8")


def test_bad_endpoint_is_explained(qtbot, store, memory_keyring) -> None:
    dialog = _dialog(qtbot, store, SecretStore(backend=memory_keyring))
    editor = dialog.profiles_page.open_editor(None)
    assert editor is not None
    editor.endpoint.combo.setCurrentIndex(3)  # custom
    editor.endpoint.url.setText("http://example.com/new/cgi-bin/getdetectinfo.php")
    _fill(editor, "acme", "1400123", "", "")
    assert not editor.save()
    assert "https" in editor.error_label.text()
    assert not store.path.exists()


def test_network_and_general_settings_saved(qtbot, store, memory_keyring, tmp_path) -> None:
    settings = AppSettings()
    dialog = SettingsDialog(None, store, SecretStore(backend=memory_keyring), settings)
    qtbot.addWidget(dialog)
    dialog.proxy_edit.setText("http://user:pw@proxy.corp:3128")
    assert not dialog.apply()
    assert "plain text" in dialog.error_label.text()
    dialog.proxy_edit.setText("http://proxy.corp:3128")
    dialog.ca_edit.setText(str(tmp_path / "missing.pem"))
    assert not dialog.apply()
    assert "does not exist" in dialog.error_label.text()
    bundle = tmp_path / "corp.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    dialog.ca_edit.setText(str(bundle))
    dialog.idle_spin.setValue(15)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    with qtbot.waitSignal(dialog.settings_changed):
        assert dialog.apply()
    loaded = AppSettings.load()
    assert (loaded.proxy, loaded.ca_bundle) == ("http://proxy.corp:3128", str(bundle))
    assert (loaded.idle_close_minutes, loaded.language) == (15, "en")
    assert settings.idle_close_minutes == 15  # the caller's object follows
    options = dialog.client_options()
    assert (options.proxy, options.ca_bundle) == ("http://proxy.corp:3128", str(bundle))


def test_retranslate_on_language_change(qtbot, store, memory_keyring) -> None:
    dialog = _dialog(qtbot, store, SecretStore(backend=memory_keyring))
    editor = dialog.profiles_page.open_editor(None)
    assert editor is not None
    dialog.setWindowTitle("stale")
    editor.test_button.setText("stale")
    for widget in (dialog, editor):
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
    assert dialog.windowTitle() == "Settings"
    assert editor.test_button.text() == "Test connection"
