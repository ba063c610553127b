"""A case under review: one verification result and where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from iauth_desktop.core.model.result import VerificationResult

CaseOrigin = Literal["fetch", "bundle"]


@dataclass
class ReviewCase:
    result: VerificationResult
    token: str
    endpoint: str
    info_type: int
    fetched_at: datetime  # UTC
    origin: CaseOrigin = "fetch"
    profile_name: str | None = None
    bundle_path: Path | None = None
    # For a case opened from a saved bundle: files changed, missing or unexpected since export.
    changed_files: tuple[str, ...] = field(default=())
    missing_files: tuple[str, ...] = field(default=())
    unexpected_files: tuple[str, ...] = field(default=())

    @property
    def tampered(self) -> bool:
        return bool(self.changed_files or self.missing_files or self.unexpected_files)
