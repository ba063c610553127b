"""ImageViewer: zoom, fit, actual size, rotation, pan and compare-with-ID-front state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from iauth_desktop.core.model.result import MediaRole, MediaSlot
from iauth_desktop.emulator.detectinfo.media import demo_file
from iauth_desktop.ui.labels import media_label
from iauth_desktop.ui.media.image_canvas import ZOOM_STEP, ImageCanvas
from iauth_desktop.ui.media.image_viewer import ImageViewer


def image(name: str) -> QImage:
    loaded = QImage.fromData(demo_file(name))
    assert not loaded.isNull()
    return loaded


@pytest.fixture
def viewer(qtbot: QtBot) -> ImageViewer:
    shown = ImageViewer(
        image("videopic1.jpg"),
        "videopic1",
        reference=image("idcard-a-front.jpg"),
        label=lambda: media_label(MediaSlot("videopic1", MediaRole.FRAME, 1)),
    )
    qtbot.addWidget(shown)
    shown.resize(900, 600)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def wheel(canvas: ImageCanvas, clicks: int) -> None:
    centre = QPointF(canvas.viewport().rect().center())
    event = QWheelEvent(
        centre,
        canvas.viewport().mapToGlobal(centre),
        QPoint(),
        QPoint(0, 120 * clicks),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas.viewport(), event)


def test_opens_fitted(viewer: ImageViewer) -> None:
    canvas = viewer.canvas
    assert canvas.fitting
    # 320x240 fitted into a ~880x540 viewport: scaled up, fully visible
    assert canvas.zoom > 1.5
    assert canvas.mapFromScene(canvas.sceneRect()).boundingRect().height() <= (
        canvas.viewport().height()
    )
    assert viewer.windowTitle().endswith("Video frame 1")


def test_zoom_actions_wheel_and_fit(viewer: ImageViewer, qtbot: QtBot) -> None:
    canvas = viewer.canvas
    fitted = canvas.zoom
    viewer.zoom_in_action.trigger()
    assert canvas.zoom == pytest.approx(fitted * ZOOM_STEP)
    assert not canvas.fitting
    viewer.zoom_out_action.trigger()
    viewer.zoom_out_action.trigger()
    assert canvas.zoom == pytest.approx(fitted / ZOOM_STEP)
    viewer.actual_size_action.trigger()
    assert canvas.zoom == 1.0
    assert "Zoom 100 %" in viewer._zoom_label.text()
    wheel(canvas, 2)
    assert canvas.zoom == pytest.approx(ZOOM_STEP**2)
    wheel(canvas, -1)
    assert canvas.zoom == pytest.approx(ZOOM_STEP)
    viewer.fit_action.trigger()
    assert canvas.fitting and canvas.zoom == pytest.approx(fitted)


def test_keyboard_zoom(viewer: ImageViewer, qtbot: QtBot) -> None:
    viewer.activateWindow()
    viewer.canvas.setFocus()
    qtbot.waitUntil(viewer.canvas.hasFocus)
    fitted = viewer.canvas.zoom
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert viewer.canvas.zoom == pytest.approx(fitted * ZOOM_STEP)
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert viewer.canvas.fitting


def test_rotation_refits_and_wraps(viewer: ImageViewer) -> None:
    canvas = viewer.canvas
    viewer.rotate_right_action.trigger()
    assert canvas.rotation == 90
    assert canvas.transform().m12() != 0  # really rotated
    shown = canvas.mapFromScene(canvas.sceneRect()).boundingRect()
    assert shown.height() > shown.width()  # a landscape frame now stands upright
    assert shown.height() <= canvas.viewport().height()
    viewer.rotate_left_action.trigger()
    viewer.rotate_left_action.trigger()
    assert canvas.rotation == 270
    assert "Rotated 270°" in viewer._zoom_label.text()


def test_pan_by_scroll_bars_when_zoomed(viewer: ImageViewer) -> None:
    canvas = viewer.canvas
    canvas.set_zoom(8.0)
    bar = canvas.horizontalScrollBar()
    assert bar.maximum() > 0
    before = bar.value()
    bar.setValue(bar.minimum())
    assert bar.value() != before or before == bar.minimum()
    assert canvas.dragMode() == canvas.DragMode.ScrollHandDrag


def test_compare_with_id_front(viewer: ImageViewer) -> None:
    assert not viewer.comparing()
    viewer.compare_action.trigger()
    assert viewer.comparing()
    reference = viewer.reference_canvas
    assert reference.has_image() and reference.isVisible()
    assert reference.width() > 100 and viewer.canvas.width() > 100  # side by side
    # each side zooms on its own
    reference.setFocus()
    reference.focused.emit()
    viewer.zoom_in_action.trigger()
    assert viewer.active_canvas() is reference
    assert not reference.fitting and viewer.canvas.fitting
    viewer.compare_action.trigger()
    assert not viewer.comparing()
    assert viewer.active_canvas() is viewer.canvas


def test_compare_unavailable_without_reference(qtbot: QtBot) -> None:
    alone = ImageViewer(image("idcard-a-front.jpg"), "frontpic")
    qtbot.addWidget(alone)
    assert not alone.compare_action.isEnabled()
    alone.set_compare(True)
    assert not alone.comparing()


def test_release_drops_images(viewer: ImageViewer) -> None:
    viewer.close()
    assert not viewer.canvas.has_image()
    assert not viewer.reference_canvas.has_image()
