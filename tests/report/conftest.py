"""Reports rendered once per module from the demo cases, in this process (pytest-qt's app)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from iauth_desktop.core.audit.chain import AuditHead
from iauth_desktop.core.evidence.report_data import (
    ReportContext,
    load_bundle_for_report,
    report_from_bundle,
)
from iauth_desktop.core.model.decision import Decision, make_decision
from iauth_desktop.report.pdf_writer import write_report
from tests.report.demo_cases import demo_bundle

AUDIT_HEAD = AuditHead(41, "ab" * 32)

RenderReport = Callable[..., Path]


def reject_decision() -> Decision:
    return make_decision(
        "reject",
        verdict="passed",
        reason="other",
        reason_text="photo of a screen",
        notes="Called the applicant back; the ID card looked reflective.",
        reviewer="alice",
        decided_at=datetime(2026, 11, 24, 2, 30, tzinfo=UTC),
    )


@pytest.fixture(scope="module")
def render_report(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> RenderReport:
    """``render(case_name, decision=..., full_ids=..., **field_overrides) -> report.pdf``."""

    def render(
        case_name: str = "pass",
        /,
        *,
        decision: Decision | None = None,
        full_ids: bool = False,
        media: dict[str, bytes] | None = None,
        **overrides: object,
    ) -> Path:
        folder = tmp_path_factory.mktemp(f"report-{case_name}")
        bundle = demo_bundle(folder, case_name, media, **overrides)
        loaded, manifest = load_bundle_for_report(bundle)
        context = ReportContext("alice", "9.9.9-test", decision, AUDIT_HEAD, full_ids)
        return write_report(report_from_bundle(loaded, manifest, context), folder / "r.pdf").path

    return render


@pytest.fixture(scope="module")
def pass_report(render_report: RenderReport) -> Path:
    return render_report("pass", decision=reject_decision())
