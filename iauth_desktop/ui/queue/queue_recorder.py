"""The decision panel's recorder for a case claimed from the queue: the decision goes through the
queue (``QueueService.decide`` on the evidence held in memory), or — on a case awaiting
confirmation — overturns the first decision. A lost lease refuses before anything is sent."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from iauth_desktop.core.model.decision import Decision, DecisionAction
from iauth_desktop.core.model.errors import IauthError, UsageError
from iauth_desktop.core.model.queue import ConfirmOutcome, QueueState
from iauth_desktop.core.store.base import CaseStore
from iauth_desktop.core.store.queue import LeaseLostError
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.error_text import error_text
from iauth_desktop.ui.queue.queue_session import QueueSession
from iauth_desktop.ui.review.decision_recorder import DecisionRecorder


class QueueRecorder(DecisionRecorder):
    """Records on the claimed case of ``session``; what it did is in ``last_state``."""

    def __init__(self, history: CaseStore, audit: AuditHooks, session: QueueSession) -> None:
        super().__init__(history, audit)
        self.session = session
        self.last_state: QueueState | None = None

    def record(self, token: str, decision: Decision, replaces: Decision | None) -> Decision:
        held = self.session.current
        if held is None or held.item.token != token:
            raise UsageError(
                QCoreApplication.translate(
                    "QueueRecorder", "this case is no longer claimed by you: nothing was recorded."
                )
            )
        if not self.session.lease_live():
            raise UsageError(self.lost_lease(token))
        if not self.audit.usable:
            raise UsageError(
                QCoreApplication.translate(
"QueueRecorder", "the audit log cannot be written, so no decision can be recorded: {reason}")
                .format(reason=self.audit.damage)
            )  # fmt: skip
        try:
            if held.confirming:
                if decision.action is DecisionAction.ESCALATE:
                    raise UsageError(
                        QCoreApplication.translate(
                            "QueueRecorder", "an overturn approves or rejects the case."
                        )
                    )
                done = self.session.confirm(ConfirmOutcome.OVERTURN, decision)
            else:
                done = self.session.decide(decision)
        except LeaseLostError:
            raise UsageError(self.lost_lease(token)) from None
        except IauthError as exc:
            raise UsageError(error_text(exc)) from None
        self.last_state = done.state
        stored = next((d for d in self.decisions(token) if d.id == done.decision_id), None)
        return stored if stored is not None else decision

    @staticmethod
    def lost_lease(token: str) -> str:
        return QCoreApplication.translate(
            "QueueRecorder",
            "your claim on {token} was lost (its lease ran out): the case went back to the "
            "queue and nothing was recorded. Claim it again with Next case.",
        ).format(token=token)
