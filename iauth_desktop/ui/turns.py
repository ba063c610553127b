"""Work split into steps run one per turn of the event loop, so the window paints and answers
input between them: no step's cost adds up with the next one's into one long freeze.

Each step runs from a zero-interval timer rather than a posted call: Qt runs every posted call
of a turn back to back, while timers take their turn with the others (input, repaints, a
heartbeat). The timer is started once a step has returned, never before: a timer that came due
while the step ran then goes first (Qt runs due timers in the order of their due times).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer, Slot

Step = Callable[[], None]


class Turns(QObject):
    """``run(steps)`` replaces whatever was still waiting; ``cancel()`` drops it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: deque[Step] = deque()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def run(self, steps: Iterable[Step]) -> None:
        """Run ``steps`` in order, the first on the next turn."""
        self._steps = deque(steps)
        if self._steps:
            self._timer.start()
        else:
            self._timer.stop()

    def cancel(self) -> None:
        self._steps.clear()
        self._timer.stop()

    def pending(self) -> int:
        """How many steps have not run yet."""
        return len(self._steps)

    @Slot()
    def _next(self) -> None:
        if not self._steps:
            return
        step = self._steps.popleft()
        step()
        if self._steps and not self._timer.isActive():  # (the step may have run() anew)
            self._timer.start()
