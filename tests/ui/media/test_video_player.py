"""VideoPlayer against the real FFmpeg backend: poster, seek, frame step, clear, errors."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTranslator
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from iauth_desktop.ui.media.video_player import VideoPlayer
from tests.ui.media.test_video_clips import (
    BLUE,
    DEMO_DURATION_MS,
    DEMO_FRAME_MS,
    MULTIMEDIA_NOISE,
    RED,
    corner_colour,
    demo_clip,
    matches,
    padded_clip,
)

pytestmark = pytest.mark.qt_log_ignore(*MULTIMEDIA_NOISE, extend=True)
WAIT_MS = 10_000


@pytest.fixture
def player(qtbot: QtBot) -> Iterator[VideoPlayer]:
    widget = VideoPlayer()
    qtbot.addWidget(widget)
    widget.resize(480, 420)
    widget.show()
    yield widget
    widget.clear()


def load_with_poster(qtbot: QtBot, player: VideoPlayer, data: QByteArray) -> None:
    with qtbot.waitSignal(player.poster_ready, timeout=WAIT_MS):
        player.load(data)
        assert not player.is_settled()
        assert player.message() == "Loading the video…"
    assert player.is_settled()


def wait_for_frame(qtbot: QtBot, player: VideoPlayer, start_ms: int) -> None:
    qtbot.waitUntil(lambda: player.current_frame_ms() == start_ms, timeout=WAIT_MS)


def test_poster_is_the_first_frame_painted_without_playing(
    qtbot: QtBot, player: VideoPlayer
) -> None:
    load_with_poster(qtbot, player, demo_clip())
    image = player.current_frame_image()
    assert image is not None and image.size().toTuple() == (320, 240)
    assert matches(corner_colour(image), RED)
    assert player.current_frame_ms() == 0
    assert player.has_video() and not player.is_playing()
    assert player.duration_ms() == DEMO_DURATION_MS
    assert player.frame_interval_ms() == pytest.approx(DEMO_FRAME_MS)
    assert player.controls.time_text() == "0:00.0 / 0:02.0"
    assert player.message() == ""
    # What the widget paints: the frame scaled into its target rectangle, aspect ratio kept.
    shown = player.frame_widget.grab().toImage()
    target = player.frame_widget.target_rect()
    assert target.width() * 240 == pytest.approx(target.height() * 320, rel=0.02)
    assert matches(corner_colour(shown.copy(target.adjusted(2, 2, -2, -2))), RED)


def test_seek_into_the_second_second_shows_blue(qtbot: QtBot, player: VideoPlayer) -> None:
    load_with_poster(qtbot, player, demo_clip())
    player.seek(1500)
    wait_for_frame(qtbot, player, 1500)
    image = player.current_frame_image()
    assert image is not None and matches(corner_colour(image), BLUE)
    assert player.controls.time_text() == "0:01.5 / 0:02.0"
    player.controls.slider.setValue(300)  # the user drags the slider back into red
    wait_for_frame(qtbot, player, 300)
    assert matches(corner_colour(player.current_frame_image()), RED)


def test_frame_step_moves_exactly_one_frame(qtbot: QtBot, player: VideoPlayer) -> None:
    load_with_poster(qtbot, player, demo_clip())
    player.step_frame(1)
    wait_for_frame(qtbot, player, DEMO_FRAME_MS)
    assert DEMO_FRAME_MS <= player.position_ms() < 2 * DEMO_FRAME_MS
    player.step_frame(1)
    wait_for_frame(qtbot, player, 2 * DEMO_FRAME_MS)
    player.step_frame(-1)
    wait_for_frame(qtbot, player, DEMO_FRAME_MS)
    player.seek(900)
    wait_for_frame(qtbot, player, 900)
    player.step_frame(1)  # across the colour change: frame 10 is the first blue one
    wait_for_frame(qtbot, player, 1000)
    assert matches(corner_colour(player.current_frame_image()), BLUE)
    assert not player.is_playing()


def test_keys_act_only_with_focus_in_the_player(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    token = QLineEdit(window)  # stands for the token field of the main window
    fetch = QPushButton("Fetch", window)  # a button elsewhere keeps its own Space
    player = VideoPlayer(window)
    layout = QVBoxLayout(window)
    for widget in (token, fetch, player):
        layout.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    load_with_poster(qtbot, player, demo_clip())

    token.setFocus()
    qtbot.keyClick(token, Qt.Key.Key_Space)
    qtbot.keyClick(token, Qt.Key.Key_Right)
    assert token.text() == " "
    fetch.setFocus()
    with qtbot.waitSignal(fetch.clicked, timeout=WAIT_MS):
        qtbot.keyClick(fetch, Qt.Key.Key_Space)
    qtbot.keyClick(fetch, Qt.Key.Key_Right)
    assert not player.is_playing()
    assert player.position_ms() == 0  # a step would have moved it at once

    player.setFocus()
    qtbot.keyClick(player, Qt.Key.Key_Right)
    wait_for_frame(qtbot, player, DEMO_FRAME_MS)
    qtbot.keyClick(player, Qt.Key.Key_Left)
    wait_for_frame(qtbot, player, 0)
    qtbot.keyClick(player.controls.mute_button, Qt.Key.Key_Space)  # a child has focus
    qtbot.waitUntil(player.is_playing, timeout=WAIT_MS)
    qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not player.is_playing(), timeout=WAIT_MS)
    player.clear()


def test_play_pause_and_play_to_the_end(qtbot: QtBot, player: VideoPlayer) -> None:
    load_with_poster(qtbot, player, demo_clip())
    player.set_playback_rate(2.0)
    player.controls.play_button.click()
    qtbot.waitUntil(player.is_playing, timeout=WAIT_MS)
    assert player.controls.play_button.text() == "Pause"
    player.controls.play_button.click()
    qtbot.waitUntil(lambda: not player.is_playing(), timeout=WAIT_MS)
    assert player.controls.play_button.text() == "Play"
    player.toggle_play()
    media = player.media_player()
    qtbot.waitUntil(
        lambda: media.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia, timeout=WAIT_MS
    )
    assert player.current_frame_ms() == DEMO_DURATION_MS - DEMO_FRAME_MS  # the last frame
    assert matches(corner_colour(player.current_frame_image()), BLUE)
    assert player.controls.play_button.text() == "Play"
    player.step_frame(-1)  # after the end, stepping still shows frames
    wait_for_frame(qtbot, player, DEMO_DURATION_MS - 2 * DEMO_FRAME_MS)


def test_speed_choices_set_the_playback_rate(qtbot: QtBot, player: VideoPlayer) -> None:
    load_with_poster(qtbot, player, demo_clip())
    combo = player.controls.speed_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["0.5×", "1×", "2×"]
    assert combo.currentData() == 1.0
    combo.activated.emit(0)
    assert player.media_player().playbackRate() == pytest.approx(0.5)
    player.set_playback_rate(2.0)
    assert player.playback_rate() == pytest.approx(2.0)
    assert combo.currentText() == "2×"


def test_mute_toggles_without_asking_for_a_sound_device(qtbot: QtBot, player: VideoPlayer) -> None:
    load_with_poster(qtbot, player, demo_clip())
    button = player.controls.mute_button
    button.click()
    assert player.is_muted() and button.isChecked() and button.text() == "Unmute"
    button.click()
    assert not player.is_muted() and button.text() == "Mute"
    assert player.audio_output() is None  # a silent clip never needs one


def test_clear_releases_bytes_buffer_source_and_frame(qtbot: QtBot, player: VideoPlayer) -> None:
    data = demo_clip()
    references = sys.getrefcount(data)
    load_with_poster(qtbot, player, data)
    assert player.media_player().sourceDevice() is not None
    player.clear()
    assert player.current_frame_image() is None and player.current_frame_ms() is None
    assert not player.has_video()
    media = player.media_player()
    assert media.source().isEmpty() and media.sourceDevice() is None
    assert media.mediaStatus() == QMediaPlayer.MediaStatus.NoMedia
    assert sys.getrefcount(data) == references  # the widget keeps no reference to the bytes
    assert player.message() == "No video in this case"
    assert not player.controls.play_button.isEnabled()
    qtbot.wait(200)  # a late frame of the old video must not come back
    assert player.current_frame_image() is None


@pytest.mark.qt_log_ignore("^Could not open media", *MULTIMEDIA_NOISE, extend=True)
def test_garbage_bytes_show_the_reason_and_the_next_video_plays(
    qtbot: QtBot, player: VideoPlayer
) -> None:
    with qtbot.waitSignal(player.failed, timeout=WAIT_MS) as failed:
        player.load(QByteArray(b"<b>not a video</b>" * 200))
    assert "could not be played" in failed.args[0]
    assert player.is_settled()
    assert player.message().startswith("The video could not be played: ")
    labels = [label for label in player.findChildren(QLabel) if label.isVisible()]
    assert any("could not be played" in label.text() for label in labels)
    assert not player.has_video() and player.current_frame_image() is None
    player.toggle_play()
    player.step_frame(1)
    assert not player.is_playing()
    load_with_poster(qtbot, player, demo_clip())
    assert player.message() == "" and player.has_video()


def test_nothing_to_show(player: VideoPlayer) -> None:
    player.load(None)
    assert not player.has_video() and player.message() == "No video in this case"
    player.show_unavailable("The video could not be decoded: <b>Base64</b> is corrupt.")
    assert player.message() == "The video could not be decoded: <b>Base64</b> is corrupt."
    label = player.findChild(QLabel, "videoMessage")
    assert label.textFormat() == Qt.TextFormat.PlainText  # shown literally, never as HTML
    assert player.is_failed() and not player.has_video()


def test_huge_padded_clip_still_shows_its_poster(qtbot: QtBot, player: VideoPlayer) -> None:
    load_with_poster(qtbot, player, padded_clip(48 << 20))
    assert matches(corner_colour(player.current_frame_image()), RED)
    assert player.duration_ms() == DEMO_DURATION_MS


def _open_regular_files() -> set[str]:
    found = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("/") and not target.startswith(("/dev/", "/proc/", "/sys/")):
            found.add(target)
    return found


def test_no_temp_file_is_ever_written(
    qtbot: QtBot, player: VideoPlayer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))  # Qt's and FFmpeg's temp folder
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    before = _open_regular_files()
    load_with_poster(qtbot, player, demo_clip())
    player.set_playback_rate(2.0)
    player.play()
    qtbot.waitUntil(lambda: (player.current_frame_ms() or 0) >= 1000, timeout=WAIT_MS)
    assert _open_regular_files() - before == set()
    player.clear()
    assert list(private_tmp.iterdir()) == []


class _Shouting(QTranslator):
    """Every string of the video widgets in upper case: shows what re-labels at run time."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return source.upper() if context.startswith("Video") else ""

    def isEmpty(self) -> bool:  # Qt skips a translator that says it is empty
        return False


def test_language_change_relabels_everything(qtbot: QtBot, player: VideoPlayer) -> None:
    player.load(None)
    translator = _Shouting()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: player.message() == "NO VIDEO IN THIS CASE", timeout=WAIT_MS)
        controls = player.controls
        assert controls.play_button.text() == "PLAY"
        assert controls.mute_button.text() == "MUTE"
        assert controls.speed_label.text() == "SPEED"
        assert controls.step_forward_button.toolTip() == "NEXT FRAME (RIGHT ARROW)"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: player.message() == "No video in this case", timeout=WAIT_MS)
    assert player.controls.play_button.text() == "Play"
