"""The reviewer's decision on the case on screen: Approve, Reject (with a reason) or Escalate.

Recorded decisions are listed below the form and never edited; "Change decision" opens the form
again and what is recorded then replaces the latest decision. Approving a case whose verdict is
failed or incomplete needs a written justification, shown as required as soon as Approve is
chosen. Every refusal is said in the panel, in words.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QRadioButton, QWidget

from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.decision import (
    MIN_JUSTIFICATION,
    Decision,
    DecisionAction,
    RejectReason,
    contains_personal_number,
    make_decision,
)
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.masking import mask_name
from iauth_desktop.core.model.result import VerdictStatus
from iauth_desktop.ui.error_text import error_text
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.labels import verdict_label
from iauth_desktop.ui.review.decision_form import DecisionForm
from iauth_desktop.ui.review.decision_labels import reason_label
from iauth_desktop.ui.review.decision_recorder import DecisionRecorder


class DecisionPanel(Retranslating, DecisionForm):
    """``decision_recorded(decision)`` after a decision was stored and audited."""

    decision_recorded = Signal(object)

    def __init__(
        self,
        recorder: DecisionRecorder | None,
        reviewer: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decisionPanel")
        self._recorder = recorder
        self._reviewer = reviewer
        self._token: str | None = None
        self._verdict: VerdictStatus | None = None
        self._name = ""  # the person's full name: kept out of the free text (history)
        self._editing = False
        self._form_error = False
        self.action_buttons: dict[DecisionAction, QRadioButton] = {}
        for action, button in zip(DecisionAction, self.radio_buttons(), strict=True):
            self.action_buttons[action] = button
            button.toggled.connect(self._update_requirements)
        for reason in RejectReason:
            self.reason_combo.addItem("", reason.value)
        self.reason_combo.currentIndexChanged.connect(self._update_requirements)
        self.record_button.clicked.connect(self.record)
        self.change_button.clicked.connect(self.start_change)
        self._record_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self._record_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._record_shortcut.activated.connect(self.record)
        self.retranslate_ui()
        self.clear()

    # --- the case ------------------------------------------------------------------------------

    def show_case(self, case: ReviewCase) -> None:
        self._token = case.token or None
        self._verdict = case.review_status  # passed on incomplete evidence counts as incomplete
        name = case.result.identity.get("name", "").strip()
        self._name = name if len(name) > 1 else ""
        self.show_error("")
        self._reload()
        if self._token is None:
            self.show_error(self.tr("This case has no token: a decision cannot be recorded."))
        elif self._recorder is None:
            self.show_error(
                self.tr("The case history is not available: a decision cannot be recorded.")
            )

    def clear(self) -> None:
        self._token = self._verdict = None
        self._name = ""
        self.decision_list.set_decisions([])
        self.show_error("")
        self._reset_form()
        self._set_editing(False)
        self._update_labels()

    @property
    def recorder(self) -> DecisionRecorder | None:
        return self._recorder

    def set_recorder(self, recorder: DecisionRecorder | None) -> None:
        """The case record became reachable (Reconnect): decisions can be recorded again."""
        self._recorder = recorder
        self.show_error("")
        self._reload()

    def _team_mode(self) -> bool:
        """A team store: the database login is the reviewer, the setting does not apply."""
        return self._recorder is not None and self._recorder.history.identity is not None

    def token(self) -> str | None:
        return self._token

    def refresh_reviewer(self) -> None:
        self._update_labels()

    def _reload(self) -> None:
        decisions: list[Decision] = []
        if self._token is not None and self._recorder is not None:
            try:
                decisions = self._recorder.decisions(self._token)
            except UsageError as exc:
                self.show_error(error_text(exc))
        self.decision_list.set_decisions(decisions)
        self._reset_form()
        self._set_editing(not decisions)
        self._update_labels()

    # --- recording -----------------------------------------------------------------------------

    def start_change(self) -> None:
        """Open the form for a new decision that will replace the latest one."""
        if self.latest() is not None:
            self.show_error("")
            self._set_editing(True)
            self.action_buttons[DecisionAction.APPROVE].setFocus()

    def latest(self) -> Decision | None:
        decisions = self.decision_list.decisions()
        return decisions[-1] if decisions else None

    def chosen_action(self) -> DecisionAction | None:
        return next((a for a, b in self.action_buttons.items() if b.isChecked()), None)

    def choose(self, action: DecisionAction, reason: RejectReason | None = None) -> None:
        """Select an action (and a reason) as a click would."""
        self.action_buttons[action].setChecked(True)
        if reason is not None:
            self.reason_combo.setCurrentIndex(self.reason_combo.findData(reason.value))

    def record(self) -> Decision | None:
        """Check and store the form's decision; None (the reason shown) when it is refused."""
        if not self._editing or self._token is None or self._recorder is None:
            return None
        problem = self._form_problem()
        if problem:
            self.show_error(problem)
            self._form_error = True  # said again in the new language on a language change
            return None
        action = self.chosen_action()
        assert action is not None and self._verdict is not None
        reason = self.reason_combo.currentData() if action is DecisionAction.REJECT else None
        try:
            decision = make_decision(
                action,
                verdict=self._verdict,
                reason=reason,
                reason_text=self.reason_edit.text() if reason else "",
                justification=self.justification_edit.toPlainText(),
                notes=self.notes_edit.toPlainText(),
                reviewer=self._reviewer(),
            )
            stored = self._recorder.record(self._token, decision, self.latest())
        except UsageError as exc:  # DecisionError and StoreError included
            self.show_error(self.tr("Not recorded: {reason}").format(reason=exc))
            return None
        self._reload()
        self.show_error("")
        self.decision_recorded.emit(stored)
        return stored

    def _form_problem(self) -> str:
        """The rules the reviewer meets most, in the interface language (the core re-checks)."""
        action = self.chosen_action()
        if action is None:
            return self.tr("Choose Approve, Reject or Escalate.")
        if action is DecisionAction.REJECT:
            if self.reason_combo.currentData() is None:
                return self.tr("A rejection needs a reason: choose one from the list.")
            other = self.reason_combo.currentData() == RejectReason.OTHER.value
            if other and not self.reason_edit.text().strip():
                return self.tr("The reason “Other” needs a few words saying what it is.")
        if self._justification_required():
            text = self.justification_edit.toPlainText().strip()
            if len(text) < MIN_JUSTIFICATION:
                return self._justification_rule()
        return self._text_problem()

    def _text_problem(self) -> str:
        """Free text goes into the case history: no identity numbers, not the full name."""
        for name, text in (
            (self.tr("The reason details"), self.reason_edit.text()),
            (self.tr("The justification"), self.justification_edit.toPlainText()),
            (self.tr("The notes"), self.notes_edit.toPlainText()),
        ):
            if contains_personal_number(text):
                return self.tr(
                    "{field} seem to hold a full ID or phone number, which the case history "
                    "never keeps. Write only the last four digits."
                ).format(field=name)
            if self._name and self._name in text:
                return self.tr(
                    "{field} hold the person's full name, which the case history never keeps. "
                    "Write the masked name ({masked}) instead."
                ).format(field=name, masked=mask_name(self._name))
        return ""

    def _justification_required(self) -> bool:
        return self.chosen_action() is DecisionAction.APPROVE and self._verdict not in (
            None,
            "passed",
        )

    def _justification_rule(self) -> str:
        return self.tr(
            "This case's verdict is {verdict}: approving it needs a written justification of "
            "at least {count} characters."
        ).format(verdict=verdict_label(self._verdict or ""), count=MIN_JUSTIFICATION)

    # --- state -----------------------------------------------------------------------------------

    def _reset_form(self) -> None:
        for button in self.action_buttons.values():
            button.setAutoExclusive(False)
            button.setChecked(False)
            button.setAutoExclusive(True)
        self.reason_combo.setCurrentIndex(0)
        for edit in (self.reason_edit, self.justification_edit, self.notes_edit):
            edit.clear()

    def _set_editing(self, editing: bool) -> None:
        has_case = self._token is not None and self._recorder is not None
        self._editing = editing and has_case
        for widget in self.form_widgets():
            widget.setEnabled(self._editing)
        self.record_button.setEnabled(self._editing)
        self.change_button.setVisible(has_case and not self._editing and self.latest() is not None)
        self._update_requirements()
        self._update_labels()

    def _update_requirements(self, *_args: object) -> None:
        rejecting = self._editing and self.chosen_action() is DecisionAction.REJECT
        self.reason_combo.setEnabled(rejecting)
        self.reason_edit.setEnabled(rejecting)
        self.set_justification_required(self._justification_required(), self._justification_rule())
        other = rejecting and self.reason_combo.currentData() == RejectReason.OTHER.value
        self.set_reason_text_required(other)

    def _update_labels(self) -> None:
        if self._token is None:
            self.case_label.setText(self.tr("No case open."))
        else:
            self.case_label.setText(
                self.tr("Case {token} — verdict: {verdict}").format(
                    token=self._token, verdict=verdict_label(self._verdict or "")
                )
            )
        self.reviewer_label.setText(
            (
                self.tr("Reviewer: {name} (your team database login)")
                if self._team_mode()
                else self.tr("Reviewer: {name} (change it in Settings)")
            ).format(name=self._reviewer())
        )
        replacing = self._editing and self.latest() is not None
        self.record_button.setText(
            self.tr("&Record change") if replacing else self.tr("&Record decision")
        )

    def show_error(self, text: str) -> None:
        self._form_error = False
        super().show_error(text)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self._record_shortcut.setWhatsThis(self.tr("Record the decision (focus in the panel)"))
        if self._form_error:
            self.show_error(self._form_problem())
            self._form_error = bool(self.error())
        for action, button in self.action_buttons.items():
            button.setText(self._action_text(action))
        self.reason_combo.setItemText(0, self.tr("Choose a reason…"))
        for index, reason in enumerate(RejectReason, start=1):
            self.reason_combo.setItemText(index, reason_label(reason))
        self._update_requirements()
        self._update_labels()

    def _action_text(self, action: DecisionAction) -> str:
        texts = {
            DecisionAction.APPROVE: self.tr("&Approve"),
            DecisionAction.REJECT: self.tr("Re&ject"),
            DecisionAction.ESCALATE: self.tr("E&scalate"),
        }
        return texts[action]
