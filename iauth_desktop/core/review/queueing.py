"""The review queue as both front ends use it: add, claim, decide, confirm — with the audit
log's say and the evidence each decision was made on.

A decision names the evidence it was made on by the SHA-256 of its bundle manifest: the command
line reads a bundle the reviewer fetched (``fetch --out DIR``), the console hashes the case it
holds in memory the same way. A confirmation needs evidence fetched again by the confirmer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from iauth_desktop.core.audit.trail import AuditTrail
from iauth_desktop.core.evidence.bundle import evidence_digest
from iauth_desktop.core.evidence.read import verify_bundle_pinned
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.decision import Decision
from iauth_desktop.core.model.errors import RefusedError, UsageError
from iauth_desktop.core.model.queue import (
    DEFAULT_LEASE,
    AddOutcome,
    ConfirmOutcome,
    QueueDecision,
    QueueEntry,
    QueueItem,
    QueueOrigin,
    QueuePolicy,
    QueueStatus,
    check_lease,
)
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.review.auditing import record, require_usable
from iauth_desktop.core.store.queue import CaseQueue, Done, OwnDecisionError, TriageFailure

T = TypeVar("T")


@dataclass(frozen=True)
class Evidence:
    """The full evidence a decision is made on, and the SHA-256 of its manifest."""

    case: ReviewCase
    sha256: str


def evidence_of(case: ReviewCase) -> Evidence:
    """A case held in memory (the console) as decision evidence."""
    return Evidence(case, evidence_digest(case))


def evidence_from_bundle(path: Path) -> Evidence:
    """A bundle written by ``fetch --out`` as decision evidence: verified file by file, its
    manifest hashed as it was verified."""
    loaded, manifest = verify_bundle_pinned(Path(path))
    case = ReviewCase(
        result=loaded.result(),
        token=loaded.token,
        endpoint=loaded.endpoint,
        mode=loaded.mode or FetchMode.FULL,
        fetched_at=loaded.fetched_at or datetime.now(UTC),
        origin="bundle",
        bundle_path=Path(path),
        request=loaded.request,
        fetch_id=_text_or_none(loaded.manifest.get("fetch_id")),
    )
    return Evidence(case, hashlib.sha256(manifest).hexdigest())


class QueueService:
    """The queue of one store, for one reviewer, recorded in one audit trail."""

    def __init__(self, queue: CaseQueue, audit: AuditTrail, reviewer: str) -> None:
        self.queue = queue
        self.audit = audit
        self.reviewer = reviewer

    @property
    def four_eyes(self) -> bool:
        return self.queue.four_eyes

    # --- steps -------------------------------------------------------------------------------

    def add(self, entries: list[QueueEntry], origin: QueueOrigin) -> AddOutcome:
        if not entries:
            raise UsageError("no tokens to queue: one per line, or a CSV with a `token` column")
        return self._run(lambda: self.queue.add(entries, origin, self.reviewer))

    def claim_next(
        self, lease: timedelta = DEFAULT_LEASE, *, confirm: bool = False
    ) -> QueueItem | None:
        check_lease(lease)
        return self._run(lambda: self.queue.claim_next(self.reviewer, lease, confirm=confirm))

    def renew(self, token: str, lease: timedelta = DEFAULT_LEASE) -> QueueItem:
        check_lease(lease)
        return self._run(lambda: self.queue.renew(token, self.reviewer, lease))

    def release(self, token: str) -> QueueItem:
        return self._run(lambda: self.queue.release(token, self.reviewer))

    def retry(self, token: str) -> QueueItem:
        return self._run(lambda: self.queue.retry(token, self.reviewer))

    def decide(self, token: str, decision: Decision, evidence: Evidence) -> QueueDecision:
        """The holder's decision on ``token``, made on ``evidence`` (full, of this token)."""
        _check_evidence(token, evidence)
        stamped = replace(decision, evidence_sha256=evidence.sha256)
        return self._run(lambda: self.queue.decide(token, stamped, self.reviewer, evidence.case))

    def confirm(
        self,
        token: str,
        outcome: ConfirmOutcome,
        evidence: Evidence,
        *,
        overturn: Decision | None = None,
        first_evidence: str | None = None,
        note: str = "",
    ) -> QueueDecision:
        """A second reviewer's word on a decision awaiting confirmation, on evidence they
        fetched themselves (``first_evidence``: the first decision's, which must differ)."""
        item = self.queue.get_item(token)
        if item is not None and item.decided_by == self.reviewer:
            raise OwnDecisionError(
                f"you decided {token}: a second reviewer confirms it (the four-eyes rule)"
            )
        _check_evidence(token, evidence)
        if first_evidence is not None and first_evidence == evidence.sha256:
            raise RefusedError(
                "this is the evidence the first decision was made on: fetch the case again "
                "yourself before confirming it"
            )
        if (outcome is ConfirmOutcome.OVERTURN) != (overturn is not None):
            raise UsageError("agree, or overturn with a decision of your own")
        stamped = None if overturn is None else replace(overturn, evidence_sha256=evidence.sha256)
        return self._run(
            lambda: self.queue.confirm(
                token,
                outcome,
                overturn=stamped,
                reviewer=self.reviewer,
                case=evidence.case,
                note=note,
            )
        )

    def take_for_triage(self, limit: int) -> list[QueueItem]:
        return self.queue.take_for_triage(limit, self.reviewer)

    def triaged(self, case: ReviewCase) -> QueueItem:
        return self._run(lambda: self.queue.triaged(case, self.reviewer))

    def triage_failed(self, token: str, failure: TriageFailure) -> QueueItem:
        return self._run(lambda: self.queue.triage_failed(token, failure, self.reviewer))

    def next_due(self) -> datetime | None:
        return self.queue.next_due()

    def status(self) -> QueueStatus:
        return self.queue.status()

    def policy(self) -> QueuePolicy:
        return self.queue.policy()

    def set_policy(self, policy: QueuePolicy) -> QueuePolicy:
        return self._run(lambda: self.queue.set_policy(policy, self.reviewer))

    # --- internals ---------------------------------------------------------------------------

    def _run(self, step: Callable[[], Done[T]]) -> T:
        """Run one store step; record its audit events when the store does not itself. A
        damaged workstation log refuses before anything changes (fail closed)."""
        if not self.queue.audits_itself:
            require_usable(self.audit)
        done = step()
        if not self.queue.audits_itself:
            for event in done.events:
                record(self.audit, event, self.reviewer)
        return done.value


def _check_evidence(token: str, evidence: Evidence) -> None:
    case = evidence.case
    if case.token.strip() != token.strip():
        raise UsageError(f"the evidence is of {case.token}, not of {token}")
    if case.mode is not FetchMode.FULL:
        raise RefusedError(
            "a decision is made on the full evidence: fetch it with its images and video first"
        )
    if case.tampered:
        raise RefusedError("the evidence bundle was changed since it was written")


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None
