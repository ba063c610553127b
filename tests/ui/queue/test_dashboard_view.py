"""The supervisor's dashboard in the console: its charts and CSV files say what the store's own
queries say for a seeded history; a reviewer is told it is for supervisors; the view screenshot
works from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QBarSeries, QHorizontalBarSeries, QPieSeries
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from iauth_desktop.app import build_window
from iauth_desktop.core.config.resolve import Credentials
from iauth_desktop.core.config.secrets import KeyringStatus
from iauth_desktop.core.review.dashboard import CHARTS, DashboardService, chart_table
from iauth_desktop.core.store.dashboard import open_dashboard
from iauth_desktop.core.store.postgres.audit_trail import PostgresAuditTrail
from iauth_desktop.core.store.postgres.queue import PostgresQueue
from iauth_desktop.core.store.postgres.store import PostgresStore
from iauth_desktop.ui.dashboard.charts import risk_counts
from iauth_desktop.ui.settings.app_settings import AppSettings
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.core.review.test_dashboard import seed
from tests.team_db import TeamDatabase
from tests.ui.conftest import QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE, extend=True)


def dashboard_of(qtbot: QtBot, window: MainWindow) -> Any:
    view = window.queue.dashboard
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        window.queue.show_view("dashboard")
    return view


def window_for(qtbot: QtBot, url: str, creds: Credentials, keyring: KeyringStatus) -> MainWindow:
    window = build_window(creds, keyring, settings=AppSettings(database_url=url))
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_charts_and_csv_are_the_stores_figures(
    qtbot: QtBot,
    team: TeamDatabase,
    demo_credentials: Credentials,
    keyring_status: KeyringStatus,
    tmp_path: Path,
) -> None:
    stores = {n: PostgresStore(team.url(n)) for n in ("alice", "bob", "carol")}
    try:
        seed({n: PostgresQueue(s) for n, s in stores.items()})
        window = window_for(qtbot, team.url("carol"), demo_credentials, keyring_status)
        view = dashboard_of(qtbot, window)
        shown = view.figures
        assert shown is not None
        trail = PostgresAuditTrail(team.url("carol"))
        own = DashboardService(open_dashboard(stores["carol"], trail))
        expected = own.figures(view.chosen_filter(), now=shown.now)
        for chart in CHARTS:
            assert chart_table(shown, chart) == chart_table(expected, chart), chart
            path = view.export_chart(chart, tmp_path / f"{chart}.csv")
            assert path is not None
            assert path.read_bytes() == chart_table(expected, chart).csv_bytes()
        pie = view.chart_views["verdicts"].chart().series()[0]
        assert isinstance(pie, QPieSeries)
        assert sorted(s.value() for s in pie.slices()) == sorted(expected.verdicts.values())
        codes = view.chart_views["codes"].chart().series()[0]
        assert isinstance(codes, QHorizontalBarSeries)
        values = [codes.barSets()[0].at(i) for i in range(codes.barSets()[0].count())]
        assert values == [c.count for c in reversed(expected.codes)]
        risk = view.chart_views["at_risk"].chart().series()[0]
        assert isinstance(risk, QBarSeries)
        bars = risk.barSets()[0]
        assert [bars.at(i) for i in range(bars.count())] == risk_counts(expected)
        assert "3 cases" in view.median_label.text()
        confirmations = view.chart_views["confirmations"].chart()
        assert "50%" in confirmations.title()
    finally:
        for store in stores.values():
            store.close()


def test_a_reviewer_is_told_the_dashboard_is_for_supervisors(
    qtbot: QtBot, team: TeamDatabase, demo_credentials: Credentials, keyring_status: KeyringStatus
) -> None:
    window = window_for(qtbot, team.url("alice"), demo_credentials, keyring_status)
    view = window.queue.dashboard
    window.queue.show_view("dashboard")
    qtbot.waitUntil(lambda: "supervisors" in view.message.text(), timeout=20_000)
    assert view.figures is None and not view.export_buttons["depth"].isEnabled()


@pytest.mark.parametrize("view", ["queue", "dashboard"])
def test_view_screenshot_from_the_command_line(view: str, tmp_path: Path) -> None:
    out = tmp_path / f"{view}.png"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    command = [sys.executable, "-m", "iauth_desktop", "--demo", "--view", view,
               "--screenshot", str(out), "--window-size", "1366x768"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120,
                          check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.splitlines()[-1])
    assert set(figures) == {"startup_ms", "load_ms", "max_gui_stall_ms"}
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)


def test_screenshot_still_needs_a_token_for_the_case_view(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "iauth_desktop", "--view", "case", "--screenshot",
               str(tmp_path / "x.png")]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2 and "--open" in done.stderr
