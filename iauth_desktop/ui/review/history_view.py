"""File → Case history…: the reviewed cases, filtered by text, latest decision and date range.

Sorting is the view's (a ``QSortFilterProxyModel`` over ``HistoryModel``); filtering is the case
history's own search. Double-click (or Enter, or Reopen) asks the window to reopen a case:
from its last evidence export when there is one (a summary export holds no evidence and is
never remembered for this), else by fetching the token again.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop.core.model.decision import DecisionAction
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.store.base import CaseStore, CaseSummary, DecisionFilter
from iauth_desktop.ui.error_text import error_text
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.review.decision_form import ERROR_STYLE
from iauth_desktop.ui.review.decision_labels import action_past_label
from iauth_desktop.ui.review.history_model import (
    SORT_ROLE,
    SUMMARY_ROLE,
    HistoryColumn,
    HistoryModel,
)

_DECISIONS: tuple[DecisionFilter, ...] = (None, *DecisionAction, "undecided")


def local_day_start(day: QDate) -> datetime:
    """Midnight at the start of ``day`` in the computer's time zone, as an aware datetime."""
    return datetime.combine(date(day.year(), day.month(), day.day()), time()).astimezone()


class HistoryDialog(Retranslating, QDialog):
    """``reopen_requested(summary)`` when the reviewer asks to see a case again."""

    reopen_requested = Signal(object)

    def __init__(self, parent: QWidget | None, history: CaseStore) -> None:
        super().__init__(parent)
        self.setObjectName("caseHistory")
        self._history = history
        self.model = HistoryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._build()
        self.retranslate_ui()
        self.table.sortByColumn(HistoryColumn.FETCHED_AT, Qt.SortOrder.DescendingOrder)
        self.resize(1120, 520)
        self.refresh()

    def _build_filters(self) -> QHBoxLayout:
        self.search_label = QLabel(self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("historySearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_edit)
        self.decision_label = QLabel(self)
        self.decision_combo = QComboBox(self)
        self.decision_combo.setObjectName("historyDecision")
        for value in _DECISIONS:
            self.decision_combo.addItem("", value)
        self.decision_label.setBuddy(self.decision_combo)
        today = QDate.currentDate()
        self.since_check, self.until_check = QCheckBox(self), QCheckBox(self)
        self.since_edit, self.until_edit = (
            QDateEdit(today.addDays(-30), self),
            QDateEdit(today, self),
        )
        for check, edit in (
            (self.since_check, self.since_edit),
            (self.until_check, self.until_edit),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.refresh)
            edit.dateChanged.connect(self.refresh)
        self.search_edit.textChanged.connect(self.refresh)
        self.decision_combo.currentIndexChanged.connect(self.refresh)
        filters = QHBoxLayout()
        for widget in (
            self.search_label,
            self.search_edit,
            self.decision_label,
            self.decision_combo,
            self.since_check,
            self.since_edit,
            self.until_check,
            self.until_edit,
        ):
            filters.addWidget(widget, 1 if widget is self.search_edit else 0)
        return filters

    def _build(self) -> None:
        filters = self._build_filters()
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._reopen_index)
        self.table.activated.connect(self._reopen_index)  # Enter, the keyboard's double-click

        self.count_label = QLabel(self)
        self.message_label = QLabel(self)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.hide()
        self.reopen_button = QPushButton(self)
        self.reopen_button.clicked.connect(self.reopen_current)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.reopen_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Case history"))
        self.search_label.setText(self.tr("&Search"))
        self.search_edit.setPlaceholderText(self.tr("token or masked name"))
        self.decision_label.setText(self.tr("&Decision"))
        self.decision_combo.setItemText(0, self.tr("any"))
        for index, value in enumerate(_DECISIONS[1:-1], start=1):
            assert isinstance(value, DecisionAction)
            self.decision_combo.setItemText(index, action_past_label(value))
        self.decision_combo.setItemText(len(_DECISIONS) - 1, action_past_label(None))
        self.since_check.setText(self.tr("&From"))
        self.until_check.setText(self.tr("&To"))
        self.reopen_button.setText(self.tr("&Reopen"))
        self.reopen_button.setToolTip(
            self.tr("Open the case from its last evidence export, or fetch its token again")
        )
        self.model.retranslate_ui()
        self._update_count()

    # --- filtering -----------------------------------------------------------------------------

    def refresh(self, *_args: object) -> None:
        """Search the case history again with the filters as they are now."""
        since = local_day_start(self.since_edit.date()) if self.since_check.isChecked() else None
        until = None
        if self.until_check.isChecked():  # the "to" day is included: up to the next midnight
            until = local_day_start(self.until_edit.date()) + timedelta(days=1)
        try:
            rows = self._history.search(
                self.search_edit.text(), self.decision_combo.currentData(), since, until
            )
        except UsageError as exc:
            self.show_message(error_text(exc))
            rows = []
        self.model.set_summaries(rows)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("Cases shown: {count}").format(count=self.model.rowCount())
        )
        self.reopen_button.setEnabled(self.model.rowCount() > 0)

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    # --- reopening -----------------------------------------------------------------------------

    def summary_at(self, row: int) -> CaseSummary | None:
        """The case in ``row`` of the view (as sorted)."""
        value = self.proxy.index(row, 0).data(SUMMARY_ROLE)
        return value if isinstance(value, CaseSummary) else None

    def reopen_current(self) -> None:
        index = self.table.currentIndex()
        self._reopen_index(index if index.isValid() else self.proxy.index(0, 0))

    def _reopen_index(self, index: QModelIndex) -> None:
        summary = index.data(SUMMARY_ROLE) if index.isValid() else None
        if isinstance(summary, CaseSummary):
            self.show_message("")
            self.reopen_requested.emit(summary)
