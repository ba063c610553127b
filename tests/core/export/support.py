"""What the export tests share besides fixtures (those are in conftest.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.export.case import ExportResult, export_case

STAND_IN_PDF = b"%PDF-1.4\n% a stand-in report for the export tests\n%%EOF\n"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


PURPOSE = "Audit request"
RECIPIENT = "Internal audit"


def export(bundle: Path, target: Path, report: Any, **options: Any) -> ExportResult:
    """``export_case`` into the default audit log (the data folder's), unless one is given; an
    evidence export (the bundle inside) unless ``evidence=False`` is given."""
    options.setdefault("audit", AuditLog.default())
    options.setdefault("evidence", True)
    if options["evidence"]:
        options.setdefault("purpose", PURPOSE)
        options.setdefault("recipient", RECIPIENT)
    return export_case(bundle, target, reviewer="alice", report=report, **options)
