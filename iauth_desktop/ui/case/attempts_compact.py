"""The liveness attempts as the attempts pane shows them: three columns that fit a laptop's pane.

``AttemptsModel`` has a column per datum (eight), which a 1366×768 window's fields pane (~340 px)
could only show by scrolling sideways, the codes' meanings cut. Here each attempt is one row of
three wrapped columns: its number; when and how (the liveness mode); its three codes, each on a
line of its own with its Chinese meaning, then its similarity and whether it was billed. Every
datum of the full model is shown; the tooltips add the English meanings and the service's words.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from iauth_desktop.ui.case.attempts_model import (
    ATTEMPT_ROLE,
    CODE_COLUMNS,
    AttemptColumn,
    AttemptsModel,
)

AnyIndex = QModelIndex | QPersistentModelIndex


class CompactColumn(IntEnum):
    NUMBER = 0
    ATTEMPT = 1  # time and liveness mode
    CODES = 2  # result, liveness and compare codes; similarity and billing


class CompactAttemptsModel(QAbstractTableModel):
    """A read-only view of ``source`` (an ``AttemptsModel``) in ``CompactColumn`` columns."""

    def __init__(self, source: AttemptsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self.endResetModel)

    def retranslate(self) -> None:
        """Say everything again in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(CompactColumn) - 1)
        if self.rowCount():
            last = self.index(self.rowCount() - 1, len(CompactColumn) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._source.rowCount()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CompactColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("#"), self.tr("Attempt"), self.tr("Codes"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row = index.row()
        if role == ATTEMPT_ROLE:
            return self._cell(row, AttemptColumn.NUMBER, ATTEMPT_ROLE)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = CompactColumn(index.column())
        if column is CompactColumn.NUMBER:
            return self._cell(row, AttemptColumn.NUMBER)
        if column is CompactColumn.ATTEMPT:
            return self._attempt(row)
        return self._codes(row, role)

    def _cell(
        self, row: int, column: AttemptColumn, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return self._source.index(row, column).data(role)

    def _attempt(self, row: int) -> str:
        time, mode = self._cell(row, AttemptColumn.TIME), self._cell(row, AttemptColumn.MODE)
        return f"{time}\n{mode}"

    def _codes(self, row: int, role: int) -> str:
        labels = (self.tr("Result: %1"), self.tr("Liveness: %1"), self.tr("Compare: %1"))
        lines = [
            label.replace("%1", str(self._cell(row, column, role)))
            for label, column in zip(labels, CODE_COLUMNS, strict=True)
        ]
        similarity = self.tr("similarity %1").replace(
            "%1", str(self._cell(row, AttemptColumn.SIMILARITY))
        )
        lines.append(f"{similarity} · {self._cell(row, AttemptColumn.BILLED)}")
        return "\n".join(lines)
