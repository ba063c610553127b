"""The QGuiApplication a report needs (fonts, images, video decoding), made only when missing."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import (
    QCoreApplication,
    QLoggingCategory,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication

from iauth_desktop.core.model.errors import UsageError

_qt_log = logging.getLogger("iauth_desktop.report.qt")
_made: list[QGuiApplication] = []  # the application this module made lives as long as the process
# What Qt Multimedia says on any machine without a GPU, VA-API, PipeWire or sound: nothing to do.
_QUIET = (
    "symbolsresolver",
    "No HW decoder",
    "No RHI backend",
    "Using Qt multimedia with FFmpeg",
    "PulseAudioService",
    "No audio device",
)


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or ""
    if (
        kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg)
        or category.startswith("qt.multimedia")
        or any(q in message for q in _QUIET)
    ):
        _qt_log.debug("%s", message)
    else:
        _qt_log.warning("%s", message)


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new offscreen one (a report needs no screen, and an
    unreachable $DISPLAY must not stop the command line from printing)."""
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise UsageError("the PDF report needs a QGuiApplication, not a bare QCoreApplication")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qInstallMessageHandler(_qt_message)
    # Keeps FFmpeg's own stream dump off the terminal; QT_LOGGING_RULES still overrides it.
    QLoggingCategory.setFilterRules("qt.multimedia.ffmpeg.*=false")
    _made.append(QGuiApplication([sys.argv[0] if sys.argv else "iauth-desktop"]))
    return _made[0]
