"""A scroll area that gives its widget the whole viewport and scrolls only below the widget's
minimum size: the evidence images shrink to the space they get instead of asking for their
preferred height (wrapped captions would otherwise make the panel scroll at common sizes)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class FitArea(QScrollArea):
    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(widget)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the images in it
        widget.installEventFilter(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return False

    def fit(self) -> None:
        widget = self.widget()
        if widget is None:
            return
        minimum = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        viewport = self.viewport().size()
        width = max(viewport.width(), minimum.width())
        height = max(viewport.height(), minimum.height())
        if widget.size().width() != width or widget.size().height() != height:
            widget.resize(width, height)
