"""``iauth-desktop export``: a saved case as a folder or a zip for an auditor, offline.

By default a summary: the masked PDF report, the evidence manifest and the case's audit entries
— no evidence, no full identity value, no password needed. ``--evidence`` (``--full-ids`` is its
alias here) exports the evidence bundle byte for byte with the unmasked report, for a
``--purpose`` and a ``--recipient`` (both audited), as an AES-256 zip unless ``--no-encrypt`` is
given. The password comes from a hidden prompt or, for scripts, from the first line of standard
input (``--password-stdin``) — never from the command line, where other users and shell
histories could read it.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from iauth_desktop import __version__
from iauth_desktop.commands.report import render_report
from iauth_desktop.commands.reviewer import acting_reviewer
from iauth_desktop.core.evidence.report_data import ReportContext, load_bundle_for_report
from iauth_desktop.core.export.place import is_zip_target
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.review.exporting import ExportService, check_export_options
from iauth_desktop.core.review.reporting import recorded_decision
from iauth_desktop.core.store.select import open_audit_trail

if TYPE_CHECKING:
    from iauth_desktop.report.pdf_writer import ReportWritten


def add_export_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "export",
        help="export a saved case: a masked summary, or the evidence with --evidence",
    )
    parser.add_argument("bundle", type=Path, metavar="BUNDLE_DIR", help="an evidence bundle")
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="TARGET",
        help="a name ending in .zip for a zip file, anything else for a folder",
    )
    parser.add_argument(
        "--evidence",
        "--full-ids",
        dest="evidence",
        action="store_true",
        help="export the evidence bundle and the unmasked report (needs --purpose and "
        "--recipient; an AES-256 zip unless --no-encrypt; recorded in the audit log)",
    )
    parser.add_argument("--purpose", metavar="TEXT", help="with --evidence: why it is exported")
    parser.add_argument("--recipient", metavar="TEXT", help="with --evidence: who receives it")
    parser.add_argument(
        "--encrypt",
        action="store_true",
        help="encrypt the zip with AES-256 (asks for the password, or see --password-stdin); "
        "an evidence export is encrypted anyway",
    )
    parser.add_argument(
        "--no-encrypt",
        action="store_true",
        help="with --evidence: write the evidence unencrypted (an explicit, audited choice)",
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the zip's password from the first line of standard input",
    )
    parser.add_argument("--reviewer", metavar="NAME", help="who exports it (default: OS user)")
    parser.add_argument("--force", action="store_true", help="replace an existing TARGET")
    parser.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    bundle, out = Path(args.bundle), Path(args.out)
    if not bundle.is_dir():
        raise UsageError(f"{bundle} is not a folder: give an evidence bundle's folder")
    evidence = bool(args.evidence)
    if args.no_encrypt and (args.encrypt or args.password_stdin):
        raise UsageError("--no-encrypt contradicts --encrypt and --password-stdin")
    encrypt = args.encrypt or (evidence and not args.no_encrypt)
    if args.password_stdin and not encrypt:
        raise UsageError("--password-stdin goes with --encrypt or --evidence")
    if (args.purpose or args.recipient) and not evidence:
        raise UsageError("--purpose and --recipient go with --evidence")
    if evidence and not (args.purpose or "").strip():
        raise UsageError("--evidence needs --purpose: why the evidence leaves the console")
    if evidence and not (args.recipient or "").strip():
        raise UsageError("--evidence needs --recipient: who receives the evidence")
    check_export_options(out, evidence=evidence, password="?" if encrypt else None,
                         no_encrypt=args.no_encrypt)  # fmt: skip
    reviewer = acting_reviewer(args.reviewer)
    password = _read_password(from_stdin=args.password_stdin) if encrypt else None

    audit = open_audit_trail()

    def render(path: Path) -> ReportWritten:
        loaded, manifest = load_bundle_for_report(bundle)
        decision = recorded_decision(loaded.token)
        context = ReportContext(reviewer, __version__, decision, audit.head(), evidence)
        return render_report(loaded, manifest, context, path, False)

    result = ExportService(audit).export(
        bundle,
        out,
        reviewer=reviewer,
        report=render,
        password=password,
        evidence=evidence,
        purpose=args.purpose,
        recipient=args.recipient,
        no_encrypt=args.no_encrypt,
        force=args.force,
    )
    kind = (
        "AES-256 encrypted zip" if result.encrypted else ("zip" if is_zip_target(out) else "folder")
    )
    what = (
        "EVIDENCE: the bundle and the report with FULL identity values"
        if evidence
        else "summary: masked report, evidence manifest, audit entries; it cannot reopen the case"
    )
    print(f"case exported to {result.path} ({kind}, {len(result.files)} files; {what})")
    print(f"SHA-256 {result.sha256}; audit entry {result.audit_entry.seq}")
    return 0


def _read_password(*, from_stdin: bool) -> str:
    if from_stdin:
        lines = sys.stdin.read().splitlines()
        password = lines[0] if lines else ""
    else:
        if not sys.stdin.isatty():
            raise UsageError("no terminal to ask for the password on: use --password-stdin")
        password = getpass.getpass("password for the zip: ")
        if getpass.getpass("the same password again: ") != password:
            raise UsageError("the two passwords differ; nothing was exported")
    if not password:
        raise UsageError("the password is empty; nothing was exported")
    return password
