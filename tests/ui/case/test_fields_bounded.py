"""Issue #12: answers that once froze the console show within a bound, and bounded."""

from __future__ import annotations

import json
import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from iauth_desktop.core.evidence.report_data import (
    REPORT_EXTRA_FIELDS,
    REPORT_VALUE_CHARS,
    field_rows,
)
from iauth_desktop.core.providers.detectinfo.payload import parse_payload
from iauth_desktop.emulator.detectinfo.demo import CASES
from iauth_desktop.ui.case.case_view import CaseView
from iauth_desktop.ui.case.fields_model import SHOWN_CHARS, FieldColumn, FieldRole
from iauth_desktop.ui.case.fields_view import FieldsTable
from tests.ui.case.test_case_view import demo_case


def answer(**changes: object) -> bytes:
    fields = {**CASES["pass"].fields, **changes}
    return json.dumps(fields, ensure_ascii=False).encode()


def shown_within(qtbot: QtBot, plaintext: bytes) -> tuple[FieldsTable, float]:
    table = FieldsTable()
    qtbot.addWidget(table)
    table.resize(900, 600)
    table.show()
    result = parse_payload(plaintext)
    started = time.perf_counter()
    table.fields_model().load(result)
    QApplication.processEvents()
    table.viewport().repaint()
    QApplication.processEvents()
    return table, time.perf_counter() - started


def test_many_extra_fields_show_quickly(qtbot: QtBot) -> None:
    extras = {f"extra_{i:07d}": i for i in range(100_000)}
    table, seconds = shown_within(qtbot, answer(**extras))
    assert table.fields_model().rowCount() > 100_000
    assert seconds < 5, f"10⁵ extra fields took {seconds:.1f} s to show (36 s before)"


def test_a_huge_name_is_shown_shortened_and_copied_whole(qtbot: QtBot) -> None:
    name = "演" * 5_000_000
    table, seconds = shown_within(qtbot, answer(name=name))
    assert seconds < 5, f"a 5-million-character name stalled {seconds:.1f} s (23 s before)"
    model = table.fields_model()
    row = model.row_of("name")
    index = model.index(row, FieldColumn.VALUE)
    assert len(index.data(Qt.ItemDataRole.DisplayRole)) == SHOWN_CHARS + 1
    assert "5000000" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(FieldRole.UNMASKED_VALUE) == name  # the full value, on demand
    table.setCurrentIndex(index)
    table.copy_value()
    assert QGuiApplication.clipboard().text() == name


def test_the_report_is_bounded() -> None:
    extras = {f"extra_{i:05d}": "v" * 10 for i in range(5_000)}
    result = parse_payload(answer(name="演" * 1_000_000, **extras))
    rows = field_rows(result, full_ids=False)
    assert len(rows) < REPORT_EXTRA_FIELDS + 40
    assert max(len(r.value) for r in rows) < REPORT_VALUE_CHARS + 100
    assert "4700 more fields" in rows[-1].value or "more fields" in rows[-1].value


def test_the_whole_case_view_shows_hostile_answers_quickly(qtbot: QtBot) -> None:
    """The verdict banner quoted a 3-million-character service message in full (18 s)."""
    view = CaseView()
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    for changes in (
        {"yt_errormsg": "x" * 3_000_000, "livemsg": "演" * 1_000_000},
        {"name": "演" * 5_000_000},
        {f"extra_{i:07d}": i for i in range(100_000)},
    ):
        prepared = demo_case("pass", info_type=1, **changes)
        started = time.perf_counter()
        view.show_case(prepared)
        QApplication.processEvents()
        view.repaint()
        QApplication.processEvents()
        seconds = time.perf_counter() - started
        assert seconds < 5, (sorted(changes)[:1], seconds)
