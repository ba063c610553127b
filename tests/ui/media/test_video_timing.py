"""Frame arithmetic: which frame a position shows, and where to seek to show a frame."""

from __future__ import annotations

import pytest

from iauth_desktop.ui.media.video_timing import frame_at, frame_starting_at, frame_target_ms

NTSC_MS = 1000 / 29.97  # 33.366...


@pytest.mark.parametrize(
    ("ms", "interval", "frame"),
    [(0, 100.0, 0), (99, 100.0, 0), (100, 100.0, 1), (1550, 100.0, 15), (-20, 40.0, 0)],
)
def test_frame_at_a_position(ms: int, interval: float, frame: int) -> None:
    assert frame_at(ms, interval) == frame


def test_frame_start_times_rounded_to_whole_ms_map_back_to_their_frame() -> None:
    for index in range(300):
        start_ms = int(index * NTSC_MS * 1000) // 1000  # the sink's microseconds, floored
        assert frame_starting_at(start_ms, NTSC_MS) == index


def test_seek_targets_the_middle_of_the_frame_inside_the_media() -> None:
    assert frame_target_ms(0, 100.0, 2000) == 50
    assert frame_target_ms(10, 100.0, 2000) == 1050
    assert frame_target_ms(-3, 100.0, 2000) == 50
    assert frame_target_ms(25, 100.0, 2000) == 1999  # past the end: the last frame
    assert frame_target_ms(25, 100.0, 0) == 2550  # duration unknown: no clamp
