"""A small page-flow engine over QPainter: text, table rows and image rows placed top to bottom.

Layout happens first and records, per page, what to draw; painting comes after, once the page
count is known ("page N of M"). Text is laid out with ``QTextLayout`` from plain strings — never
markup — wrapping at word boundaries, or anywhere for tokens and hashes that have none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextLine,
    QTextOption,
)

DrawOp = Callable[[QPainter], None]
BLACK = QColor(20, 20, 20)
GREY = QColor(110, 110, 110)
RULE = QColor(190, 190, 190)
SHADE = QColor(238, 238, 238)


@dataclass(frozen=True)
class Cell:
    text: str
    font: QFont
    color: QColor = field(default_factory=lambda: QColor(BLACK))


@dataclass(frozen=True)
class Picture:
    """An image drawn ``width_mm`` wide at its own pixel size (the PDF keeps every pixel), or a
    framed note in its place when there is no image."""

    image: QImage | None
    caption: str
    width_mm: float
    note: str = ""
    aspect: float = 0.75  # height / width of the empty frame when there is no image


class TextBlock:
    """``text`` wrapped to ``width``: its lines, each drawable on its own (pages split them)."""

    def __init__(self, text: str, font: QFont, width: float, device: QPaintDevice) -> None:
        self._layout = QTextLayout(text, font, device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._layout.setTextOption(option)
        self.lines: list[QTextLine] = []
        self._layout.beginLayout()
        while True:
            line = self._layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, 0))  # each line is drawn at its own place
            self.lines.append(line)
        self._layout.endLayout()

    @property
    def height(self) -> float:
        return sum(line.height() for line in self.lines)

    def draw_op(self, line: QTextLine, x: float, y: float, color: QColor) -> DrawOp:
        layout = self._layout  # the lines live as long as their layout

        def draw(painter: QPainter) -> None:
            assert layout is not None
            painter.setPen(color)
            line.draw(painter, QPointF(x, y))

        return draw


class PageFlow:
    """Places content on A4 pages of ``device`` (a QPdfWriter), leaving ``footer_mm`` free."""

    def __init__(self, device: QPdfWriter, footer_mm: float = 10.0) -> None:
        self.device = device
        self.dpi = device.resolution()
        rect = device.pageLayout().paintRectPixels(self.dpi)
        self.width = float(rect.width())
        self.full_height = float(rect.height())
        self.body_height = self.full_height - self.mm(footer_mm)
        self.pages: list[list[DrawOp]] = [[]]
        self.y = 0.0
        self.texts: list[str] = []  # every text laid out (the report checks its font covers it)

    # --- units and pages -------------------------------------------------------------------

    def mm(self, value: float) -> float:
        return float(value * self.dpi / 25.4)

    def add(self, op: DrawOp) -> None:
        self.pages[-1].append(op)

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 0.0

    def space(self, mm: float) -> None:
        self.y = min(self.y + self.mm(mm), self.body_height)

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` still fits on this one (or the page is empty)."""
        if self.y > 0 and self.y + height > self.body_height:
            self.new_page()

    # --- content ---------------------------------------------------------------------------

    def text(self, text: str, font: QFont, color: QColor = BLACK, indent_mm: float = 0) -> None:
        """A paragraph; it may continue on the next page between lines."""
        x = self.mm(indent_mm)
        self.texts.append(text)
        block = TextBlock(text, font, self.width - x, self.device)
        for line in block.lines:
            self.ensure(line.height())
            self.add(block.draw_op(line, x, self.y, color))
            self.y += line.height()

    def rule(self, color: QColor = RULE) -> None:
        y = self.y

        def draw(painter: QPainter) -> None:
            painter.setPen(QPen(color, self.mm(0.25)))
            painter.drawLine(QPointF(0, y), QPointF(self.width, y))

        self.add(draw)

    def row(
        self, cells: Sequence[Cell], widths_mm: Sequence[float], *, shaded: bool = False
    ) -> bool:
        """A table row, kept whole on one page; False (nothing placed) if it is taller than a
        page, so the caller can fall back to paragraphs."""
        pad = self.mm(1.0)
        widths = [self.mm(w) for w in widths_mm]
        self.texts.extend(c.text for c in cells)
        blocks = [
            TextBlock(c.text, c.font, w - 2 * pad, self.device)
            for c, w in zip(cells, widths, strict=True)
        ]
        height = max(b.height for b in blocks) + 2 * pad
        if height > self.body_height:
            return False
        self.ensure(height)
        top, x = self.y, 0.0
        total = sum(widths)
        self.add(_row_frame(top, total, height, shaded, self.mm(0.2)))
        for cell, block, width in zip(cells, blocks, widths, strict=True):
            line_y = top + pad
            for line in block.lines:
                self.add(block.draw_op(line, x + pad, line_y, cell.color))
                line_y += line.height()
            x += width
        self.y += height
        return True

    def pictures(self, items: Sequence[Picture], caption_font: QFont, gap_mm: float) -> None:
        """Images side by side, captions below; the row stays together on one page."""
        heights = [self.mm(p.width_mm) * _aspect(p) for p in items]
        self.texts.extend(p.caption + p.note for p in items)
        captions = [
            TextBlock(p.caption, caption_font, self.mm(p.width_mm), self.device) for p in items
        ]
        total = max(heights) + self.mm(1) + max(c.height for c in captions)
        self.ensure(total)
        x, top = 0.0, self.y
        for item, height, caption in zip(items, heights, captions, strict=True):
            rect = QRectF(x, top, self.mm(item.width_mm), height)
            self.add(_picture_op(item, rect, caption_font))
            line_y = top + max(heights) + self.mm(1)
            for line in caption.lines:
                self.add(caption.draw_op(line, x, line_y, GREY))
                line_y += line.height()
            x += self.mm(item.width_mm + gap_mm)
        self.y += total

    def paint(
        self, painter: QPainter, page_decoration: Callable[[QPainter, int, int], None]
    ) -> None:
        """Draw every page on the device (``page_decoration(painter, number, count)`` adds the
        header and footer); the painter must be active on ``device``."""
        count = len(self.pages)
        for number, ops in enumerate(self.pages, start=1):
            if number > 1:
                self.device.newPage()
            for op in ops:
                painter.save()
                op(painter)
                painter.restore()
            painter.save()
            page_decoration(painter, number, count)
            painter.restore()


def _aspect(picture: Picture) -> float:
    image = picture.image
    if image is None or image.isNull() or image.width() == 0:
        return picture.aspect
    return image.height() / image.width()


def _row_frame(top: float, width: float, height: float, shaded: bool, pen_width: float) -> DrawOp:
    def draw(painter: QPainter) -> None:
        rect = QRectF(0, top, width, height)
        if shaded:
            painter.fillRect(rect, SHADE)
        painter.setPen(QPen(RULE, pen_width))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

    return draw


def _picture_op(item: Picture, rect: QRectF, font: QFont) -> DrawOp:
    def draw(painter: QPainter) -> None:
        if item.image is not None and not item.image.isNull():
            # The whole image into the target rectangle: QPdfWriter embeds the QImage's own
            # pixels and scales it in the page's coordinate system.
            painter.drawImage(rect, item.image)
            return
        painter.setPen(QPen(RULE, 2))
        painter.drawRect(rect)
        painter.setPen(GREY)
        painter.setFont(font)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(rect.adjusted(8, 8, -8, -8), int(flags), item.note)

    return draw
