"""Stills sampled across the liveness video, decoded with Qt Multimedia from memory.

``QMediaPlayer`` reads a ``QBuffer`` over the video bytes (no temp file), a ``QVideoSink`` receives
the frames, no audio output is attached (nothing is ever heard). The player stays paused: each
still is a seek, and a paused FFmpeg backend shows the frame that starts *before* the requested
position, so every seek aims at the middle of the wanted frame (as ui/video_timing does).

Runs a local event loop while it waits: call it on the thread of the QGuiApplication.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QEventLoop, QIODevice, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QMediaMetaData, QMediaPlayer, QVideoFrame, QVideoSink

DEFAULT_STILLS = 6
MAX_STILL_WIDTH = 960  # wider frames are scaled down: six full-HD frames would bloat the PDF
_DEFAULT_FRAME_MS = 40.0
_SOURCE_NAME = QUrl("video.mp4")  # a name only: the bytes come from the QBuffer
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VideoStill:
    image: QImage  # RGB32, no alpha
    start_ms: int  # start time of the frame within the video


@dataclass(frozen=True)
class StillsResult:
    stills: tuple[VideoStill, ...]
    duration_ms: int
    error: str | None = None  # why there are no stills


def sample_stills(
    data: bytes | bytearray | memoryview, count: int = DEFAULT_STILLS, *, timeout_ms: int = 8000
) -> StillsResult:
    """Up to ``count`` frames spread evenly over the video (fewer if it has fewer frames)."""
    grabber = _StillGrabber(bytes(data))
    try:
        return grabber.run(count, timeout_ms)
    finally:
        grabber.close()


def still_indices(frames: int, count: int) -> list[int]:
    """Frame numbers at the middle of ``count`` equal parts of a ``frames``-frame video."""
    count = max(0, min(count, frames))
    return [(2 * k + 1) * frames // (2 * count) for k in range(count)]


class _StillGrabber(QObject):
    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._player = QMediaPlayer(self)
        self._sink = QVideoSink(self)
        self._player.setVideoSink(self._sink)
        self._frame: QVideoFrame | None = None
        self._error: str | None = None
        self._wake: Callable[[], None] | None = None
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._player.errorOccurred.connect(self._on_error)

    def run(self, count: int, timeout_ms: int) -> StillsResult:
        deadline = time.monotonic() + timeout_ms / 1000
        self._player.setSourceDevice(self._buffer, _SOURCE_NAME)
        self._player.pause()  # the backend decodes the first frame and stops there
        self._wait(lambda: self._frame is not None, deadline)
        if self._error is not None or self._frame is None:
            return StillsResult((), 0, self._error or "the video shows no picture")
        duration = max(0, self._player.duration())
        interval = self._frame_interval_ms()
        frames = max(1, round(duration / interval)) if duration else 1
        stills: list[VideoStill] = []
        for index in still_indices(frames, count):
            still = self._grab(index, interval, duration, deadline)
            if still is not None and (not stills or still.start_ms != stills[-1].start_ms):
                stills.append(still)
        return StillsResult(tuple(stills), duration, None if stills else self._error)

    def close(self) -> None:
        self._player.stop()
        self._player.setSource(QUrl())  # waits for the loader: the buffer is ours again
        self._buffer.close()

    def _grab(
        self, index: int, interval: float, duration: int, deadline: float
    ) -> VideoStill | None:
        expected = index * interval
        if not self._shows(expected, interval):
            self._frame = None
            target = round(expected + interval / 2)
            self._player.setPosition(min(target, duration - 1) if duration > 0 else target)
            self._wait(lambda: self._shows(expected, interval), deadline)
        frame = self._frame
        image = frame.toImage() if frame is not None else QImage()
        if image.isNull():
            _log.info("no frame came for still %d of the video", index)
            return None
        start = frame.startTime() // 1000 if frame is not None and frame.startTime() >= 0 else -1
        return VideoStill(_printable(image), start if start >= 0 else round(expected))

    def _shows(self, expected_ms: float, interval: float) -> bool:
        frame = self._frame
        if frame is None or not frame.isValid():
            return False
        if frame.startTime() < 0:
            return True  # the backend does not say: take what it shows
        return abs(frame.startTime() / 1000 - expected_ms) < interval / 2

    def _frame_interval_ms(self) -> float:
        sources = [self._player.metaData()]
        tracks = self._player.videoTracks()
        active = self._player.activeVideoTrack()
        if 0 <= active < len(tracks):
            sources.append(tracks[active])
        for metadata in sources:
            rate = metadata.value(QMediaMetaData.Key.VideoFrameRate)
            if isinstance(rate, int | float) and 1.0 <= rate <= 1000.0:
                return 1000.0 / float(rate)
        return _DEFAULT_FRAME_MS

    def _wait(self, done: Callable[[], bool], deadline: float) -> None:
        remaining = int((deadline - time.monotonic()) * 1000)
        if done() or self._error is not None or remaining <= 0:
            return
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)

        def wake() -> None:
            if done() or self._error is not None:
                loop.quit()

        self._wake = wake
        timer.start(remaining)
        try:
            loop.exec()
        finally:
            timer.stop()
            self._wake = None

    def _on_frame(self, _frame: QVideoFrame) -> None:
        frame = self._sink.videoFrame()  # the newest, not a queued stale argument
        if frame.isValid():
            self._frame = QVideoFrame(frame)
            if self._wake is not None:
                self._wake()

    def _on_error(self, error: QMediaPlayer.Error, description: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        self._error = f"the video could not be decoded: {description or error.name}"
        if self._wake is not None:
            self._wake()


def _printable(image: QImage) -> QImage:
    """RGB32 (an alpha channel would add a soft mask to the PDF), at most MAX_STILL_WIDTH wide."""
    if image.width() > MAX_STILL_WIDTH:
        image = image.scaledToWidth(MAX_STILL_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return image.convertToFormat(QImage.Format.Format_RGB32)
