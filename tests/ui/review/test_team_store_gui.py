"""The console with a team database that cannot be reached: it starts and says why, in words."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from pytestqt.qtbot import QtBot

from iauth_desktop.app import build_window
from iauth_desktop.core.config.resolve import Credentials
from iauth_desktop.core.config.secrets import KeyringStatus
from iauth_desktop.core.store.postgres import admin
from iauth_desktop.ui.review.case_workflow import open_history
from iauth_desktop.ui.settings.app_settings import AppSettings
from tests.postgres_server import PostgresServer


def test_an_unreachable_team_database_is_a_message_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("IAUTH_DATABASE_URL", "postgresql://nobody@127.0.0.1:9/none")
    store, problem = open_history()
    assert store is None
    assert "cannot be reached" in problem


def test_a_team_url_with_a_password_is_refused_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IAUTH_DATABASE_URL", "postgresql://nobody:pw@127.0.0.1:9/none")
    store, problem = open_history()
    assert store is None
    assert "password" in problem and "pw" not in problem.replace("password", "")


def test_the_console_reconnects_to_a_team_database_that_came_back(
    qtbot: QtBot,
    postgres: PostgresServer,
    demo_credentials: Credentials,
    keyring_status: KeyringStatus,
    tmp_path: Path,
) -> None:
    name = "iauth_gui_reconnect"
    with psycopg.connect(postgres.url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    admin.upgrade_database(postgres.url("postgres", name))
    unreachable = "postgresql://postgres@127.0.0.1:9/none"
    settings = AppSettings(database_url=unreachable)
    window = build_window(demo_credentials, keyring_status, settings=settings)
    qtbot.addWidget(window)
    workflow = window.workflow
    assert workflow.history is None  # it started, and says why
    assert "cannot be reached" in workflow.panel.error()
    assert window.menus.reconnect_store.isEnabled()
    window.settings.database_url = unreachable
    assert not workflow.reconnect()  # still away: said again, nothing frozen
    window.settings.database_url = postgres.url("postgres", name)
    assert workflow.reconnect()
    assert workflow.history is not None and workflow.history.identity == "postgres"
    assert not window.menus.reconnect_store.isEnabled()
    assert workflow.panel.error() == ""
