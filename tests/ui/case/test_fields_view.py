"""FieldsTable: Reveal/Hide and Copy, and the audit lines they write (key, never value)."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from iauth_desktop.core.providers.detectinfo.payload import parse_payload
from iauth_desktop.emulator.detectinfo.demo import CASES
from iauth_desktop.ui.case.fields_model import FieldColumn
from iauth_desktop.ui.case.fields_view import FieldsTable

ID_NUMBER = CASES["pass"].fields["ID"]
PHONE = CASES["pass"].fields["phone"]


def table_with_case(qtbot: QtBot, **changes: Any) -> FieldsTable:
    table = FieldsTable()
    qtbot.addWidget(table)
    fields = {**CASES["pass"].fields, **changes}
    table.fields_model().load(parse_payload(json.dumps(fields, ensure_ascii=False).encode()))
    table.resize(600, 500)
    return table


def select(table: FieldsTable, key: str) -> int:
    row = table.fields_model().row_of(key)
    table.select_row(row)
    return row


def shown(table: FieldsTable, key: str) -> str:
    model = table.fields_model()
    return str(model.index(model.row_of(key), FieldColumn.VALUE).data())


def test_copy_of_masked_field_copies_the_masked_text(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    table = table_with_case(qtbot)
    select(table, "ID")
    with caplog.at_level(logging.INFO, logger="iauth_desktop.audit"):
        table.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == "**************1231"
    assert "copy" not in caplog.text  # nothing revealed, nothing to record


def test_reveal_then_copy_full_value_is_audited_by_key_only(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    table = table_with_case(qtbot)
    select(table, "phone")
    assert table.reveal_action.isEnabled()
    assert table.reveal_action.text() == "Reveal"
    with caplog.at_level(logging.INFO, logger="iauth_desktop.audit"):
        table.reveal_action.trigger()
        assert shown(table, "phone") == PHONE
        assert table.reveal_action.text() == "Hide"
        table.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == PHONE
    assert "reveal field=phone" in caplog.text
    assert "copy revealed field=phone" in caplog.text
    assert PHONE not in caplog.text
    assert all(record.name == "iauth_desktop.audit" for record in caplog.records)
    table.reveal_action.trigger()  # Hide
    assert shown(table, "phone") == "138****8000"


def test_keyboard_shortcuts_reveal_and_copy(qtbot: QtBot) -> None:
    table = table_with_case(qtbot)
    table.show()
    qtbot.waitExposed(table)
    table.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    select(table, "ID")
    qtbot.keyClick(table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert shown(table, "ID") == ID_NUMBER
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == ID_NUMBER
    qtbot.keyClick(table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert shown(table, "ID") == "**************1231"


def test_reveal_is_disabled_for_fields_that_are_never_masked(qtbot: QtBot) -> None:
    table = table_with_case(qtbot)
    select(table, "name")
    assert not table.reveal_action.isEnabled()
    table.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == "欧阳演示"


def test_copy_key_and_header_row_span(qtbot: QtBot) -> None:
    table = table_with_case(qtbot)
    select(table, "liveness_engine")
    table.copy_key_action.trigger()
    assert QGuiApplication.clipboard().text() == "liveness_engine"
    header_row = table.fields_model().row_of("sim") - 1
    assert table.columnSpan(header_row, 0) == len(FieldColumn)


def test_clear_empties_the_table(qtbot: QtBot) -> None:
    table = table_with_case(qtbot)
    select(table, "ID")
    table.clear()
    assert table.fields_model().rowCount() == 0
    assert not table.reveal_action.isEnabled()
    assert not table.copy_action.isEnabled()


def test_context_menu_offers_reveal_and_copy(qtbot: QtBot) -> None:
    table = table_with_case(qtbot)
    table.show()
    qtbot.waitExposed(table)
    model = table.fields_model()
    index = model.index(model.row_of("ID"), FieldColumn.VALUE)
    menu = table.context_menu(table.visualRect(index).center())
    assert menu is not None
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts == ["Reveal", "Copy value", "Copy key", "Show the fields' &keys"]
    assert table.current_row() == model.row_of("ID")
    header_row = model.row_of("sim") - 1
    assert table.context_menu(table.visualRect(model.index(header_row, 0)).center()) is None


def test_a_field_among_thousands_is_found_and_a_masked_value_stays_masked(qtbot: QtBot) -> None:
    from iauth_desktop.core.providers.detectinfo.fields import interpret
    from iauth_desktop.ui.case.field_finder import FieldFinder

    raw: dict[str, object] = {"ID": "990101199005171231", "name": "欧阳演示"}
    raw.update({f"extra_{n:04d}": f"value {n}" for n in range(3000)})
    table = FieldsTable()
    qtbot.addWidget(table)
    table.fields_model().load(interpret(raw))
    finder = FieldFinder(table)
    qtbot.addWidget(finder)
    finder.setText("extra_2999")
    assert finder.find_next(from_start=True)
    assert table.fields_model().index(table.current_row(), 2).data() == "extra_2999"
    finder.setText("value 1234")
    assert finder.find_next(from_start=True)
    assert table.fields_model().index(table.current_row(), 2).data() == "extra_1234"
    finder.setText("19900517")  # the hidden middle of the masked ID number
    assert not finder.find_next(from_start=True)
    finder.setText("1231")  # its last four, which the masked value shows
    assert finder.find_next(from_start=True)
    assert table.fields_model().index(table.current_row(), 2).data() == "ID"


def test_the_key_column_can_be_hidden_and_shown_again(qtbot: QtBot) -> None:
    from iauth_desktop.ui.case.fields_model import FieldColumn

    table = FieldsTable()
    qtbot.addWidget(table)
    action = table.show_keys_action
    assert action.isChecked() and not table.isColumnHidden(FieldColumn.KEY)
    action.trigger()
    assert table.isColumnHidden(FieldColumn.KEY) and not action.isChecked()
    action.trigger()
    assert not table.isColumnHidden(FieldColumn.KEY)
    assert action.text() and "&" in action.text()


HOSTILE_LONG = "<b>x</b><img src=http://127.0.0.1:1/x.png>" + "W" * 80


def test_a_cut_value_has_its_whole_shown_text_in_a_tooltip(qtbot: QtBot) -> None:
    """Too narrow for the values: each cut value's tooltip holds it as shown — a masked number
    stays masked (Reveal shows it), a hostile value is text, never markup."""
    table = table_with_case(qtbot, name=HOSTILE_LONG)
    table.show()
    table.resize(200, 500)
    qtbot.waitUntil(lambda: table.width() == 200, timeout=2000)
    model = table.fields_model()
    number = model.index(model.row_of("ID"), FieldColumn.VALUE)
    name = model.index(model.row_of("name"), FieldColumn.VALUE)
    assert table.cut(number) and table.cut(name)
    tip = table.tooltip_at(number) or ""
    assert str(number.data()) in tip and "*" in tip
    assert ID_NUMBER not in tip and ID_NUMBER[-8:-4] not in tip
    assert "Reveal" in tip  # and where the whole value is
    name_tip = table.tooltip_at(name) or ""
    assert "&lt;img" in name_tip and "<img" not in name_tip and "W" * 80 in name_tip
    table.resize(1400, 500)  # room enough: nothing is cut, no tooltip but the model's own
    qtbot.waitUntil(lambda: not table.cut(number), timeout=2000)
    assert table.tooltip_at(name) is None
