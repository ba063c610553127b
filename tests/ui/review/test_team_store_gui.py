"""The console with a team database that cannot be reached: it starts and says why, in words."""

from __future__ import annotations

import pytest

from iauth_desktop.ui.review.case_workflow import open_history


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
