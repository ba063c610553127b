"""Demo cases of the emulator as VerificationResults and evidence bundles, without HTTP."""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from iauth_desktop.core.config.resources import resource_path
from iauth_desktop.core.evidence.bundle import write_bundle
from iauth_desktop.core.model.result import FetchMode, VerificationResult
from iauth_desktop.core.providers.detectinfo.payload import parse_payload
from iauth_desktop.emulator.detectinfo.demo import CASE_TOKENS, CASES

ENDPOINT = "http://127.0.0.1:8443/new/cgi-bin/getdetectinfo.php"
FETCHED_AT = datetime(2026, 11, 23, 21, 0, tzinfo=UTC)
FULL_ID = "990101199005171231"
MASKED_ID = "**************1231"
FULL_PHONE = "13800138000"
MASKED_PHONE = "138****8000"
HOSTILE = "<b>x</b><img src=x>"


def demo_result(
    case_name: str, /, media: Mapping[str, bytes] | None = None, **overrides: Any
) -> VerificationResult:
    """The demo case as the service would send it, fields replaced by ``overrides`` and media
    files by ``media`` (raw bytes by field)."""
    case = CASES[case_name]
    fields = {**case.fields, **overrides}
    for field, file_name in case.media.items():
        data = resource_path("demo", file_name).read_bytes()
        fields[field] = base64.b64encode(data).decode("ascii")
    for field, data in (media or {}).items():
        fields[field] = base64.b64encode(data).decode("ascii")
    return parse_payload(json.dumps(fields, ensure_ascii=False).encode("utf-8"))


def demo_bundle(
    folder: Path,
    case_name: str = "pass",
    /,
    media: Mapping[str, bytes] | None = None,
    **overrides: Any,
) -> Path:
    return write_bundle(
        demo_result(case_name, media, **overrides),
        folder / f"bundle-{case_name}",
        token=CASE_TOKENS[case_name],
        endpoint=ENDPOINT,
        mode=FetchMode.FULL,
        request={"info_type": 0},
        fetched_at=FETCHED_AT,
        tool_version="0.1.0-test",
    )
