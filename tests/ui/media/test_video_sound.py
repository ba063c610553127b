"""Videos with sound (made in memory with PyAV): mute reaches the QAudioOutput; sound only fails."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import SIGNAL
from PySide6.QtMultimedia import QAudioOutput
from pytestqt.qtbot import QtBot

from iauth_desktop.ui.media.video_player import VideoPlayer, settle_notify_overrides
from tests.ui.media.test_video_clips import (
    MULTIMEDIA_NOISE,
    clip_with_sound,
    corner_colour,
    matches,
)

pytest.importorskip("av")
# Headless: no PulseAudio server and no output device; Qt says so once and plays on silently.
pytestmark = pytest.mark.qt_log_ignore("^No audio device detected$", *MULTIMEDIA_NOISE, extend=True)
WAIT_MS = 10_000
GREEN = (40, 200, 40)


@pytest.fixture
def player(qtbot: QtBot) -> Iterator[VideoPlayer]:
    widget = VideoPlayer()
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.clear()


def test_mute_reaches_the_audio_output_and_playback_runs_without_a_device(
    qtbot: QtBot, player: VideoPlayer
) -> None:
    player.set_muted(True)
    with qtbot.waitSignal(player.poster_ready, timeout=WAIT_MS):
        player.load(clip_with_sound(1.0))
    audio = player.audio_output()
    assert audio is not None
    assert audio.isMuted()
    assert player.controls.mute_button.isChecked()
    player.controls.mute_button.click()
    assert not audio.isMuted()
    assert not player.is_muted()
    player.set_muted(True)
    player.play()
    qtbot.waitUntil(lambda: (player.current_frame_ms() or 0) >= 500, timeout=WAIT_MS)
    assert audio.isMuted()
    assert matches(corner_colour(player.current_frame_image()), GREEN)


def test_sound_without_picture_says_so(qtbot: QtBot, player: VideoPlayer) -> None:
    with qtbot.waitSignal(player.failed, timeout=WAIT_MS) as failed:
        player.load(clip_with_sound(0.5, picture=False))
    assert failed.args == ["The video could not be played: the file holds sound but no picture"]
    assert player.is_settled()
    assert not player.has_video()
    assert player.current_frame_image() is None


def test_settling_the_notify_overrides_leaves_the_connections_as_they_were(qtbot: QtBot) -> None:
    """The connect-and-disconnect that spares the renderer threads the GIL changes nothing a
    slot sees: the real connection still fires, once, and the settling one is gone."""
    audio = QAudioOutput()
    seen: list[float] = []
    audio.volumeChanged.connect(seen.append)
    settle_notify_overrides(audio.volumeChanged)
    audio.setVolume(0.25)
    assert seen == [pytest.approx(0.25)]
    assert audio.receivers(SIGNAL("volumeChanged(float)")) == 1
