"""The reviewer's decision on a case, and the rules a decision must follow before it is recorded.

A recorded decision is never edited: a change is a new decision whose ``supersedes`` names the
one it replaces (the case history enforces that). Codes (``approve``, ``id_mismatch`` …) are
stable: they are stored in the history and written to the audit log.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.messages import ENGLISH, Detail, said
from iauth_desktop.core.model.result import VerdictStatus
from iauth_desktop.core.model.timefmt import as_utc, utc_now

MIN_JUSTIFICATION = 10  # characters, after trimming
MAX_TEXT = 4000  # characters for any one free-text field
UNKNOWN_REVIEWER = "unknown"

# An 18-character ID number, an old 15-digit one, or a mainland mobile number.
_PERSONAL_NUMBER = re.compile(
    r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15}|1[3-9][0-9]{9})(?![0-9A-Za-z])"
)
REDACTED = "[number removed]"


class DecisionError(UsageError):
    """A decision breaks one of the rules; the message says which, in plain words."""


class DecisionAction(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    ESCALATE = "escalate"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class RejectReason(StrEnum):
    ID_MISMATCH = "id_mismatch"
    ID_EXPIRED = "id_expired"
    LIVENESS_DOUBT = "liveness_doubt"
    FACE_MISMATCH = "face_mismatch"
    POOR_QUALITY = "poor_quality"
    SUSPECTED_FRAUD = "suspected_fraud"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _REASON_LABELS[self]


_REASON_LABELS: dict[RejectReason, str] = {
    RejectReason.ID_MISMATCH: "ID mismatch",
    RejectReason.ID_EXPIRED: "ID expired",
    RejectReason.LIVENESS_DOUBT: "Liveness doubt",
    RejectReason.FACE_MISMATCH: "Face mismatch",
    RejectReason.POOR_QUALITY: "Poor quality",
    RejectReason.SUSPECTED_FRAUD: "Suspected fraud",
    RejectReason.OTHER: "Other",
}


@dataclass(frozen=True)
class Decision:
    """One decision as recorded. ``id`` is None until the case history has stored it."""

    action: DecisionAction
    reviewer: str
    decided_at: datetime  # UTC
    reason: RejectReason | None = None
    reason_text: str = ""
    justification: str = ""
    notes: str = ""
    supersedes: int | None = None
    id: int | None = None
    # SHA-256 of the evidence manifest the decision was made on (queue decisions record it)
    evidence_sha256: str | None = None

    def describe(self) -> str:
        """``Reject — Other: photo of a screen`` — one line for lists, reports and the CLI."""
        text = self.action.label
        if self.reason is not None:
            text += f" — {self.reason.label}"
            if self.reason_text:
                text += f": {self.reason_text}"
        return text


def default_reviewer() -> str:
    """The OS user name, the reviewer's name unless the settings say otherwise."""
    try:
        name = getpass.getuser().strip()
    except (OSError, KeyError, ImportError):  # no login name and no passwd entry (containers)
        return UNKNOWN_REVIEWER
    return name or UNKNOWN_REVIEWER


def make_decision(
    action: DecisionAction | str,
    *,
    verdict: VerdictStatus,
    reason: RejectReason | str | None = None,
    reason_text: str = "",
    justification: str = "",
    notes: str = "",
    reviewer: str | None = None,
    decided_at: datetime | None = None,
    supersedes: int | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> Decision:
    """A checked decision from what the reviewer entered; DecisionError says what is missing.

    Text is trimmed; the reviewer defaults to the OS user and the time to now (UTC).
    """
    decision = Decision(
        action=_action(action),
        reason=_reason(reason),
        reason_text=reason_text.strip(),
        justification=justification.strip(),
        notes=notes.strip(),
        reviewer=(default_reviewer() if reviewer is None else reviewer).strip(),
        decided_at=as_utc(clock() if decided_at is None else decided_at),
        supersedes=supersedes,
    )
    check_decision(decision, verdict)
    return decision


def check_decision(decision: Decision, verdict: VerdictStatus) -> None:
    """Raise DecisionError unless ``decision`` may be recorded for a case with ``verdict``."""
    if not decision.reviewer:
        raise DecisionError(said("decision.no_reviewer"))
    if decision.action is DecisionAction.REJECT:
        if decision.reason is None:
            raise DecisionError(said("decision.no_reason"))
        if decision.reason is RejectReason.OTHER and not decision.reason_text:
            raise DecisionError(said("decision.other_words"))
    elif decision.reason is not None or decision.reason_text:
        raise DecisionError(said("decision.reason_only_reject"))
    if (
        decision.action is DecisionAction.APPROVE
        and verdict != "passed"
        and len(decision.justification) < MIN_JUSTIFICATION
    ):
        raise DecisionError(said("decision.justify", verdict=verdict, least=MIN_JUSTIFICATION))
    if decision.supersedes is not None and decision.supersedes < 1:
        raise DecisionError(said("decision.replace_recorded"))
    for label, text in (
        ("reason", decision.reason_text),
        ("justification", decision.justification),
        ("notes", decision.notes),
    ):
        check_free_text(label, text)


def check_free_text(label: str, text: str) -> None:
    """Free text goes into the case history: keep it short and free of identity numbers."""
    if len(text) > MAX_TEXT:
        raise DecisionError(said("decision.too_long", label=_label(label), most=MAX_TEXT))
    if contains_personal_number(text):
        raise DecisionError(said("decision.personal", label=_label(label)))


def _label(label: str) -> Detail | str:
    """A free-text field's name, by key where it has one."""
    key = f"decision.label.{label}"
    return said(key) if key in ENGLISH else label


def contains_personal_number(text: str) -> bool:
    return _PERSONAL_NUMBER.search(text) is not None


def redact_personal_numbers(text: str) -> str:
    """``text`` with anything that looks like a full ID or phone number replaced."""
    return _PERSONAL_NUMBER.sub(REDACTED, text)


def superseding(previous: Decision, replacement: Decision) -> Decision:
    """``replacement`` marked as the change of the recorded decision ``previous``."""
    if previous.id is None:
        raise DecisionError(said("decision.only_recorded"))
    return replace(replacement, supersedes=previous.id, id=None)


def _action(value: DecisionAction | str) -> DecisionAction:
    try:
        return DecisionAction(value)
    except ValueError:
        choices = ", ".join(a.value for a in DecisionAction)
        raise DecisionError(
            said("decision.unknown_action", value=repr(value), choices=choices)
        ) from None


def _reason(value: RejectReason | str | None) -> RejectReason | None:
    if value is None or value == "":
        return None
    try:
        return RejectReason(value)
    except ValueError:
        choices = ", ".join(r.value for r in RejectReason)
        raise DecisionError(
            said("decision.unknown_reason", value=repr(value), choices=choices)
        ) from None


def check_chain(decision: Decision, latest: int | None) -> None:
    """A decision joins its case's chain only by superseding the current latest one (the first
    supersedes nothing); DecisionError otherwise."""
    if decision.supersedes != latest:
        raise DecisionError(chain_problem(decision.supersedes, latest))


def chain_problem(supersedes: int | None, latest: int | None) -> Detail:
    """Why a decision cannot join the case's chain (it must supersede the latest one)."""
    if latest is None:
        return said("decision.not_on_case", supersedes=str(supersedes))
    if supersedes is None:
        return said("decision.must_replace", latest=latest)
    return said("decision.already_replaced", supersedes=supersedes, latest=latest)
