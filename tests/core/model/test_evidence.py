"""Evidence that is complete, or says it is not: beside the service's verdict, the media judged."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from iauth_desktop.core.model.decision import DecisionError, make_decision
from iauth_desktop.core.model.result import FetchMode, review_status
from iauth_desktop.core.providers.detectinfo.payload import parse_payload
from iauth_desktop.core.store.sqlite.history import CaseHistory
from iauth_desktop.emulator.detectinfo.demo import CASES
from iauth_desktop.emulator.detectinfo.media import broken_jpeg, demo_file
from iauth_desktop.emulator.detectinfo.responses import build_plaintext


def full_case(name: str, **changes: Any) -> Any:
    demo = CASES[name]
    media = {field: demo_file(file) for field, file in demo.media.items()}
    plain = json.loads(build_plaintext(demo, media, php_style=False))
    plain.update(changes)
    return parse_payload(json.dumps(plain, ensure_ascii=False).encode())


def test_the_demo_pass_case_is_complete() -> None:
    result = full_case("pass")
    assert result.evidence_problems(FetchMode.FULL) == []
    assert result.evidence_complete(FetchMode.FULL) is True
    assert result.evidence_complete(FetchMode.TEXT_ONLY) is None  # not applicable


def test_a_full_fetch_without_video_is_incomplete() -> None:
    result = full_case("pass", video="")
    assert result.verdict.status == "passed"
    assert result.evidence_complete(FetchMode.FULL) is False
    assert ("video", "no video was sent") in result.evidence_problems(FetchMode.FULL)
    assert review_status(result.verdict.status, False) == "incomplete"


def test_an_undecodable_id_front_is_incomplete() -> None:
    result = full_case("pass", frontpic="@@not base64@@")
    problems = dict(result.evidence_problems(FetchMode.FULL))
    assert "frontpic" in problems and "Base64" in problems["frontpic"]


def test_a_cut_short_image_is_incomplete() -> None:
    spoiled = base64.b64encode(broken_jpeg(demo_file("idcard-a-front.jpg"))).decode()
    result = full_case("pass", frontpic=spoiled)
    assert result.evidence_complete(FetchMode.FULL) is False
    assert "frontpic" in dict(result.evidence_problems(FetchMode.FULL))


def test_a_second_verification_needs_no_id_card() -> None:
    result = full_case("second-verification")
    assert result.verification_type == 1
    assert result.evidence_complete(FetchMode.FULL) is True


def test_approving_a_passed_case_on_incomplete_evidence_needs_a_justification(
    tmp_path: Path,
) -> None:
    from datetime import UTC, datetime

    from iauth_desktop.core.model.case import ReviewCase

    case = ReviewCase(full_case("pass", video=""), "{T}", "http://127.0.0.1:1/", FetchMode.FULL,
                      datetime.now(UTC))  # fmt: skip
    assert case.review_status == "incomplete"
    with pytest.raises(DecisionError, match="justification"):
        make_decision("approve", verdict=case.review_status, reviewer="alice")
    with CaseHistory(tmp_path / "h.sqlite3") as history:
        summary = history.record_case(case, "alice", None)
        assert summary.evidence_complete is False
        unjustified = make_decision("approve", verdict="passed", reviewer="alice")
        with pytest.raises(DecisionError, match="justification"):  # the store checks it too
            history.record_decision("{T}", unjustified)
        justified = make_decision(
            "approve",
            verdict=case.review_status,
            justification="video seen in the partner's system",
            reviewer="alice",
        )
        assert history.record_decision("{T}", justified).id is not None
