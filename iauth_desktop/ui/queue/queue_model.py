"""The review queue as a table: one row per queued case, whichever provider it comes from.

``set_items`` replaces every row (``beginResetModel``) with what a worker read from the store;
``tick`` re-words the time columns as the clock moves (role-scoped ``dataChanged``). The proxy
filters by state and text and sorts by ``SORT_ROLE``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QObject,
    QSortFilterProxyModel,
    Qt,
)

from iauth_desktop.core.model.queue import QueueItem, QueueState
from iauth_desktop.core.model.timefmt import format_local_time, to_db_text, utc_now
from iauth_desktop.ui.labels import verdict_label
from iauth_desktop.ui.queue.queue_labels import (
    since_moment,
    since_text,
    state_label,
    time_left_colour,
    time_left_text,
    time_left_tip,
)
from iauth_desktop.ui.review.rows_model import AnyIndex, RowsModel

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's QueueItem
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts as the column should
_STATE_ORDER = {state: n for n, state in enumerate(QueueState)}


class QueueColumn(IntEnum):
    STATE = 0
    TIME_LEFT = 1
    VERDICT = 2
    NAME = 3
    PROFILE = 4
    HOLDER = 5
    SINCE = 6
    TOKEN = 7


class QueueTableModel(RowsModel[QueueItem]):
    columns = QueueColumn

    def __init__(
        self, parent: QObject | None = None, *, clock: Callable[[], datetime] = utc_now
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._now = clock()

    def set_items(self, items: Sequence[QueueItem]) -> None:
        self._now = self._clock()
        self._set_rows(items)

    def items(self) -> list[QueueItem]:
        return list(self._rows)

    def item(self, row: int) -> QueueItem | None:
        return self.row_at(row)

    def tick(self) -> None:
        """The clock moved: the time columns say it again."""
        self._now = self._clock()
        if self._rows:
            for column in (QueueColumn.TIME_LEFT, QueueColumn.SINCE):
                self.dataChanged.emit(
                    self.index(0, column),
                    self.index(len(self._rows) - 1, column),
                    [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole],
                )

    def headers(self) -> dict[Any, str]:
        return {
            QueueColumn.STATE: self.tr("State"),
            QueueColumn.TIME_LEFT: self.tr("Time left (estimate)"),
            QueueColumn.VERDICT: self.tr("Verdict"),
            QueueColumn.NAME: self.tr("Name (masked)"),
            QueueColumn.PROFILE: self.tr("Profile · provider"),
            QueueColumn.HOLDER: self.tr("Held by"),
            QueueColumn.SINCE: self.tr("Since"),
            QueueColumn.TOKEN: self.tr("Token"),
        }

    # --- QAbstractTableModel -------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = QueueColumn(index.column())
        if role == ITEM_ROLE:
            return item
        handlers = {
            Qt.ItemDataRole.DisplayRole: self._text,
            SORT_ROLE: self._sort_key,
            Qt.ItemDataRole.ToolTipRole: self._tip,
        }
        handler = handlers.get(role)  # type: ignore[call-overload]
        if handler is not None:
            return handler(item, column)
        if role == Qt.ItemDataRole.ForegroundRole and column is QueueColumn.TIME_LEFT:
            return time_left_colour(item, self._now)
        return None

    def _text(self, item: QueueItem, column: QueueColumn) -> str:
        texts = {
            QueueColumn.STATE: lambda: state_label(item.state),
            QueueColumn.TIME_LEFT: lambda: time_left_text(item, self._now),
            QueueColumn.VERDICT: lambda: (
                verdict_label(item.verdict) if item.verdict else self.tr("not triaged")
            ),
            QueueColumn.NAME: lambda: item.masked_name,
            QueueColumn.PROFILE: lambda: self._profile_text(item),
            QueueColumn.HOLDER: lambda: item.holder or "",
            QueueColumn.SINCE: lambda: since_text(since_moment(item), self._now),
            QueueColumn.TOKEN: lambda: item.token,
        }
        return texts[column]()

    def _profile_text(self, item: QueueItem) -> str:
        profile = item.profile_name or item.endpoint or self.tr("environment")
        return f"{profile} · {item.provider}"

    def _sort_key(self, item: QueueItem, column: QueueColumn) -> Any:
        if column is QueueColumn.STATE:
            return _STATE_ORDER[item.state]
        if column is QueueColumn.TIME_LEFT:
            return to_db_text(item.expires_at)
        if column is QueueColumn.SINCE:
            return to_db_text(since_moment(item))
        return self._text(item, column)

    def _tip(self, item: QueueItem, column: QueueColumn) -> str | None:
        if column is QueueColumn.TIME_LEFT:
            return time_left_tip(item) + "\n" + format_local_time(item.expires_at)
        if column is QueueColumn.STATE and item.error:
            return item.error
        if column is QueueColumn.SINCE:
            return format_local_time(since_moment(item))
        return None


class QueueFilterModel(QSortFilterProxyModel):
    """Shows the rows of the chosen states whose text holds the filter text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._states: frozenset[QueueState] | None = None
        self._inbox_for: str | None = None
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_states(self, states: frozenset[QueueState] | None) -> None:
        """None: every state."""
        self.beginFilterChange()
        self._states, self._inbox_for = states, None
        self.endFilterChange()

    def set_inbox(self, reviewer: str) -> None:
        """The confirmation inbox: cases awaiting a second look that ``reviewer`` did not
        decide and nobody holds."""
        self.beginFilterChange()
        self._states, self._inbox_for = None, reviewer
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        item = model.data(model.index(source_row, 0, source_parent), ITEM_ROLE)
        if self._states is not None and (item is None or item.state not in self._states):
            return False
        if self._inbox_for is not None and (item is None or not in_inbox(item, self._inbox_for)):
            return False
        return super().filterAcceptsRow(source_row, source_parent)


def in_inbox(item: QueueItem, reviewer: str) -> bool:
    return (
        item.state is QueueState.AWAITING_CONFIRMATION
        and item.decided_by != reviewer
        and item.holder is None
    )
