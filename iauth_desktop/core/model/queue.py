"""The review queue's vocabulary: a case's states, what the queue knows of it, the four-eyes
policy and the order in which cases are handed out. Pure data and rules; the stores keep it.

A case moves ``pending`` → ``triaged`` (a text-only fetch: verdict and codes known) →
``claimed`` (one reviewer, under a lease) → ``decided``, or → ``awaiting_confirmation`` →
``decided`` when the four-eyes rule asks a second reviewer. ``expired`` (the service no longer
has the token) and ``fetch_failed`` (retried, then left for a person) are side states.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from iauth_desktop.core.model.decision import DecisionAction
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.result import VerdictStatus
from iauth_desktop.core.model.timefmt import TOKEN_LIFETIME, as_utc

DEFAULT_LEASE = timedelta(minutes=30)
MIN_LEASE = timedelta(seconds=1)
MAX_LEASE = timedelta(hours=8)
EXPIRING_SOON = timedelta(hours=24)
MAX_PRIORITY = 1000


class QueueState(StrEnum):
    PENDING = "pending"
    TRIAGED = "triaged"
    CLAIMED = "claimed"
    AWAITING_CONFIRMATION = "awaiting_confirmation"
    DECIDED = "decided"
    EXPIRED = "expired"
    FETCH_FAILED = "fetch_failed"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class ExpiryBasis(StrEnum):
    """What a token's expiry estimate is counted from."""

    QUEUED = "queued"  # queued-at + 72 h: the import did not say when the verification ran
    CREATED = "created"  # the import's created_at + 72 h


class ConfirmOutcome(StrEnum):
    AGREE = "agree"  # the second reviewer agrees: the first decision stands
    OVERTURN = "overturn"  # the second reviewer records their own decision instead


@dataclass(frozen=True)
class QueueEntry:
    """One token as an import gives it."""

    token: str
    created_at: datetime | None = None  # UTC, when the verification ran (if the import says)
    priority: int = 0


@dataclass(frozen=True)
class QueueOrigin:
    """Where the queued tokens are fetched from: a saved profile, or an endpoint (with the
    credentials of the environment)."""

    provider: str
    profile_name: str | None = None
    endpoint: str | None = None


@dataclass(frozen=True)
class AddOutcome:
    added: tuple[str, ...]
    already: tuple[str, ...]  # queued before: never queued twice


@dataclass(frozen=True)
class QueueItem:
    """A queued case as the queue keeps it: metadata only, the name masked."""

    token: str
    state: QueueState
    provider: str
    profile_name: str | None
    endpoint: str | None
    priority: int
    queued_at: datetime
    queued_by: str
    expires_at: datetime
    expiry_basis: ExpiryBasis
    verdict: VerdictStatus | None = None
    final_code: int | None = None
    failed_stages: tuple[str, ...] = ()
    masked_name: str = ""
    attempts: int = 0
    next_attempt_at: datetime | None = None
    error: str = ""  # why the last fetch failed, in words (fetch_failed, expired)
    holder: str | None = None
    claimed_at: datetime | None = None
    lease_until: datetime | None = None
    decision_id: int | None = None  # the decision awaiting confirmation, then the final one
    decided_by: str | None = None
    updated_at: datetime | None = None

    def time_left(self, now: datetime) -> timedelta:
        """Estimated time before the service forgets the token (negative: likely gone)."""
        return as_utc(self.expires_at) - as_utc(now)

    def lease_left(self, now: datetime) -> timedelta | None:
        if self.lease_until is None:
            return None
        return as_utc(self.lease_until) - as_utc(now)


@dataclass(frozen=True)
class QueuePolicy:
    """Which decisions need a second reviewer (team mode). Off in the embedded store."""

    confirm_reject: bool = True
    confirm_override: bool = True  # an approve against a failed or incomplete verdict
    confirm_escalate: bool = True
    changed_by: str = ""
    changed_at: datetime | None = None

    def needs_confirmation(self, action: DecisionAction, verdict: VerdictStatus) -> bool:
        if action is DecisionAction.REJECT:
            return self.confirm_reject
        if action is DecisionAction.ESCALATE:
            return self.confirm_escalate
        return verdict != "passed" and self.confirm_override

    def describe(self) -> str:
        parts = [
            f"rejects {'confirmed' if self.confirm_reject else 'final'}",
            "approvals against a failed verdict "
            + ("confirmed" if self.confirm_override else "final"),
            f"escalations {'confirmed by a supervisor' if self.confirm_escalate else 'final'}",
        ]
        return "; ".join(parts)


OFF_POLICY = QueuePolicy(confirm_reject=False, confirm_override=False, confirm_escalate=False)


@dataclass(frozen=True)
class QueueStatus:
    counts: dict[QueueState, int] = field(default_factory=dict)
    oldest_pending: datetime | None = None  # queued-at of the oldest pending case
    expiring_soon: tuple[str, ...] = ()  # open tokens whose estimated expiry is within 24 h
    four_eyes: bool = False
    four_eyes_note: str = ""


@dataclass(frozen=True)
class QueueDecision:
    """What recording a decision through the queue did."""

    decision_id: int
    state: QueueState  # decided, or awaiting_confirmation


def estimate_expiry(
    queued_at: datetime, created_at: datetime | None
) -> tuple[datetime, ExpiryBasis]:
    """The token's estimated expiry and what it is counted from."""
    if created_at is not None:
        return as_utc(created_at) + TOKEN_LIFETIME, ExpiryBasis.CREATED
    return as_utc(queued_at) + TOKEN_LIFETIME, ExpiryBasis.QUEUED


def verdict_rank(verdict: str | None) -> int:
    """Failed and incomplete verdicts come before passed ones at equal urgency."""
    return {"failed": 0, "incomplete": 1}.get(verdict or "", 2)


def claim_order(item: QueueItem) -> tuple[datetime, int, int, datetime, str]:
    """The order cases are handed out in: the hour they expire in (nearest first), then failed
    and incomplete before passed, then higher priority, then the exact expiry and the token. The
    stores' SQL sorts by the same keys; this is their reference."""
    hour = as_utc(item.expires_at).replace(minute=0, second=0, microsecond=0)
    return (hour, verdict_rank(item.verdict), -item.priority, as_utc(item.expires_at), item.token)


def check_lease(lease: timedelta) -> timedelta:
    if not MIN_LEASE <= lease <= MAX_LEASE:
        raise UsageError(
            f"a lease lasts between {int(MIN_LEASE.total_seconds())} s and "
            f"{int(MAX_LEASE.total_seconds() // 3600)} h"
        )
    return lease
