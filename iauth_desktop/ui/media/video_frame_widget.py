"""The picture of the video: the last frame from the ``QVideoSink``, painted by us.

``QVideoWidget`` renders through the platform's graphics stack and grabs blank offscreen (screenshot
mode, tests), so frames arrive as ``QImage`` and are drawn here, scaled with their aspect ratio
kept. Without a frame the widget shows a short plain-text label instead (no video, loading,
the reason a video could not be played).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from iauth_desktop.ui.theme import SPACING

_BACKGROUND = QColor(24, 24, 24)
_MESSAGE_COLOUR = QColor(235, 235, 235)


class VideoFrameWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._message = ""
        self.setObjectName("videoFrame")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(240, 180))
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAutoFillBackground(False)
        # The message is a real label (screen readers, findChildren in tests), plain text only.
        self._label = QLabel(self)
        self._label.setObjectName("videoMessage")
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._label.setWordWrap(True)
        palette = self._label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, _MESSAGE_COLOUR)
        self._label.setPalette(palette)
        self._label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING.wide, SPACING.wide, SPACING.wide, SPACING.wide)
        layout.addWidget(self._label)

    def sizeHint(self) -> QSize:
        return QSize(400, 300)

    def image(self) -> QImage | None:
        """The frame this widget shows (and paints on its next paint), or None."""
        return self._image

    def message(self) -> str:
        """The text shown in place of a frame ("" when a frame is shown)."""
        return self._message

    def set_image(self, image: QImage | None) -> None:
        self._image = image if image is not None and not image.isNull() else None
        if self._image is not None:
            self._show_message("")
        self.update()

    def set_message(self, text: str) -> None:
        """Show ``text`` instead of any frame (the frame is dropped)."""
        self._image = None
        self._show_message(text)
        self.update()

    def _show_message(self, text: str) -> None:
        self._message = text
        self._label.setText(text)
        self._label.setVisible(bool(text))

    def target_rect(self) -> QRect:
        """Where the frame lands: centred, as large as fits, aspect ratio kept."""
        if self._image is None:
            return QRect()
        size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        left = (self.width() - size.width()) // 2
        top = (self.height() - size.height()) // 2
        return QRect(left, top, size.width(), size.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), _BACKGROUND)
        if self._image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.target_rect(), self._image)
        painter.end()
