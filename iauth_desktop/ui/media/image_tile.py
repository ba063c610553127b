"""One evidence image: scaled with its aspect kept, a caption, or a placeholder saying why not.

Double-click or Enter asks for the full viewer (``activated``). ``painted`` fires on the first
paint after each change, which is how the case view knows the image is really on screen. A tile
showing a masked image (the ID card's portrait side) has a Reveal button (``reveal_requested``;
the panel asks why and records it) and says what was covered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.theme import SPACING


class _Picture(QWidget):
    """Paints the pixmap scaled to fit (aspect kept), or the placeholder text in a dashed box."""

    painted = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.pixmap: QPixmap | None = None
        self.placeholder = ""
        self.fresh = False  # set on every change, reset by the first paint after it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(64, 48)  # four frames and three card images share a laptop's pane

    def sizeHint(self) -> QSize:
        return QSize(240, 152)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        area = self.rect().adjusted(2, 2, -2, -2)
        if self.pixmap is not None and not self.pixmap.isNull():
            size = self.pixmap.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(area.center())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(target, self.pixmap)
        elif self.placeholder:
            pen = QPen(self.palette().color(QPalette.ColorRole.Mid))
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(area)
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(area.adjusted(8, 8, -8, -8), int(flags), self.placeholder)
        else:
            painter.fillRect(area, QColor(0, 0, 0, 12))
        painter.end()
        if self.fresh:
            self.fresh = False
            self.painted.emit()


class ImageTile(Retranslating, QFrame):
    activated = Signal(str)  # field name
    painted = Signal(str)  # field name
    reveal_requested = Signal(str)  # field name: Reveal (or Hide) pressed on a masked image

    def __init__(
        self,
        field: str,
        parent: QWidget | None = None,
        *,
        label: Callable[[], str] | None = None,
    ) -> None:
        """``label`` gives the caption in the current language (default: the field's name)."""
        super().__init__(parent)
        self.field = field
        self.label = label or (lambda: field)
        self._image: QImage | None = None
        self._warning: str | None = None
        self._reason = ""
        self._masked: bool | None = None  # None: nothing to mask; True masked; False revealed
        self._mask_note = ""
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._picture = _Picture(self)
        self._picture.painted.connect(lambda: self.painted.emit(self.field))
        self._caption = QLabel(self)
        self._caption.setTextFormat(Qt.TextFormat.PlainText)
        self._caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING.snug, SPACING.snug, SPACING.snug, SPACING.snug)
        layout.setSpacing(SPACING.tight)
        self.reveal_button = QToolButton(self)
        self.reveal_button.setObjectName("revealImage")
        self.reveal_button.clicked.connect(lambda: self.reveal_requested.emit(self.field))
        self.reveal_button.hide()
        layout.addWidget(self._picture, 1)
        layout.addWidget(self._caption)
        layout.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.retranslate_ui()

    # --- content -----------------------------------------------------------------------------

    def set_image(self, image: QImage, warning: str | None = None) -> None:
        self._image = image
        self._warning = warning
        self._reason = ""
        self._picture.pixmap = QPixmap.fromImage(image)
        self._picture.placeholder = ""
        self._changed()

    def set_placeholder(self, reason: str) -> None:
        """No image: ``reason`` says why, in plain words."""
        self._image = None
        self._warning = None
        self._reason = reason
        self._picture.pixmap = None
        self._picture.placeholder = reason
        self._changed()

    def set_masked(self, masked: bool | None, note: str = "") -> None:
        """``masked`` True: what is shown is the masked form (``note`` says what was covered or
        why the image is withheld); False: revealed; None: not a masked medium."""
        self._masked = masked
        self._mask_note = note
        self.reveal_button.setVisible(masked is not None)
        self._update_caption()

    def masked(self) -> bool | None:
        return self._masked

    def clear(self) -> None:
        self._image = None
        self._warning = None
        self._reason = ""
        self._masked = None
        self._mask_note = ""
        self.reveal_button.hide()
        self._picture.pixmap = None
        self._picture.placeholder = ""
        self._changed()

    def image(self) -> QImage | None:
        return self._image

    def has_image(self) -> bool:
        return self._image is not None

    def placeholder_text(self) -> str:
        return self._reason

    def caption(self) -> str:
        return self._caption.text()

    def needs_paint(self) -> bool:
        """True until the current content has been painted once."""
        return self._picture.fresh

    def is_exposed(self) -> bool:
        return self._picture.isVisible() and not self._picture.visibleRegion().isEmpty()

    def _changed(self) -> None:
        self._picture.fresh = True
        self._update_caption()
        self._picture.update()

    # --- text --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self._update_caption()

    def _update_caption(self) -> None:
        caption = self.label()
        if self._image is not None:
            caption += f"  ({self._image.width()}×{self._image.height()})"
        if self._warning:
            caption += "  ⚠ " + self.tr("possibly damaged")
        if self._masked:
            # one short line: what was covered is said by the Reveal button's neighbour tooltip
            # and the accessible description; a long caption crowds a small tile
            caption += " · " + self.tr("masked")
        self._caption.setText(caption)
        self._caption.setToolTip(self._mask_note if self._masked else "")
        self.reveal_button.setText(self.tr("Reveal") if self._masked else self.tr("Hide"))
        self.reveal_button.setToolTip(
            self.tr("Show the whole card image (asks why; recorded in the audit log)")
            if self._masked
            else self.tr("Cover the number, birth date and address again")
        )
        # only our own texts go into the tooltip: Qt would render a service value as rich text
        tip = self.tr("Double-click or press Enter to open the viewer.") if self._image else ""
        if self._warning:
            tip += "\n" + self._warning
        self.setToolTip(tip)
        if self._masked and self._mask_note:
            tip = (tip + "\n" if tip else "") + self._mask_note
        self.setToolTip(tip)
        self._picture.setAccessibleDescription(
            self._reason or self._warning or (self._mask_note if self._masked else "")
        )
        self.setAccessibleName(caption)

    # --- interaction -------------------------------------------------------------------------

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._image is not None and event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.field)
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._image is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated.emit(self.field)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.setStyleSheet("ImageTile { border: 2px solid palette(highlight); }")
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.setStyleSheet("")
        super().focusOutEvent(event)
