"""Rows of the case history <-> Python objects: what one case row holds and how it reads back.

Only metadata goes in: codes, the service's short messages (anything shaped like an ID or phone
number removed), the masked name. Never images, identity numbers or other identity fields.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime
from typing import Any

from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.decision import (
    Decision,
)
from iauth_desktop.core.model.masking import mask_name
from iauth_desktop.core.model.messages import said
from iauth_desktop.core.model.timefmt import from_db_text, to_db_text
from iauth_desktop.core.net.hosts import endpoint_host
from iauth_desktop.core.store.base import (
    AuditHeadLike,
    CaseSummary,
    decision_from_mapping,
    stage_values,
    summary_from_mapping,
)
from iauth_desktop.core.store.sqlite.schema import HistoryError

_SHA256 = re.compile(r"[0-9a-f]{64}")


DECISION_COLUMNS = (
    "id",
    "action",
    "reason",
    "reason_text",
    "justification",
    "notes",
    "reviewer",
    "decided_at",
    "supersedes",
)

# Every case with its latest decision's columns prefixed ``d_`` (NULL when undecided).
SUMMARY_SELECT = """
SELECT c.*, d.id AS d_id, d.action AS d_action, d.reason AS d_reason,
    d.reason_text AS d_reason_text, d.justification AS d_justification, d.notes AS d_notes,
    d.reviewer AS d_reviewer, d.decided_at AS d_decided_at, d.supersedes AS d_supersedes,
    d.evidence_sha256 AS d_evidence_sha256
FROM cases AS c LEFT JOIN decisions AS d
    ON d.id = (SELECT max(l.id) FROM latest_decisions AS l WHERE l.token = c.token)
"""

UPSERT_CASE = """
INSERT INTO cases (token, fetched_at, verdict, failed_stages, final_code, final_message,
    liveness_code, liveness_message, compare_code, compare_message, mode, provider,
    evidence_complete, masked_name, profile_name, endpoint_host, reviewer, audit_seq,
    audit_sha256, created_at, updated_at)
VALUES (:token, :fetched_at, :verdict, :failed_stages, :final_code, :final_message,
    :liveness_code, :liveness_message, :compare_code, :compare_message, :mode, :provider,
    :evidence_complete, :masked_name, :profile_name, :endpoint_host, :reviewer, :audit_seq,
    :audit_sha256, :created_at, :updated_at)
ON CONFLICT (token) DO UPDATE SET
    fetched_at = excluded.fetched_at, verdict = excluded.verdict,
    failed_stages = excluded.failed_stages, final_code = excluded.final_code,
    final_message = excluded.final_message, liveness_code = excluded.liveness_code,
    liveness_message = excluded.liveness_message, compare_code = excluded.compare_code,
    compare_message = excluded.compare_message, mode = excluded.mode,
    provider = excluded.provider, evidence_complete = excluded.evidence_complete,
    masked_name = excluded.masked_name, profile_name = excluded.profile_name,
    endpoint_host = excluded.endpoint_host, reviewer = excluded.reviewer,
    audit_seq = coalesce(excluded.audit_seq, audit_seq),
    audit_sha256 = coalesce(excluded.audit_sha256, audit_sha256),
    updated_at = excluded.updated_at
"""
INSERT_DECISION = """
INSERT INTO decisions (token, action, reason, reason_text, justification, notes, reviewer,
    decided_at, supersedes, evidence_sha256)
VALUES (:token, :action, :reason, :reason_text, :justification, :notes, :reviewer,
    :decided_at, :supersedes, :evidence_sha256)
"""


def audit_head_values(head: AuditHeadLike | None) -> tuple[int | None, str | None]:
    if head is None:
        return None, None
    seq, sha = head.seq, head.sha256
    if (
        not isinstance(seq, int)
        or seq < 0
        or not isinstance(sha, str)
        or not _SHA256.fullmatch(sha)
    ):
        raise HistoryError(said("history.bad_head"))
    return seq, sha


def case_values(
    case: ReviewCase, reviewer: str, head: AuditHeadLike | None, now: datetime
) -> dict[str, Any]:
    """The ``cases`` row for ``case``: metadata only."""
    result = case.result
    verdict = result.verdict
    audit_seq, audit_sha = audit_head_values(head)
    stamp = to_db_text(now)
    return {
        "token": case.token,
        "fetched_at": to_db_text(case.fetched_at),
        "verdict": verdict.status,
        "failed_stages": ",".join(verdict.failed_stages),
        **stage_values(result),
        "mode": case.mode.value,
        "provider": result.provider,
        "evidence_complete": case.evidence_complete,
        "masked_name": mask_name(result.identity.get("name", "").strip()),
        "profile_name": case.profile_name,
        "endpoint_host": endpoint_host(case.endpoint, with_port=False),
        "reviewer": reviewer,
        "audit_seq": audit_seq,
        "audit_sha256": audit_sha,
        "created_at": stamp,
        "updated_at": stamp,
    }


def as_flag(value: Any) -> bool | None:
    """A nullable 0/1 column as True, False or None."""
    return None if value is None else bool(value)


def decision_values(token: str, decision: Decision) -> dict[str, Any]:
    return {
        "token": token,
        "action": decision.action.value,
        "reason": None if decision.reason is None else decision.reason.value,
        "reason_text": decision.reason_text,
        "justification": decision.justification,
        "notes": decision.notes,
        "reviewer": decision.reviewer,
        "decided_at": to_db_text(decision.decided_at),
        "supersedes": decision.supersedes,
        "evidence_sha256": decision.evidence_sha256,
    }


def decision_from_row(row: sqlite3.Row, prefix: str = "") -> Decision | None:
    """The decision in ``row`` (columns named ``prefix + name``); None when its id is NULL."""
    return decision_from_mapping(row, prefix, when=from_db_text)


def summary_from_row(row: sqlite3.Row) -> CaseSummary:
    return summary_from_mapping(row, when=from_db_text)
