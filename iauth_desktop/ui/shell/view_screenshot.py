"""Screenshot mode for the Queue and Dashboard views: show the window on that view, wait until
its figures are read (after the demo batch is triaged, when there is one), save a picture.

Prints the same one JSON line as the case's screenshot mode (``startup_ms``, ``load_ms`` from
the first paint to the view filled, ``max_gui_stall_ms``); exit 0, or 1 when nothing was shown
within the time limit.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QTimer, Slot

from iauth_desktop.core.model.queue import QueueEntry
from iauth_desktop.ui.queue.queue_origin import origin_of
from iauth_desktop.ui.shell.main_window import MainWindow
from iauth_desktop.ui.shell.screenshot import EXIT_GAVE_UP, TIMEOUT_S, PictureRun


class ViewScreenshotRun(PictureRun):
    def __init__(
        self,
        window: MainWindow,
        view: str,
        path: Path,
        *,
        seed: list[QueueEntry] | None = None,
        timeout_s: float = TIMEOUT_S,
        out: TextIO | None = None,
    ) -> None:
        super().__init__(window, path, timeout_s=timeout_s, out=out)
        self._view = view
        self._seed = list(seed or [])
        self._started = 0.0
        self._triaged = not self._seed

    def start(self) -> None:
        window = self._window
        if window.demo_dock is not None:
            window.demo_dock.hide()
        session = window.queue.session
        if session is not None:
            session.triage_finished.connect(self._on_triaged)
            session.snapshot.connect(self._on_snapshot)
        window.queue.dashboard.loaded.connect(self._on_dashboard)
        window.queue.show_view(self._view)
        self._show()

    @Slot()
    def _begin(self) -> None:
        self.heartbeat.start()
        self._started = time.perf_counter()
        connection = self._window.token_bar.current_connection()
        if self._seed and connection is not None:
            self._window.queue.queue_entries(self._seed, origin_of(connection))
        elif self._window.queue.session is None:
            self._loaded()  # no store: the view says why, and that is the picture
        elif self._view == "dashboard":
            self._window.queue.dashboard.refresh()
        else:
            self._window.queue.session.refresh()

    @Slot(object)
    def _on_triaged(self, _report: object) -> None:
        self._triaged = True
        if self._view == "dashboard":
            self._window.queue.dashboard.refresh()

    @Slot(object)
    def _on_snapshot(self, _snapshot: object) -> None:
        if self._view == "queue" and self._triaged and self._started:
            self._loaded()

    @Slot(object)
    def _on_dashboard(self, _figures: object) -> None:
        if self._view == "dashboard" and self._triaged:
            self._loaded()

    def _loaded(self) -> None:
        if self._done:
            return
        self._done = True
        self._load_ms = round((time.perf_counter() - self._started) * 1000)
        QTimer.singleShot(200, self._finish)  # let the table and charts paint first

    @Slot()
    def _finish(self) -> None:
        self._timeout.stop()
        picture = self._window.grab()
        self.heartbeat.stop()
        if not picture.save(str(self._path), "PNG"):
            print(f"iauth-desktop: cannot write {self._path}", file=sys.stderr)
            self.exit_code = EXIT_GAVE_UP
        else:
            figures = {
                "startup_ms": self._startup_ms or 0,
                "load_ms": self._load_ms,
                "max_gui_stall_ms": round(self.heartbeat.max_gap_ms),
            }
            print(json.dumps(figures), file=self._out, flush=True)
            self.exit_code = 0
        self._quit()

    def _missing(self) -> str:
        return f"the {self._view} view was not filled"
