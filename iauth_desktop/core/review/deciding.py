"""Recording a reviewer's decision: the store keeps it, the audit log records that it was made."""

from __future__ import annotations

from dataclasses import replace

from iauth_desktop.core.audit import events
from iauth_desktop.core.audit.trail import AuditTrail
from iauth_desktop.core.model.decision import Decision, superseding
from iauth_desktop.core.review.auditing import AuditRefusal, record, require_usable
from iauth_desktop.core.store.base import CaseStore


class UnauditedDecision(AuditRefusal):
    """The decision is stored, but the audit log refused its entry: say both."""

    def __init__(self, refusal: AuditRefusal, decision: Decision) -> None:
        super().__init__(refusal.detail, damaged=refusal.damaged)
        self.decision = decision


class DecisionService:
    """Decisions on the cases of one store, recorded in one audit log (both required)."""

    def __init__(self, store: CaseStore, audit: AuditTrail) -> None:
        self.store = store
        self.audit = audit

    def decisions(self, token: str) -> list[Decision]:
        return self.store.decisions(token)

    def record(
        self,
        token: str,
        decision: Decision,
        *,
        replaces: Decision | None = None,
        reviewer: str | None = None,
    ) -> Decision:
        """Store ``decision`` (a change of ``replaces``, the latest decision the reviewer saw)
        and audit it; the stored decision. A damaged log refuses before anything is stored
        (AuditRefusal); the store refuses what breaks the rules or the chain (DecisionError)."""
        require_usable(self.audit)
        if self.store.identity is not None:  # a team store: the login is the reviewer
            decision = replace(decision, reviewer=self.store.identity)
            reviewer = self.store.identity
        if replaces is not None:
            decision = superseding(replaces, decision)
        stored = self.store.record_decision(token, decision)
        if self.store.audits_itself:
            return stored  # its entry went in with it, in the same transaction
        try:
            record(self.audit, events.decided(token, stored), reviewer or stored.reviewer)
        except AuditRefusal as exc:
            raise UnauditedDecision(exc, stored) from exc
        return stored
