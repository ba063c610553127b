"""The store seam: what every case store offers, whatever keeps the record (SQLite, a server).

A ``CaseStore`` keeps metadata only — tokens, verdicts, codes, masked names, decisions, notes,
who and when — never images, identity numbers or decrypted payloads. The rules a decision must
follow live in ``core/model/decision``; a store enforces them and may add its own walls.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar, Literal, Protocol, cast

from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.decision import (
    Decision,
    DecisionAction,
    RejectReason,
    redact_personal_numbers,
)
from iauth_desktop.core.model.errors import IauthError, UsageError
from iauth_desktop.core.model.result import FetchMode, Stage, VerdictStatus, VerificationResult
from iauth_desktop.core.model.timefmt import token_likely_expired


class StoreError(UsageError):
    """The store cannot do what was asked: unknown case, unusable store, wrong schema."""


class StoreUnreachableError(IauthError):
    """The store's server cannot be reached, or the connection failed (exit 4, like a network
    failure of the verification service)."""

    exit_code: ClassVar[int] = 4


UNDECIDED: Literal["undecided"] = "undecided"
DecisionFilter = DecisionAction | Literal["undecided"] | None


class AuditHeadLike(Protocol):
    """What the audit log's head offers (``core.audit.AuditHead`` fits)."""

    @property
    def seq(self) -> int: ...

    @property
    def sha256(self) -> str: ...


@dataclass(frozen=True)
class RecordedAuditHead:
    seq: int
    sha256: str


@dataclass(frozen=True)
class CaseSummary:
    """One reviewed case as the history keeps it, with its latest decision (None: undecided)."""

    token: str
    fetched_at: datetime  # UTC
    verdict: VerdictStatus
    failed_stages: tuple[str, ...]
    final_code: int | None
    final_message: str
    liveness_code: int | None
    liveness_message: str
    compare_code: int | None
    compare_message: str
    mode: FetchMode | None
    provider: str
    evidence_complete: bool | None  # None: text only, or recorded before evidence was judged
    masked_name: str
    profile_name: str | None
    endpoint_host: str
    reviewer: str
    notes: str
    export_path: Path | None
    audit_head: RecordedAuditHead | None
    created_at: datetime  # UTC
    updated_at: datetime  # UTC: the last fetch, decision, note or export
    latest_decision: Decision | None

    def token_likely_expired(self, now: datetime | None = None) -> bool:
        """Fetching the token again will probably fail (errorcode 11/12): say so first."""
        return token_likely_expired(self.fetched_at, now)


class RowLike(Protocol):
    """A database row read by column name (``sqlite3.Row``, psycopg's dict rows)."""

    def __getitem__(self, key: str, /) -> Any: ...


class CaseStore(Protocol):
    """The record of reviewed cases: one per reviewer (SQLite) or one per team."""

    @property
    def audits_itself(self) -> bool:
        """True when recording a decision or a purge also appends its audit entry, in the same
        transaction (a team store); the caller then records nothing more."""
        ...

    @property
    def identity(self) -> str | None:
        """Who the store knows the reviewer as (a team store: the database login); None when
        the reviewer names themself (the embedded store)."""
        ...

    @property
    def schema_version(self) -> int: ...

    def close(self) -> None: ...

    def record_case(
        self, case: ReviewCase, reviewer: str, audit_head: AuditHeadLike | None
    ) -> CaseSummary:
        """Add the case or refresh it (a re-fetch); its notes, export and decisions stay."""
        ...

    def record_decision(self, token: str, decision: Decision) -> Decision:
        """Store a decision that follows the rules and the case's chain; the stored one."""
        ...

    def set_notes(self, token: str, notes: str) -> None: ...

    def set_export(self, token: str, path: Path, audit_head: AuditHeadLike | None) -> None: ...

    def purge(self, older_than: timedelta, now: datetime | None = None) -> list[str]:
        """Remove the cases past retention, decisions included; the tokens removed."""
        ...

    def get(self, token: str) -> CaseSummary | None: ...

    def decisions(self, token: str) -> list[Decision]: ...

    def latest_decision(self, token: str) -> Decision | None: ...

    def search(
        self,
        text: str = "",
        decision: DecisionFilter = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int | None = None,
    ) -> list[CaseSummary]: ...


MAX_MESSAGE = 200  # the service's messages are short; anything longer is cut
_SPACE = re.compile(r"\s+")


def stage_values(result: VerificationResult) -> dict[str, Any]:
    """``<stage>_code`` and ``<stage>_message`` for the final, liveness and compare stages."""
    values: dict[str, Any] = {}
    for stage in Stage:
        found = result.stage(stage)
        values[f"{stage.value}_code"] = found.code if found is not None else None
        values[f"{stage.value}_message"] = short_message(found.message if found else "")
    return values


def short_message(text: str) -> str:
    """A service message fit for the history: one line, short, no identity numbers."""
    return redact_personal_numbers(_SPACE.sub(" ", text).strip())[:MAX_MESSAGE]


def decision_from_mapping(
    row: RowLike, prefix: str = "", *, when: Callable[[Any], datetime]
) -> Decision | None:
    """The decision in a store's row (columns ``prefix + name``; ``when`` reads its times);
    None when its id is NULL (a case without decisions)."""
    if row[prefix + "id"] is None:
        return None
    reason = row[prefix + "reason"]
    return Decision(
        id=int(row[prefix + "id"]),
        action=DecisionAction(row[prefix + "action"]),
        reason=None if reason is None else RejectReason(reason),
        reason_text=row[prefix + "reason_text"],
        justification=row[prefix + "justification"],
        notes=row[prefix + "notes"],
        reviewer=row[prefix + "reviewer"],
        decided_at=when(row[prefix + "decided_at"]),
        supersedes=row[prefix + "supersedes"],
        evidence_sha256=_optional(row, prefix + "evidence_sha256"),
    )


def _optional(row: RowLike, key: str) -> Any:
    """A column a row may lack (a query that does not select it)."""
    try:
        return row[key]
    except (KeyError, IndexError):
        return None


def summary_from_mapping(row: RowLike, *, when: Callable[[Any], datetime]) -> CaseSummary:
    """A case row of either store, with its latest decision's columns prefixed ``d_``."""
    head = None
    if row["audit_seq"] is not None and row["audit_sha256"] is not None:
        head = RecordedAuditHead(int(row["audit_seq"]), str(row["audit_sha256"]))
    stages = str(row["failed_stages"])
    complete = row["evidence_complete"]
    return CaseSummary(
        token=row["token"],
        fetched_at=when(row["fetched_at"]),
        verdict=cast(VerdictStatus, row["verdict"]),
        failed_stages=tuple(stages.split(",")) if stages else (),
        final_code=row["final_code"],
        final_message=row["final_message"],
        liveness_code=row["liveness_code"],
        liveness_message=row["liveness_message"],
        compare_code=row["compare_code"],
        compare_message=row["compare_message"],
        mode=None if row["mode"] is None else FetchMode(row["mode"]),
        provider=row["provider"],
        evidence_complete=None if complete is None else bool(complete),
        masked_name=row["masked_name"],
        profile_name=row["profile_name"],
        endpoint_host=row["endpoint_host"],
        reviewer=row["reviewer"],
        notes=row["notes"],
        export_path=None if row["export_path"] is None else Path(row["export_path"]),
        audit_head=head,
        created_at=when(row["created_at"]),
        updated_at=when(row["updated_at"]),
        latest_decision=decision_from_mapping(row, "d_", when=when),
    )
