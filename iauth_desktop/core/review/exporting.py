"""Exporting a case for an auditor, the same way from both front ends.

The default is a masked summary (masked report, evidence manifest, audit entries: no evidence,
no full identity value). An evidence export (the bundle and the unmasked report) is an explicit
choice with a purpose and a recipient, and is an AES-256 zip unless ``no_encrypt`` is asked for
as its own explicit choice; both are audited.

The report inside an export is printed through the review service's rules: it is recorded in
the audit log (with the place it takes inside the export) before the export is assembled, so the
export's ``audit.jsonl`` holds the entry that vouches for its report; then the export itself is
recorded. The audit log is required; the case store is noted when it holds the case.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from iauth_desktop.core.audit import events
from iauth_desktop.core.audit.trail import AuditTrail
from iauth_desktop.core.evidence.read import read_manifest
from iauth_desktop.core.export.case import ExportResult, ProgressCallback, export_case
from iauth_desktop.core.export.place import is_zip_target
from iauth_desktop.core.export.record import REPORT_FILE
from iauth_desktop.core.model.errors import IauthError, UsageError
from iauth_desktop.core.review.auditing import record, require_usable
from iauth_desktop.core.review.reporting import PrintedReport
from iauth_desktop.core.store.base import CaseStore

# Writes the report, unaudited, to the path it is given.
ReportWriter = Callable[[Path], PrintedReport]


def report_place(target: Path) -> str:
    """Where an export's report ends up: ``DIR/report.pdf``, or ``FILE.zip/report.pdf`` (the
    member inside the zip)."""
    return str(Path(target).absolute() / REPORT_FILE)


class ExportService:
    def __init__(self, audit: AuditTrail, store: CaseStore | None = None) -> None:
        self.audit = audit
        self.store = store

    def export(
        self,
        bundle_dir: Path,
        target: Path,
        *,
        reviewer: str,
        report: ReportWriter | None,
        password: str | None = None,
        evidence: bool = False,
        purpose: str | None = None,
        recipient: str | None = None,
        no_encrypt: bool = False,
        force: bool = False,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> ExportResult:
        """Export the bundle to ``target`` (``.zip``: a zip file, else a folder); see
        ``export_case`` for the errors. ``report`` renders the masked report for a summary and
        the unmasked one for an evidence export. A damaged log refuses before anything is made;
        an evidence export without a password needs ``no_encrypt`` (UsageError otherwise)."""
        check_export_options(target, evidence=evidence, password=password, no_encrypt=no_encrypt)
        require_usable(self.audit)
        token = str(read_manifest(Path(bundle_dir)).get("token", ""))

        def audited_report(out: Path) -> PrintedReport:
            assert report is not None
            written = report(out)
            try:
                record(
                    self.audit,
                    events.reported(
                        token,
                        path=report_place(target),
                        sha256=written.sha256,
                        full_ids=evidence,
                        pages=written.pages,
                    ),
                    reviewer,
                )
            except IauthError:
                out.unlink(missing_ok=True)
                raise
            return written

        return export_case(
            bundle_dir,
            target,
            reviewer=reviewer,
            report=audited_report if report is not None else None,
            encrypt_password=password,
            evidence=evidence,
            purpose=purpose,
            recipient=recipient,
            force=force,
            audit=self.audit,
            history=self.store,
            progress=progress,
            cancel=cancel,
        )


def check_export_options(
    target: Path, *, evidence: bool, password: str | None, no_encrypt: bool
) -> None:
    """The export rules both front ends share, checked before anything is made."""
    if no_encrypt and not evidence:
        raise UsageError("--no-encrypt goes with --evidence (a summary holds no evidence)")
    if no_encrypt and password is not None:
        raise UsageError("--no-encrypt and a password contradict each other")
    if evidence and password is None and not no_encrypt:
        raise UsageError(
            "an evidence export is a password-protected AES-256 zip: give a password "
            "(--password-stdin, or the prompt), or choose --no-encrypt explicitly"
        )
    if password is not None and not is_zip_target(Path(target)):
        raise UsageError("only a zip can be encrypted: give a target ending in .zip")


__all__ = ["ExportService", "check_export_options", "is_zip_target", "report_place"]
