"""In team mode ``--reviewer`` does not name the reviewer, and says so; the console says whose
login decides."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from iauth_desktop.commands.reviewer import acting_reviewer
from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.store.sqlite.history import CaseHistory
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.review.decision_panel import DecisionPanel
from iauth_desktop.ui.review.decision_recorder import DecisionRecorder


def test_reviewer_option_says_it_does_not_apply_in_team_mode(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("IAUTH_DATABASE_URL", raising=False)
    assert acting_reviewer("bob") == "bob"
    assert capsys.readouterr().err == ""
    monkeypatch.setenv("IAUTH_DATABASE_URL", "postgresql://bob@127.0.0.1/iauth")
    acting_reviewer("bob")
    assert "--reviewer does not apply" in capsys.readouterr().err


class TeamHistory(CaseHistory):
    identity = "erin"  # as a team store knows its login


def test_the_panel_names_the_database_login_in_team_mode(qtbot: QtBot, tmp_path: Path) -> None:
    hooks = AuditHooks(AuditLog(tmp_path / "audit.jsonl"), lambda: "erin")
    with TeamHistory(tmp_path / "h.sqlite3") as team:
        panel = DecisionPanel(DecisionRecorder(team, hooks), lambda: "erin")
        qtbot.addWidget(panel)
        assert "your team database login" in panel.reviewer_label.text()
    with CaseHistory(tmp_path / "own.sqlite3") as own:
        solo = DecisionPanel(DecisionRecorder(own, hooks), lambda: "erin")
        qtbot.addWidget(solo)
        assert "change it in Settings" in solo.reviewer_label.text()
