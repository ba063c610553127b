"""Serving until told to stop: the greeting line, SIGTERM (exit 0) and SIGINT (exit 130)."""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from iauth_desktop.core.model.errors import IauthError

EXIT_OK, EXIT_CONFIG, EXIT_INTERRUPTED = 0, 2, 130


def refused(error: IauthError | OSError) -> int:
    """A configuration error or a socket that cannot listen, said on stderr; its exit code."""
    if isinstance(error, IauthError):
        print(f"iauth-desktop emulator: {error}", file=sys.stderr)
        return error.exit_code if error.exit_code != 1 else EXIT_CONFIG
    print(f"iauth-desktop emulator: cannot listen: {error.strerror or error}", file=sys.stderr)
    return EXIT_CONFIG


def serve_until_stopped(stop_server: Callable[[], None], announcement: dict[str, Any]) -> int:
    """Print ``announcement`` as the first stdout line (flushed), then wait for a signal."""
    stop = threading.Event()
    exit_code = [EXIT_OK]

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        exit_code[0] = EXIT_INTERRUPTED if signum == signal.SIGINT else EXIT_OK
        stop.set()

    previous = {}
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            previous[signum] = signal.signal(signum, on_signal)
    try:
        print(json.dumps(announcement, ensure_ascii=False), flush=True)
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:  # a SIGINT that arrived before our handler was installed
        exit_code[0] = EXIT_INTERRUPTED
    finally:
        stop_server()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return exit_code[0]
