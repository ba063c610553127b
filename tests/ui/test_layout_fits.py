"""The console laid out for a 1366×768 laptop and a 1920×1080 monitor, in both languages, with a
passed case, a failed one (long service messages) and an action-mode case (issue #17): the
verdict and its codes fit their viewport, the fields' values are whole or cut with their whole
text in a tooltip, no label is cut without a tooltip, every column of the recorded decisions
shows, the decision panel is on screen in full, the video's controls keep one line, and the
window keeps its size. ``IAUTH_LAYOUT_SIZES`` (``WxH,WxH``) replaces the sizes: the 150 %
scaling test runs this module again in a child process with ``QT_SCALE_FACTOR=1.5``."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from iauth_desktop.core.model.decision import DecisionAction
from iauth_desktop.emulator.detectinfo.demo import CASE_TOKENS
from iauth_desktop.emulator.faceid.demo import CASE_TOKENS as FACEID_TOKENS
from iauth_desktop.ui.case.fields_model import FieldColumn
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.i18n import install_language
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.ui.case.test_faceid_case import faceid_console, faceid_emulator
from tests.ui.conftest import QT_NOISE
from tests.ui.layout_checks import (
    columns_overflow,
    content_overflow,
    cut_cells_without_their_text,
    cut_labels_without_tooltip,
    outside_the_window,
    scroll_area_of,
)

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)
__all__ = ["faceid_console", "faceid_emulator"]  # fixtures shared with the FaceID case tests


def _sizes() -> list[QSize]:
    text = os.environ.get("IAUTH_LAYOUT_SIZES", "1366x768,1920x1080")
    return [QSize(*(int(n) for n in size.split("x"))) for size in text.split(",")]


SIZES = _sizes()
CASES = ("pass", "liveness-602", "action-mode")


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QApplication.instance()
    install_language(app, request.param)
    yield request.param
    install_language(app, "en")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_case_fits_the_window(
    qtbot: QtBot,
    console: MainWindow,
    fetch_case: Callable[[MainWindow, str], PreparedCase],
    language: str,
    size: QSize,
) -> None:
    if console.demo_dock is not None:
        console.demo_dock.hide()  # as screenshot mode shows it: the case and its decision
    ratio = os.environ.get("IAUTH_LAYOUT_RATIO")
    if ratio:  # the child process of the scaling test really draws at that ratio
        assert console.devicePixelRatioF() == pytest.approx(float(ratio))
    console.resize(size)
    qtbot.waitUntil(lambda: console.size() == size, timeout=2000)
    panel = console.workflow.panel
    for case in CASES:
        fetch_case(console, CASE_TOKENS[case])
        if case == "pass":  # a recorded decision fills the list's columns
            panel.choose(DecisionAction.APPROVE)
            assert panel.record() is not None
        QApplication.processEvents()
        where = f"{case}, {language}, {size.width()}×{size.height()}"
        assert console.size() == size, where
        assert_fits(console, where)
        if case == "liveness-602":  # revealed, every value shows whole (an 18-digit number too)
            assert_revealed_values_whole(console, where)
    assert panel.decision_list.topLevelItemCount() == 0  # the last case has none: a new list


def assert_revealed_values_whole(console: MainWindow, where: str) -> None:
    console.audit.ask_purpose = lambda: "compare with the card"
    fields = console.case_view.fields
    model = fields.fields_model()
    revealed = [row for row in range(model.rowCount()) if model.reveal(row)]
    assert model.row_of("ID") in revealed, where
    QApplication.processEvents()
    number = model.index(model.row_of("ID"), FieldColumn.VALUE)
    assert "*" not in str(number.data()) and not fields.cut(number), where
    for row in revealed:
        assert not fields.cut(model.index(row, FieldColumn.VALUE)), (where, row)


def assert_fits(console: MainWindow, where: str) -> None:
    """Everything the issue names, on the case now on screen."""
    view = console.case_view
    panel = console.workflow.panel
    assert content_overflow(view.banner) == (0, 0), where
    assert cut_cells_without_their_text(view.fields) == [], where
    fields = view.fields
    widths = [fields.columnWidth(c) for c in range(3) if not fields.isColumnHidden(c)]
    assert columns_overflow(fields, widths) == 0, where
    # the evidence images share their pane's width: no sideways scrolling
    evidence = scroll_area_of(view.evidence)
    assert view.evidence.minimumSizeHint().width() <= evidence.viewport().width(), where
    assert cut_labels_without_tooltip(console) == [], where
    # the decision panel whole, on screen, without scrolling
    assert not outside_the_window(console, panel.record_button), where
    assert panel.height() >= panel.minimumSizeHint().height(), where
    recorded = panel.decision_list
    header = recorded.header()
    assert not outside_the_window(console, recorded), where
    columns = [header.sectionSize(c) for c in range(header.count())]
    assert columns_overflow(recorded, columns) == 0, where
    for column in range(header.count()):
        wanted = max(recorded.sizeHintForColumn(column), header.sectionSizeHint(column))
        assert header.sectionSize(column) >= wanted, (where, column)
    # the video's controls on one line, the time whole
    controls = view.video.controls
    parts = [controls.play_button, controls.mute_button, controls.speed_combo, controls.slider]
    centres = {part.geometry().center().y() for part in parts}
    assert max(centres) - min(centres) <= 2, where
    time = controls.time_label
    assert time.width() >= time.sizeHint().width(), where
    assert not outside_the_window(console, time), where


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_a_faceid_case_with_seven_images_and_attempts_fits(
    qtbot: QtBot,
    faceid_console: MainWindow,
    fetch_case: Callable[[MainWindow, str], PreparedCase],
    language: str,
    size: QSize,
) -> None:
    faceid_console.resize(size)
    qtbot.waitUntil(lambda: faceid_console.size() == size, timeout=2000)
    fetch_case(faceid_console, FACEID_TOKENS["liveness-retries"])
    QApplication.processEvents()
    assert faceid_console.case_view.attempts.isVisible()
    assert len(faceid_console.case_view.evidence.tiles) >= 7
    where = f"faceid, {language}, {size.width()}×{size.height()}"
    assert faceid_console.size() == size, where
    assert_fits(faceid_console, where)
    assert_attempts_fit(faceid_console.case_view.attempts.table, where)


def assert_attempts_fit(table: QTableView, where: str) -> None:
    """The attempts need no sideways scrolling, and no word in them is wider than its column
    (Chinese may wrap between any two characters; other text wraps between words)."""
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width(), where
    metrics = QFontMetrics(table.font())
    model = table.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            room = table.columnWidth(column) - 8  # the cell's margins
            for word in str(model.index(row, column).data()).split():
                if not any("\u4e00" <= char <= "\u9fff" for char in word):
                    assert metrics.horizontalAdvance(word) <= room, (where, row, column, word)
