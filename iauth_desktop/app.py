"""QApplication bootstrap of the review console (and of its screenshot mode)."""

from __future__ import annotations

import gc
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from iauth_desktop.core.config.profiles import ProfileStore
from iauth_desktop.core.config.resolve import Credentials
from iauth_desktop.core.config.resources import resource_path
from iauth_desktop.core.config.secrets import KeyringStatus, SecretStore
from iauth_desktop.core.model.messages import Detail
from iauth_desktop.core.model.queue import QueueEntry
from iauth_desktop.core.net.child_fetch import ChildFetcher, default_fetcher, shutdown_default
from iauth_desktop.core.providers.registry import default_endpoint, get_spec
from iauth_desktop.report.fonts import register_console_font
from iauth_desktop.ui.error_text import detail_text
from iauth_desktop.ui.i18n import LANGUAGES, install_language, system_language
from iauth_desktop.ui.queue.queue_origin import origin_of
from iauth_desktop.ui.settings.app_settings import AppSettings
from iauth_desktop.ui.settings.connections import (
    build_connections,
    fixed_connection,
    unconfigured_connection,
)
from iauth_desktop.ui.shell.main_window import MainWindow
from iauth_desktop.ui.shell.screenshot import ScreenshotRun, needs_offscreen
from iauth_desktop.ui.shell.view_screenshot import ViewScreenshotRun

_log = logging.getLogger(__name__)
PRESTART_MS = 1000  # the fetch process starts this long after the window shows
_qt_log = logging.getLogger("iauth_desktop.qt")
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def disable_core_dumps() -> None:
    """Decrypted evidence lives in this process's memory: never let it reach a core file."""
    if sys.platform == "win32":
        return  # no core files there; Windows Error Reporting is a system policy
    import resource  # noqa: PLC0415 - POSIX only

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


# Notices with nothing to act on: the offscreen platform's, and libjpeg's about a damaged image
# (the evidence panel already says which image could not be decoded).
_HARMLESS = (
    "propagateSizeHints",
    "Corrupt JPEG data",
    "JPEG datastream contains no image",
    "Unsupported marker type",
)


def _qt_message(kind: QtMsgType, _context: object, message: str) -> None:
    level = _QT_LEVELS.get(kind, logging.WARNING)
    if any(text in message for text in _HARMLESS):
        level = logging.DEBUG
    _qt_log.log(level, "%s", message)


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def application_icon() -> QIcon:
    """The shield-and-card icon, PNG at each size (no SVG icon engine needed, also frozen)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"iauth-desktop-{size}.png")))
    return icon


def settle() -> None:
    """What the console does once its window is painted, before its first fetch."""
    # A provider's crypto backend loads its native libraries on first use, holding the GIL for
    # ~15 ms in a PySide process: let that happen now rather than in the middle of the first fetch
    # (and not before the first paint, which does without it).
    get_spec().warm_up()
    # Everything made so far lives as long as the app: keep the cyclic GC from walking it again
    # (a full collection of it holds the GIL for ~16 ms, a visible hitch during a fetch).
    gc.collect()
    gc.freeze()


class BackgroundSettle(QObject):
    """``settle`` — and the keyring's status when the window has none yet — in a thread; the
    status reaches the window through a queued signal."""

    found = Signal(object)  # KeyringStatus

    def __init__(self, window: MainWindow, *, find_keyring: bool) -> None:
        super().__init__(window)
        self._find_keyring = find_keyring
        self.found.connect(window.set_keyring)
        self.done = threading.Event()

    def start(self) -> None:
        threading.Thread(target=self._run, name="settle", daemon=True).start()

    def _run(self) -> None:
        try:
            if self._find_keyring:
                self.found.emit(SecretStore().status())
            settle()
        finally:
            self.done.set()


class AfterFirstPaint(QObject):
    """Runs ``work`` once, on the turn of the event loop that follows ``window``'s first paint:
    the window shows sooner, and ``work`` still runs before anything queued after that paint."""

    def __init__(self, window: QObject, work: Callable[[], None]) -> None:
        super().__init__(window)
        self._work = work
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._work)
        return False


def build_window(
    creds: Credentials | None,
    keyring: KeyringStatus | None,
    *,
    demo_tokens: dict[str, str] | None = None,
    problem: str | Detail = "",
    settings: AppSettings | None = None,
    demo_sources: dict[str, Credentials] | None = None,
) -> MainWindow:
    """The console for ``creds`` (None: not configured, ``problem`` says why)."""
    register_console_font()
    demo = bool(demo_tokens)
    endpoint_override = None
    if creds is not None and creds.sources.get("endpoint") == "option":
        endpoint_override = creds.endpoint
    if creds is None:
        initial = unconfigured_connection(problem, default_endpoint())
    else:
        initial = fixed_connection(creds, "demo" if demo else None)
    store = None if demo else ProfileStore.default_location()
    connections = build_connections(initial, endpoint_override=endpoint_override, store=store)
    # demo tokens of another provider: fetched through that provider's demo connection
    token_connections: dict[str, str] = {}
    for token, source in (demo_sources or {}).items():
        label = f"demo {source.provider}"
        if all(c.label != label for c in connections):
            connections.append(fixed_connection(source, label))
        token_connections[token] = label
    window = MainWindow(
        connections,
        keyring,
        settings=settings,
        demo_tokens=demo_tokens,
        demo_token_connections=token_connections,
        problem=detail_text(problem) if isinstance(problem, Detail) else problem,
        profile_store=store,
        endpoint_override=endpoint_override,
    )
    window.setWindowIcon(application_icon())
    return window


def run_app(
    creds: Credentials | None,
    keyring: KeyringStatus | None,
    *,
    demo_tokens: dict[str, str] | None = None,
    demo_sources: dict[str, Credentials] | None = None,
    problem: str | Detail = "",
    open_token: str | None = None,
    screenshot: Path | None = None,
    language: str | None = None,
    view: str | None = None,
    window_size: tuple[int, int] | None = None,
    demo_batch: list[QueueEntry] | None = None,
    after_first_paint: Callable[[], None] | None = None,
) -> int:
    """Run the console until it is closed; in screenshot mode until the picture is saved.
    ``keyring`` None: found once the window is painted (looking for the keyring's backend takes
    ~0.1 s). ``after_first_paint`` runs then too, before anything else (the demo starts its
    emulators there)."""
    disable_core_dumps()
    if screenshot is not None and needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("iauth-desktop")
    app.setDesktopFileName("iauth-desktop")  # Wayland: packaging/linux/iauth-desktop.desktop
    settings = AppSettings.load()
    chosen = language or settings.language
    install_language(app, chosen if chosen in LANGUAGES else system_language())
    window = build_window(
        creds,
        keyring,
        demo_tokens=demo_tokens,
        problem=problem,
        settings=settings,
        demo_sources=demo_sources,
    )
    # Fetches run in a worker process (no GIL shared with the window), started by the first
    # fetch, or (spawning takes ~0.3 s) a second after the window shows if that comes first.
    window.controller.fetcher = default_fetcher()
    if window_size is not None:
        window.resize(*window_size)
    first = after_first_paint

    def settle_first() -> None:
        """Screenshot mode: all of it now, on this thread, before the measured fetch starts."""
        if first is not None:
            first()
        if keyring is None:
            window.set_keyring(SecretStore().status())
        settle()

    def settle_aside() -> None:
        """The reviewer's window: the keyring lookup (~0.1 s) and the warm-up (~0.1 s) in a
        thread, so the window answers from its first paint on (they froze it for 0.2 s)."""
        if first is not None:
            first()
        BackgroundSettle(window, find_keyring=keyring is None).start()

    # Ctrl+C in the terminal closes the window as its close button would: the open case is
    # dropped and the fetch process stopped, no traceback
    signal.signal(signal.SIGINT, lambda _number, _frame: window.close())
    python_turn = QTimer(window)  # an idle window runs no Python: let the handler run soon
    python_turn.timeout.connect(lambda: None)
    python_turn.start(250)
    if screenshot is not None and open_token:
        run: ScreenshotRun | ViewScreenshotRun = ScreenshotRun(
            window, open_token, screenshot, window_size=window_size
        )
    elif screenshot is not None and view is not None:
        run = ViewScreenshotRun(window, view, screenshot, seed=demo_batch)
    else:
        return _run_window(app, window, view, open_token, demo_batch, settled=settle_aside)
    run.start()
    # installed after the run's own filter, so called before it: the warm-up is queued before
    # the run's first step (its fetch), and done before that starts
    AfterFirstPaint(window, settle_first)
    app.exec()
    window.close()
    shutdown_default()
    return run.exit_code


def _run_window(
    app: QApplication,
    window: MainWindow,
    view: str | None,
    open_token: str | None,
    demo_batch: list[QueueEntry] | None,
    *,
    settled: Callable[[], None] = settle,
) -> int:
    window.remember_geometry = True  # the reviewer's own window: its size comes back next time
    if not window.restore_state():
        window.fit_screen()  # first start: the default size, within what the screen offers

    def settle_then_fetch() -> None:
        settled()
        if open_token:
            window.fetch_token(open_token)

    AfterFirstPaint(window, settle_then_fetch)
    window.show()
    fetcher = window.controller.fetcher
    if fetcher is not None:  # after the first paint: start-up does not share the CPU with it
        QTimer.singleShot(
            PRESTART_MS,
            lambda: threading.Thread(target=_start_quietly, args=(fetcher,), daemon=True).start(),
        )
    if view is not None:
        window.queue.show_view(view)
    connection = window.token_bar.current_connection()
    if demo_batch and connection is not None:
        window.queue.queue_entries(demo_batch, origin_of(connection))
    code = int(app.exec())
    window.close()
    shutdown_default()
    return code


def _start_quietly(fetcher: ChildFetcher) -> None:
    """Start the fetch process; a failure is logged and tried again by the first fetch."""
    try:
        fetcher.start()
    except Exception as exc:  # noqa: BLE001 - the first fetch tries again and reports it
        _log.warning("the fetch process did not start: %s", type(exc).__name__)
