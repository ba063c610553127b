"""Masked ID card images: the number band, birth line and address covered solid, or withheld.

The geometry (where the card is, what to cover, when to refuse) is the core's
(``core.model.card_layout``); this paints it. The boxes are painted into a copy of the image's
pixels, so what a PDF embeds or a screen shows never holds the covered parts underneath.
Used by the report and by the console (which shows the original only after an audited Reveal).
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil, floor

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from iauth_desktop.core.model.card_layout import (
    COVERED_CAPTION,
    CardPlacement,
    GreyGrid,
    PlacementRefused,
    Rect,
    place_card,
)

GRID_WIDTH = 160  # the card is found in a copy this wide (fast in pure Python, precise to ~1%)
COVER = QColor(45, 45, 45)
COVER_TEXT = QColor(235, 235, 235)


@dataclass(frozen=True)
class MaskedCard:
    """``image`` is the covered copy, or None when the card could not be placed (``refused``
    says why: masked output then withholds the image)."""

    image: QImage | None
    placement: CardPlacement | None
    refused: PlacementRefused | None

    @property
    def caption(self) -> str:
        if self.refused is not None:
            return f"withheld: {self.refused.reason} 未显示：{self.refused.reason_zh}"
        return COVERED_CAPTION


def grey_grid(image: QImage, width: int = GRID_WIDTH) -> GreyGrid:
    """A small greyscale copy of ``image`` for ``place_card``."""
    small_width = max(1, min(width, image.width()))
    small_height = max(1, round(image.height() * small_width / max(1, image.width())))
    small = image.scaled(
        small_width,
        small_height,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    ).convertToFormat(QImage.Format.Format_Grayscale8)
    line = small.bytesPerLine()
    raw = bytes(small.constBits())[: line * small_height]
    pixels = b"".join(raw[y * line : y * line + small_width] for y in range(small_height))
    return GreyGrid(pixels, small_width, small_height, image.width(), image.height())


def mask_card_image(image: QImage) -> MaskedCard:
    """The portrait side with its number, birth line and address covered, or refused."""
    if image.isNull():
        return MaskedCard(None, None, PlacementRefused("no image", "没有图片"))
    placed = place_card(grey_grid(image))
    if isinstance(placed, PlacementRefused):
        return MaskedCard(None, None, placed)
    covered = image.convertToFormat(QImage.Format.Format_RGB32)  # a copy: the original stays
    painter = QPainter(covered)
    try:
        font = QFont()
        font.setPixelSize(max(8, round(placed.card.height * 0.045)))
        painter.setFont(font)
        for box, rect in placed.covered:
            area = _outwards(rect, covered)
            painter.fillRect(area, COVER)
            painter.setPen(COVER_TEXT)
            painter.drawText(
                QRectF(area).adjusted(4, 2, -4, -2),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"{box.label_zh} {box.label} — covered 已遮盖",
            )
    finally:
        painter.end()
    return MaskedCard(covered, placed, None)


def _outwards(rect: Rect, image: QImage) -> QRect:
    """The pixel rectangle holding ``rect``, clipped to the image."""
    left, top = max(0, floor(rect.left)), max(0, floor(rect.top))
    right = min(image.width(), ceil(rect.left + rect.width))
    bottom = min(image.height(), ceil(rect.top + rect.height))
    return QRect(left, top, max(0, right - left), max(0, bottom - top))
