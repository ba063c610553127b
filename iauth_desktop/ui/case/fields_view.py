"""The fields table: Reveal/Hide per field, Copy of the value as shown (Ctrl+C).

Revealing and copying a revealed value are audit events: recorded with the field key, never the
value (the model's ``AuditHooks``, and the ``iauth_desktop.audit`` logger).
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QHelpEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyle,
    QTableView,
    QToolTip,
    QWidget,
)

from iauth_desktop.ui.case.fields_model import FieldColumn, FieldRole, FieldsModel
from iauth_desktop.ui.i18n import Retranslating

_audit = logging.getLogger("iauth_desktop.audit")
MANY_ROWS = 200  # beyond this, rows are not measured one by one


class FieldsTable(Retranslating, QTableView):
    def __init__(self, parent: QWidget | None = None, model: FieldsModel | None = None) -> None:
        super().__init__(parent)
        self._model = model or FieldsModel(self)
        self._wanted: dict[FieldColumn, int] = {}  # the names' and keys' measured widths
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)

        self.reveal_action = QAction(self)
        self.reveal_action.setShortcut(QKeySequence("Ctrl+R"))
        self.reveal_action.triggered.connect(self.toggle_reveal)
        self.copy_action = QAction(self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.triggered.connect(self.copy_value)
        self.copy_key_action = QAction(self)
        self.copy_key_action.triggered.connect(self.copy_key)
        # the key column (the service's own field names) can be hidden for more room
        self.show_keys_action = QAction(self)
        self.show_keys_action.setCheckable(True)
        self.show_keys_action.setChecked(True)
        self.show_keys_action.toggled.connect(
            lambda shown: self.setColumnHidden(FieldColumn.KEY, not shown)
        )
        for action in (self.reveal_action, self.copy_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.setModel(self._model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(FieldColumn.LABEL, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FieldColumn.VALUE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FieldColumn.KEY, QHeaderView.ResizeMode.Interactive)
        self._model.modelReset.connect(self._update_actions)
        # fixed sizes before a reset, measured again after it for a small case only
        self._model.modelAboutToBeReset.connect(lambda: self._measure_rows(False))
        self._model.modelReset.connect(self._span_headers)
        self._model.dataChanged.connect(self._update_actions)
        self.retranslate_ui()
        self._update_actions()

    def fields_model(self) -> FieldsModel:
        return self._model

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Identity fields"))
        self.show_keys_action.setText(self.tr("Show the fields' &keys"))
        self.copy_action.setText(self.tr("Copy value"))
        self.copy_key_action.setText(self.tr("Copy key"))
        self._model.retranslate_ui()
        self._update_actions()
        if self._model.rowCount():
            self._measure_columns()  # the names are other words now

    # --- actions -----------------------------------------------------------------------------

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def toggle_reveal(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        if self._model.index(row, FieldColumn.VALUE).data(FieldRole.MASKED):
            self._model.reveal(row)
        else:
            self._model.hide(row)

    def copy_value(self) -> None:
        """Copy what the value cell shows: masked text for a masked field."""
        row = self.current_row()
        if row < 0 or self._model.index(row, 0).data(FieldRole.SECTION) == "header":
            return
        index = self._model.index(row, FieldColumn.VALUE)
        if index.data(FieldRole.MASKABLE) and not index.data(FieldRole.MASKED):
            audit = self._model.audit
            if audit is not None and not audit.copied(str(index.data(FieldRole.KEY))):
                return  # a revealed value leaves only with its audit entry
            _audit.info("copy revealed field=%s", index.data(FieldRole.KEY))
        # a shortened value is copied whole; a masked one as shown
        full = index.data(FieldRole.UNMASKED_VALUE)
        text = full if isinstance(full, str) else index.data(Qt.ItemDataRole.DisplayRole)
        QGuiApplication.clipboard().setText(str(text or ""))

    def copy_key(self) -> None:
        key = self._model.index(max(self.current_row(), 0), 0).data(FieldRole.KEY)
        if self.current_row() >= 0 and key:
            QGuiApplication.clipboard().setText(str(key))

    def _update_actions(self, *_args: object) -> None:
        index = self._model.index(self.current_row(), FieldColumn.VALUE)
        maskable = bool(index.isValid() and index.data(FieldRole.MASKABLE))
        masked = bool(index.data(FieldRole.MASKED)) if maskable else True
        self.reveal_action.setEnabled(maskable)
        self.reveal_action.setText(self.tr("Reveal") if masked else self.tr("Hide"))
        self.reveal_action.setToolTip(
            self.tr("Show the selected masked value in full (asks why; recorded) — Ctrl+R")
            if masked
            else self.tr("Mask the selected value again — Ctrl+R")
        )
        selectable = index.isValid() and index.data(FieldRole.SECTION) != "header"
        self.copy_action.setEnabled(selectable)
        self.copy_key_action.setEnabled(selectable)

    def context_menu(self, pos: QPoint) -> QMenu | None:
        """Reveal/Hide and Copy for the row under ``pos`` (viewport coordinates)."""
        index = self.indexAt(pos)
        if not index.isValid() or index.data(FieldRole.SECTION) == "header":
            return None
        self.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.reveal_action)
        menu.addSeparator()
        menu.addAction(self.copy_action)
        menu.addAction(self.copy_key_action)
        menu.addSeparator()
        menu.addAction(self.show_keys_action)
        menu.aboutToHide.connect(menu.deleteLater)
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        menu = self.context_menu(pos)
        if menu is not None:
            menu.popup(self.viewport().mapToGlobal(pos))

    def clear(self) -> None:
        self._model.clear()

    def _span_headers(self) -> None:
        """Section header rows read across the whole table; with many rows, fixed row heights
        and column widths, so the view lays out only what is visible (10⁵ extra fields once
        took 36 s to show, measuring every row)."""
        self.clearSpans()
        if self._model.rowCount() <= MANY_ROWS:
            self._measure_rows(True)
        for row in self._model.header_rows():
            self.setSpan(row, 0, 1, len(FieldColumn))
        self._measure_columns()

    def _measure_rows(self, measure: bool) -> None:
        """Rows sized to their contents, or fixed (cheap); the columns by ``_fit_columns``."""
        fixed = QHeaderView.ResizeMode.Fixed
        fit = QHeaderView.ResizeMode.ResizeToContents
        self.verticalHeader().setSectionResizeMode(fit if measure else fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(FieldColumn.LABEL, QHeaderView.ResizeMode.Interactive)
        if self.wordWrap() != measure:
            self.setWordWrap(measure)

    # --- values that do not fit ----------------------------------------------------------------

    def cut(self, index: QModelIndex) -> bool:
        """Whether the cell cannot show all of its text (elided by the delegate): a word longer
        than the column, or more lines than the row holds."""
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = self.visualRect(index)
        if not text or rect.isEmpty():
            return False
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        room = rect.adjusted(margin, 0, -margin, 0)
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font if isinstance(font, QFont) else self.font())
        flags = int(Qt.TextFlag.TextWordWrap) if self.wordWrap() else 0
        need = metrics.boundingRect(QRect(0, 0, room.width(), 1 << 20), flags, text)
        return need.width() > room.width() or need.height() > room.height()

    def tooltip_at(self, index: QModelIndex) -> str | None:
        """A cut value's whole text as shown (a masked value stays masked: Reveal shows it in
        full), with what the model says about it; escaped, so a value is never markup."""
        note = index.data(Qt.ItemDataRole.ToolTipRole)
        if not self.cut(index):
            return None if note is None else str(note)
        shown = html.escape(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        tip = f"<qt>{shown}"
        if note:
            tip += f"<br/><i>{html.escape(str(note))}</i>"
        return tip + "</qt>"

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            index = self.indexAt(event.pos())
            tip = self.tooltip_at(index) if index.isValid() else None
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport(), self.visualRect(index))
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _measure_columns(self) -> None:
        """The names' and keys' widths, measured once per case (and language), not on every
        resize. A table of very many rows is not measured (see ``_span_headers``)."""
        header = self.horizontalHeader()
        many = self._model.rowCount() > MANY_ROWS
        self._wanted = {
            column: header.sectionSizeHint(column)
            if many
            else max(self.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in (FieldColumn.LABEL, FieldColumn.KEY)
        }
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The fields' names take at most 30 % of the width, the service's keys a quarter: the
        values come first (a longer name or key is cut, and says so in its tooltip)."""
        header = self.horizontalHeader()
        width = self.viewport().width()
        for column, share in ((FieldColumn.LABEL, 0.3), (FieldColumn.KEY, 0.25)):
            wanted = self._wanted.get(column, header.sectionSizeHint(column))
            header.resizeSection(column, min(wanted, int(width * share)))

    def select_row(self, row: int) -> None:
        self.setCurrentIndex(self._model.index(row, FieldColumn.VALUE))

    def currentChanged(
        self,
        current: QModelIndex | QPersistentModelIndex,
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().currentChanged(current, previous)
        self._update_actions()
