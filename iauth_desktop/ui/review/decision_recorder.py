"""Storing a decision: the case history keeps it, the audit log records that it was made."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from iauth_desktop.core.model.decision import Decision, superseding
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.store.sqlite.history import CaseHistory
from iauth_desktop.ui.audit.audit_hooks import AuditHooks


class DecisionRecorder:
    """``record`` raises DecisionError / HistoryError / UsageError with a message to show."""

    def __init__(self, history: CaseHistory, audit: AuditHooks) -> None:
        self.history = history
        self.audit = audit

    def decisions(self, token: str) -> list[Decision]:
        return self.history.decisions(token)

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
        if replaces is not None:
            decision = superseding(replaces, decision)
        stored = self.history.record_decision(token, decision)
        if not self.audit.decided(token, stored):
            raise UsageError(
                QCoreApplication.translate(
                    "DecisionRecorder",
                    "the decision was recorded in the case history, but the audit log refused "
                    "its entry: {reason}",
                ).format(reason=self.audit.last_refusal)
            )
        return stored
