"""The console's side of recording a decision: the review service stores and audits it; this
says in the reviewer's language why it could not."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from iauth_desktop.core.model.decision import Decision
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.review.auditing import AuditRefusal
from iauth_desktop.core.review.deciding import DecisionService, UnauditedDecision
from iauth_desktop.core.store.base import CaseStore
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.error_text import error_text


class DecisionRecorder:
    """``record`` raises DecisionError / StoreError / UsageError with a message to show."""

    def __init__(self, history: CaseStore, audit: AuditHooks) -> None:
        self.history = history
        self.audit = audit
        self.service = DecisionService(history, audit.log)

    def decisions(self, token: str) -> list[Decision]:
        return self.service.decisions(token)

    def record(self, token: str, decision: Decision, replaces: Decision | None) -> Decision:
        """Store ``decision`` (a change of ``replaces``, the latest decision the reviewer saw)
        and audit it. Had someone else decided meanwhile, the history refuses it."""
        if not self.audit.usable:
            raise UsageError(
                QCoreApplication.translate(
                    "DecisionRecorder",
                    "the audit log cannot be written, so no decision can be recorded: {reason}",
                ).format(reason=self.audit.damage)
            )
        try:
            return self.service.record(
                token, decision, replaces=replaces, reviewer=self.audit.reviewer()
            )
        except UnauditedDecision as exc:
            self.audit.refused(error_text(exc), damaged=exc.damaged)
            raise UsageError(
                QCoreApplication.translate(
                    "DecisionRecorder",
                    "the decision was recorded in the case history, but the audit log refused "
                    "its entry: {reason}",
                ).format(reason=self.audit.last_refusal)
            ) from None
        except AuditRefusal as exc:
            self.audit.refused(error_text(exc), damaged=exc.damaged)
            raise UsageError(
                QCoreApplication.translate(
                    "DecisionRecorder",
                    "the audit log cannot be written, so no decision can be recorded: {reason}",
                ).format(reason=self.audit.damage or error_text(exc))
            ) from None
