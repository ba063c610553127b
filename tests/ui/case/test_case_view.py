"""CaseView: a whole demo case on screen, media_ready, text-only cases, hostile values, clear."""

from __future__ import annotations

import gc
import json
import weakref
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QRect, Qt, QTranslator
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QWidget
from pytestqt.qtbot import QtBot

from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.providers.detectinfo.payload import parse_payload
from iauth_desktop.emulator.detectinfo.demo import CASES
from iauth_desktop.emulator.detectinfo.media import demo_file
from iauth_desktop.emulator.detectinfo.responses import build_plaintext
from iauth_desktop.ui.case.case_view import CaseView
from iauth_desktop.ui.case.prepared_case import PreparedCase, prepare_case
from tests.ui.media.test_video_clips import MULTIMEDIA_NOISE

pytestmark = pytest.mark.qt_log_ignore(*MULTIMEDIA_NOISE, extend=True)
WAIT_MS = 15_000
HOSTILE = "<b>x</b><img src=http://127.0.0.1:1/x.png>"


def demo_case(case_name: str, /, *, info_type: int = 0, **changes: Any) -> PreparedCase:
    """A demo case as the emulator sends it (media from resources/demo/), prepared."""
    demo = CASES[case_name]
    if info_type == 1 or changes:
        fields = {**demo.fields, **changes}
        result = parse_payload(json.dumps(fields, ensure_ascii=False).encode())
    else:
        media = {field: demo_file(file) for field, file in demo.media.items()}
        result = parse_payload(build_plaintext(demo, media, php_style=False))
    mode = (FetchMode.FULL, FetchMode.TEXT_ONLY)[info_type]
    case = ReviewCase(result, "{T}", "http://127.0.0.1:1/", mode, datetime.now(UTC))
    return prepare_case(case)


@pytest.fixture
def view(qtbot: QtBot) -> CaseView:
    widget = CaseView()
    widget.today = date(2025, 6, 1)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def show(qtbot: QtBot, view: CaseView, prepared: PreparedCase) -> None:
    with qtbot.waitSignal(view.media_ready, timeout=WAIT_MS):
        view.show_case(prepared)


def test_pass_case_fills_every_part(qtbot: QtBot, view: CaseView) -> None:
    show(qtbot, view, demo_case("pass"))
    assert view.banner.status() == "passed"
    assert view.consistency.warning_count() == 0
    assert view.fields.fields_model().rowCount() == 9 + 1 + 1 + 2
    assert all(tile.has_image() for tile in view.evidence.tiles.values())
    assert view.video.has_video()
    assert view.video.current_frame_image() is not None  # the poster is painted
    assert view.digits_label.text() == "3344"


def test_media_ready_once_per_case(qtbot: QtBot, view: CaseView) -> None:
    show(qtbot, view, demo_case("liveness-602"))
    emitted: list[int] = []
    view.media_ready.connect(lambda: emitted.append(1))
    qtbot.wait(200)
    assert emitted == []
    show(qtbot, view, demo_case("second-verification"))
    assert view.evidence.tiles["frontpic"].placeholder_text() == "Not sent by the service."
    assert view.digits_label.text() == "5921"


def test_text_only_case_shows_no_media_requested(qtbot: QtBot, view: CaseView) -> None:
    show(qtbot, view, demo_case("pass", info_type=1))
    assert "No media requested" in view.evidence._no_media.text()
    assert view.evidence._no_media.isVisible()
    assert not any(tile.placeholder_text() for tile in view.evidence.tiles.values())
    assert "No media requested" in view._no_video.text()
    assert view._no_video.isVisible()
    assert view.banner.status() == "passed"


def test_action_mode_has_no_digits(qtbot: QtBot, view: CaseView) -> None:
    show(qtbot, view, demo_case("pass"))
    big = view.digits_label.font().pointSizeF()
    assert view.digits_label.text() == "3344"
    show(qtbot, view, demo_case("action-mode"))
    assert view.digits_label.text() == "none — action liveness"
    # a sentence in the field's own size, never in the giant digits font (issue #17)
    assert view.digits_label.font().pointSizeF() < big
    assert view.digits_label.font().pointSizeF() == view.fields.font().pointSizeF()


def test_hostile_values_render_literally(qtbot: QtBot, view: CaseView) -> None:
    prepared = demo_case(
        "pass", info_type=1, name=HOSTILE, yt_errormsg=HOSTILE, validatedata=HOSTILE
    )
    show(qtbot, view, prepared)
    labels = [label for label in view.findChildren(QLabel) if label.text() == HOSTILE]
    assert len(labels) >= 2  # the service's message and the digits
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText
    model = view.fields.fields_model()
    assert model.index(model.row_of("name"), 1).data() == HOSTILE


def test_tampered_bundle_is_announced(qtbot: QtBot, view: CaseView) -> None:
    prepared = demo_case("pass", info_type=1)
    prepared.case.changed_files = ("frontpic.jpg",)
    prepared.case.missing_files = ("video.mp4",)
    show(qtbot, view, prepared)
    assert view.tamper_label.isVisible()
    assert "frontpic.jpg" in view.tamper_label.text()
    assert "video.mp4" in view.tamper_label.text()


def test_clear_drops_every_decrypted_reference(qtbot: QtBot, view: CaseView) -> None:
    show(qtbot, view, demo_case("compare-604"))
    view.evidence.open_viewer("videopic2")
    view.clear()
    assert view.fields.fields_model().rowCount() == 0
    assert all(tile.image() is None for tile in view.evidence.tiles.values())
    assert view.evidence.viewers() == []
    assert not view.video.has_video()
    assert view.banner.status() is None
    assert view.consistency.checks() == []
    assert not view.has_case()
    texts = "\n".join(label.text() for label in view.findChildren(QLabel))
    for secret in ("司马样本", "3344", "比对相似度未达到通过标准", "-4020"):
        assert secret not in texts


def test_the_verdict_shows_at_once_and_the_rest_a_turn_at_a_time(
    qtbot: QtBot, view: CaseView
) -> None:
    view.show_case(demo_case("pass"))
    assert view.has_case()
    assert view.banner.status() == "passed"  # at once: the verdict comes first
    assert view.fields.fields_model().rowCount() == 0  # on a later turn
    with qtbot.waitSignal(view.media_ready, timeout=WAIT_MS):
        pass
    assert view.consistency.warning_count() == 0
    assert view.fields.fields_model().rowCount() == 9 + 1 + 1 + 2
    assert view.digits_label.text() == "3344"


def test_a_case_closed_before_it_is_all_shown_shows_no_more(qtbot: QtBot, view: CaseView) -> None:
    prepared = demo_case("pass")
    gone = weakref.ref(prepared)
    ready: list[bool] = []
    view.media_ready.connect(lambda: ready.append(True))
    view.show_case(prepared)
    view.clear()
    del prepared
    qtbot.wait(200)
    assert ready == []
    assert view.fields.fields_model().rowCount() == 0
    assert not any(tile.has_image() for tile in view.evidence.tiles.values())
    assert not view.video.has_video()
    gc.collect()
    assert gone() is None  # nothing waiting to be shown keeps it


def _visible_rect(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())


def test_layout_at_1280x800_nothing_clipped_or_overlapping(qtbot: QtBot, view: CaseView) -> None:
    from iauth_desktop.report.fonts import register_console_font

    register_console_font()  # as the app does: its CJK font sets the line heights
    view.resize(1280, 700)  # the window's 800 less menu, token bar and status bar
    show(qtbot, view, demo_case("liveness-602"))
    panes = [view.banner, view.consistency, view.fields, view.evidence, view.video]
    rects = [_visible_rect(pane, view) for pane in panes]
    for rect in rects:
        assert view.rect().contains(rect), rect
    for index, rect in enumerate(rects):
        for other in rects[index + 1 :]:
            assert not rect.intersects(other), (rect, other)
    # the verdict needs no scrolling: its scroll area shows all of it
    area = view.banner.parentWidget().parentWidget()
    assert isinstance(area, QAbstractScrollArea)
    assert not area.verticalScrollBar().isVisible()
    for label in view.banner.findChildren(QLabel):
        if label.isVisible() and label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    for tile in view.evidence.tiles.values():
        assert tile.width() >= 120 and tile.height() >= 100


_CONTEXTS = (
    "CaseView",
    "VerdictBanner",
    "ConsistencyView",
    "FieldsModel",
    "FieldsTable",
    "EvidencePanel",
    "ImageTile",
    "Labels",
)


class _Marking(QTranslator):
    """Wraps every string of the case views in «»: shows what re-labels at run time."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"«{source}»" if context in _CONTEXTS else ""

    def isEmpty(self) -> bool:  # Qt skips a translator that says it is empty
        return False


def test_language_change_relabels_the_case_view(qtbot: QtBot, view: CaseView) -> None:
    show(qtbot, view, demo_case("second-verification"))
    translator = _Marking()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: view.banner.status_label.text() == "✓ «Passed»")
        assert "«second verification»" in view.banner.details_label.text()
        assert view.banner._headers[2].text() == "«Meaning (Chinese)»"
        assert view.banner._cells[0][2].text() == "成功"  # code meanings are not translated
        assert view._digits_title.text() == "«Digits read aloud:»"
        assert view.evidence._card_title.text() == "«ID card»"
        assert view.evidence.tiles["frontpic"].placeholder_text() == "«Not sent by the service.»"
        assert view.evidence.tiles["videopic1"].caption().startswith("«Video frame 1»")
        assert view.consistency.row_texts()[0].startswith("✓ «OK» «Check digit»")
        model = view.fields.fields_model()
        assert model.headerData(0, Qt.Orientation.Horizontal) == "«Field»"
        assert model.index(0, 0).data() == "«Name»"
        assert view.fields.copy_action.text() == "«Copy value»"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: view.banner.status_label.text() == "✓ Passed")


def test_incomplete_evidence_is_said_in_words(qtbot: QtBot, view: CaseView) -> None:
    prepared = demo_case("pass", video="")  # a full fetch whose media did not come
    show(qtbot, view, prepared)
    banner = view.banner
    assert banner.status() == "passed"  # the service's verdict stands
    assert banner.evidence_complete() is False
    assert banner.evidence_label.isVisible()
    assert "Evidence incomplete" in banner.evidence_label.text()
    assert "video" in banner.evidence_label.text()


def test_complete_evidence_shows_no_warning(qtbot: QtBot, view: CaseView) -> None:
    show(qtbot, view, demo_case("pass"))
    assert view.banner.evidence_complete() is True
    assert not view.banner.evidence_label.isVisible()


def test_text_only_evidence_is_not_judged(qtbot: QtBot, view: CaseView) -> None:
    show(qtbot, view, demo_case("pass", info_type=1))
    assert view.banner.evidence_complete() is None
    assert not view.banner.evidence_label.isVisible()
