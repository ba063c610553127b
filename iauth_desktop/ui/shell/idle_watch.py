"""Close the case after N minutes without keyboard or mouse input (the idle-close setting).

Input is watched on the application's windows (``QWindow``), which receive every key and mouse
event from the system before their widgets do, rather than on the application: an application
event filter in Python is called for every event of every widget (layouts, paints, timers),
which added ~1 ms to each few hundred and lengthened every freeze while a case is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QWindow

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
SWEEP_MS = 5000  # how soon a window that never took the focus (a popup) is watched too


class IdleWatch(QObject):
    """``idle`` once ``minutes`` pass with no input anywhere in the application; 0 = never."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._sweep = QTimer(self)  # new windows (a dialog, a viewer) are watched as they come
        self._sweep.setInterval(SWEEP_MS)
        self._sweep.timeout.connect(self._watch_windows)
        self._watching = False

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(0, minutes) * 60_000)

    def set_interval_ms(self, interval_ms: int) -> None:
        app = QGuiApplication.instance()
        if interval_ms <= 0:
            self._timer.stop()
            if self._watching and isinstance(app, QGuiApplication):
                app.focusWindowChanged.disconnect(self._watch_windows)
                self._sweep.stop()
                for window in QGuiApplication.allWindows():
                    window.removeEventFilter(self)
                self._watching = False
            return
        self._timer.setInterval(interval_ms)
        if not self._watching and isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._watch_windows)
            self._sweep.start()
            self._watching = True
        self._watch_windows()
        self._timer.start()

    def is_armed(self) -> bool:
        return self._timer.isActive()

    @Slot()
    @Slot(QWindow)
    def _watch_windows(self, _focus: QWindow | None = None) -> None:
        # installing a filter again only moves it to the front: no window is watched twice
        for window in QGuiApplication.allWindows():
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._timer.interval() > 0:
            self._timer.start()  # restart the countdown
        return False
