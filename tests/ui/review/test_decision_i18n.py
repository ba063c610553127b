"""The workflow's widgets in Chinese: decision panel, case history, export dialog, settings rows;
no English source text left, and English back after switching back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from iauth_desktop.core.model.decision import DecisionAction, RejectReason
from iauth_desktop.emulator.detectinfo.demo import CASE_TOKENS
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.review.history_model import HistoryColumn
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import QT_NOISE
from tests.ui.i18n_support import english_leftovers, english_matchers, read_catalog, texts_of
from tests.ui.test_language_switch import _switch, english_afterwards  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE, extend=True)
Fetch = Callable[[MainWindow, str], PreparedCase]
MATCHERS = english_matchers(read_catalog())


def test_workflow_widgets_switch_to_chinese_and_back(
    qtbot: QtBot,
    console: MainWindow,
    fetch_case: Fetch,
    tmp_path: Path,
    english_afterwards: None,  # noqa: F811
) -> None:
    fetch_case(console, CASE_TOKENS["liveness-602"])
    panel = console.workflow.panel
    panel.choose(DecisionAction.REJECT, RejectReason.OTHER)
    panel.reason_edit.setText("photo of a screen")
    assert panel.record() is not None
    panel.start_change()
    panel.choose(DecisionAction.APPROVE)
    assert panel.record() is None  # the justification rule, said in the panel
    history = console.workflow.show_history()
    export = console.workflow.export_case()
    assert history is not None and export is not None
    export.evidence_check.setChecked(True)
    export.encrypt_check.setChecked(True)

    _switch(qtbot, "zh_CN")
    table = history.table

    def data_cell(view: QAbstractItemView, index: QModelIndex, _role: object) -> bool:
        """The token, masked name and reviewer are data, not interface text."""
        columns = (HistoryColumn.TOKEN, HistoryColumn.NAME, HistoryColumn.REVIEWER)
        return view is table and index.column() in columns

    decision_list = panel.decision_list
    texts = (
        texts_of(console.workflow.dock)
        + texts_of(history, skip=[history.search_edit], skip_cell=data_cell)
        + texts_of(export, skip=[export.target_edit])
    )
    leftovers = english_leftovers(
        [(w, t) for w, t in texts if "photo of a screen" not in t], MATCHERS
    )
    assert not leftovers, "\n".join(leftovers)
    assert console.workflow.dock.windowTitle() == "审核决定"
    assert panel.error().startswith("此案件的核验结果为“未通过”：批准它需要填写至少 10 个字符")
    assert panel.justification_label.text() == "理由(&U)（必填）"
    assert decision_list.topLevelItem(0).text(1) == "拒绝 — 其他: photo of a screen"
    assert history.model.index(0, HistoryColumn.DECISION).data().startswith("拒绝")
    assert history.windowTitle() == "案件历史"
    assert export.windowTitle() == "导出案件"
    assert console.menus.export_case.text() == "导出案件(&E)…"

    _switch(qtbot, "en")
    assert panel.justification_label.text() == "J&ustification (required)"
    assert decision_list.topLevelItem(0).text(1) == "Reject — Other: photo of a screen"
    assert history.windowTitle() == "Case history"
    export.close()
    history.close()
