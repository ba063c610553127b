"""Translated words for decisions: actions, reject reasons, a decision on one line.

The core keeps stable codes (``approve``, ``id_mismatch``) and English labels for the CLI and
the report; the console shows these instead, in the language installed at the moment of the call.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from iauth_desktop.core.model.decision import Decision, DecisionAction, RejectReason
from iauth_desktop.core.model.timefmt import format_local_time


def action_label(action: DecisionAction) -> str:
    labels = {
        DecisionAction.APPROVE: QCoreApplication.translate("DecisionLabels", "Approve"),
        DecisionAction.REJECT: QCoreApplication.translate("DecisionLabels", "Reject"),
        DecisionAction.ESCALATE: QCoreApplication.translate("DecisionLabels", "Escalate"),
    }
    return labels[action]


def action_past_label(action: DecisionAction | None) -> str:
    """The latest decision as a state: ``Approved``; ``Undecided`` when there is none."""
    labels = {
        DecisionAction.APPROVE: QCoreApplication.translate("DecisionLabels", "Approved"),
        DecisionAction.REJECT: QCoreApplication.translate("DecisionLabels", "Rejected"),
        DecisionAction.ESCALATE: QCoreApplication.translate("DecisionLabels", "Escalated"),
    }
    if action is None:
        return QCoreApplication.translate("DecisionLabels", "Undecided")
    return labels[action]


def reason_label(reason: RejectReason) -> str:
    labels = {
        RejectReason.ID_MISMATCH: QCoreApplication.translate("DecisionLabels", "ID mismatch"),
        RejectReason.ID_EXPIRED: QCoreApplication.translate("DecisionLabels", "ID expired"),
        RejectReason.LIVENESS_DOUBT: QCoreApplication.translate("DecisionLabels", "Liveness doubt"),
        RejectReason.FACE_MISMATCH: QCoreApplication.translate("DecisionLabels", "Face mismatch"),
        RejectReason.POOR_QUALITY: QCoreApplication.translate("DecisionLabels", "Poor quality"),
        RejectReason.SUSPECTED_FRAUD: QCoreApplication.translate(
            "DecisionLabels", "Suspected fraud"
        ),
        RejectReason.OTHER: QCoreApplication.translate("DecisionLabels", "Other"),
    }
    return labels[reason]


def describe_decision(decision: Decision) -> str:
    """``Reject — Other: photo of a screen`` in the interface language."""
    text = action_label(decision.action)
    if decision.reason is not None:
        text += " — " + reason_label(decision.reason)
        if decision.reason_text:
            text += ": " + decision.reason_text
    return text


def decision_time(decision: Decision) -> str:
    """When it was decided, in the reviewer's local time (stored in UTC)."""
    return format_local_time(decision.decided_at)
