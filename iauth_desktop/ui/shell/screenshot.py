"""Screenshot mode: show the window, fetch one token, save a picture once everything is shown.

Prints exactly one JSON line to stdout: ``startup_ms`` (process start to the window's first
paint), ``load_ms`` (fetch start to every image shown and the video's poster painted) and
``max_gui_stall_ms`` (the longest gap between ticks of a 5 ms heartbeat from the fetch's start
until the case is fully shown and painted: fields, images and poster), ``grab_ms`` (how long
this mode's own ``grab()`` of the whole window then took, on the GUI thread: a picture's cost,
not the console's, so it is reported apart from the stall) and ``fetch_process`` (1 when the
fetch ran in the fetch process, as the console's do).
The exit code follows the CLI's table: 0 shown, 3 service error code, 4 network, 5 decryption;
1 when nothing was shown within the time limit.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Slot

from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.shell.heartbeat import Heartbeat
from iauth_desktop.ui.shell.main_window import DEFAULT_HEIGHT, DEFAULT_WIDTH, MainWindow

TIMEOUT_S = 60.0
EXIT_GAVE_UP = 1
_IMPORTED_AT = time.monotonic()


def process_age_s() -> float:
    """Seconds since this process started (from /proc; since this module's import elsewhere)."""
    try:
        stat = Path("/proc/self/stat").read_text()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        # Field 22 (starttime, clock ticks after boot); the command name in () may hold spaces.
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _IMPORTED_AT


def needs_offscreen(environ: Mapping[str, str] = os.environ) -> bool:
    """No display to show a window on (Linux without X11 or Wayland)."""
    return (
        sys.platform.startswith("linux")
        and not environ.get("QT_QPA_PLATFORM")
        and not environ.get("DISPLAY")
        and not environ.get("WAYLAND_DISPLAY")
    )


class PictureRun(QObject):
    """What both screenshot modes share: show the window, time its first paint, then
    ``_begin`` (the subclass's work, measured by the heartbeat from there); give up after the
    time limit with the picture as it stands; ``exit_code`` is final once the app quits."""

    def __init__(
        self, window: MainWindow, path: Path, *, timeout_s: float, out: TextIO | None
    ) -> None:
        super().__init__(window)
        self._window, self._path = window, path
        self._out = out if out is not None else sys.stdout
        self.exit_code = EXIT_GAVE_UP
        self.heartbeat = Heartbeat(self)
        self._startup_ms: int | None = None
        self._done = False
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.setInterval(int(timeout_s * 1000))
        self._timeout.timeout.connect(self._give_up)

    def _show(self) -> None:
        """Show the window; ``_begin`` runs on the turn after its first paint."""
        self._window.installEventFilter(self)
        self._timeout.start()
        self._window.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._startup_ms is None:
            self._startup_ms = round(process_age_s() * 1000)
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._begin)
        return False

    def _begin(self) -> None:
        raise NotImplementedError

    def _missing(self) -> str:
        """What was not shown in time, for the give-up message."""
        raise NotImplementedError

    @Slot()
    def _give_up(self) -> None:
        self._done = True
        self.heartbeat.stop()
        self._window.grab().save(str(self._path), "PNG")  # what it looked like, for diagnosis
        seconds = self._timeout.interval() // 1000
        print(f"iauth-desktop: gave up: {self._missing()} within {seconds} s", file=sys.stderr)
        self.exit_code = EXIT_GAVE_UP
        self._quit()

    def _quit(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.exit(self.exit_code)


class ScreenshotRun(PictureRun):
    """Drives ``window`` through one fetch; ``exit_code`` is final once the app quits."""

    def __init__(
        self,
        window: MainWindow,
        token: str,
        path: Path,
        *,
        timeout_s: float = TIMEOUT_S,
        out: TextIO | None = None,
        window_size: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(window, path, timeout_s=timeout_s, out=out)
        self._size = window_size
        self._token = token
        self._fetch_started = 0.0
        self._load_ms = 0
        self._prepared: PreparedCase | None = None
        self._media_ready = False

    def start(self) -> None:
        window = self._window
        if window.demo_dock is not None:
            window.demo_dock.hide()  # the case gets the whole width in a picture
        if self._size is None:
            window.resize(DEFAULT_WIDTH, DEFAULT_HEIGHT)  # never the size restored from a run
        window.case_shown.connect(self._on_case_shown)
        window.fetch_failed.connect(self._on_failed)
        window.controller.cancelled.connect(self._on_cancelled)
        media_ready = getattr(window.case_view, "media_ready", None)
        if media_ready is not None:
            media_ready.connect(self._on_media_ready)
        self._show()

    @Slot()
    def _begin(self) -> None:
        """The fetch, once the window has painted."""
        self.heartbeat.start()
        self._fetch_started = time.perf_counter()
        self._window.fetch_token(self._token)

    @Slot(object)
    def _on_case_shown(self, prepared: PreparedCase) -> None:
        self._prepared = prepared
        if self._media_ready:  # images and poster (or their placeholders) already painted
            self._loaded(0)

    @Slot()
    def _on_media_ready(self) -> None:
        if self._fetch_started:
            self._media_ready = True
            if self._prepared is not None:
                self._loaded(0)

    @Slot(str, int)
    def _on_failed(self, _message: str, exit_code: int) -> None:
        self._loaded(exit_code)

    @Slot()
    def _on_cancelled(self) -> None:
        self._loaded(130)

    def _loaded(self, exit_code: int) -> None:
        if self._done:
            return
        self._done = True
        self._load_ms = round((time.perf_counter() - self._fetch_started) * 1000)
        self.exit_code = exit_code
        QTimer.singleShot(0, self._finish)  # let the last state paint first

    @Slot()
    def _finish(self) -> None:
        self._timeout.stop()
        # the case's last paint ran before this call: the stall ends here; the grab (the whole
        # window painted once more, into the picture) is this mode's own work, timed apart
        self.heartbeat.stop()
        grab_started = time.perf_counter()
        picture = self._window.grab()
        grab_ms = round((time.perf_counter() - grab_started) * 1000)
        if not picture.save(str(self._path), "PNG"):
            print(f"iauth-desktop: cannot write {self._path}", file=sys.stderr)
            self.exit_code = EXIT_GAVE_UP
        else:
            figures = {
                "startup_ms": self._startup_ms or 0,
                "load_ms": self._load_ms,
                "max_gui_stall_ms": round(self.heartbeat.max_gap_ms),
                "grab_ms": grab_ms,
                # 1: the fetch ran in the fetch process (core/net/child_fetch.py), 0: in a thread
                "fetch_process": int(self._fetched_in_child()),
            }
            print(json.dumps(figures), file=self._out, flush=True)
        self._quit()

    def _fetched_in_child(self) -> bool:
        fetcher = self._window.controller.fetcher
        return fetcher is not None and fetcher.pid is not None

    def _missing(self) -> str:
        return "nothing was shown"
