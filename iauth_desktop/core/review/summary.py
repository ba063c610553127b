"""What ``fetch --json`` prints: one object a script can rely on, for a case or for an error."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.errors import IauthError, ServiceError

_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def case_json(case: ReviewCase, bundle: Path | None) -> dict[str, Any]:
    """The case: verdict, whether its evidence is complete (null for text only), the problems,
    every stage's code explained with where the meaning comes from, similarity, the bundle."""
    result = case.result
    codes = []
    for stage in result.stages:
        if not stage.sent:
            continue
        info = stage.info
        codes.append(
            {
                "stage": stage.stage.value,
                "field": stage.field,
                "code": stage.code,
                "meaning_zh": info.zh if info else None,
                "meaning_en": info.en if info else "not a number",
                "source": info.source if info else "unknown",
                "service_message": stage.message,
            }
        )
    found: dict[str, Any] = {
        "token": case.token,
        "provider": result.provider,
        "verdict": result.verdict.status,
        "evidence_complete": case.evidence_complete,
        "problems": [
            {"field": field, "reason": reason}
            for field, reason in result.evidence_problems(case.mode)
        ],
        "codes": codes,
    }
    if result.similarity is not None:
        found["similarity"] = result.similarity
    found["bundle"] = None if bundle is None else str(bundle)
    return found


def error_json(error: IauthError) -> dict[str, Any]:
    """``{"error": {exit, kind, message, service_code}}`` for an error of exit 3, 4 or 5."""
    name = type(error).__name__.removesuffix("Error") or "Iauth"
    return {
        "error": {
            "exit": error.exit_code,
            "kind": _CAMEL.sub("_", name).lower(),
            "message": str(error),
            "service_code": error.code if isinstance(error, ServiceError) else None,
        }
    }
