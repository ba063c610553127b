"""``iauth-desktop audit``: verify the audit log's chain, say where it is, list its entries, and
re-anchor its head once someone has looked at it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from iauth_desktop.core.audit.log import AuditEntry, AuditHead, AuditLog
from iauth_desktop.core.audit.trail import AuditTrail
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.store.select import open_audit_trail, team_database_url


def add_audit_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("audit", help="verify, locate or list the tamper-evident audit log")
    actions = parser.add_subparsers(dest="audit_action", metavar="ACTION", required=True)

    verify = actions.add_parser(
        "verify", help="check the chain; exit 5 naming the first entry changed, removed or moved"
    )
    verify.add_argument(
        "--expect-head",
        metavar="SEQ:SHA256",
        type=_head_argument,
        help="a head recorded earlier (case history, export): also detects entries cut off the end",
    )
    _add_log_option(verify)
    verify.set_defaults(handler=run_audit_verify)

    anchor = actions.add_parser(
        "anchor",
        help="after checking the log: record its current head in the anchor beside it (for a"
        " log older than the anchor, or one whose anchor a crash left behind); recorded",
    )
    anchor.add_argument(
        "--expect-head",
        metavar="SEQ:SHA256",
        type=_head_argument,
        help="a head recorded earlier (case history, export) the log must still hold",
    )
    _add_log_option(anchor)
    anchor.set_defaults(handler=run_audit_anchor)

    path = actions.add_parser("path", help="print where the audit log is")
    path.set_defaults(handler=run_audit_path)

    show = actions.add_parser("show", help="list the entries, one per line")
    show.add_argument("--token", metavar="T", help="only the entries about this token")
    _add_log_option(show)
    show.set_defaults(handler=run_audit_show)


def _add_log_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--log", type=Path, metavar="FILE", help="another audit log (default: the data folder's)"
    )


def _head_argument(text: str) -> AuditHead:
    try:
        return AuditHead.parse(text)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _log(args: argparse.Namespace) -> AuditLog:
    """The workstation's file (for commands that only a file has, such as ``anchor``)."""
    log_path: Path | None = getattr(args, "log", None)
    return AuditLog(log_path) if log_path is not None else AuditLog.default()


def _trail(args: argparse.Namespace) -> AuditTrail:
    """``--log`` when given, else the team's chain in team mode, else the workstation's file."""
    if getattr(args, "log", None) is not None:
        return _log(args)
    return open_audit_trail()


def run_audit_verify(args: argparse.Namespace) -> int:
    report = _trail(args).verify(expected_head=args.expect_head)
    for note in report.notes:
        print(f"note: {note}")
    sys.stdout.flush()
    report.raise_for_problem()
    print(f"audit log intact: {report.entries} entries, head {report.head}")
    return 0


def run_audit_anchor(args: argparse.Namespace) -> int:
    if getattr(args, "log", None) is None and team_database_url() is not None:
        raise UsageError("the team's audit trail lives in the database and has no anchor file")
    head, entry = _log(args).reanchor(expected_head=args.expect_head)
    print(f"audit log anchored at head {head}; recorded as entry {entry.seq}")
    return 0


def run_audit_path(args: argparse.Namespace) -> int:
    print(_trail(args).describe())
    return 0


def run_audit_show(args: argparse.Namespace) -> int:
    entries = _trail(args).entries(token=args.token)
    for entry in entries:
        print(format_entry(entry))
    if not entries:
        about = f" about {args.token}" if args.token else ""
        print(f"no audit entries{about}", file=sys.stderr)
    return 0


def format_entry(entry: AuditEntry) -> str:
    """``#12 2024-05-01T08:30:00.123Z alice decision token={…} action=approve``."""
    details = " ".join(f"{key}={_value_text(value)}" for key, value in sorted(entry.data.items()))
    return f"#{entry.seq} {entry.ts} {entry.reviewer} {entry.event} {details}".rstrip()


def _value_text(value: Any) -> str:
    if isinstance(value, str) and value and not any(c.isspace() or c == '"' for c in value):
        return value
    return json.dumps(value, ensure_ascii=False)
