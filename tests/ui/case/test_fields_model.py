"""FieldsModel: rows, masking, reveal/hide, roles, and Qt's model consistency checks."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from iauth_desktop.core.model.result import VerificationResult
from iauth_desktop.core.providers.detectinfo.fields import IDENTITY_FIELDS
from iauth_desktop.core.providers.detectinfo.payload import parse_payload
from iauth_desktop.emulator.detectinfo.demo import CASES
from iauth_desktop.ui.case.fields_model import FieldColumn, FieldRole, FieldsModel

ID_NUMBER = CASES["pass"].fields["ID"]  # 990101199005171231
PHONE = CASES["pass"].fields["phone"]  # 13800138000
DISPLAY = Qt.ItemDataRole.DisplayRole


def result_of(fields: dict[str, Any]) -> VerificationResult:
    return parse_payload(json.dumps(fields, ensure_ascii=False).encode())


def pass_fields(**changes: Any) -> dict[str, Any]:
    return {**CASES["pass"].fields, **changes}


def loaded(fields: dict[str, Any]) -> FieldsModel:
    model = FieldsModel()
    model.load(result_of(fields))
    return model


def value_of(model: FieldsModel, key: str, role: int = DISPLAY) -> Any:
    return model.index(model.row_of(key), FieldColumn.VALUE).data(role)


@pytest.mark.parametrize("state", ["case", "extras", "no-extras", "cleared"])
def test_modeltester(qtmodeltester: ModelTester, state: str) -> None:
    model = FieldsModel()
    if state == "extras":
        model.load(result_of(pass_fields(nested={"a": [1, "二"]}, flag=True, nothing=None)))
    elif state == "no-extras":
        model.load(result_of({k: v for k, v in pass_fields().items() if k in IDENTITY_FIELDS}))
    else:
        model.load(result_of(pass_fields()))
    qtmodeltester.check(model)
    # the tester stays connected: reveal, hide, reload and clear are checked as they happen
    model.reveal(model.row_of("ID"))
    model.hide(model.row_of("ID"))
    model.retranslate_ui()
    if state == "cleared":
        model.clear()
        qtmodeltester.check(model)
        assert model.rowCount() == 0
    else:
        model.load(result_of(pass_fields()))


def test_row_count_with_extras() -> None:
    model = loaded(pass_fields(nested={"a": [1, "二"]}, flag=True, nothing=None))
    assert model.rowCount() == len(IDENTITY_FIELDS) + 1 + 1 + 5  # validatedata, header, extras
    assert model.columnCount() == 3


def test_rows_identity_then_validatedata_then_other_fields() -> None:
    model = loaded(pass_fields())
    keys = [model.index(row, 0).data(FieldRole.KEY) for row in range(model.rowCount())]
    assert keys == [*IDENTITY_FIELDS, "validatedata", None, "sim", "liveness_engine"]
    header = model.index(len(IDENTITY_FIELDS) + 1, 0)
    assert header.data(FieldRole.SECTION) == "header"
    assert "Other fields" in header.data(DISPLAY)
    assert not header.flags() & Qt.ItemFlag.ItemIsSelectable
    assert model.index(0, 0).flags() & Qt.ItemFlag.ItemIsSelectable
    assert model.index(model.row_of("sim"), FieldColumn.KEY).data(DISPLAY) == "sim"
    assert model.index(model.row_of("ID"), FieldColumn.LABEL).data(DISPLAY) == "ID number"
    assert value_of(model, "validatedata") == "3344"  # sent as a number


def test_status_and_media_fields_are_not_listed_as_other_fields() -> None:
    model = loaded(pass_fields())
    keys = {model.index(row, 0).data(FieldRole.KEY) for row in range(model.rowCount())}
    assert not keys & {"yt_errorcode", "livemsg", "type", "frontpic", "video"}


def test_non_string_extras_are_json_text() -> None:
    model = loaded(pass_fields(sim=41.2, nested={"名": [1, True]}, nothing=None))
    assert value_of(model, "sim") == "41.2"
    assert value_of(model, "nested") == '{"名": [1, true]}'
    assert value_of(model, "nothing") == "null"
    for row in range(model.rowCount()):
        for column in FieldColumn:
            value = model.index(row, column).data(DISPLAY)
            assert value is None or isinstance(value, str)


def test_missing_identity_field_is_marked_not_sent() -> None:
    fields = pass_fields()
    del fields["nation"]
    model = loaded(fields)
    assert value_of(model, "nation") == "(not sent)"
    assert value_of(model, "nation", FieldRole.PRESENT) is False
    assert value_of(model, "name", FieldRole.PRESENT) is True


def test_id_birth_address_and_phone_masked_by_default_nothing_else() -> None:
    model = loaded(pass_fields())
    assert value_of(model, "ID") == "**************1231"
    assert value_of(model, "phone") == "138****8000"
    assert value_of(model, "ID", FieldRole.MASKED) is True
    assert value_of(model, "ID", FieldRole.UNMASKED_VALUE) is None
    assert value_of(model, "name") == "欧阳演示"
    assert value_of(model, "ID_address") == "演示省样本市虚构区" + "*" * 11
    assert value_of(model, "ID_birth") == "1990-**-**"
    assert value_of(model, "ID_address", FieldRole.MASKABLE) is True
    assert value_of(model, "nation") == CASES["pass"].fields["nation"]
    assert value_of(model, "name", FieldRole.MASKED) is False
    assert value_of(model, "name", FieldRole.MASKABLE) is False


def test_reveal_shows_full_value_and_hide_masks_again(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    model = loaded(pass_fields())
    row = model.row_of("ID")
    with (
        caplog.at_level(logging.INFO, logger="iauth_desktop.audit"),
        qtbot.waitSignal(model.dataChanged) as changed,
    ):
        assert model.reveal(row)
    top_left, bottom_right, roles = changed.args
    assert (top_left.row(), top_left.column()) == (row, FieldColumn.VALUE)
    assert bottom_right == top_left
    assert DISPLAY in roles and Qt.ItemDataRole.DecorationRole not in roles
    assert value_of(model, "ID") == ID_NUMBER
    assert value_of(model, "ID", FieldRole.UNMASKED_VALUE) == ID_NUMBER
    assert "reveal field=ID" in caplog.text
    assert ID_NUMBER not in caplog.text
    assert value_of(model, "phone") == "138****8000"  # one row at a time
    assert model.hide(row)
    assert value_of(model, "ID") == "**************1231"
    assert not model.hide(row)


def test_reveal_of_unmasked_field_or_header_does_nothing() -> None:
    model = loaded(pass_fields())
    assert not model.reveal(model.row_of("name"))
    assert not model.reveal(len(IDENTITY_FIELDS) + 1)  # header
    assert not model.reveal(99)


def test_hide_all_and_clear_drop_revealed_state() -> None:
    model = loaded(pass_fields())
    model.reveal(model.row_of("ID"))
    model.reveal(model.row_of("phone"))
    model.hide_all()
    assert value_of(model, "phone") == "138****8000"
    model.reveal(model.row_of("ID"))
    model.clear()
    model.load(result_of(pass_fields()))
    assert value_of(model, "ID") == "**************1231"


def test_hostile_values_are_plain_text() -> None:
    hostile = "<b>x</b><img src=http://127.0.0.1:1/x.png>"
    model = loaded(pass_fields(name=hostile, **{"<i>k</i>": hostile}))
    assert value_of(model, "name") == hostile
    assert value_of(model, "<i>k</i>") == hostile
    row = model.row_of("<i>k</i>")
    assert model.index(row, FieldColumn.LABEL).data(DISPLAY) == "<i>k</i>"
    tooltip = model.index(model.row_of("name"), FieldColumn.VALUE).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip is None  # never a service value in a (rich-text guessing) tooltip


def test_headers_are_set() -> None:
    model = FieldsModel()
    names = [model.headerData(c, Qt.Orientation.Horizontal) for c in FieldColumn]
    assert names == ["Field", "Value", "Key"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_action_liveness_digits_say_none_like_any_field() -> None:
    """Action mode sends the digits empty: the field says so in words (italic, as "not sent"),
    where it used to be a blank cell; a digits case shows its digits."""
    model = loaded(dict(CASES["action-mode"].fields))
    row = model.row_of("validatedata")
    index = model.index(row, FieldColumn.VALUE)
    assert index.data() == "none — action liveness"
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert index.data(FieldRole.UNMASKED_VALUE) == ""  # copied as sent: nothing
    digits = loaded(dict(CASES["liveness-602"].fields))
    assert digits.index(digits.row_of("validatedata"), FieldColumn.VALUE).data() == "3344"
