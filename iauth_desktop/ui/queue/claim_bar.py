"""The strip above a claimed case: whose it is and until when (the lease, renewed while the
reviewer works), a lost lease said plainly, and — for a case awaiting confirmation — the first
decision with its reason and notes, and Agree."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop.core.model.decision import Decision
from iauth_desktop.core.model.queue import QueueState
from iauth_desktop.core.model.timefmt import format_local_time, utc_now
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.queue.queue_labels import duration_words
from iauth_desktop.ui.queue.queue_session import HeldCase
from iauth_desktop.ui.review.decision_labels import describe_decision
from iauth_desktop.ui.theme import SPACING


class ClaimBar(Retranslating, QFrame):
    """``release_requested()``; ``agree_requested(note)`` on a case awaiting confirmation."""

    release_requested = Signal()
    agree_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.held: HeldCase | None = None
        self._lost = ""
        self._done: QueueState | None = None
        self.lease_label = QLabel()
        self.lease_label.setWordWrap(True)
        self.lease_label.setObjectName("leaseLabel")
        self.release_button = QPushButton()
        self.release_button.clicked.connect(self.release_requested)
        self.first_label = QLabel()
        self.first_label.setWordWrap(True)
        self.first_label.setObjectName("firstDecision")
        self.note_edit = QLineEdit()
        self.agree_button = QPushButton()
        self.agree_button.clicked.connect(lambda: self.agree_requested.emit(self.note_edit.text()))
        top = QHBoxLayout()
        top.addWidget(self.lease_label, 1)
        top.addWidget(self.release_button)
        self.confirm_row = QWidget()
        row = QHBoxLayout(self.confirm_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.first_label, 1)
        row.addWidget(self.note_edit)
        row.addWidget(self.agree_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING.normal, SPACING.snug, SPACING.normal, SPACING.snug)
        layout.addLayout(top)
        layout.addWidget(self.confirm_row)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update)
        self.retranslate_ui()
        self.clear()

    def show_held(self, held: HeldCase) -> None:
        self.held, self._lost, self._done = held, "", None
        self.note_edit.clear()
        self.confirm_row.setVisible(held.confirming)
        self.setVisible(True)
        self._tick.start()
        self._update()

    def set_lost(self, why: str) -> None:
        self._lost = why or self.tr("the lease could not be renewed")
        self._update()

    def set_decided(self, state: QueueState) -> None:
        self._done = state
        self._tick.stop()
        self._update()

    def clear(self) -> None:
        self.held, self._lost, self._done = None, "", None
        self._tick.stop()
        self.setVisible(False)

    def lease_text(self) -> str:
        return self.lease_label.text()

    def retranslate_ui(self) -> None:
        self.release_button.setText(self.tr("Give &back"))
        self.release_button.setToolTip(self.tr("Release the case to the queue undecided"))
        self.release_button.setAccessibleName(self.tr("Give the claimed case back"))
        self.agree_button.setText(self.tr("A&gree"))
        self.agree_button.setAccessibleName(self.tr("Agree with the first decision"))
        self.note_edit.setPlaceholderText(self.tr("Note (optional)"))
        self.note_edit.setAccessibleName(self.tr("Confirmation note"))
        self._update()

    def _update(self) -> None:
        held = self.held
        if held is None:
            return
        token = held.item.token
        if self._done is not None:
            text = (
                (
                    self.tr("{token}: decided, awaiting a second reviewer (the four-eyes rule).")
                    if self._done is QueueState.AWAITING_CONFIRMATION
                    else self.tr("{token}: decided.")
                ).format(token=token)
                + " "
                + self.tr("Next case: Ctrl+N.")
            )
            self._show(text, warn=False)
            self.release_button.setEnabled(False)
            self.agree_button.setEnabled(False)
            return
        until = held.item.lease_until
        left = None if until is None else until - utc_now()
        if self._lost or left is None or left.total_seconds() <= 0:
            why = self._lost or self.tr("the lease ran out")
            self._show(
                self.tr(
                    "Your claim on {token} is lost ({why}). The case went back to the queue and "
                    "the decision panel will not record. Press Next case to claim again."
                ).format(token=token, why=why),
                warn=True,
            )
            self.release_button.setEnabled(False)
            self.agree_button.setEnabled(False)
            return
        self.release_button.setEnabled(True)
        self.agree_button.setEnabled(True)
        kind = (
            self.tr("Confirming {token}") if held.confirming else self.tr("Claimed {token}")
        ).format(token=token)
        self._show(
            self.tr("{kind} — yours until {until} ({left} left), renewed while you work.").format(
                kind=kind, until=format_local_time(until), left=duration_words(left)
            ),
            warn=False,
        )
        if held.confirming:
            self.first_label.setText(self._first_text(held.first))

    def _first_text(self, first: Decision | None) -> str:
        if first is None:
            return self.tr("The first decision could not be read.")
        text = self.tr("First decision by {reviewer}: {decision}.").format(
            reviewer=first.reviewer, decision=describe_decision(first)
        )
        if first.justification:
            text += " " + self.tr("Justification: {text}").format(text=first.justification)
        if first.notes:
            text += " " + self.tr("Notes: {text}").format(text=first.notes)
        return text + " " + self.tr("To overturn it, record your own decision (Change decision).")

    def _show(self, text: str, *, warn: bool) -> None:
        self.lease_label.setText(text)
        self.lease_label.setProperty("warn", warn)
        self.lease_label.setStyleSheet("font-weight: bold;" if warn else "")
