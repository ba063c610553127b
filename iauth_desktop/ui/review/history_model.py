"""The case history as a table: one row per reviewed case (``CaseStore.search`` results).

Times are shown in local time and sorted by their UTC value (``SORT_ROLE``); ``SUMMARY_ROLE``
gives the ``CaseSummary`` of a row. Only metadata is here: the masked name, never an identity.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from iauth_desktop.core.model.timefmt import format_local_time, to_db_text
from iauth_desktop.core.store.base import CaseSummary
from iauth_desktop.ui.labels import verdict_label
from iauth_desktop.ui.review.decision_labels import action_past_label, describe_decision
from iauth_desktop.ui.review.rows_model import AnyIndex, RowsModel

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


class HistoryModel(RowsModel[CaseSummary]):
    columns = HistoryColumn

    def set_summaries(self, summaries: list[CaseSummary]) -> None:
        self._set_rows(summaries)

    def summary(self, row: int) -> CaseSummary | None:
        return self.row_at(row)

    def headers(self) -> dict[Any, str]:
        return {
            HistoryColumn.FETCHED_AT: self.tr("Fetched at (local)"),
            HistoryColumn.TOKEN: self.tr("Token"),
            HistoryColumn.NAME: self.tr("Name (masked)"),
            HistoryColumn.VERDICT: self.tr("Verdict"),
            HistoryColumn.DECISION: self.tr("Latest decision"),
            HistoryColumn.REVIEWER: self.tr("Reviewer"),
            HistoryColumn.EXPORTED: self.tr("Exported"),
        }

    # --- QAbstractTableModel -------------------------------------------------------------------

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
