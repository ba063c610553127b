"""Fonts, colours and the shared building blocks (headings, key/value tables) of the report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QFont

from iauth_desktop.report.fonts import report_font
from iauth_desktop.report.layout import BLACK, GREY, Cell, PageFlow

RED = QColor(180, 0, 0)
GREEN = QColor(0, 120, 40)
AMBER = QColor(160, 100, 0)
STATUS_COLORS = {"passed": GREEN, "failed": RED, "incomplete": AMBER}
CHECK_COLORS = {"ok": GREEN, "warning": RED, "unknown": AMBER}
KEY_WIDTH_MM = 48.0


@dataclass(frozen=True)
class Fonts:
    title: QFont = field(default_factory=lambda: report_font(15, bold=True))
    heading: QFont = field(default_factory=lambda: report_font(11, bold=True))
    strong: QFont = field(default_factory=lambda: report_font(8.5, bold=True))
    body: QFont = field(default_factory=lambda: report_font(8.5))
    small: QFont = field(default_factory=lambda: report_font(7.5))
    verdict: QFont = field(default_factory=lambda: report_font(13, bold=True))


class Writer:
    """The report's vocabulary on top of a PageFlow."""

    def __init__(self, flow: PageFlow, fonts: Fonts) -> None:
        self.flow = flow
        self.fonts = fonts
        self.content_mm = flow.width * 25.4 / flow.dpi

    def heading(self, text: str, keep_mm: float = 22) -> None:
        """A section title, kept on one page with ``keep_mm`` of what follows it."""
        self.flow.ensure(self.flow.mm(keep_mm))
        self.flow.space(4)
        self.flow.text(text, self.fonts.heading)
        self.flow.space(0.8)
        self.flow.rule(GREY)
        self.flow.space(1.2)

    def paragraph(self, text: str, color: QColor = BLACK, *, small: bool = False) -> None:
        self.flow.text(text, self.fonts.small if small else self.fonts.body, color)
        self.flow.space(1)

    def key_values(self, rows: Sequence[tuple[str, str]], color: QColor = BLACK) -> None:
        widths = (KEY_WIDTH_MM, self.content_mm - KEY_WIDTH_MM)
        for key, value in rows:
            cells = (Cell(key, self.fonts.strong), Cell(value, self.fonts.body, color))
            if not self.flow.row(cells, widths):
                self.flow.text(key, self.fonts.strong)
                self.flow.text(value, self.fonts.body, color, indent_mm=4)
                self.flow.space(1)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        widths_mm: Sequence[float],
    ) -> None:
        """Rows kept whole; the header comes again on each new page the table reaches."""
        header_cells = [Cell(text, self.fonts.strong) for text in header]
        self.flow.ensure(self.flow.mm(12))
        self.flow.row(header_cells, widths_mm, shaded=True)
        for cells in rows:
            pages = len(self.flow.pages)
            if self.flow.row(cells, widths_mm):
                if len(self.flow.pages) > pages:  # the row moved to a new page: repeat header
                    self._repeat_header(header_cells, cells, widths_mm)
                continue
            for cell in cells:  # taller than a page: as paragraphs instead
                self.flow.text(cell.text, cell.font, cell.color)
            self.flow.space(1)

    def _repeat_header(
        self, header: Sequence[Cell], cells: Sequence[Cell], widths: Sequence[float]
    ) -> None:
        # Undo the row just placed on the fresh page, put the header first, then the row again.
        self.flow.pages[-1].clear()
        self.flow.y = 0.0
        self.flow.row(header, widths, shaded=True)
        self.flow.row(cells, widths)

    def cell(self, text: str, color: QColor = BLACK, *, small: bool = False) -> Cell:
        return Cell(text, self.fonts.small if small else self.fonts.body, color)
