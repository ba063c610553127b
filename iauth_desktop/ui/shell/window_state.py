"""The window's size and position and its splitters' positions, kept between runs.

Saved when the window closes (``window.json`` in the config folder, written atomically; no
personal data: Qt's geometry and splitter blobs only) and restored at start-up — never in
screenshot mode, whose pictures have the size asked for. A missing, unreadable or foreign file
is ignored: the window opens at its default size.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from iauth_desktop.core.config.paths import config_dir
from iauth_desktop.core.files import write_atomically

STATE_FILE = "window.json"
_VERSION = 1
_log = logging.getLogger(__name__)


def state_path() -> Path:
    return config_dir(create=False) / STATE_FILE


def save_window_state(window: QMainWindow, path: Path | None = None) -> None:
    """Write the window's geometry, its docks' places and widths, and every named splitter's
    state."""
    state = {
        "version": _VERSION,
        "geometry": _text(window.saveGeometry()),
        "docks": _text(window.saveState(_VERSION)),
        "splitters": {
            splitter.objectName(): _text(splitter.saveState())
            for splitter in window.findChildren(QSplitter)
            if splitter.objectName()
        },
    }
    target = path or config_dir() / STATE_FILE
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, json.dumps(state, indent=1).encode("utf-8"))
    except OSError as exc:  # nothing is lost but a window size: say it in the log only
        _log.warning("the window's size could not be saved: %s", exc.strerror or exc)


def restore_window_state(window: QMainWindow, path: Path | None = None) -> bool:
    """Restore what ``save_window_state`` wrote; False (the default size kept) otherwise."""
    source = path or state_path()
    try:
        state: Any = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(state, dict) or state.get("version") != _VERSION:
        return False
    geometry = _blob(state.get("geometry"))
    restored = geometry is not None and window.restoreGeometry(geometry)
    docks = _blob(state.get("docks"))
    if docks is not None:
        window.restoreState(docks, _VERSION)
    splitters = state.get("splitters")
    if isinstance(splitters, dict):
        for splitter in window.findChildren(QSplitter):
            blob = _blob(splitters.get(splitter.objectName()))
            if blob is not None:
                splitter.restoreState(blob)
    return bool(restored)


def _text(blob: QByteArray) -> str:
    return base64.b64encode(bytes(blob.data())).decode("ascii")


def _blob(value: object) -> QByteArray | None:
    if not isinstance(value, str):
        return None
    try:
        return QByteArray(base64.b64decode(value, validate=True))
    except (binascii.Error, ValueError):
        return None
