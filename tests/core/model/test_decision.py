from datetime import UTC, datetime, timedelta, timezone

import pytest

from iauth_desktop.core.model.decision import (
    MIN_JUSTIFICATION,
    Decision,
    DecisionAction,
    DecisionError,
    RejectReason,
    check_decision,
    default_reviewer,
    make_decision,
    redact_personal_numbers,
    superseding,
)
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.timefmt import (
    format_local_time,
    local_time,
    token_likely_expired,
)

NOW = datetime(2026, 5, 9, 7, 30, tzinfo=UTC)


def test_codes_are_stable() -> None:
    assert [a.value for a in DecisionAction] == ["approve", "reject", "escalate"]
    assert [r.value for r in RejectReason] == [
        "id_mismatch",
        "id_expired",
        "liveness_doubt",
        "face_mismatch",
        "poor_quality",
        "suspected_fraud",
        "other",
    ]
    assert RejectReason.ID_MISMATCH.label == "ID mismatch"
    assert issubclass(DecisionError, UsageError)


@pytest.mark.parametrize("reason", [r for r in RejectReason if r is not RejectReason.OTHER])
def test_each_reason_rejects_without_free_text(reason: RejectReason) -> None:
    decision = make_decision("reject", verdict="failed", reason=reason.value, reviewer="amy")
    assert decision.action is DecisionAction.REJECT
    assert decision.reason is reason
    assert decision.describe() == f"Reject — {reason.label}"


def test_other_needs_free_text() -> None:
    with pytest.raises(DecisionError, match="Other"):
        make_decision("reject", verdict="failed", reason=RejectReason.OTHER, reason_text="  ")
    decision = make_decision(
        "reject", verdict="failed", reason="other", reason_text=" photo of a screen "
    )
    assert decision.reason_text == "photo of a screen"
    assert decision.describe() == "Reject — Other: photo of a screen"


def test_reject_needs_a_reason() -> None:
    with pytest.raises(DecisionError, match="rejection needs a reason"):
        make_decision(DecisionAction.REJECT, verdict="failed")


def test_only_rejections_take_a_reason() -> None:
    with pytest.raises(DecisionError, match="Only a rejection"):
        make_decision("escalate", verdict="failed", reason="suspected_fraud")
    with pytest.raises(DecisionError, match="Only a rejection"):
        make_decision("approve", verdict="passed", reason_text="fine")


@pytest.mark.parametrize("verdict", ["failed", "incomplete"])
def test_approving_a_failed_or_incomplete_case_needs_a_justification(verdict: str) -> None:
    with pytest.raises(DecisionError, match=f"verdict is {verdict}"):
        make_decision("approve", verdict=verdict)  # type: ignore[arg-type]
    with pytest.raises(DecisionError, match="justification"):
        make_decision("approve", verdict=verdict, justification="x" * (MIN_JUSTIFICATION - 1))  # type: ignore[arg-type]
    # Padding does not count towards the length.
    with pytest.raises(DecisionError, match="justification"):
        make_decision("approve", verdict=verdict, justification="  short  " + " " * 20)  # type: ignore[arg-type]
    decision = make_decision(
        "approve",
        verdict=verdict,  # type: ignore[arg-type]
        justification="checked by phone with the branch",
    )
    assert decision.justification == "checked by phone with the branch"


def test_approving_a_passed_case_needs_no_justification() -> None:
    decision = make_decision("approve", verdict="passed", reviewer="amy", clock=lambda: NOW)
    assert decision.justification == ""
    assert decision.decided_at == NOW
    assert decision.id is None and decision.supersedes is None


def test_escalate_needs_nothing_more() -> None:
    assert make_decision("escalate", verdict="incomplete").action is DecisionAction.ESCALATE


def test_unknown_codes_are_refused_plainly() -> None:
    with pytest.raises(DecisionError, match="Unknown decision 'maybe'"):
        make_decision("maybe", verdict="passed")
    with pytest.raises(DecisionError, match="Unknown reason 'vibes'"):
        make_decision("reject", verdict="passed", reason="vibes")


def test_reviewer_defaults_to_the_os_user_and_must_not_be_blank(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LOGNAME", "reviewer-login")
    assert default_reviewer() == "reviewer-login"
    assert make_decision("escalate", verdict="passed").reviewer == "reviewer-login"
    with pytest.raises(DecisionError, match="reviewer"):
        make_decision("escalate", verdict="passed", reviewer="   ")


def test_decided_at_is_stored_in_utc() -> None:
    beijing = timezone(timedelta(hours=8))
    decision = make_decision(
        "escalate", verdict="passed", decided_at=datetime(2026, 5, 9, 15, 30, tzinfo=beijing)
    )
    assert decision.decided_at == NOW
    assert decision.decided_at.utcoffset() == timedelta(0)


def test_local_display_helper() -> None:
    beijing = timezone(timedelta(hours=8), "CST")
    assert local_time(NOW, beijing).hour == 15
    assert format_local_time(NOW, beijing) == "2026-05-09 15:30:00 CST"
    assert format_local_time(NOW.replace(tzinfo=None), beijing) == "2026-05-09 15:30:00 CST"


def test_token_expiry_hint() -> None:
    assert not token_likely_expired(NOW - timedelta(days=2, hours=23), NOW)
    assert token_likely_expired(NOW - timedelta(days=3, minutes=1), NOW)


@pytest.mark.parametrize(
    "text",
    ["ID 11010519491231002X wrong", "old id 110105491231002", "call 13800138000 back"],
)
def test_free_text_must_not_hold_identity_numbers(text: str) -> None:
    with pytest.raises(DecisionError, match="ID or phone number"):
        make_decision("escalate", verdict="passed", notes=text)
    assert "[number removed]" in redact_personal_numbers(text)


def test_short_numbers_are_fine_in_free_text() -> None:
    decision = make_decision("escalate", verdict="passed", notes="ID ends 002X, ticket 4711")
    assert decision.notes == "ID ends 002X, ticket 4711"


def test_free_text_length_is_bounded() -> None:
    with pytest.raises(DecisionError, match="too long"):
        make_decision("escalate", verdict="passed", notes="x" * 4001)


def test_check_decision_applies_to_a_hand_built_decision() -> None:
    decision = Decision(action=DecisionAction.REJECT, reviewer="amy", decided_at=NOW)
    with pytest.raises(DecisionError):
        check_decision(decision, "passed")


def test_superseding_needs_a_recorded_decision() -> None:
    first = make_decision("escalate", verdict="passed", reviewer="amy")
    second = make_decision("approve", verdict="passed", reviewer="amy")
    with pytest.raises(DecisionError, match="recorded"):
        superseding(first, second)
    recorded = Decision(action=DecisionAction.ESCALATE, reviewer="amy", decided_at=NOW, id=7)
    assert superseding(recorded, second).supersedes == 7
