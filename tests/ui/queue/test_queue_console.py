"""The queue in the console, through the widgets, against the emulator over HTTP: paste and
import tokens, triage in the background, Next case, decide, and a second reviewer's
confirmation on the team's PostgreSQL (alice rejects, bob agrees); a lost lease; the models."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from iauth_desktop.app import build_window
from iauth_desktop.core.config.resolve import Credentials
from iauth_desktop.core.config.secrets import KeyringStatus
from iauth_desktop.core.model.decision import DecisionAction, RejectReason
from iauth_desktop.core.model.queue import ExpiryBasis, QueueItem, QueueState
from iauth_desktop.core.store.postgres.audit_trail import PostgresAuditTrail
from iauth_desktop.emulator.detectinfo.demo import batch_token
from iauth_desktop.ui.queue.queue_model import (
    ITEM_ROLE,
    QueueColumn,
    QueueFilterModel,
    QueueTableModel,
)
from iauth_desktop.ui.settings.app_settings import AppSettings
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.team_db import TeamDatabase
from tests.ui.conftest import QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE, extend=True)
WAIT_MS = 30_000


@pytest.fixture
def open_window(
    qtbot: QtBot, demo_credentials: Credentials, keyring_status: KeyringStatus
) -> Callable[..., MainWindow]:
    def make(database_url: str | None = None, reviewer: str = "rita") -> MainWindow:
        settings = AppSettings(database_url=database_url, reviewer=reviewer)
        window = build_window(demo_credentials, keyring_status, settings=settings)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


def add_and_triage(qtbot: QtBot, window: MainWindow, text: str | None = None,
                   file: Path | None = None) -> None:  # fmt: skip
    """Paste (or import) through the dialog, then wait for the background triage."""
    session = window.queue.session
    assert session is not None
    dialog = window.queue.add_tokens(text)
    assert dialog is not None
    if file is not None:
        assert dialog.import_file(file)
    with qtbot.waitSignal(session.triage_finished, timeout=WAIT_MS):
        dialog.accept()
    qtbot.waitUntil(lambda: not session.triage_running(), timeout=WAIT_MS)


def claim(qtbot: QtBot, window: MainWindow, *, confirm: bool = False) -> Any:
    session = window.queue.session
    assert session is not None
    with qtbot.waitSignal(session.claimed, timeout=WAIT_MS) as blocker:
        action = window.queue.menu.next_confirmation if confirm else window.queue.menu.next_case
        action.trigger()
    return blocker.args[0]


def test_alice_rejects_and_bob_confirms_through_the_widgets(
    qtbot: QtBot, team: TeamDatabase, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    alice = open_window(team.url("alice"))
    bob = open_window(team.url("bob"))
    failed, passed, other = (batch_token("liveness-602", 1), batch_token("pass", 2),
                             batch_token("compare-604", 3))  # fmt: skip
    add_and_triage(qtbot, alice, text=f"{failed}\n{passed}\n")
    csv_file = tmp_path / "batch.csv"
    created = (datetime.now(UTC) - timedelta(hours=10)).isoformat()
    csv_file.write_text(f"token,created_at\n{other},{created}\n", encoding="utf-8")
    add_and_triage(qtbot, bob, file=csv_file)
    qtbot.waitUntil(lambda: len(alice.queue.view.model.items()) == 3, timeout=WAIT_MS)

    held = claim(qtbot, alice)  # verified 10 h ago (the CSV says): nearest to expiry first
    assert held.item.token == other and held.item.holder == "alice"
    assert held.item.verdict == "failed"
    assert alice.controller.current is not None
    assert alice.controller.current.case.token == other
    assert "Claimed" in alice.queue.claim_bar.lease_text()
    panel = alice.workflow.panel
    panel.choose(DecisionAction.REJECT, RejectReason.LIVENESS_DOUBT)
    panel.notes_edit.setPlainText("the face turns away at the end")
    assert panel.record() is not None, panel.error()
    assert "second reviewer" in alice.queue.claim_bar.lease_text()

    held = claim(qtbot, bob, confirm=True)
    assert held.item.token == other and held.first is not None
    first_text = bob.queue.claim_bar.first_label.text()
    assert "alice" in first_text and "turns away" in first_text
    bob.queue.claim_bar.note_edit.setText("agreed, the video shows it")
    bob.queue.claim_bar.agree_button.click()
    assert "decided" in bob.queue.claim_bar.lease_text()
    service = bob.queue.session.service
    item = service.queue.get_item(other)
    assert item is not None and item.state is QueueState.DECIDED and item.decided_by == "alice"
    with team.superuser() as conn:
        row = conn.execute("SELECT confirmer, outcome FROM confirmations").fetchone()
    assert row == ("bob", "agree")
    assert PostgresAuditTrail(team.url("carol")).verify().ok


def test_a_lost_lease_is_said_and_the_panel_refuses(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    add_and_triage(qtbot, window, text=batch_token("pass", 7) + "\n")
    session = window.queue.session
    assert session is not None
    session.set_lease(timedelta(seconds=1), renew_every=timedelta(minutes=10))
    held = claim(qtbot, window)
    assert held.item.holder == "rita"
    qtbot.wait(1500)
    assert not session.lease_live()
    panel = window.workflow.panel
    panel.choose(DecisionAction.APPROVE)
    assert panel.record() is None
    assert "lost" in panel.error() and held.item.token in panel.error()
    qtbot.waitUntil(lambda: "lost" in window.queue.claim_bar.lease_text(), timeout=3000)
    item = session.service.queue.get_item(held.item.token)
    assert item is not None and item.state is not QueueState.DECIDED


def test_a_renewed_lease_holds_and_closing_gives_the_case_back(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    add_and_triage(qtbot, window, text=batch_token("pass", 8) + "\n")
    session = window.queue.session
    assert session is not None
    session.set_lease(timedelta(seconds=2), renew_every=timedelta(seconds=1))
    held = claim(qtbot, window)
    with qtbot.waitSignal(session.lease_changed, timeout=5000):
        pass
    qtbot.wait(2200)
    assert session.lease_live()  # renewed while held
    window.close_case()
    qtbot.waitUntil(
        lambda: session.service.queue.get_item(held.item.token).state is QueueState.TRIAGED,
        timeout=5000,
    )
    assert session.current is None and not window.queue.claim_bar.isVisible()


def item(token: str, state: QueueState, hours_left: float, **extra: Any) -> QueueItem:
    now = datetime.now(UTC)
    return QueueItem(token=token, state=state, provider="detectinfo", profile_name="prod",
                     endpoint=None, priority=0, queued_at=now - timedelta(hours=1),
                     queued_by="alice", expires_at=now + timedelta(hours=hours_left),
                     expiry_basis=ExpiryBasis.QUEUED, **extra)  # fmt: skip


@pytest.fixture
def items() -> list[QueueItem]:
    return [
        item("{A}", QueueState.TRIAGED, 5, verdict="failed", masked_name="司***"),
        item("{B}", QueueState.PENDING, 60),
        item("{C}", QueueState.AWAITING_CONFIRMATION, 20, decided_by="alice", verdict="passed"),
        item("{D}", QueueState.CLAIMED, 30, holder="bob", claimed_at=datetime.now(UTC)),
    ]


def test_the_queue_model_passes_the_model_tester(qtmodeltester: Any, items: Any) -> None:
    model = QueueTableModel()
    model.set_items(items)
    qtmodeltester.check(model)
    proxy = QueueFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    model.tick()
    model.set_items([])
    qtmodeltester.check(model)


def test_time_left_in_words_and_colour_under_a_day(items: Any) -> None:
    model = QueueTableModel()
    model.set_items(items)
    left = model.index(0, QueueColumn.TIME_LEFT)
    assert "under 24 h" in model.data(left)
    assert model.data(left, 9) is not None  # ForegroundRole: a colour, not colour alone
    assert "estimate" in model.data(left, 3).lower()  # the tooltip says it is an estimate
    assert model.data(model.index(1, QueueColumn.TIME_LEFT), 9) is None


def test_filters_by_state_text_and_the_confirmation_inbox(items: Any) -> None:
    model = QueueTableModel()
    model.set_items(items)
    proxy = QueueFilterModel()
    proxy.setSourceModel(model)
    proxy.set_states(frozenset({QueueState.PENDING}))
    assert proxy.rowCount() == 1
    proxy.set_states(None)
    proxy.setFilterFixedString("bob")
    assert [proxy.data(proxy.index(r, 0), ITEM_ROLE).token for r in range(proxy.rowCount())] == [
        "{D}"
    ]
    proxy.setFilterFixedString("")
    proxy.set_inbox("bob")
    assert proxy.rowCount() == 1 and proxy.data(proxy.index(0, 0), ITEM_ROLE).token == "{C}"
    proxy.set_inbox("alice")
    assert proxy.rowCount() == 0  # her own decision is not in her inbox


def test_the_queue_and_dashboard_speak_chinese(
    qtbot: QtBot, qapp: Any, open_window: Callable[..., MainWindow]
) -> None:
    from iauth_desktop.ui.i18n import install_language

    window = open_window()
    try:
        install_language(qapp, "zh_CN")
        qtbot.wait(50)
        views = window.views
        assert views.tabText(views.indexOf(window.queue.view)) == "队列"
        assert views.tabText(views.indexOf(window.queue.dashboard)) == "看板"
        header = window.queue.view.model.headerData(
            QueueColumn.TIME_LEFT, Qt.Orientation.Horizontal
        )
        assert header == "剩余时间（估计）"
        assert window.queue.menu.next_case.text() == "下一个案件(&N)"
    finally:
        install_language(qapp, "en")
