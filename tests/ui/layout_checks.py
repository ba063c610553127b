"""What "fits" means for the console's layout (issue #17), measured against what each widget
really has on screen — a viewport, a cell, a label's own rectangle — so hiding a scroll bar or
clipping a label cannot pass. Used at 100 % and, in a child process, at 150 % scaling."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QScrollArea, QWidget

from iauth_desktop.ui.case.fields_model import FieldColumn
from iauth_desktop.ui.case.fields_view import FieldsTable
from iauth_desktop.ui.shell.main_window import MainWindow


def shown(widget: QWidget) -> bool:
    """Visible to the reviewer: shown, with its parents, and not zero-sized."""
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def scroll_area_of(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    assert isinstance(parent, QScrollArea), "not in a scroll area"
    return parent


def content_overflow(widget: QWidget) -> tuple[int, int]:
    """How much more width and height ``widget`` needs than its scroll area's viewport gives
    (0, 0 when it fits) — its own minimum and height-for-width, not the scroll bars' state."""
    viewport = scroll_area_of(widget).viewport().size()
    need_width = widget.minimumSizeHint().width()
    need_height = (
        widget.heightForWidth(viewport.width())
        if widget.hasHeightForWidth()
        else widget.sizeHint().height()
    )
    return max(0, need_width - viewport.width()), max(0, need_height - viewport.height())


def label_cut(label: QLabel) -> bool:
    """The label's text needs more room than the label has (a word wider than a wrapping label,
    more lines than it is tall, or a one-line label too narrow)."""
    text = label.text()
    if not text or label.textFormat() == Qt.TextFormat.RichText or label.pixmap() is not None:
        return False
    room = label.contentsRect().adjusted(0, 0, -label.margin() * 2, -label.margin() * 2)
    metrics = QFontMetrics(label.font())
    flags = int(Qt.TextFlag.TextWordWrap) if label.wordWrap() else 0
    need = metrics.boundingRect(QRect(0, 0, max(room.width(), 1), 1 << 20), flags, text)
    return need.width() > room.width() + 1 or need.height() > room.height() + 1


def cut_labels_without_tooltip(window: MainWindow) -> list[str]:
    """Every label on screen whose text is cut and that has no tooltip to read it in full."""
    found = []
    for label in window.findChildren(QLabel):
        if shown(label) and label_cut(label) and not label.toolTip():
            found.append(f"{label.objectName() or type(label.parent()).__name__}: {label.text()!r}")
    return found


def cut_cells_without_their_text(table: FieldsTable) -> list[str]:
    """Cells of the fields table whose value is cut and whose tooltip does not hold it."""
    model = table.fields_model()
    found = []
    for row in range(model.rowCount()):
        for column in FieldColumn:
            index = model.index(row, column)
            if table.isColumnHidden(column) or not table.visualRect(index).isValid():
                continue
            if table.cut(index):
                text = str(index.data(Qt.ItemDataRole.DisplayRole))
                tip = table.tooltip_at(index) or ""
                if text.replace("&", "&amp;").replace("<", "&lt;") not in tip:
                    found.append(f"row {row} column {column.name}: {text!r}")
    return found


def columns_overflow(view: QAbstractScrollArea, widths: list[int]) -> int:
    """How many pixels the columns need beyond the view's viewport."""
    return max(0, sum(widths) - view.viewport().width())


def outside_the_window(window: MainWindow, widget: QWidget) -> bool:
    """Any part of ``widget`` lies outside the window or is clipped by a parent."""
    visible = widget.visibleRegion().boundingRect()
    return visible.size() != widget.size() or not window.rect().contains(
        QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    )
