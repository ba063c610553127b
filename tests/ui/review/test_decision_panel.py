"""The decision panel: its rules said in the panel, decisions stored, audited, never edited."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.decision import DecisionAction, RejectReason, make_decision
from iauth_desktop.core.store.sqlite.history import CaseHistory
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.review.decision_list import DecisionColumn
from iauth_desktop.ui.review.decision_panel import DecisionPanel
from iauth_desktop.ui.review.decision_recorder import DecisionRecorder
from tests.ui.case.test_case_view import demo_case

REVIEWER = "rev-alice"


@pytest.fixture
def history(tmp_path: Path) -> Iterator[CaseHistory]:
    with CaseHistory(tmp_path / "history.sqlite3") as db:
        yield db


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    return AuditLog(tmp_path / "audit.jsonl")


@pytest.fixture
def panel(qtbot: QtBot, history: CaseHistory, log: AuditLog) -> DecisionPanel:
    hooks = AuditHooks(log, lambda: REVIEWER)
    widget = DecisionPanel(DecisionRecorder(history, hooks), lambda: REVIEWER)
    qtbot.addWidget(widget)
    widget.resize(360, 760)
    widget.show()
    return widget


def case_of(name: str, token: str) -> ReviewCase:
    return replace(demo_case(name, info_type=1).case, token=token)


def shown(panel: DecisionPanel, history: CaseHistory, case: ReviewCase) -> ReviewCase:
    history.record_case(case, REVIEWER, None)
    panel.show_case(case)
    return case


def test_reject_without_reason_is_refused(panel: DecisionPanel, history: CaseHistory) -> None:
    shown(panel, history, case_of("pass", "{T-1}"))
    panel.choose(DecisionAction.REJECT)
    assert panel.reason_combo.isEnabled() and panel.reason_edit.isEnabled()
    assert panel.record() is None
    assert "needs a reason" in panel.error()
    panel.choose(DecisionAction.REJECT, RejectReason.OTHER)
    assert "required" in panel.reason_text_label.text()
    assert panel.record() is None
    assert "“Other” needs a few words" in panel.error()
    assert history.decisions("{T-1}") == []


def test_approve_failed_case_needs_a_justification(
    panel: DecisionPanel, history: CaseHistory, log: AuditLog
) -> None:
    case = shown(panel, history, case_of("liveness-602", "{T-2}"))
    assert case.result.verdict.status == "failed"
    assert "required" not in panel.justification_label.text()
    panel.choose(DecisionAction.APPROVE)
    assert "required" in panel.justification_label.text()  # shown as required at once
    assert "at least 10 characters" in panel.justification_edit.toolTip()
    assert panel.justification_edit.styleSheet()  # the red frame of a required field
    assert panel.record() is None
    assert panel.error().startswith("This case's verdict is Failed: approving it needs")
    assert history.decisions("{T-2}") == []

    panel.justification_edit.setPlainText("Liveness retried by phone call; the person is known.")
    panel.notes_edit.setPlainText("called back on the registered number")
    stored = panel.record()
    assert stored is not None and stored.id is not None
    assert stored.action is DecisionAction.APPROVE and stored.reviewer == REVIEWER
    assert panel.error() == ""
    [recorded] = history.decisions("{T-2}")
    assert recorded.justification.startswith("Liveness retried")
    entry = log.entries("{T-2}")[-1]
    assert entry.event == "decision" and entry.reviewer == REVIEWER
    assert entry.data == {
        "token": "{T-2}",
        "action": "approve",
        "reason": None,
        "decision_id": stored.id,
        "supersedes": None,
    }
    assert "called back" not in log.path.read_text(encoding="utf-8")  # notes stay out
    assert log.verify().ok


def test_personal_number_in_notes_is_refused_in_words(
    panel: DecisionPanel, history: CaseHistory
) -> None:
    shown(panel, history, case_of("pass", "{T-3}"))
    panel.choose(DecisionAction.ESCALATE)
    panel.notes_edit.setPlainText("ID 990101199005171231 looks odd")
    assert panel.record() is None
    assert panel.error().startswith("The notes seem to hold a full ID or phone number")
    assert "990101199005171231" not in panel.error()
    assert history.decisions("{T-3}") == []


def test_change_decision_supersedes_and_the_list_stays_immutable(
    qtbot: QtBot, panel: DecisionPanel, history: CaseHistory, log: AuditLog
) -> None:
    shown(panel, history, case_of("pass", "{T-4}"))
    assert not panel.change_button.isVisibleTo(panel)
    panel.choose(DecisionAction.APPROVE)
    with qtbot.waitSignal(panel.decision_recorded) as recorded:
        first = panel.record()
    assert recorded.args == [first]
    assert first is not None
    # Recorded: the form is locked until "Change decision".
    assert not panel.record_button.isEnabled()
    assert all(not w.isEnabled() for w in panel.form_widgets())
    assert panel.change_button.isVisibleTo(panel)
    assert panel.record() is None

    qtbot.mouseClick(panel.change_button, Qt.MouseButton.LeftButton)
    assert panel.record_button.isEnabled() and panel.record_button.text() == "&Record change"
    panel.choose(DecisionAction.REJECT, RejectReason.FACE_MISMATCH)
    second = panel.record()
    assert second is not None and second.supersedes == first.id
    decisions = history.decisions("{T-4}")
    assert [d.id for d in decisions] == [first.id, second.id]
    assert decisions[0] == first  # the first is kept as it was recorded
    assert history.latest_decision("{T-4}") == second

    listing = panel.decision_list
    assert listing.topLevelItemCount() == 2
    items = [listing.topLevelItem(i) for i in range(2)]
    assert items[1].text(DecisionColumn.DECISION) == "Reject — Face mismatch"
    assert "Replaced by a later decision" in items[0].toolTip(0)
    assert f"Replaces decision #{first.id}" in items[1].toolTip(0)
    assert not items[0].flags() & Qt.ItemFlag.ItemIsEditable
    assert [e.data["action"] for e in log.entries("{T-4}")] == ["approve", "reject"]
    assert log.entries("{T-4}")[-1].data["reason"] == "face_mismatch"
    assert log.entries("{T-4}")[-1].data["supersedes"] == first.id


def test_a_decision_made_elsewhere_meanwhile_is_not_overwritten(
    panel: DecisionPanel, history: CaseHistory
) -> None:
    shown(panel, history, case_of("pass", "{T-5}"))
    history.record_decision(
        "{T-5}", make_decision("escalate", verdict="passed", reviewer="someone else")
    )
    panel.choose(DecisionAction.APPROVE)
    assert panel.record() is None
    assert "already has a decision" in panel.error()
    assert len(history.decisions("{T-5}")) == 1


def test_decision_time_shown_in_local_time(panel: DecisionPanel, history: CaseHistory) -> None:
    shown(panel, history, case_of("pass", "{T-6}"))
    panel.choose(DecisionAction.ESCALATE)
    stored = panel.record()
    assert stored is not None
    item = panel.decision_list.topLevelItem(0)
    local = stored.decided_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert item.text(DecisionColumn.TIME).startswith(local)
    assert "UTC " + stored.decided_at.strftime("%Y-%m-%dT%H:%M:%S") in item.toolTip(0)


def test_no_case_means_no_decision(panel: DecisionPanel) -> None:
    assert panel.case_label.text() == "No case open."
    assert not panel.record_button.isEnabled()
    assert panel.record() is None
    assert f"Reviewer: {REVIEWER}" in panel.reviewer_label.text()


def test_keyboard_reaches_every_field(
    qtbot: QtBot, panel: DecisionPanel, history: CaseHistory
) -> None:
    shown(panel, history, case_of("pass", "{T-7}"))
    buttons = panel.action_buttons
    assert all(b.text().count("&") == 1 for b in buttons.values())  # Alt+letter mnemonics
    for widget in (*buttons.values(), panel.justification_edit, panel.notes_edit):
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert panel.justification_edit.tabChangesFocus()
    assert panel.justification_label.buddy() is panel.justification_edit
    panel.choose(DecisionAction.ESCALATE)
    panel.notes_edit.setFocus()
    qtbot.keyClick(panel.notes_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(history.decisions("{T-7}")) == 1


def test_approving_on_incomplete_evidence_needs_a_justification(
    panel: DecisionPanel, history: CaseHistory
) -> None:
    case = replace(demo_case("pass", video="").case, token="{T-9}")  # full fetch, no media
    assert case.result.verdict.status == "passed" and case.evidence_complete is False
    shown(panel, history, case)
    panel.choose(DecisionAction.APPROVE)
    assert panel.record() is None
    assert "justification" in panel.error().lower()
    assert history.decisions("{T-9}") == []
    panel.justification_edit.setPlainText("the video was checked in the partner's system")
    assert panel.record() is not None
