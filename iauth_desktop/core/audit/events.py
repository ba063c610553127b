"""Every event the app writes to the audit log: its name and the fields it carries, in one place.

Callers build an ``AuditEvent`` here and hand it to ``AuditLog.record``; no other module spells
an event name (a test checks). Fields are keys, tokens, codes and counts, never a value a
reviewer typed or read (``audit.guard`` refuses personal data anyway). ``torn`` is the log's
own event (``audit.chain``) and is never built here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from iauth_desktop.core.model.decision import Decision

FETCH = "fetch"
REVEAL = "reveal"
COPY = "copy"
DECISION = "decision"
REPORT = "report"
EXPORT = "export"
PROFILE_CHANGE = "profile_change"
RETENTION_PURGE = "retention_purge"
ANCHOR_RESET = "anchor_reset"
RIGHTS_CHANGE = "rights_change"
SETTING_CHANGE = "setting_change"
QUEUED = "queued"
QUEUE_MOVE = "queue_move"
CONFIRMATION = "confirmation"
QUEUE_POLICY = "queue_policy"
EVENTS = (
    FETCH,
    REVEAL,
    COPY,
    DECISION,
    REPORT,
    EXPORT,
    PROFILE_CHANGE,
    RETENTION_PURGE,
    ANCHOR_RESET,
    RIGHTS_CHANGE,
    SETTING_CHANGE,
    QUEUED,
    QUEUE_MOVE,
    CONFIRMATION,
    QUEUE_POLICY,
)


@dataclass(frozen=True)
class AuditEvent:
    """One entry's event name and data, before the log adds who, when and the chain."""

    name: str
    data: Mapping[str, Any]


def fetched(token: str, profile: str | None, endpoint: str, outcome: str) -> AuditEvent:
    """A fetch and how it ended; the endpoint's host only (no path, no credentials)."""
    host = urlsplit(endpoint).netloc.rpartition("@")[2] or endpoint
    return AuditEvent(
        FETCH, {"token": token, "profile": profile, "endpoint": host, "outcome": outcome}
    )


def revealed(token: str | None, field: str, purpose: str | None = None) -> AuditEvent:
    """``purpose``: why the reviewer revealed it (asked before the first reveal of a case)."""
    data: dict[str, Any] = {"token": token, "field": field}
    if purpose is not None:
        data["purpose"] = purpose
    return AuditEvent(REVEAL, data)


def copied(token: str | None, field: str, purpose: str | None = None) -> AuditEvent:
    data: dict[str, Any] = {"token": token, "field": field}
    if purpose is not None:
        data["purpose"] = purpose
    return AuditEvent(COPY, data)


def idle_close_changed(minutes: int | None) -> AuditEvent:
    """The idle auto-close of an open case set to ``minutes``; None is "never"."""
    return AuditEvent(SETTING_CHANGE, {"setting": "idle_close_minutes", "value": minutes})


def decided(token: str, decision: Decision) -> AuditEvent:
    """The decision's codes and id, never its free text (it may hold personal details)."""
    return AuditEvent(
        DECISION,
        {
            "token": token,
            "action": decision.action.value,
            "reason": None if decision.reason is None else decision.reason.value,
            "decision_id": decision.id,
            "supersedes": decision.supersedes,
        },
    )


def reported(token: str, *, path: str, sha256: str, full_ids: bool, pages: int) -> AuditEvent:
    return AuditEvent(
        REPORT,
        {"token": token, "path": path, "sha256": sha256, "full_ids": full_ids, "pages": pages},
    )


def exported(
    token: str,
    *,
    path: str,
    sha256: str,
    format: str,
    encrypted: bool,
    full_ids: bool,
    report: bool,
    audit_head: str,
    evidence: bool = False,
    purpose: str | None = None,
    recipient: str | None = None,
) -> AuditEvent:
    """An evidence export carries the purpose and recipient the reviewer gave."""
    data: dict[str, Any] = {
        "token": token,
        "path": path,
        "sha256": sha256,
        "format": format,
        "encrypted": encrypted,
        "full_ids": full_ids,
        "report": report,
        "audit_head": audit_head,
        "evidence": evidence,
    }
    if evidence:
        data["purpose"] = purpose
        data["recipient"] = recipient
    return AuditEvent(EXPORT, data)


def profile_changed(profile: str, action: str) -> AuditEvent:
    """``action``: add, edit, remove or set_default. Never a secret."""
    return AuditEvent(PROFILE_CHANGE, {"profile": profile, "action": action})


def retention_purged(tokens: Sequence[str], retention_days: int) -> AuditEvent:
    return AuditEvent(
        RETENTION_PURGE,
        {"count": len(tokens), "tokens": list(tokens), "retention_days": retention_days},
    )


def anchor_reset(previous: str | None, head: str) -> AuditEvent:
    """Someone looked at the log and anchored its head anew (``audit anchor``): the anchor it
    had (``SEQ:SHA256``, None when missing or unreadable) and the head anchored."""
    return AuditEvent(ANCHOR_RESET, {"previous": previous, "head": head})


def rights_changed(role: str, action: str) -> AuditEvent:
    """The team database: ``action`` grant_reviewer, grant_supervisor or revoke, on a login."""
    return AuditEvent(RIGHTS_CHANGE, {"role": role, "action": action})


def queued(tokens: Sequence[str], already: int, profile: str | None, provider: str) -> AuditEvent:
    """A batch of tokens entered the review queue (``already``: how many were there before)."""
    return AuditEvent(
        QUEUED,
        {
            "count": len(tokens),
            "tokens": list(tokens),
            "already_queued": already,
            "profile": profile,
            "provider": provider,
        },
    )


def queue_moved(token: str, from_state: str, to_state: str, **detail: Any) -> AuditEvent:
    """One case changed state in the queue (claimed, released, lease expired, triaged, …);
    ``detail`` holds codes and ids only (``why``: the transition's name)."""
    return AuditEvent(QUEUE_MOVE, {"token": token, "from": from_state, "to": to_state, **detail})


def confirmed(
    token: str, decision_id: int, outcome: str, overturn_id: int | None = None
) -> AuditEvent:
    """A second reviewer agreed with a decision, or overturned it with their own."""
    return AuditEvent(
        CONFIRMATION,
        {
            "token": token,
            "decision_id": decision_id,
            "outcome": outcome,
            "overturn_id": overturn_id,
        },
    )


def queue_policy_changed(
    confirm_reject: bool, confirm_override: bool, confirm_escalate: bool
) -> AuditEvent:
    """A supervisor changed which decisions need a second reviewer."""
    return AuditEvent(
        QUEUE_POLICY,
        {
            "confirm_reject": confirm_reject,
            "confirm_override": confirm_override,
            "confirm_escalate": confirm_escalate,
        },
    )
