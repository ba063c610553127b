"""Codes 11 and 12 each say why the token can no longer be fetched: 11, the service no longer
keeps its result (about 3 days); 12, the verification flow's 2-hour limit has passed. Both point
to the export, in English and in Chinese; other codes say neither."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from iauth_desktop.core.model.errors import TokenGone
from iauth_desktop.core.providers.detectinfo.envelope import service_error
from iauth_desktop.ui import i18n
from iauth_desktop.ui.shell.fetch_controller import describe_failure
from iauth_desktop.ui.tasks import TaskFailure

KEPT_3_DAYS = "(it is kept about 3 days)"
TWO_HOURS = "past the 2-hour limit of its verification flow"
FROM_EXPORT = "reopen the case from an export instead"


def _described(code: int, errormsg: str) -> str:
    error = service_error(code, errormsg)
    return describe_failure(TaskFailure(str(error), error.exit_code, error))


@pytest.fixture
def chinese(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert app is not None and i18n.install_language(app, "zh_CN")
    yield
    assert i18n.install_language(app, "en")


def test_the_provider_says_why_each_code_is_gone() -> None:
    assert service_error(11, "ERROR_TOKEN_TIME_EXPIRED").token_gone is TokenGone.DATA_EXPIRED
    assert service_error(12, "ERROR_TOKEN_OVER_TIMELIMIT").token_gone is TokenGone.FLOW_EXPIRED
    assert service_error(14, "ERROR_TOKEN_VERIFY_FINISHED").token_gone is None
    assert service_error(3, "HTTP_UNAUTHORIZED").token_gone is None


def test_code_11_says_the_result_is_no_longer_kept() -> None:
    text = _described(11, "ERROR_TOKEN_TIME_EXPIRED")
    assert "error code 11" in text and KEPT_3_DAYS in text and FROM_EXPORT in text
    assert "2-hour" not in text.split("\n", 1)[1]


def test_code_12_says_the_flow_limit_passed() -> None:
    text = _described(12, "ERROR_TOKEN_OVER_TIMELIMIT")
    assert "error code 12" in text and TWO_HOURS in text and FROM_EXPORT in text
    assert "3 days" not in text.split("\n", 1)[1]


def test_other_codes_say_neither() -> None:
    for code in (3, 14, 8):
        text = _described(code, "X")
        assert FROM_EXPORT not in text and "\n" not in text


def test_codes_11_and_12_in_chinese(chinese: None) -> None:
    eleven = _described(11, "ERROR_TOKEN_TIME_EXPIRED")
    twelve = _described(12, "ERROR_TOKEN_OVER_TIMELIMIT")
    assert "错误码 11" in eleven and "约 3 天" in eleven and "2 小时" not in eleven
    assert "错误码 12" in twelve and "2 小时" in twelve and "3 天" not in twelve
    assert "无效请求" in eleven and "token超过有效期" in twelve  # the table's meanings
    assert "从导出重新打开" in eleven and "从导出重新打开" in twelve
