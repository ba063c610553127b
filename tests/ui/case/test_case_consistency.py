"""ConsistencyView: the core's checks beside the verdict, never changing it."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from iauth_desktop.core.providers.detectinfo.fields import interpret
from iauth_desktop.core.providers.detectinfo.payload import parse_payload
from iauth_desktop.emulator.detectinfo.demo import CASES
from iauth_desktop.ui.case import consistency_view
from iauth_desktop.ui.case.consistency_view import ConsistencyView
from iauth_desktop.ui.case.verdict_banner import VerdictBanner

TODAY = date(2025, 6, 1)
GOOD_ID = CASES["pass"].fields["ID"]  # 990101199005171231, born 1990-05-17, male


def identity(**changes: str) -> dict[str, str]:
    """The pass case's identity fields by role, with some raw fields changed."""
    fields = {k: v for k, v in CASES["pass"].fields.items() if isinstance(v, str)}
    return interpret({**fields, **changes}).identity


def view_for(qtbot: QtBot, fields: dict[str, str]) -> ConsistencyView:
    view = ConsistencyView()
    qtbot.addWidget(view)
    view.show_identity(fields, TODAY)
    return view


def status_of(view: ConsistencyView, key: str) -> str:
    return next(check.status for check in view.checks() if check.key == key)


def row_for(view: ConsistencyView, key: str) -> str:
    index = next(i for i, check in enumerate(view.checks()) if check.key == key)
    return view.row_texts()[index]


def test_demo_identity_is_consistent(qtbot: QtBot) -> None:
    view = view_for(qtbot, identity())
    assert view.warning_count() == 0
    assert all(text.startswith("✓ OK") for text in view.row_texts())


def test_bad_check_digit(qtbot: QtBot) -> None:
    view = view_for(qtbot, identity(ID=GOOD_ID[:-1] + "2"))
    assert status_of(view, "check_digit") == "warning"
    row = row_for(view, "check_digit")
    assert row.startswith("⚠ Warning Check digit:")
    # masked: the digit GB 11643 expects is a sum over the hidden digits, so it is not shown
    assert "the check digit does not match GB 11643" in row
    assert "expects" not in row


def test_birth_date_mismatch(qtbot: QtBot) -> None:
    view = view_for(qtbot, identity(ID_birth="1990.05.18"))
    assert status_of(view, "birth_date") == "warning"
    row = row_for(view, "birth_date")
    assert "the birth date does not match the ID number" in row
    assert "1990-05-17" not in row and "05-18" not in row  # masked: no dates printed


def test_expired_card(qtbot: QtBot) -> None:
    view = view_for(qtbot, identity(ID_valid_date="2005.01.01-2015.01.01"))
    assert status_of(view, "validity") == "warning"
    assert "expired on 2015-01-01" in row_for(view, "validity")


def test_missing_fields_give_unknown_rows(qtbot: QtBot) -> None:
    view = view_for(qtbot, {"name": "x"})
    for key in ("birth_date", "sex", "validity", "age"):
        assert status_of(view, key) == "unknown"
        assert row_for(view, key).startswith("? Unknown")


def test_checks_follow_the_interface_language(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = view_for(qtbot, identity(ID_valid_date="2005.01.01-2015.01.01"))
    monkeypatch.setattr(consistency_view, "current_language", lambda: "zh_CN")
    QCoreApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    assert "证件已于 2015-01-01 过期" in row_for(view, "validity")


def test_warnings_never_change_the_verdict(qtbot: QtBot) -> None:
    fields: dict[str, Any] = {**CASES["pass"].fields, "ID": GOOD_ID[:-1] + "2", "sex": "女"}
    result = parse_payload(json.dumps(fields, ensure_ascii=False).encode())
    view = view_for(qtbot, result.identity)
    assert view.warning_count() == 2
    banner = VerdictBanner()
    qtbot.addWidget(banner)
    banner.show_result(result)
    assert banner.status() == "passed"


def test_clear(qtbot: QtBot) -> None:
    view = view_for(qtbot, identity())
    view.clear()
    assert view.checks() == []
    assert view.row_texts() == []
