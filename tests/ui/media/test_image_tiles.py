"""EvidencePanel and ImageTile: images with captions, placeholders that say why, the viewer."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.providers.detectinfo.fields import MEDIA_FIELDS
from iauth_desktop.core.providers.detectinfo.payload import parse_payload
from iauth_desktop.emulator.detectinfo.demo import CASES
from iauth_desktop.emulator.detectinfo.media import broken_jpeg, demo_file
from iauth_desktop.ui.case.evidence_panel import EvidencePanel
from iauth_desktop.ui.case.prepared_case import PreparedCase, prepare_case


def prepared(**media: str) -> PreparedCase:
    """The pass case with the given media fields (Base64 text as sent)."""
    fields = {**CASES["pass"].fields, **media}
    result = parse_payload(json.dumps(fields, ensure_ascii=False).encode())
    case = ReviewCase(result, "{T}", "http://127.0.0.1:1/", FetchMode.FULL, datetime.now(UTC))
    return prepare_case(case)


def b64(name: str) -> str:
    return base64.b64encode(demo_file(name)).decode()


def frames() -> dict[str, str]:
    return {f"videopic{n}": b64(f"videopic{n}.jpg") for n in (1, 2, 3)}


def shown_panel(qtbot: QtBot, case: PreparedCase, *, text_only: bool = False) -> EvidencePanel:
    panel = EvidencePanel()
    qtbot.addWidget(panel)
    panel.resize(700, 520)
    panel.show()
    qtbot.waitExposed(panel)
    with qtbot.waitSignal(panel.images_shown, timeout=5000):
        panel.show_media(case.images, case.result.media, text_only=text_only)
    return panel


@pytest.mark.qt_log_ignore(
    "Unsupported marker", "Corrupt JPEG data", "JPEG datastream", extend=True
)
def test_broken_media_show_reasons_while_the_rest_shows(qtbot: QtBot) -> None:
    broken = base64.b64encode(broken_jpeg(demo_file("idcard-a-front.jpg"))).decode()
    case = prepared(frontpic=broken, backpic="this is not base64 !!", **frames())
    panel = shown_panel(qtbot, case)
    front, back = panel.tiles["frontpic"], panel.tiles["backpic"]
    assert not front.has_image() and not back.has_image()
    assert "could not be decoded" in front.placeholder_text()
    assert "image/jpeg" in front.placeholder_text()
    assert "not valid standard Base64" in back.placeholder_text()
    for n in (1, 2, 3):
        tile = panel.tiles[f"videopic{n}"]
        assert tile.has_image() and tile.placeholder_text() == ""
        assert tile.caption().startswith(f"Video frame {n}")
        assert "320×240" in tile.caption()
    assert panel.open_viewer("frontpic") is None  # nothing to open
    viewer = panel.open_viewer("videopic1")
    assert viewer is not None
    assert not viewer.compare_action.isEnabled()  # no ID front to compare with
    viewer.close()


def test_placeholder_is_painted_in_words(qtbot: QtBot) -> None:
    panel = shown_panel(qtbot, prepared(**frames()))
    tile = panel.tiles["frontpic"]
    assert tile.placeholder_text() == "Not sent by the service."
    picture = tile.grab().toImage()
    centre = picture.pixelColor(picture.width() // 2, picture.height() // 2)
    assert picture.width() > 0 and centre.isValid()


def test_images_are_scaled_with_aspect_kept(qtbot: QtBot) -> None:
    case = prepared(frontpic=b64("idcard-a-front.jpg"), backpic=b64("idcard-a-back.jpg"))
    panel = shown_panel(qtbot, case)
    tile = panel.tiles["frontpic"]
    grabbed = tile._picture.grab().toImage()
    # the card (856x540, light) is letterboxed: a band above and below it stays background
    assert tile.image() is not None and tile.image().size().width() == 856
    background = tile._picture.palette().color(tile._picture.backgroundRole())
    assert grabbed.pixelColor(grabbed.width() // 2, 3) == background or grabbed.height() < 60
    assert grabbed.pixelColor(grabbed.width() // 2, grabbed.height() // 2) != background


def test_text_only_case_says_no_media_requested(qtbot: QtBot) -> None:
    panel = shown_panel(qtbot, prepared(), text_only=True)
    assert panel._stack.currentWidget() is panel._no_media
    assert "No media requested" in panel._no_media.text()
    assert all(tile.placeholder_text() == "" for tile in panel.tiles.values())


def test_double_click_and_enter_open_the_viewer_with_id_front(qtbot: QtBot) -> None:
    case = prepared(frontpic=b64("idcard-a-front.jpg"), **frames())
    panel = shown_panel(qtbot, case)
    tile = panel.tiles["videopic3"]
    qtbot.mouseDClick(tile, Qt.MouseButton.LeftButton)
    assert len(panel.viewers()) == 1
    viewer = panel.viewers()[0]
    assert viewer.compare_action.isEnabled()
    tile.setFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    assert len(panel.viewers()) == 2
    panel.clear()
    assert panel.viewers() == []
    assert not viewer.canvas.has_image()  # closed viewers drop their copies


def test_clear_drops_every_image(qtbot: QtBot) -> None:
    case = prepared(frontpic=b64("idcard-a-front.jpg"), **frames())
    panel = shown_panel(qtbot, case)
    panel.clear()
    assert all(tile.image() is None for tile in panel.tiles.values())
    assert all(tile._picture.pixmap is None for tile in panel.tiles.values())
    assert set(panel.tiles) == set(MEDIA_FIELDS) - {"video"}


def test_every_decoded_image_is_a_qimage(qtbot: QtBot) -> None:
    case = prepared(frontpic=b64("idcard-a-front.jpg"), **frames())
    assert all(isinstance(image, QImage) for image in case.images.values())
    assert set(case.images) == {"frontpic", "videopic1", "videopic2", "videopic3"}
