"""The options a decision takes on the command line (``decide`` and ``queue confirm``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from iauth_desktop.commands.reviewer import acting_reviewer
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.decision import Decision, DecisionAction, RejectReason, make_decision

REASON_CHOICES = tuple(reason.value.replace("_", "-") for reason in RejectReason)


def add_decision_text_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reason-text", default="", metavar="TEXT", help="words for `other`")
    parser.add_argument(
        "--justification",
        default="",
        metavar="TEXT",
        help="why approve a failed or incomplete verdict (10 characters or more)",
    )
    parser.add_argument("--note", default="", metavar="TEXT", help="a note for the record")


def evidence_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--evidence",
        required=True,
        type=Path,
        metavar="DIR",
        help="the evidence bundle you decided on (`fetch TOKEN --out DIR` wrote it)",
    )


def make_cli_decision(
    args: argparse.Namespace, action: DecisionAction, case: ReviewCase
) -> Decision:
    reason = None if action is not DecisionAction.REJECT else args.reject.replace("-", "_")
    return make_decision(
        action,
        verdict=case.review_status,
        reason=reason,
        reason_text=args.reason_text,
        justification=args.justification,
        notes=args.note,
        reviewer=acting_reviewer(getattr(args, "reviewer", None)),
    )
