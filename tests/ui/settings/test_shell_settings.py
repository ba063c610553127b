"""AppSettings (the console's JSON), profile choices and the status bar's endpoint warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from iauth_desktop.core.config.profiles import Profile, ProfileStore
from iauth_desktop.core.config.secrets import KeyringStatus
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.providers.detectinfo.endpoints import PRODUCTION_ENDPOINT, TEST_ENDPOINT
from iauth_desktop.ui.settings.app_settings import AppSettings
from iauth_desktop.ui.settings.connections import (
    build_connections,
    display_label,
    fixed_connection,
    unconfigured_connection,
)
from iauth_desktop.ui.shell.status_bar import ConnectionStatusBar


def test_settings_default_when_missing(isolated_dirs: dict[str, Path]) -> None:
    settings = AppSettings.load()
    assert settings == AppSettings(15, None, None, None)  # issue #10: 15 idle minutes
    assert not AppSettings.path().exists()


def test_settings_round_trip(isolated_dirs: dict[str, Path]) -> None:
    AppSettings(
        idle_close_minutes=15, language="zh_CN", proxy="http://proxy:3128", ca_bundle="/etc/ca.pem"
    ).save()
    assert AppSettings.path().parent == isolated_dirs["config"]
    loaded = AppSettings.load()
    assert loaded == AppSettings(15, "zh_CN", "http://proxy:3128", "/etc/ca.pem")


@pytest.mark.parametrize("text", ["{not json", '{"version": 99}', "[1, 2]"])
def test_unreadable_settings_fall_back_to_defaults(
    isolated_dirs: dict[str, Path], text: str
) -> None:
    isolated_dirs["config"].mkdir(parents=True)
    AppSettings.path().write_text(text, encoding="utf-8")
    assert AppSettings.load() == AppSettings()


def test_bad_values_are_ignored(isolated_dirs: dict[str, Path]) -> None:
    isolated_dirs["config"].mkdir(parents=True)
    AppSettings.path().write_text(
        '{"version": 1, "idle_close_minutes": -3, "language": 7, "proxy": "  "}',
        encoding="utf-8",
    )
    assert AppSettings.load() == AppSettings()
    with pytest.raises(UsageError):
        AppSettings(idle_close_minutes=-1).save()


def test_connections_list_every_profile(
    isolated_dirs: dict[str, Path], demo_credentials: object
) -> None:
    store = ProfileStore.default_location()
    store.add(Profile.create("prod", PRODUCTION_ENDPOINT, "1400000001"))
    store.add(Profile.create("test", TEST_ENDPOINT, "1400000002"))
    initial = unconfigured_connection("missing credentials: appid", TEST_ENDPOINT)
    connections = build_connections(initial, endpoint_override=None, store=store)
    assert [display_label(c) for c in connections] == ["(not configured)", "prod", "test"]
    assert connections[1].endpoint == PRODUCTION_ENDPOINT
    assert connections[1].appid == "1400000001"
    with pytest.raises(UsageError, match="missing credentials: appid"):
        initial.resolve()
    override = build_connections(initial, endpoint_override="https://example.org/x", store=store)
    assert {c.endpoint for c in override[1:]} == {"https://example.org/x"}


def test_production_is_unmistakable(qtbot: QtBot, demo_credentials: object) -> None:
    keyring = KeyringStatus("SecretService", True, "secrets are kept in SecretService")
    bar = ConnectionStatusBar(keyring)
    qtbot.addWidget(bar)
    store_less = unconfigured_connection("", PRODUCTION_ENDPOINT)
    bar.set_connection(store_less)
    assert bar.endpoint_kind == "production"
    assert "PRODUCTION" in bar.endpoint_label.text()
    assert "#b00020" in bar.endpoint_label.styleSheet()
    assert "bold" in bar.endpoint_label.styleSheet()
    assert "SecretService" in bar.keyring_label.text()
    bar.set_connection(fixed_connection(demo_credentials))  # type: ignore[arg-type]
    assert bar.endpoint_kind == "loopback"
    assert "PRODUCTION" not in bar.endpoint_label.text()
    assert "#b00020" not in bar.endpoint_label.styleSheet()


def test_the_keyring_is_said_once_known(qtbot: QtBot) -> None:
    bar = ConnectionStatusBar(None)  # the console finds it after its first paint
    qtbot.addWidget(bar)
    assert bar.keyring_label.text() == ""
    bar.set_keyring(KeyringStatus("SecretService", False, "not a secure OS keyring"))
    assert "SecretService" in bar.keyring_label.text()
    assert "NOT secure" in bar.keyring_label.text()
    assert bar.keyring_label.toolTip() == "not a secure OS keyring"


def test_the_team_database_url_is_a_setting_checked_before_it_is_saved(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QFormLayout, QWidget

    from iauth_desktop.core.model.errors import UsageError
    from iauth_desktop.ui.settings.app_settings import AppSettings
    from iauth_desktop.ui.settings.workflow_settings import WorkflowSettingsRows

    page = QWidget()
    qtbot.addWidget(page)
    rows = WorkflowSettingsRows(page, QFormLayout(page))
    rows.load(AppSettings(database_url="postgresql://rev1@127.0.0.1/iauth"))
    assert rows.database_edit.text() == "postgresql://rev1@127.0.0.1/iauth"
    assert rows.values()["database_url"] == "postgresql://rev1@127.0.0.1/iauth"
    rows.database_edit.setText("postgresql://rev1:secret@127.0.0.1/iauth")
    with pytest.raises(UsageError, match="password"):
        rows.values()
    rows.database_edit.setText("postgresql://rev1@db.example/iauth")
    with pytest.raises(UsageError, match="verify-full"):
        rows.values()
    rows.database_edit.setText("")
    assert rows.values()["database_url"] is None


def test_the_saved_team_database_url_reads_back(tmp_path: Path) -> None:
    from iauth_desktop.ui.settings.app_settings import AppSettings

    AppSettings(database_url="postgresql://rev1@127.0.0.1/iauth").save()
    assert AppSettings.load().database_url == "postgresql://rev1@127.0.0.1/iauth"
