"""The plain words shown in place of the video's picture (translated, context "VideoPlayer")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtMultimedia import QMediaPlayer

_CONTEXT = "VideoPlayer"
NO_PICTURE = "no picture track"  # our own description: the media decoded but shows nothing


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def no_video_text() -> str:
    return _tr("No video in this case")


def loading_text() -> str:
    return _tr("Loading the video…")


def player_error_reason(error: QMediaPlayer.Error, description: str) -> str:
    """Qt's error in words a reviewer understands ("Could not open file" means no file here)."""
    if description == NO_PICTURE:
        return _tr("the file holds sound but no picture")
    if error == QMediaPlayer.Error.FormatError:
        return _tr("the data is not a video format this application can decode")
    if error == QMediaPlayer.Error.ResourceError:
        return _tr("the video data is damaged or incomplete ({detail})").format(detail=description)
    return description or _tr("unknown error")


def failure_text(reason: str) -> str:
    return _tr("The video could not be played: {reason}").format(reason=reason)
