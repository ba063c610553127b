"""A case under review: one verification result and where it came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from iauth_desktop.core.model.result import (
    FetchMode,
    VerdictStatus,
    VerificationResult,
    review_status,
)

CaseOrigin = Literal["fetch", "bundle"]


@dataclass
class ReviewCase:
    result: VerificationResult
    token: str
    endpoint: str
    mode: FetchMode
    fetched_at: datetime  # UTC
    origin: CaseOrigin = "fetch"
    profile_name: str | None = None
    bundle_path: Path | None = None
    # what the fetch asked the provider for, in its own terms (the evidence manifest keeps it)
    request: Mapping[str, Any] = field(default_factory=dict)
    # One fetch's own id (in its manifest): two fetches of one token never share a fingerprint
    fetch_id: str | None = None
    # For a case opened from a saved bundle: files changed, missing or unexpected since export.
    changed_files: tuple[str, ...] = field(default=())
    missing_files: tuple[str, ...] = field(default=())
    unexpected_files: tuple[str, ...] = field(default=())

    @property
    def provider(self) -> str:
        return self.result.provider

    @property
    def evidence_complete(self) -> bool | None:
        """None for a text-only fetch (not applicable)."""
        return self.result.evidence_complete(self.mode)

    @property
    def review_status(self) -> VerdictStatus:
        """The status the decision rules go by (see ``result.review_status``)."""
        return review_status(self.result.verdict.status, self.evidence_complete)

    @property
    def text_only(self) -> bool:
        return self.mode is FetchMode.TEXT_ONLY

    @property
    def tampered(self) -> bool:
        return bool(self.changed_files or self.missing_files or self.unexpected_files)
