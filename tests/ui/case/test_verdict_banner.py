"""VerdictBanner: verdict by glyph and word, stages, codes in both languages, service messages."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from iauth_desktop.core.model.result import VerificationResult
from iauth_desktop.core.model.result import as_number as parse_score
from iauth_desktop.core.providers.detectinfo.payload import parse_payload
from iauth_desktop.emulator.detectinfo.demo import CASES
from iauth_desktop.ui.case.verdict_banner import _STYLE, VerdictBanner, format_score
from iauth_desktop.ui.theme import AA, contrast

HOSTILE = "<b>x</b><img src=http://127.0.0.1:1/x.png>"


def result_of(case: str, drop: tuple[str, ...] = (), **changes: Any) -> VerificationResult:
    fields = {k: v for k, v in CASES[case].fields.items() if k not in drop} | changes
    return parse_payload(json.dumps(fields, ensure_ascii=False).encode())


def banner_for(qtbot: QtBot, result: VerificationResult) -> VerdictBanner:
    banner = VerdictBanner()
    qtbot.addWidget(banner)
    banner.show_result(result)
    return banner


def code_rows(banner: VerdictBanner) -> list[list[str]]:
    return [[cell.text() for cell in row] for row in banner._cells]


def all_text(banner: VerdictBanner) -> str:
    return "\n".join(label.text() for label in banner.findChildren(QLabel))


def test_passed_case(qtbot: QtBot) -> None:
    banner = banner_for(qtbot, result_of("pass"))
    assert banner.status_label.text() == "✓ Passed"
    assert banner.status() == "passed"
    assert "first verification" in banner.details_label.text()
    assert "similarity (sim): 92.5" in banner.details_label.text()  # "92.5" parsed, formatted
    assert code_rows(banner)[0][1:] == ["0", "成功", "passed", "通过"]
    assert not banner.stage_label.isVisibleTo(banner)


def test_liveness_602(qtbot: QtBot) -> None:
    banner = banner_for(qtbot, result_of("liveness-602"))
    assert banner.status_label.text() == "✗ Failed"
    assert "liveness (digits)" in banner.stage_label.text()
    yt, live, compare = code_rows(banner)
    assert yt[1:3] == ["602", "视频活体检测没通过"]
    assert yt[3].startswith("video liveness check failed")
    assert yt[4] == "视频活体检测没通过"  # the service's message, verbatim
    assert live[1:] == [  # the engine's meaning, labelled, beside the service's own message
        "-5008",
        "语音识别失败，视频里的人读错数字",
        "speech recognition failed: the digits were read wrongly (older document: 声音识别失败)"
        " (per the engine's documentation)",
        "声音识别失败",
    ]
    assert compare[1] == "—" and compare[3] == "not sent"


def test_compare_604_negative_comparestatus_and_numeric_sim(qtbot: QtBot) -> None:
    banner = banner_for(qtbot, result_of("compare-604"))
    assert banner.status_label.text() == "✗ Failed"
    assert "face compare" in banner.stage_label.text()
    yt, live, compare = code_rows(banner)
    assert yt[1] == "604" and "没有达到匹配阈值" in yt[2]
    assert yt[3] == "face similarity below the pass threshold"
    assert live[1:4] == ["0", "成功", "passed"]  # "0" sent as a string
    assert compare[1:4] == ["-4020", "未知代码 -4020", "unknown code -4020"]  # in no table
    assert compare[4] == "比对相似度未达到通过标准"  # the service's words say what happened
    assert "similarity (sim): 41.2" in banner.details_label.text()


def test_incomplete_without_final_code(qtbot: QtBot) -> None:
    banner = banner_for(qtbot, result_of("pass", drop=("yt_errorcode", "yt_errormsg")))
    assert banner.status_label.text() == "? Incomplete"
    assert "no final result code" in banner.stage_label.text()
    assert code_rows(banner)[0][1] == "—"


def test_incomplete_when_a_code_is_not_a_number(qtbot: QtBot) -> None:
    banner = banner_for(qtbot, result_of("pass", yt_errorcode="zero"))
    assert banner.status_label.text() == "? Incomplete"
    assert code_rows(banner)[0][1:4] == ["zero", "", "not a number"]


def test_unknown_code_shows_service_message_literally(qtbot: QtBot) -> None:
    banner = banner_for(qtbot, result_of("pass", yt_errorcode=777, yt_errormsg=HOSTILE))
    assert banner.status_label.text() == "✗ Failed"
    yt = code_rows(banner)[0]
    assert yt[1:] == ["777", "未知代码 777", "unknown code 777", HOSTILE]
    assert "unknown stage" in banner.stage_label.text()
    for label in banner.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_second_verification_and_unreadable_score(qtbot: QtBot) -> None:
    banner = banner_for(qtbot, result_of("second-verification", similarity="high"))
    details = banner.details_label.text()
    assert "second verification" in details
    assert "similarity (similarity): high — not a number" in details


def test_score_key_and_text_are_not_reinterpreted(qtbot: QtBot) -> None:
    banner = banner_for(qtbot, result_of("pass", sim="%1 %2"))
    assert "similarity (sim): %1 %2 — not a number" in banner.details_label.text()


def test_verdict_shown_in_words_and_glyph_not_only_colour(qtbot: QtBot) -> None:
    texts = set()
    for case in ("pass", "liveness-602"):
        banner = banner_for(qtbot, result_of(case))
        texts.add(banner.status_label.text()[0])
    assert texts == {"✓", "✗"}


def test_clear_forgets_the_result(qtbot: QtBot) -> None:
    banner = banner_for(qtbot, result_of("liveness-602"))
    banner.clear()
    assert banner.status() is None
    assert "声音识别失败" not in all_text(banner)
    assert banner.status_label.text() == "No case open"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("92.5", 92.5),
        (" 41 ", 41.0),
        (88, 88.0),
        (0.935, 0.935),
        ("nan", None),
        ("x", None),
        (True, None),
        (None, None),
        ([1], None),
    ],
)
def test_parse_score(value: Any, expected: float | None) -> None:
    assert parse_score(value) == expected


def test_format_score() -> None:
    assert [format_score(v) for v in (92.5, 41.0, 0.935, 88.12345)] == [
        "92.5",
        "41",
        "0.935",
        "88.1235",
    ]


def test_an_engine_code_in_no_table_stays_unknown(qtbot: QtBot) -> None:
    banner = banner_for(qtbot, result_of("liveness-602", livestatus=-5018, livemsg="引擎说"))
    live = code_rows(banner)[1]
    assert live[1:] == ["-5018", "未知代码 -5018", "unknown code -5018", "引擎说"]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("case", ["pass", "liveness-602"])
def test_every_word_of_the_banner_reads_in_both_schemes(
    qtbot: QtBot, qapp: Any, dark: bool, case: str
) -> None:
    """The banner keeps its light tint in a dark scheme: its words must not take the scheme's
    light text colour (white on pale pink once read at 1.1:1)."""
    before = qapp.palette()
    palette = QPalette(before)
    if dark:
        palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    qapp.setPalette(palette)
    try:
        banner = banner_for(qtbot, result_of(case))
        banner.show()
        background = QColor(_STYLE[banner.status() or "incomplete"][2])
        labels = [label for label in banner.findChildren(QLabel) if label.isVisible()]
        assert len(labels) > 10
        for label in labels:
            label.ensurePolished()
            colour = label.palette().color(label.foregroundRole())
            assert contrast(colour, background) >= AA, (label.text(), colour.name())
    finally:
        qapp.setPalette(before)
