"""The plain words shown in place of the video's picture (translated, context "VideoPlayer")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtMultimedia import QMediaPlayer

NO_PICTURE = "no picture track"  # our own description: the media decoded but shows nothing


def no_video_text() -> str:
    return QCoreApplication.translate("VideoPlayer", "No video in this case")


def loading_text() -> str:
    return QCoreApplication.translate("VideoPlayer", "Loading the video…")


def player_error_reason(error: QMediaPlayer.Error, description: str) -> str:
    """Qt's error in words a reviewer understands ("Could not open file" means no file here)."""
    if description == NO_PICTURE:
        return QCoreApplication.translate("VideoPlayer", "the file holds sound but no picture")
    if error == QMediaPlayer.Error.FormatError:
        return QCoreApplication.translate(
            "VideoPlayer", "the data is not a video format this application can decode"
        )
    if error == QMediaPlayer.Error.ResourceError:
        return QCoreApplication.translate(
            "VideoPlayer", "the video data is damaged or incomplete ({detail})"
        ).format(detail=description)
    return description or QCoreApplication.translate("VideoPlayer", "unknown error")


def failure_text(reason: str) -> str:
    return QCoreApplication.translate(
        "VideoPlayer", "The video could not be played: {reason}"
    ).format(reason=reason)
