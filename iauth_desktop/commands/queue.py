"""``iauth-desktop queue``: the review queue from the command line — add tokens, triage them,
claim the next case, release it, confirm another reviewer's decision, the policy, the status.

The queue lives in the case store: the team's PostgreSQL when ``IAUTH_DATABASE_URL`` names one
(with the four-eyes rule), else this workstation's history (one reviewer, no four-eyes).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from iauth_desktop.commands.decision_options import (
    REASON_CHOICES,
    add_decision_text_options,
    evidence_option,
    make_cli_decision,
)
from iauth_desktop.commands.reviewer import acting_reviewer
from iauth_desktop.core.model.decision import Decision, DecisionAction
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.queue import (
    DEFAULT_LEASE,
    ConfirmOutcome,
    QueueItem,
    QueueOrigin,
    QueuePolicy,
    QueueState,
)
from iauth_desktop.core.model.timefmt import format_local_time, utc_now
from iauth_desktop.core.providers.registry import DEFAULT_PROVIDER, get_spec, provider_names
from iauth_desktop.core.review.queue_import import parse_queue_input
from iauth_desktop.core.review.queueing import QueueService, evidence_from_bundle
from iauth_desktop.core.store.base import CaseStore
from iauth_desktop.core.store.select import open_audit_trail, open_case_store, open_queue

_ON_OFF = {"on": True, "off": False}


def add_queue_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("queue", help="the review queue: add, triage, next, confirm, status")
    actions = parser.add_subparsers(dest="queue_action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="queue tokens: one per line, or a CSV with `token`")
    add.add_argument("file", nargs="?", default="-", help="a TXT or CSV file, or - (stdin)")
    where = add.add_mutually_exclusive_group()
    where.add_argument("--profile", metavar="NAME", help="the profile to fetch them with")
    where.add_argument("--endpoint", metavar="URL", help="the endpoint to fetch them from")
    add.add_argument(
        "--provider",
        choices=provider_names(),
        help="with --endpoint or the environment's credentials (a profile names its own)",
    )
    add.set_defaults(handler=run_queue_add)

    triage = actions.add_parser("triage", help="text-only fetches of the pending cases")
    triage.add_argument("--workers", type=int, default=2, metavar="N", help="at a time (2)")
    triage.add_argument(
        "--no-wait", action="store_true", help="do not wait for network retries to come due"
    )
    triage.add_argument(
        "--backoff", type=float, default=5.0, metavar="SECONDS", help="first retry's pause (5)"
    )
    triage.set_defaults(handler=run_queue_triage)

    nxt = actions.add_parser("next", help="claim the next case (nearest to expiry first)")
    nxt.add_argument("--json", action="store_true", help="print one JSON object")
    nxt.add_argument(
        "--lease",
        type=float,
        default=DEFAULT_LEASE.total_seconds(),
        metavar="SECONDS",
        help=f"how long the claim holds ({int(DEFAULT_LEASE.total_seconds())} s)",
    )
    nxt.add_argument(
        "--confirm", action="store_true", help="the next decision awaiting your confirmation"
    )
    nxt.set_defaults(handler=run_queue_next)

    release = actions.add_parser("release", help="give a claimed case back to the queue")
    release.add_argument("token")
    release.set_defaults(handler=run_queue_release)

    renew = actions.add_parser("renew", help="extend your lease on a case you hold")
    renew.add_argument("token")
    renew.add_argument("--lease", type=float, default=DEFAULT_LEASE.total_seconds())
    renew.set_defaults(handler=run_queue_renew)

    retry = actions.add_parser("retry", help="put a failed or expired case back to pending")
    retry.add_argument("token")
    retry.set_defaults(handler=run_queue_retry)

    confirm = actions.add_parser("confirm", help="a second reviewer's word on a decision")
    confirm.add_argument("token")
    how = confirm.add_mutually_exclusive_group(required=True)
    how.add_argument("--agree", action="store_true", help="the first decision stands")
    how.add_argument("--approve", action="store_true", help="overturn: approve instead")
    how.add_argument("--reject", choices=REASON_CHOICES, metavar="REASON", help="overturn")
    add_decision_text_options(confirm)
    evidence_option(confirm)
    confirm.set_defaults(handler=run_queue_confirm)

    policy = actions.add_parser("policy", help="show or change the four-eyes policy")
    for name, what in (
        ("reject", "rejects"),
        ("override", "approvals against a failed or incomplete verdict"),
        ("escalate", "escalations (settled by a supervisor)"),
    ):
        policy.add_argument(
            f"--{name}", choices=tuple(_ON_OFF), help=f"whether {what} need a second reviewer"
        )
    policy.set_defaults(handler=run_queue_policy)

    status = actions.add_parser("status", help="counts per state, oldest pending, expiring")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=run_queue_status)

    listing = actions.add_parser("list", help="the queued cases in claim order")
    listing.add_argument("--state", action="append", choices=[s.value for s in QueueState])
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_queue_list)

    for action in (add, triage, nxt, release, renew, retry, confirm, policy, status, listing):
        action.add_argument(
            "--reviewer", metavar="NAME", help="your name (embedded store; default: OS user)"
        )


@contextmanager
def queue_service(args: argparse.Namespace) -> Iterator[QueueService]:
    with queue_and_store(args) as (service, _store):
        yield service


@contextmanager
def queue_and_store(args: argparse.Namespace) -> Iterator[tuple[QueueService, CaseStore]]:
    store = open_case_store()
    try:
        reviewer = store.identity or acting_reviewer(getattr(args, "reviewer", None))
        yield QueueService(open_queue(store), open_audit_trail(), reviewer), store
    finally:
        store.close()


def run_queue_add(args: argparse.Namespace) -> int:
    text = _read_input(args.file)
    entries = parse_queue_input(text)
    origin = _origin(args)
    with queue_service(args) as service:
        outcome = service.add(entries, origin)
    print(f"added {len(outcome.added)}, already queued {len(outcome.already)}")
    return 0


def run_queue_triage(args: argparse.Namespace) -> int:
    from iauth_desktop.commands.queue_triage import triage  # noqa: PLC0415

    with queue_service(args) as service:
        report = triage(service, args)
    verdicts = ", ".join(f"{k} {v}" for k, v in sorted(report.by_verdict.items()))
    print(
        f"triaged {report.triaged}" + (f" ({verdicts})" if verdicts else "")
        + f", expired {report.expired}, failed {report.failed}"
    )  # fmt: skip
    return 0


def run_queue_next(args: argparse.Namespace) -> int:
    with queue_and_store(args) as (service, store):
        item = service.claim_next(timedelta(seconds=args.lease), confirm=args.confirm)
        first = _first_decision(store, item) if item is not None and args.confirm else None
    if args.json:
        print(json.dumps(item_json(item, first), ensure_ascii=False))
    elif item is None:
        print("nothing to claim", file=sys.stderr)
    else:
        print(item.token)
        print(_describe(item), file=sys.stderr)
    return 0


def run_queue_release(args: argparse.Namespace) -> int:
    with queue_service(args) as service:
        item = service.release(args.token)
    print(f"{item.token}: back in the queue ({item.state.label})")
    return 0


def run_queue_renew(args: argparse.Namespace) -> int:
    with queue_service(args) as service:
        item = service.renew(args.token, timedelta(seconds=args.lease))
    assert item.lease_until is not None
    print(f"{item.token}: yours until {format_local_time(item.lease_until)}")
    return 0


def run_queue_retry(args: argparse.Namespace) -> int:
    with queue_service(args) as service:
        item = service.retry(args.token)
    print(f"{item.token}: pending again")
    return 0


def run_queue_confirm(args: argparse.Namespace) -> int:
    evidence = evidence_from_bundle(args.evidence)
    if args.agree:
        outcome, overturn = ConfirmOutcome.AGREE, None
        if args.reason_text or args.justification:
            raise UsageError("--reason-text and --justification go with an overturn")
    else:
        action = DecisionAction.APPROVE if args.approve else DecisionAction.REJECT
        outcome = ConfirmOutcome.OVERTURN
        overturn = make_cli_decision(args, action, evidence.case)
    with queue_and_store(args) as (service, store):
        item = service.queue.get_item(args.token)
        first = None if item is None else _first_decision(store, item)
        done = service.confirm(
            args.token,
            outcome,
            evidence,
            overturn=overturn,
            first_evidence=None if first is None else first.evidence_sha256,
            note=args.note or "",
        )
    said = (
        "agreed"
        if outcome is ConfirmOutcome.AGREE
        else f"overturned (decision #{done.decision_id})"
    )
    print(f"{args.token}: {said}; decided")
    return 0


def run_queue_policy(args: argparse.Namespace) -> int:
    with queue_service(args) as service:
        policy = service.policy()
        changes = {k: getattr(args, k) for k in ("reject", "override", "escalate")}
        if any(v is not None for v in changes.values()):
            policy = service.set_policy(
                QueuePolicy(
                    confirm_reject=_flag(changes["reject"], policy.confirm_reject),
                    confirm_override=_flag(changes["override"], policy.confirm_override),
                    confirm_escalate=_flag(changes["escalate"], policy.confirm_escalate),
                )
            )
        four_eyes = service.four_eyes
        note = service.status().four_eyes_note
    if not four_eyes:
        print(note)
        return 0
    print(f"four-eyes: {policy.describe()}")
    if policy.changed_at is not None:
        print(f"last changed by {policy.changed_by} at {format_local_time(policy.changed_at)}")
    return 0


def run_queue_status(args: argparse.Namespace) -> int:
    with queue_service(args) as service:
        status = service.status()
    now = utc_now()
    if args.json:
        print(
            json.dumps(
                {
                    "counts": {s.value: n for s, n in status.counts.items()},
                    "oldest_pending_age_s": None
                    if status.oldest_pending is None
                    else int((now - status.oldest_pending).total_seconds()),
                    "expiring_within_24h": list(status.expiring_soon),
                    "four_eyes": status.four_eyes,
                    "four_eyes_note": status.four_eyes_note,
                },
                ensure_ascii=False,
            )
        )
        return 0
    for state in QueueState:
        print(f"{state.label:<22} {status.counts.get(state, 0):>6}")
    if status.oldest_pending is not None:
        print(f"oldest pending: {_age(now - status.oldest_pending)}")
    print(f"expiring within 24 h (estimated): {len(status.expiring_soon)}")
    print(status.four_eyes_note)
    return 0


def run_queue_list(args: argparse.Namespace) -> int:
    states = [QueueState(s) for s in args.state] if args.state else None
    with queue_service(args) as service:
        items = service.queue.items(states, limit=args.limit)
    if args.json:
        print(json.dumps([item_json(i) for i in items], ensure_ascii=False))
        return 0
    for item in items:
        print(f"{item.token}  {_describe(item)}")
    return 0


# --- helpers ---------------------------------------------------------------------------------


def item_json(item: QueueItem | None, first: Decision | None = None) -> dict[str, Any]:
    if item is None:
        return {"token": None}
    data: dict[str, Any] = {
        "token": item.token,
        "state": item.state.value,
        "verdict": item.verdict,
        "final_code": item.final_code,
        "failed_stages": list(item.failed_stages),
        "expires_at": item.expires_at.isoformat(),
        "expires_estimated_from": item.expiry_basis.value,
        "priority": item.priority,
        "profile": item.profile_name,
        "provider": item.provider,
        "masked_name": item.masked_name,
        "holder": item.holder,
        "lease_until": None if item.lease_until is None else item.lease_until.isoformat(),
        "decision_id": item.decision_id,
        "decided_by": item.decided_by,
        "error": item.error or None,
    }
    if first is not None:
        data["first_decision"] = {
            "id": first.id,
            "action": first.action.value,
            "reason": None if first.reason is None else first.reason.value,
            "reviewer": first.reviewer,
            "evidence_sha256": first.evidence_sha256,
        }
    return data


def _describe(item: QueueItem) -> str:
    left = item.time_left(utc_now())
    if item.state is QueueState.EXPIRED:
        expiry = "token gone (the service said so)"
    elif left.total_seconds() > 0:
        expiry = f"expires in {_age(left)} (estimated)"
    else:
        expiry = "likely expired (estimated)"
    parts = [item.state.label, item.verdict or "not triaged", expiry]
    if item.holder:
        parts.append(f"held by {item.holder}")
    if item.error:
        parts.append(item.error)
    return " · ".join(parts)


def _age(delta: timedelta) -> str:
    seconds = int(abs(delta.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    return f"{hours} h {rest // 60:02d} min" if hours else f"{rest // 60} min"


def _origin(args: argparse.Namespace) -> QueueOrigin:
    """Where the tokens are fetched from: a profile (which names its provider), or an endpoint
    or the environment's credentials for ``--provider`` (default: the legacy service)."""
    from iauth_desktop.core.config.profiles import ProfileStore  # noqa: PLC0415

    profiles = ProfileStore.default_location()
    named = args.profile or (None if args.endpoint else os.environ.get("IAUTH_PROFILE"))
    profile = profiles.get(named) if named else (None if args.endpoint else profiles.default())
    if profile is not None:
        if args.provider and args.provider != profile.provider:
            raise UsageError(
                f"{profile.name!r} is a {profile.provider} profile, not {args.provider}"
            )
        return QueueOrigin(profile.provider, profile_name=profile.name)
    provider = get_spec(args.provider).name
    if provider != DEFAULT_PROVIDER:
        raise UsageError(
            f"queue {provider} tokens through a {provider} profile (`profile add NAME --provider "
            f"{provider} …`): it holds what every fetch needs"
        )
    if args.endpoint:
        from iauth_desktop.core.net.endpoints import check_endpoint  # noqa: PLC0415

        check_endpoint(args.endpoint)
        return QueueOrigin(provider, endpoint=args.endpoint)
    # the environment's credentials (IAUTH_APPID …) and endpoint, at triage time
    return QueueOrigin(provider)


def _read_input(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{name} is not UTF-8 text") from None
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from None


def _flag(value: str | None, current: bool) -> bool:
    return current if value is None else _ON_OFF[value]


def _first_decision(store: CaseStore, item: QueueItem) -> Decision | None:
    """The decision the case was put to confirmation with."""
    if item.decision_id is None:
        return None
    return next((d for d in store.decisions(item.token) if d.id == item.decision_id), None)
