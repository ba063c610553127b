"""The whole review loop without the mouse, on the team's PostgreSQL with four-eyes (issue #17):
next case from the queue (Ctrl+N), find a field and reveal it with its purpose, go to the ID card
(Ctrl+I), zoom it in the viewer, reveal it, play the video (Ctrl+P), decide — reject with a
reason — and record (Ctrl+Return); then a second reviewer takes the confirmation (Ctrl+Shift+N)
and agrees (Alt+G). Every key goes to whatever has the focus: the test never calls
``setFocus`` and never clicks; a modal dialog gets its keys the same way while it is open."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from iauth_desktop.core.model.queue import QueueState
from iauth_desktop.emulator.detectinfo.demo import batch_token
from iauth_desktop.ui.audit.reveal_purpose import PurposeDialog
from iauth_desktop.ui.case.fields_model import FieldColumn, FieldRole
from iauth_desktop.ui.media.image_viewer import ImageViewer
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.team_db import TeamDatabase
from tests.ui.conftest import QT_NOISE
from tests.ui.queue.test_queue_console import WAIT_MS, add_and_triage, open_window

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE, extend=True)
__all__ = ["open_window"]  # the fixture, shared with the queue's console tests
CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)  # fmt: skip
NONE = Qt.KeyboardModifier.NoModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the focus"
    return widget


def key(qtbot: QtBot, k: Qt.Key, mods: Qt.KeyboardModifier = NONE) -> None:
    qtbot.keyClick(focused(), k, mods)


def answer_the_purpose_dialog(qtbot: QtBot) -> None:
    """When the purpose dialog is up (modal, in its own loop): Down picks the second purpose,
    Return says OK — keys to its focused widget, like a reviewer's."""

    def when_open() -> None:
        dialog = QApplication.activeModalWidget()
        widget = QApplication.focusWidget()
        if not isinstance(dialog, PurposeDialog) or not dialog.isAncestorOf(widget):
            QTimer.singleShot(20, when_open)  # not up yet, or not yet holding the focus
            return
        qtbot.keyClick(focused(), Qt.Key.Key_Down)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    QTimer.singleShot(0, when_open)


def activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def test_the_review_loop_with_the_keyboard_alone(
    qtbot: QtBot, team: TeamDatabase, open_window: Callable[..., MainWindow]
) -> None:
    alice = open_window(team.url("alice"), reviewer="alice")
    token = batch_token("liveness-602", 41)
    add_and_triage(qtbot, alice, text=token + "\n")
    activate(qtbot, alice)
    session = alice.queue.session
    assert session is not None

    # next case from the queue
    with qtbot.waitSignal(alice.case_shown, timeout=WAIT_MS):
        key(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: alice.queue.view.isVisible() is False, timeout=WAIT_MS)
    assert alice.controller.current is not None and alice.controller.current.case.token == token

    # find the ID number, then Tab to Reveal and press it: the purpose is asked, by keys
    key(qtbot, Qt.Key.Key_F, CTRL)
    assert focused() is alice.case_view.field_finder
    qtbot.keyClicks(focused(), "ID number")
    key(qtbot, Qt.Key.Key_Return)
    fields = alice.case_view.fields
    model = fields.fields_model()
    row = fields.current_row()
    assert model.index(row, FieldColumn.VALUE).data(FieldRole.KEY) == "ID"
    assert "*" in str(model.index(row, FieldColumn.VALUE).data())
    key(qtbot, Qt.Key.Key_Tab)
    assert isinstance(focused(), QToolButton) and focused().defaultAction() is fields.reveal_action
    answer_the_purpose_dialog(qtbot)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: "*" not in str(model.index(row, FieldColumn.VALUE).data()), timeout=5000
    )
    activate(qtbot, alice)  # the window manager gives the window back its focus

    # the ID card: focus it, open the viewer (Return), zoom in, close it (Escape)
    key(qtbot, Qt.Key.Key_I, CTRL)
    front = focused()
    evidence = alice.case_view.evidence
    assert front in evidence.tiles.values()
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(evidence.viewers()), timeout=5000)
    viewer = evidence.viewers()[0]
    assert isinstance(viewer, ImageViewer)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer, timeout=2000)
    before = viewer.canvas.zoom
    key(qtbot, Qt.Key.Key_Plus, CTRL)
    assert viewer.canvas.zoom > before
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not evidence.viewers(), timeout=5000)
    activate(qtbot, alice)

    # its Reveal is the next stop after the tile (the purpose was given once for this case)
    key(qtbot, Qt.Key.Key_I, CTRL)
    assert focused() is front and front.masked() is True
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is front.reveal_button
    key(qtbot, Qt.Key.Key_Space)
    assert front.masked() is False

    # play the video
    key(qtbot, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(alice.case_view.video.is_playing, timeout=10_000)
    key(qtbot, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: not alice.case_view.video.is_playing(), timeout=10_000)

    # decide: reject (arrow from Approve), a reason from the list, record
    panel = alice.workflow.panel
    key(qtbot, Qt.Key.Key_D, CTRL)
    assert panel.isAncestorOf(focused())
    key(qtbot, Qt.Key.Key_Right)  # Approve → Reject, then Space chooses it
    key(qtbot, Qt.Key.Key_Space)
    assert panel.radio_buttons()[1].isChecked()
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is panel.reason_combo
    key(qtbot, Qt.Key.Key_Down)
    assert panel.reason_combo.currentData() is not None
    qtbot.waitUntil(panel.record_button.isEnabled, timeout=5000)
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: panel.decision_list.topLevelItemCount() == 1, timeout=WAIT_MS)
    assert "second reviewer" in alice.queue.claim_bar.lease_text()

    # bob: the confirmation inbox's next case, agreed with Alt+G
    bob = open_window(team.url("bob"), reviewer="bob")
    activate(qtbot, bob)
    with qtbot.waitSignal(bob.case_shown, timeout=WAIT_MS):
        key(qtbot, Qt.Key.Key_N, CTRL | SHIFT)
    assert "alice" in bob.queue.claim_bar.first_label.text()
    key(qtbot, Qt.Key.Key_G, ALT)
    qtbot.waitUntil(lambda: "decided" in bob.queue.claim_bar.lease_text(), timeout=WAIT_MS)
    item = bob.queue.session.service.queue.get_item(token)
    assert item is not None and item.state is QueueState.DECIDED and item.decided_by == "alice"
