"""A case report of a saved bundle, audited: printed only on a trusted log, recorded once made.

The renderer (``iauth_desktop.report``, QtGui) is passed in by the front end, so this stays
Qt-free; the report shows the audit log's head before printing and the case's latest decision.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from iauth_desktop import __version__
from iauth_desktop.core.audit import events
from iauth_desktop.core.audit.trail import AuditTrail
from iauth_desktop.core.evidence.read import LoadedBundle
from iauth_desktop.core.evidence.report_data import (
    EvidenceManifest,
    ReportContext,
    load_bundle_for_report,
)
from iauth_desktop.core.model.decision import Decision
from iauth_desktop.core.model.errors import IauthError
from iauth_desktop.core.review.auditing import record, require_usable
from iauth_desktop.core.store.select import case_store_exists, open_case_store


class PrintedReport(Protocol):
    """What a renderer returns (``report.pdf_writer.ReportWritten`` fits)."""

    @property
    def path(self) -> Path: ...

    @property
    def sha256(self) -> str: ...

    @property
    def pages(self) -> int: ...


# (bundle, its manifest, the context, where to write, replace an existing file) -> the report
Renderer = Callable[[LoadedBundle, EvidenceManifest, ReportContext, Path, bool], PrintedReport]


class ReportService:
    def __init__(self, audit: AuditTrail, render: Renderer) -> None:
        self.audit = audit
        self.render = render

    def write(
        self,
        bundle_dir: Path,
        out: Path,
        *,
        reviewer: str,
        full_ids: bool = False,
        force: bool = False,
    ) -> PrintedReport:
        """Render the bundle's report to ``out`` and record it; nothing unaudited stays behind.

        A damaged log stops the report before it is made (fail closed); IntegrityError when the
        bundle does not match its manifest."""
        head = require_usable(self.audit)
        loaded, manifest = load_bundle_for_report(bundle_dir)
        context = ReportContext(
            reviewer, __version__, recorded_decision(loaded.token), head, full_ids
        )
        written = self.render(loaded, manifest, context, out, force)
        try:
            record(
                self.audit,
                events.reported(
                    loaded.token,
                    path=str(written.path.resolve()),
                    sha256=written.sha256,
                    full_ids=full_ids,
                    pages=written.pages,
                ),
                reviewer,
            )
        except IauthError:
            written.path.unlink(missing_ok=True)  # an unaudited report must not stay behind
            raise
        return written


def recorded_decision(token: str) -> Decision | None:
    """The latest decision the case store holds for ``token`` (None without a store)."""
    if not token or not case_store_exists():
        return None  # never create a store just to print a report
    store = open_case_store()
    try:
        return store.latest_decision(token)
    finally:
        store.close()
