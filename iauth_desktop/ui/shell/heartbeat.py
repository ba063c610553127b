"""A 5 ms timer in the GUI thread: the longest gap between its ticks is how long the window froze.

The benchmark and screenshot mode report ``max_gap_ms`` while a case loads; tests count ticks.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer, Slot

INTERVAL_MS = 5


class Heartbeat(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self.ticks = 0
        self._last = 0.0
        self._max_gap = 0.0

    def start(self) -> None:
        """Start counting afresh."""
        self.ticks = 0
        self._max_gap = 0.0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        if self._timer.isActive():
            self._tick()  # the time since the last tick counts too
            self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    @property
    def max_gap_ms(self) -> float:
        return self._max_gap * 1000.0

    @Slot()
    def _tick(self) -> None:
        now = time.perf_counter()
        self._max_gap = max(self._max_gap, now - self._last)
        self._last = now
        self.ticks += 1
