"""The queue seam: what both stores offer the review queue (``core/review/queueing`` drives it).

Each method is one transaction. It returns, with its result, the audit events of the
transitions it made; a store whose ``audits_itself`` is true has already written them in that
same transaction, otherwise the caller records them in the workstation's audit log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Generic, Protocol, TypeVar, cast

from iauth_desktop.core.audit.events import AuditEvent
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.decision import Decision
from iauth_desktop.core.model.errors import RefusedError
from iauth_desktop.core.model.queue import (
    AddOutcome,
    ConfirmOutcome,
    ExpiryBasis,
    QueueDecision,
    QueueEntry,
    QueueItem,
    QueueOrigin,
    QueuePolicy,
    QueueState,
    QueueStatus,
)
from iauth_desktop.core.model.result import VerdictStatus
from iauth_desktop.core.model.timefmt import as_utc

TRIAGE_HOLD = timedelta(minutes=5)  # a triage worker's hold on a pending case
T = TypeVar("T")


class LeaseLostError(RefusedError):
    """The reviewer's lease on the case ran out (or was never theirs): nothing was recorded."""


class NotHolderError(RefusedError):
    """Someone else holds the case, or it is in a state that does not allow this step."""


class OwnDecisionError(RefusedError):
    """The four-eyes rule: nobody confirms their own decision."""


class SupervisorOnlyError(RefusedError):
    """An escalation is confirmed, and the policy changed, only by a supervisor."""


@dataclass(frozen=True)
class Done(Generic[T]):
    """A queue step's result and the audit events of what it changed."""

    value: T
    events: tuple[AuditEvent, ...] = ()


@dataclass(frozen=True)
class TriageFailure:
    """Why a triage fetch failed, and what the queue does about it."""

    error: str  # in words, for the reviewer who looks at it later
    gone: bool  # the service no longer has the token (codes 11, 12): expired
    retry_at: datetime | None  # None: give up (fetch_failed); else back to pending until then
    code: int | str | None = None


class CaseQueue(Protocol):
    """The review queue of one store; ``reviewer`` is who acts (a team store uses its login)."""

    @property
    def audits_itself(self) -> bool: ...

    @property
    def four_eyes(self) -> bool:
        """Whether the store can hold a decision for a second reviewer (a team store)."""
        ...

    def add(
        self, entries: Sequence[QueueEntry], origin: QueueOrigin, reviewer: str
    ) -> Done[AddOutcome]: ...

    def take_for_triage(self, limit: int, reviewer: str) -> list[QueueItem]:
        """Up to ``limit`` pending cases due for a fetch, held from other triage workers."""
        ...

    def triaged(self, case: ReviewCase, reviewer: str) -> Done[QueueItem]:
        """The text-only fetch succeeded: record the case and move it to ``triaged``."""
        ...

    def triage_failed(
        self, token: str, failure: TriageFailure, reviewer: str
    ) -> Done[QueueItem]: ...

    def next_due(self) -> datetime | None:
        """When the earliest pending case waiting for a retry is due (None: none waits)."""
        ...

    def claim_next(
        self, reviewer: str, lease: timedelta, *, confirm: bool = False
    ) -> Done[QueueItem | None]: ...

    def renew(self, token: str, reviewer: str, lease: timedelta) -> Done[QueueItem]: ...

    def release(self, token: str, reviewer: str) -> Done[QueueItem]: ...

    def retry(self, token: str, reviewer: str) -> Done[QueueItem]:
        """Put a ``fetch_failed`` case back to ``pending`` (a person looked at it)."""
        ...

    def decide(
        self, token: str, decision: Decision, reviewer: str, case: ReviewCase | None
    ) -> Done[QueueDecision]:
        """Record the holder's decision (``case``: the full evidence it was made on, recorded
        first); ``decided`` or ``awaiting_confirmation`` by the policy."""
        ...

    def confirm(
        self,
        token: str,
        outcome: ConfirmOutcome,
        *,
        overturn: Decision | None,
        reviewer: str,
        case: ReviewCase | None,
        note: str = "",
    ) -> Done[QueueDecision]: ...

    def get_item(self, token: str) -> QueueItem | None: ...

    def items(
        self, states: Sequence[QueueState] | None = None, limit: int | None = None
    ) -> list[QueueItem]: ...

    def status(self, now: datetime | None = None) -> QueueStatus: ...

    def policy(self) -> QueuePolicy: ...

    def set_policy(self, policy: QueuePolicy, reviewer: str) -> Done[QueuePolicy]: ...


def queue_item_from_mapping(row: Any, when: Callable[[Any], datetime]) -> QueueItem:
    """A queue row of either store (``when`` reads its times)."""

    def at(value: Any) -> datetime | None:
        return None if value is None else as_utc(when(value))

    stages = str(row["failed_stages"] or "")
    expires = at(row["expires_at"])
    queued = at(row["queued_at"])
    assert expires is not None and queued is not None
    return QueueItem(
        token=row["token"],
        state=QueueState(row["state"]),
        provider=row["provider"],
        profile_name=row["profile_name"],
        endpoint=row["endpoint"],
        priority=int(row["priority"]),
        queued_at=queued,
        queued_by=row["queued_by"],
        expires_at=expires,
        expiry_basis=ExpiryBasis(row["expiry_basis"]),
        verdict=cast(VerdictStatus | None, row["verdict"]),
        final_code=row["final_code"],
        failed_stages=tuple(stages.split(",")) if stages else (),
        masked_name=row["masked_name"],
        attempts=int(row["attempts"]),
        next_attempt_at=at(row["next_attempt_at"]),
        error=row["error"] or "",
        holder=row["holder"],
        claimed_at=at(row["claimed_at"]),
        lease_until=at(row["lease_until"]),
        decision_id=row["decision_id"],
        decided_by=row["decided_by"],
        updated_at=at(row["updated_at"]),
    )


def split_repeats(entries: Sequence[QueueEntry]) -> tuple[list[QueueEntry], list[str]]:
    """The entries with each token once (first wins), and the tokens a batch repeats: a token
    is never queued twice, not even within one import."""
    seen: set[str] = set()
    unique: list[QueueEntry] = []
    repeated: list[str] = []
    for entry in entries:
        if entry.token in seen:
            repeated.append(entry.token)
        else:
            seen.add(entry.token)
            unique.append(entry)
    return unique, repeated
