"""HistoryModel under qtmodeltester, and the history dialog's filters and sorting."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from iauth_desktop.core.model.decision import make_decision
from iauth_desktop.core.store.sqlite.history import CaseHistory
from iauth_desktop.ui.review.history_model import (
    SORT_ROLE,
    SUMMARY_ROLE,
    HistoryColumn,
    HistoryModel,
)
from iauth_desktop.ui.review.history_view import HistoryDialog
from tests.ui.case.test_case_view import demo_case

NOW = datetime.now(UTC)


def seed(history: CaseHistory) -> None:
    """Four cases fetched 1, 2, 3 and 40 days ago: approved, rejected, escalated, undecided."""
    specs = [
        ("{AAAA-1}", "pass", 1, "approve"),
        ("{BBBB-2}", "liveness-602", 2, "reject"),
        ("{CCCC-3}", "compare-604", 3, "escalate"),
        ("{DDDD-4}", "pass", 40, None),
    ]
    for token, name, days, action in specs:
        case = replace(
            demo_case(name, info_type=1).case, token=token, fetched_at=NOW - timedelta(days=days)
        )
        history.record_case(case, "rev-bob", None)
        if action is not None:
            decision = make_decision(
                action,
                verdict=case.result.verdict.status,
                reason="poor_quality" if action == "reject" else None,
                justification="checked by hand on a call" if action == "approve" else "",
                reviewer="rev-carol",
            )
            history.record_decision(token, decision)
    history.set_export("{AAAA-1}", Path("/tmp/exports/a.zip"), None)


@pytest.fixture
def history(tmp_path: Path) -> Iterator[CaseHistory]:
    with CaseHistory(tmp_path / "history.sqlite3") as db:
        seed(db)
        yield db


@pytest.fixture
def dialog(qtbot: QtBot, history: CaseHistory) -> HistoryDialog:
    widget = HistoryDialog(None, history)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def tokens(dialog: HistoryDialog) -> list[str]:
    return [str(dialog.summary_at(row).token) for row in range(dialog.proxy.rowCount())]  # type: ignore[union-attr]


def test_model_with_rows_passes_the_model_tester(
    qtmodeltester: ModelTester, history: CaseHistory
) -> None:
    model = HistoryModel()
    model.set_summaries(history.search())
    assert model.rowCount() == 4 and model.columnCount() == len(HistoryColumn)
    qtmodeltester.check(model, force_py=True)
    first = model.index(0, HistoryColumn.TOKEN)
    assert first.data() == "{AAAA-1}"
    assert first.data(SUMMARY_ROLE).token == "{AAAA-1}"
    assert model.index(0, HistoryColumn.NAME).data() == "欧***"
    assert model.index(0, HistoryColumn.VERDICT).data() == "Passed"
    assert model.index(0, HistoryColumn.DECISION).data() == "Approve"
    assert model.index(0, HistoryColumn.REVIEWER).data() == "rev-carol"
    assert model.index(0, HistoryColumn.EXPORTED).data() == "yes"
    assert model.index(3, HistoryColumn.DECISION).data() == "Undecided"
    assert model.index(3, HistoryColumn.REVIEWER).data() == "rev-bob"
    assert model.index(3, HistoryColumn.EXPORTED).data() == ""
    local = (NOW - timedelta(days=1)).astimezone().strftime("%Y-%m-%d %H:%M")
    assert model.index(0, HistoryColumn.FETCHED_AT).data().startswith(local)
    header = model.headerData(HistoryColumn.FETCHED_AT, Qt.Orientation.Horizontal)
    assert header == "Fetched at (local)"


def test_model_after_a_filter_passes_the_model_tester(
    qtmodeltester: ModelTester, dialog: HistoryDialog
) -> None:
    dialog.decision_combo.setCurrentIndex(dialog.decision_combo.findData("reject"))
    assert tokens(dialog) == ["{BBBB-2}"]
    qtmodeltester.check(dialog.model, force_py=True)
    dialog.search_edit.setText("nothing matches this")
    assert dialog.model.rowCount() == 0
    qtmodeltester.check(dialog.model, force_py=True)


def test_filters_text_decision_and_dates(dialog: HistoryDialog) -> None:
    assert tokens(dialog) == ["{AAAA-1}", "{BBBB-2}", "{CCCC-3}", "{DDDD-4}"]
    assert dialog.count_label.text() == "Cases shown: 4"
    dialog.search_edit.setText("cccc")  # tokens match in any case
    assert tokens(dialog) == ["{CCCC-3}"]
    dialog.search_edit.setText("欧*")  # the masked name
    assert tokens(dialog) == ["{AAAA-1}", "{DDDD-4}"]
    dialog.search_edit.clear()
    dialog.decision_combo.setCurrentIndex(dialog.decision_combo.findData("undecided"))
    assert tokens(dialog) == ["{DDDD-4}"]
    dialog.decision_combo.setCurrentIndex(dialog.decision_combo.findData("escalate"))
    assert tokens(dialog) == ["{CCCC-3}"]
    dialog.decision_combo.setCurrentIndex(0)  # any

    today = QDate.currentDate()
    dialog.since_edit.setDate(today.addDays(-10))
    dialog.since_check.setChecked(True)
    assert "{DDDD-4}" not in tokens(dialog) and len(tokens(dialog)) == 3
    dialog.until_edit.setDate(today.addDays(-2))
    dialog.until_check.setChecked(True)
    assert tokens(dialog) == ["{BBBB-2}", "{CCCC-3}"]
    dialog.since_check.setChecked(False)
    assert tokens(dialog) == ["{BBBB-2}", "{CCCC-3}", "{DDDD-4}"]
    assert dialog.count_label.text() == "Cases shown: 3"


def test_sorting_by_any_column(dialog: HistoryDialog) -> None:
    dialog.table.sortByColumn(HistoryColumn.FETCHED_AT, Qt.SortOrder.AscendingOrder)
    assert tokens(dialog) == ["{DDDD-4}", "{CCCC-3}", "{BBBB-2}", "{AAAA-1}"]
    dialog.table.sortByColumn(HistoryColumn.TOKEN, Qt.SortOrder.DescendingOrder)
    assert tokens(dialog) == ["{DDDD-4}", "{CCCC-3}", "{BBBB-2}", "{AAAA-1}"]
    dialog.table.sortByColumn(HistoryColumn.VERDICT, Qt.SortOrder.AscendingOrder)
    verdicts = [dialog.summary_at(r).verdict for r in range(4)]  # type: ignore[union-attr]
    assert verdicts == sorted(verdicts)
    dialog.table.sortByColumn(HistoryColumn.EXPORTED, Qt.SortOrder.DescendingOrder)
    assert tokens(dialog)[0] == "{AAAA-1}"
    index = dialog.proxy.index(0, HistoryColumn.FETCHED_AT)
    assert str(index.data(SORT_ROLE)).endswith("Z")  # sorted by UTC time, shown in local time


def test_reopen_request_carries_the_summary(qtbot: QtBot, dialog: HistoryDialog) -> None:
    dialog.table.sortByColumn(HistoryColumn.TOKEN, Qt.SortOrder.AscendingOrder)
    index = dialog.proxy.index(2, HistoryColumn.NAME)
    with qtbot.waitSignal(dialog.reopen_requested) as asked:
        dialog.table.doubleClicked.emit(index)
    assert asked.args[0].token == "{CCCC-3}"
