"""``iauth-desktop decide``: record your decision on a case, made on the evidence you fetched.

``--evidence DIR`` is the bundle ``fetch TOKEN --out DIR`` wrote: it is verified, and the
decision records its manifest's SHA-256. In team mode the case must be yours in the queue
(``queue next``); the four-eyes policy may send it to a second reviewer. The embedded store
takes a decision without a queue too.
"""

from __future__ import annotations

import argparse

from iauth_desktop.commands.decision_options import (
    REASON_CHOICES,
    add_decision_text_options,
    evidence_option,
    make_cli_decision,
)
from iauth_desktop.commands.queue import queue_service
from iauth_desktop.core.model.decision import DecisionAction
from iauth_desktop.core.model.queue import QueueState
from iauth_desktop.core.review.queueing import evidence_from_bundle


def add_decide_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("decide", help="record your decision on a case you hold")
    parser.add_argument("token")
    how = parser.add_mutually_exclusive_group(required=True)
    how.add_argument("--approve", action="store_true")
    how.add_argument(
        "--reject", choices=REASON_CHOICES, metavar="REASON", help=", ".join(REASON_CHOICES)
    )
    how.add_argument("--escalate", action="store_true", help="for a supervisor to settle")
    add_decision_text_options(parser)
    evidence_option(parser)
    parser.add_argument("--reviewer", metavar="NAME", help="your name (embedded store only)")
    parser.set_defaults(handler=run_decide)


def run_decide(args: argparse.Namespace) -> int:
    evidence = evidence_from_bundle(args.evidence)
    if args.approve:
        action = DecisionAction.APPROVE
    elif args.escalate:
        action = DecisionAction.ESCALATE
    else:
        action = DecisionAction.REJECT
    decision = make_cli_decision(args, action, evidence.case)
    with queue_service(args) as service:
        done = service.decide(args.token, decision, evidence)
        note = "" if service.four_eyes else f" ({service.status().four_eyes_note})"
    if done.state is QueueState.AWAITING_CONFIRMATION:
        outcome = "awaiting confirmation by a second reviewer (the four-eyes rule)"
    else:
        outcome = "decided"
    print(f"{args.token}: {decision.describe()} — decision #{done.decision_id}, {outcome}{note}")
    return 0
