"""Settings → Test connection against the real emulator on 127.0.0.1."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from iauth_desktop.core.config.profiles import Profile, ProfileStore
from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.emulator.detectinfo.demo import DEMO_APPID, DEMO_SECRET_KEY
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer
from iauth_desktop.ui.providers.detectinfo.connection_probe import (
    ConnectionTester,
    ProbeOutcome,
    explain_outcome,
    probe_connection,
)
from iauth_desktop.ui.settings.app_settings import AppSettings
from iauth_desktop.ui.settings.profile_editor import ProfileEditor
from iauth_desktop.ui.settings.settings_dialog import SettingsDialog


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(EmulatorConfig()) as server:
        yield server


def _editor(qtbot: QtBot, tmp_path: Path, keyring, profile: Profile | None = None) -> ProfileEditor:
    store = ProfileStore(tmp_path / "profiles.json")
    secrets = SecretStore(backend=keyring)
    if profile is not None:
        store.add(profile)
        secrets.set(profile.name, "secret_key", DEMO_SECRET_KEY)
    dialog = SettingsDialog(None, store, secrets, AppSettings())
    qtbot.addWidget(dialog)
    editor = dialog.profiles_page.open_editor(None if profile is None else profile.name)
    assert editor is not None
    return editor


def _test(qtbot: QtBot, editor: ProfileEditor) -> ProbeOutcome:
    with qtbot.waitSignal(editor.tester.finished, timeout=15000) as blocker:
        editor.test_button.click()
        # The click returned at once: the request runs on a worker thread.
        assert not editor.test_button.isEnabled()
        assert editor.test_result.text() == "Testing…"
    assert editor.test_button.isEnabled()
    return blocker.args[0]


def test_right_secret_is_accepted(qtbot, tmp_path, memory_keyring, emulator) -> None:
    editor = _editor(qtbot, tmp_path, memory_keyring)
    editor.endpoint.set_endpoint(emulator.url)
    editor.appid_edit.setText(DEMO_APPID)
    editor.secret_edit.setText(DEMO_SECRET_KEY)
    outcome = _test(qtbot, editor)
    assert (outcome.kind, outcome.code) == ("accepted", 5)
    text = editor.test_result.text()
    assert text.startswith("Signature accepted")
    assert "code 5" in text
    assert "token is unknown, as expected" in text
    assert DEMO_SECRET_KEY not in text
    assert not (tmp_path / "profiles.json").exists()  # testing saves nothing


def test_wrong_secret_is_explained_as_code_3(qtbot, tmp_path, memory_keyring, emulator) -> None:
    editor = _editor(qtbot, tmp_path, memory_keyring)
    editor.endpoint.set_endpoint(emulator.url)
    editor.appid_edit.setText(DEMO_APPID)
    editor.secret_edit.setText("not-the-secret-key")
    outcome = _test(qtbot, editor)
    assert (outcome.kind, outcome.code) == ("rejected", 3)
    text = editor.test_result.text()
    assert "Signature rejected (code 3" in text
    assert "secret key" in text
    assert "time" in text


def test_stored_secret_is_used_when_field_blank(qtbot, tmp_path, memory_keyring, emulator) -> None:
    profile = Profile.create("emu", emulator.url, DEMO_APPID)
    editor = _editor(qtbot, tmp_path, memory_keyring, profile)
    assert editor.secret_edit.text() == ""
    assert _test(qtbot, editor).kind == "accepted"


def test_missing_secret_asks_for_it(qtbot, tmp_path, memory_keyring) -> None:
    editor = _editor(qtbot, tmp_path, memory_keyring)
    editor.appid_edit.setText(DEMO_APPID)
    editor.test_button.click()
    assert "secret key" in editor.test_result.text()
    assert not editor.tester.running()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_unreachable_endpoint_in_plain_words() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/new/cgi-bin/getdetectinfo.php"
    outcome = probe_connection(url, DEMO_APPID, DEMO_SECRET_KEY)
    assert outcome.kind == "unreachable"
    assert explain_outcome(outcome).startswith("Could not reach the service.")


def test_insecure_endpoint_is_a_configuration_problem() -> None:
    outcome = probe_connection("http://example.com/x", DEMO_APPID, DEMO_SECRET_KEY)
    assert outcome.kind == "config"
    assert "https" in explain_outcome(outcome)


def test_unsigned_and_other_codes_explained() -> None:
    assert "no signature" in explain_outcome(ProbeOutcome("unsigned", 4))
    text = explain_outcome(ProbeOutcome("accepted", 11, "invalid request"))
    assert "code 11" in text
    assert "ERROR_TOKEN_TIME_EXPIRED" in text
    assert "invalid request" in text


def test_cancelled_probe_never_reports(qtbot, emulator) -> None:
    tester = ConnectionTester()
    seen: list[object] = []
    tester.finished.connect(seen.append)
    tester.start(emulator.url, DEMO_APPID, DEMO_SECRET_KEY)
    tester.cancel()
    assert not tester.running()
    qtbot.wait(500)  # the emulator answers in milliseconds: a late answer would be here by now
    assert seen == []
