"""Turns: steps in order, one per turn of the event loop, other timers running between them;
``run`` replaces what waits, ``cancel`` drops it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from iauth_desktop.ui.turns import Turns


def test_steps_run_in_order_with_other_timers_between(qtbot: QtBot) -> None:
    done: list[str] = []
    other = QTimer()
    other.setInterval(0)
    other.timeout.connect(lambda: done.append("tick"))
    turns = Turns()
    other.start()
    turns.run([lambda: done.append("a"), lambda: done.append("b"), lambda: done.append("c")])
    assert done == []  # nothing before the next turn
    qtbot.waitUntil(lambda: turns.pending() == 0, timeout=5000)
    other.stop()
    steps = [item for item in done if item != "tick"]
    assert steps == ["a", "b", "c"]
    first, last = done.index("a"), done.index("c")
    assert done[first : last + 1].count("tick") >= 2  # never two steps back to back


def test_run_replaces_and_cancel_drops(qtbot: QtBot) -> None:
    done: list[str] = []
    turns = Turns()
    turns.run([lambda: done.append("old")])
    turns.run([lambda: done.append("new"), lambda: turns.run([lambda: done.append("later")])])
    qtbot.waitUntil(lambda: "later" in done, timeout=5000)
    assert done == ["new", "later"]
    turns.run([lambda: done.append("dropped")])
    assert turns.pending() == 1
    turns.cancel()
    assert turns.pending() == 0
    qtbot.wait(20)
    assert "dropped" not in done
