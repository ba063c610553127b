"""Frame arithmetic for seeking and frame stepping.

Paused, Qt's FFmpeg backend shows the frame that starts *before* the requested position (asking
for 1000 ms at 10 fps shows the frame at 900 ms, asking for 0 shows frame 0), so every seek aims
at the middle of the wanted frame: the right frame whether the backend rounds down or not.
"""

from __future__ import annotations

from PySide6.QtMultimedia import QMediaMetaData, QMediaPlayer

DEFAULT_FRAME_MS = 40.0  # 25 fps, when the media does not say
_RATE_RANGE = (1.0, 1000.0)


def frame_interval_ms(player: QMediaPlayer) -> float:
    """One frame's duration from the media's (or its video track's) frame rate, else 40 ms."""
    sources = [player.metaData()]
    tracks = player.videoTracks()
    active = player.activeVideoTrack()
    if 0 <= active < len(tracks):
        sources.append(tracks[active])
    for metadata in sources:
        rate = metadata.value(QMediaMetaData.Key.VideoFrameRate)
        if isinstance(rate, int | float) and _RATE_RANGE[0] <= rate <= _RATE_RANGE[1]:
            return 1000.0 / float(rate)
    return DEFAULT_FRAME_MS


def frame_at(ms: float, interval: float) -> int:
    """The frame playing at position ``ms``."""
    return int(max(0.0, ms) // interval)


def frame_starting_at(start_ms: float, interval: float) -> int:
    """The frame whose start time (whole ms, as the sink reports it) is ``start_ms``."""
    return round(max(0.0, start_ms) / interval)


def frame_target_ms(index: int, interval: float, duration_ms: int) -> int:
    """The position to ask for so that frame ``index`` is shown (clamped into the media)."""
    target = round(max(0, index) * interval + interval / 2)
    if duration_ms > 0:
        target = min(target, duration_ms - 1)
    return target
