"""The Queue view: counts per state, filters, the table of queued cases, and the reviewer's
actions — add tokens, triage (in the background, with its progress), Next case, Next
confirmation. The view only shows and asks; ``QueueWorkflow`` does the work."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop.core.model.queue import QueueState, QueueStatus
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.queue.queue_labels import state_label
from iauth_desktop.ui.queue.queue_model import (
    QueueColumn,
    QueueFilterModel,
    QueueTableModel,
    in_inbox,
)
from iauth_desktop.ui.queue.queue_session import QueueSnapshot

OPEN = frozenset(
    {QueueState.PENDING, QueueState.TRIAGED, QueueState.CLAIMED,
     QueueState.AWAITING_CONFIRMATION, QueueState.FETCH_FAILED}
)  # fmt: skip


class QueueView(Retranslating, QWidget):
    add_requested = Signal()
    triage_requested = Signal()
    stop_triage_requested = Signal()
    next_requested = Signal()
    confirm_requested = Signal()
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueView")
        self.model = QueueTableModel(self)
        self.proxy = QueueFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("queueCounts")
        self.counts_label.setWordWrap(True)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setObjectName("queueMessage")
        self.state_filter = QComboBox()
        self.text_filter = QLineEdit()
        self.text_filter.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setObjectName("queueTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(QueueColumn.TIME_LEFT, self.proxy.sortOrder().AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton()
        self.triage_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.next_button = QPushButton()
        self.confirm_button = QPushButton()
        self.add_button.clicked.connect(self.add_requested)
        self.triage_button.clicked.connect(self._on_triage_clicked)
        self.next_button.clicked.connect(self.next_requested)
        self.confirm_button.clicked.connect(self.confirm_requested)
        self.state_filter.currentIndexChanged.connect(self._on_state_filter)
        self.text_filter.textChanged.connect(self.proxy.setFilterFixedString)
        self._triaging = False
        self._status: QueueStatus | None = None
        self.reviewer = ""
        self._lay_out()
        self._clock = QTimer(self)
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self.model.tick)
        self._clock.start()
        self.retranslate_ui()

    def _lay_out(self) -> None:
        actions = QHBoxLayout()
        for widget in (self.add_button, self.triage_button, self.progress):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.confirm_button)
        actions.addWidget(self.next_button)
        filters = QHBoxLayout()
        filters.addWidget(self.state_filter)
        filters.addWidget(self.text_filter, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.note_label)
        layout.addLayout(actions)
        layout.addWidget(self.message_label)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    # --- showing -------------------------------------------------------------------------------

    def show_snapshot(self, snapshot: QueueSnapshot) -> None:
        self.model.set_items(snapshot.items)
        self._status = snapshot.status
        self.reviewer = snapshot.reviewer
        if self.state_filter.currentData() == "inbox":
            self.proxy.set_inbox(self.reviewer)
        self._update_counts()

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)

    def set_triage_progress(self, done: int, total: int) -> None:
        self._triaging = True
        self.progress.setVisible(True)
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(min(done, max(total, 0)))
        self._update_triage_button()

    def triage_stopped(self) -> None:
        self._triaging = False
        self.progress.setVisible(False)
        self._update_triage_button()

    def _update_counts(self) -> None:
        status = self._status
        if status is None:
            self.counts_label.setText("")
            return
        parts = [f"{state_label(s)}: {status.counts.get(s, 0)}" for s in QueueState]
        soon = len(status.expiring_soon)
        parts.append(self.tr("expiring within 24 h (estimate): {count}").format(count=soon))
        inbox = sum(in_inbox(item, self.reviewer) for item in self.model.items())
        if status.four_eyes:
            parts.append(self.tr("your confirmation inbox: {count}").format(count=inbox))
        self.counts_label.setText(" · ".join(parts))
        self.note_label.setText(
            self.tr("Four-eyes rule on: rejects, approvals against a failed verdict and "
                    "escalations need a second reviewer.")
            if status.four_eyes
            else self.tr("Four-eyes rule off: this workstation's own queue has one reviewer.")
        )  # fmt: skip

    # --- asking --------------------------------------------------------------------------------

    def _on_triage_clicked(self) -> None:
        (self.stop_triage_requested if self._triaging else self.triage_requested).emit()

    def _on_state_filter(self, _index: int) -> None:
        data = self.state_filter.currentData()
        if data == "open":
            self.proxy.set_states(OPEN)
        elif data == "inbox":
            self.proxy.set_inbox(self.reviewer)
        elif data:
            self.proxy.set_states(frozenset({QueueState(data)}))
        else:
            self.proxy.set_states(None)

    def _update_triage_button(self) -> None:
        self.triage_button.setText(
            self.tr("St&op triage") if self._triaging else self.tr("T&riage pending")
        )

    def retranslate_ui(self) -> None:
        index = max(0, self.state_filter.currentIndex())
        self.state_filter.blockSignals(True)
        self.state_filter.clear()
        self.state_filter.addItem(self.tr("All states"), "")
        self.state_filter.addItem(self.tr("Open cases"), "open")
        self.state_filter.addItem(self.tr("My confirmation inbox"), "inbox")
        for state in QueueState:
            self.state_filter.addItem(state_label(state), state.value)
        self.state_filter.setCurrentIndex(index)
        self.state_filter.blockSignals(False)
        self.state_filter.setAccessibleName(self.tr("Show cases in state"))
        self.text_filter.setPlaceholderText(self.tr("Filter: token, name, profile, reviewer…"))
        self.text_filter.setAccessibleName(self.tr("Filter the queue"))
        self.table.setAccessibleName(self.tr("Queued cases"))
        self.add_button.setText(self.tr("&Add tokens…"))
        self.add_button.setAccessibleName(self.tr("Add tokens to the queue"))
        self.next_button.setText(self.tr("&Next case (Ctrl+N)"))
        self.next_button.setAccessibleName(self.tr("Claim and open the next case"))
        self.confirm_button.setText(self.tr("Next &confirmation (Ctrl+Shift+N)"))
        self.confirm_button.setAccessibleName(
            self.tr("Claim the next decision awaiting your confirmation")
        )
        self.progress.setAccessibleName(self.tr("Triage progress"))
        self.progress.setFormat(self.tr("triaged %v of %m"))
        self._update_triage_button()
        self._update_counts()
        self.model.retranslate_ui()
