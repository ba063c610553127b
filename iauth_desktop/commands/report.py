"""``iauth-desktop report``: print the PDF case report of a saved evidence bundle, offline.

The bundle must match its manifest (exit 5 otherwise): a report vouches for the evidence it
shows. The decision comes from the case history when one is recorded for the bundle's token; the
audit log's head at the time of printing goes into the report, and the report itself (path,
SHA-256, whether full identity numbers were shown) into the audit log.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from iauth_desktop.commands.reviewer import acting_reviewer
from iauth_desktop.core.evidence.read import LoadedBundle
from iauth_desktop.core.evidence.report_data import (
    EvidenceManifest,
    ReportContext,
    report_from_bundle,
)
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.review.reporting import PrintedReport, ReportService
from iauth_desktop.core.store.select import open_audit_trail

if TYPE_CHECKING:
    from iauth_desktop.report.pdf_writer import ReportWritten


def add_report_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "report", help="print the PDF case report of a saved evidence bundle (offline)"
    )
    parser.add_argument("bundle", type=Path, metavar="BUNDLE_DIR", help="an evidence bundle")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="the PDF")
    parser.add_argument(
        "--full-ids",
        action="store_true",
        help="print ID and phone numbers in full (the choice is recorded in the audit log)",
    )
    parser.add_argument("--reviewer", metavar="NAME", help="who prints it (default: OS user)")
    parser.add_argument("--force", action="store_true", help="replace an existing --out file")
    parser.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    if not Path(args.bundle).is_dir():
        raise UsageError(f"{args.bundle} is not a folder: give an evidence bundle's folder")
    reviewer = acting_reviewer(args.reviewer)
    written = write_audited_report(
        Path(args.bundle), args.out, reviewer=reviewer, full_ids=args.full_ids, force=args.force
    )
    ids = "FULL identity numbers" if args.full_ids else "identity numbers masked"
    print(
        f"case report written to {written.path} ({written.pages} pages, {ids}; "
        f"SHA-256 {written.sha256})"
    )
    return 0


def write_audited_report(
    bundle_dir: Path, out: Path, *, reviewer: str, full_ids: bool = False, force: bool = False
) -> PrintedReport:
    """The bundle's report, printed and audited by the review service (see ``ReportService``)."""
    service = ReportService(open_audit_trail(), render_report)
    return service.write(bundle_dir, out, reviewer=reviewer, full_ids=full_ids, force=force)


def render_report(
    loaded: LoadedBundle,
    manifest: EvidenceManifest,
    context: ReportContext,
    out: Path,
    force: bool,
) -> ReportWritten:
    """Render without auditing: the caller records the report (or the export that holds it)."""
    # Qt only when a report is printed, and its message handler in place before Qt Multimedia
    # loads (which complains about missing PipeWire/VA-API as it loads): every other command
    # stays free of Qt.
    from iauth_desktop.report.app import ensure_gui_application  # noqa: PLC0415

    ensure_gui_application()
    from iauth_desktop.report.pdf_writer import write_report  # noqa: PLC0415

    return write_report(report_from_bundle(loaded, manifest, context), Path(out), force=force)
