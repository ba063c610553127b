"""The case history as a table: one row per reviewed case (``CaseStore.search`` results).

Times are shown in local time and sorted by their UTC value (``SORT_ROLE``); ``SUMMARY_ROLE``
gives the ``CaseSummary`` of a row. Only metadata is here: the masked name, never an identity.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from iauth_desktop.core.model.timefmt import format_local_time, to_db_text
from iauth_desktop.core.store.base import CaseSummary
from iauth_desktop.ui.labels import verdict_label
from iauth_desktop.ui.review.decision_labels import action_past_label, describe_decision

AnyIndex = QModelIndex | QPersistentModelIndex
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's CaseSummary
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts as the column should


class HistoryColumn(IntEnum):
    FETCHED_AT = 0
    TOKEN = 1
    NAME = 2
    VERDICT = 3
    DECISION = 4
    REVIEWER = 5
    EXPORTED = 6


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseSummary] = []

    def set_summaries(self, summaries: list[CaseSummary]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self.endResetModel()

    def summary(self, row: int) -> CaseSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def retranslate_ui(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HistoryColumn) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, len(HistoryColumn) - 1),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
            )

    # --- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HistoryColumn)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            HistoryColumn.FETCHED_AT: self.tr("Fetched at (local)"),
            HistoryColumn.TOKEN: self.tr("Token"),
            HistoryColumn.NAME: self.tr("Name (masked)"),
            HistoryColumn.VERDICT: self.tr("Verdict"),
            HistoryColumn.DECISION: self.tr("Latest decision"),
            HistoryColumn.REVIEWER: self.tr("Reviewer"),
            HistoryColumn.EXPORTED: self.tr("Exported"),
        }
        return headers.get(HistoryColumn(section)) if 0 <= section < len(HistoryColumn) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = HistoryColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == SORT_ROLE:
            return self._sort_key(item, column)
        if role == SUMMARY_ROLE:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        return None

    def _display(self, item: CaseSummary, column: HistoryColumn) -> str:
        decision = item.latest_decision
        texts = {
            HistoryColumn.FETCHED_AT: lambda: format_local_time(item.fetched_at),
            HistoryColumn.TOKEN: lambda: item.token,
            HistoryColumn.NAME: lambda: item.masked_name,
            HistoryColumn.VERDICT: lambda: verdict_label(item.verdict),
            HistoryColumn.DECISION: lambda: (
                describe_decision(decision) if decision else action_past_label(None)
            ),
            HistoryColumn.REVIEWER: lambda: decision.reviewer if decision else item.reviewer,
            HistoryColumn.EXPORTED: lambda: self.tr("yes") if item.export_path else "",
        }
        return texts[column]()

    def _sort_key(self, item: CaseSummary, column: HistoryColumn) -> str:
        if column == HistoryColumn.FETCHED_AT:
            return to_db_text(item.fetched_at)  # fixed width UTC text: sorts as time does
        return self._display(item, column).casefold()

    def _tooltip(self, item: CaseSummary, column: HistoryColumn) -> str | None:
        if column == HistoryColumn.EXPORTED and item.export_path is not None:
            return str(item.export_path)
        if column == HistoryColumn.DECISION and item.latest_decision is not None:
            return self.tr("Decided at {time}").format(
                time=format_local_time(item.latest_decision.decided_at)
            )
        if column == HistoryColumn.FETCHED_AT:
            return to_db_text(item.fetched_at)
        return None
