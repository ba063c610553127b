"""A zoomable, rotatable, draggable view of one image (QGraphicsView)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QImage,
    QPainter,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

MIN_ZOOM = 0.05
MAX_ZOOM = 32.0
ZOOM_STEP = 1.25


class ImageCanvas(QGraphicsView):
    """``zoom`` is the scale against the image's own pixels; ``fitting`` re-fits on resize."""

    view_changed = Signal()  # zoom, rotation or fitting changed
    focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.addItem(self._item)
        self.setScene(self._scene)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.zoom = 1.0
        self.rotation = 0
        self.fitting = True

    # --- content -----------------------------------------------------------------------------

    def set_image(self, image: QImage) -> None:
        self._item.setPixmap(QPixmap.fromImage(image))
        self._scene.setSceneRect(self._item.boundingRect())
        self.rotation = 0
        self.fit()

    def clear(self) -> None:
        self._item.setPixmap(QPixmap())
        self._scene.setSceneRect(self._item.boundingRect())

    def has_image(self) -> bool:
        return not self._item.pixmap().isNull()

    # --- view state --------------------------------------------------------------------------

    def set_zoom(self, zoom: float, *, fitting: bool = False) -> None:
        self.zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        self.fitting = fitting
        self._apply()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def fit(self) -> None:
        """Scale so the whole (rotated) image fits the viewport."""
        rect = self._item.boundingRect()
        if rect.isEmpty():
            self.set_zoom(1.0, fitting=True)
            return
        width, height = rect.width(), rect.height()
        if self.rotation % 180:
            width, height = height, width
        viewport = self.viewport().rect().adjusted(4, 4, -4, -4)
        zoom = min(viewport.width() / width, viewport.height() / height)
        self.set_zoom(zoom, fitting=True)
        self.centerOn(self._item)

    def rotate_right(self) -> None:
        self._rotate(90)

    def rotate_left(self) -> None:
        self._rotate(-90)

    def _rotate(self, degrees: int) -> None:
        self.rotation = (self.rotation + degrees) % 360
        if self.fitting:
            self.fit()
        else:
            self._apply()

    def _apply(self) -> None:
        self.setTransform(QTransform().scale(self.zoom, self.zoom).rotate(self.rotation))
        self.view_changed.emit()

    # --- events ------------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.set_zoom(self.zoom * ZOOM_STEP**steps)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fit()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()
