"""The export as one background task: bundle (when the case was never saved), report, export.

What needs the GUI thread is done before the task starts (``prepare_export``): the report
font is registered and the video's stills are sampled with Qt Multimedia. The worker then writes
the PDF with those stills, and ``core.review.ExportService`` builds, checks, places and audits the
export. A case that was fetched but never saved is first written as a bundle into a private
temporary folder, removed whatever happens.
"""

from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from iauth_desktop import __version__
from iauth_desktop.core.audit.chain import AuditHead
from iauth_desktop.core.audit.trail import AuditTrail
from iauth_desktop.core.config.paths import scratch_dir
from iauth_desktop.core.evidence.bundle import write_case_bundle
from iauth_desktop.core.evidence.report_data import (
    ReportContext,
    load_bundle_for_report,
    report_from_bundle,
)
from iauth_desktop.core.export.case import ExportResult
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.decision import Decision
from iauth_desktop.core.review.exporting import ExportService
from iauth_desktop.core.store.base import CaseStore
from iauth_desktop.report.fonts import report_font_family
from iauth_desktop.report.pdf_writer import ReportWritten, write_report
from iauth_desktop.report.stills import StillsResult, sample_stills
from iauth_desktop.ui.tasks import Progress

BUNDLE_NAME = "bundle"


@dataclass(frozen=True)
class ExportRequest:
    case: ReviewCase
    target: Path
    reviewer: str
    password: str | None
    evidence: bool  # the bundle and the unmasked report (else a masked summary)
    force: bool
    decision: Decision | None
    audit_head: AuditHead | None
    stills: StillsResult | None
    purpose: str | None = None
    recipient: str | None = None
    no_encrypt: bool = False


def prepare_export(case: ReviewCase) -> StillsResult | None:
    """GUI-thread work: the report font, and the video's stills (None: the case has no video)."""
    report_font_family()
    video = case.result.video
    if video is None or video.data is None:
        return None
    return sample_stills(video.data)


def run_export(
    request: ExportRequest,
    audit: AuditTrail,
    history: CaseStore | None,
    progress: Progress,
    cancel: threading.Event,
) -> ExportResult:
    """The worker, run as a ``TaskRunner`` job: ``cancel`` (the job's own stop event) stops it
    at the next step, and nothing is left behind."""
    case = request.case
    if case.bundle_path is not None:
        return _export(request, case.bundle_path, audit, history, (progress, cancel))
    with tempfile.TemporaryDirectory(prefix="export-", dir=scratch_dir()) as temp:
        bundle = write_case_bundle(case, Path(temp) / BUNDLE_NAME)
        return _export(request, bundle, audit, history, (progress, cancel))


def _export(
    request: ExportRequest,
    bundle: Path,
    audit: AuditTrail,
    history: CaseStore | None,
    control: tuple[Progress, threading.Event],
) -> ExportResult:
    progress, cancel = control

    def report(out: Path) -> ReportWritten:
        loaded, manifest = load_bundle_for_report(bundle)
        context = ReportContext(
            request.reviewer,
            __version__,
            request.decision,
            request.audit_head,
            request.evidence,
        )
        data = report_from_bundle(loaded, manifest, context)
        return write_report(data, out, stills=request.stills or _NO_STILLS)

    return ExportService(audit, history).export(
        bundle,
        request.target,
        reviewer=request.reviewer,
        report=report,
        password=request.password,
        evidence=request.evidence,
        purpose=request.purpose,
        recipient=request.recipient,
        no_encrypt=request.no_encrypt,
        force=request.force,
        progress=progress,
        cancel=cancel,
    )


# A case without video: the report says so; nothing is sampled on the worker thread.
_NO_STILLS = StillsResult((), 0, None)
