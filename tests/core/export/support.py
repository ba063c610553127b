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


def export(bundle: Path, target: Path, report: Any, **options: Any) -> ExportResult:
    """``export_case`` into the default audit log (the data folder's), unless one is given."""
    options.setdefault("audit", AuditLog.default())
    return export_case(bundle, target, reviewer="alice", report=report, **options)
