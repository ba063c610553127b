"""The transport bar on its own: time text, and which changes are the user's requests."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from iauth_desktop.ui.media.video_controls import VideoControls, format_time


@pytest.mark.parametrize(
    ("ms", "text"),
    [
        (0, "0:00.0"),
        (99, "0:00.0"),
        (1234, "0:01.2"),
        (2000, "0:02.0"),
        (61_950, "1:01.9"),
        (3_600_000, "60:00.0"),
        (-5, "0:00.0"),
    ],
)
def test_format_time(ms: int, text: str) -> None:
    assert format_time(ms) == text


@pytest.fixture
def controls(qtbot: QtBot) -> VideoControls:
    widget = VideoControls()
    qtbot.addWidget(widget)
    widget.set_media_available(True)
    widget.set_duration(2000)
    return widget


def test_reported_position_moves_the_slider_without_a_seek(
    qtbot: QtBot, controls: VideoControls
) -> None:
    with qtbot.assertNotEmitted(controls.seek_requested):
        controls.set_position(1234)
    assert controls.slider.value() == 1234
    assert controls.time_text() == "0:01.2 / 0:02.0"


def test_user_moving_the_slider_asks_for_a_seek(qtbot: QtBot, controls: VideoControls) -> None:
    with qtbot.waitSignal(controls.seek_requested, timeout=1000) as seek:
        controls.slider.setValue(700)
    assert seek.args == [700]


def test_slider_held_by_the_user_is_not_yanked(controls: VideoControls) -> None:
    controls.slider.setValue(500)
    controls.slider.setSliderDown(True)
    controls.set_position(1500)
    assert controls.slider.value() == 500
    assert controls.time_text() == "0:01.5 / 0:02.0"  # the time still tells the truth
    controls.slider.setSliderDown(False)


def test_buttons_ask_for_play_step_speed_and_mute(qtbot: QtBot, controls: VideoControls) -> None:
    with qtbot.waitSignal(controls.play_pause_requested, timeout=1000):
        controls.play_button.click()
    with qtbot.waitSignal(controls.step_requested, timeout=1000) as back:
        controls.step_back_button.click()
    with qtbot.waitSignal(controls.step_requested, timeout=1000) as forward:
        controls.step_forward_button.click()
    assert (back.args, forward.args) == ([-1], [1])
    with qtbot.waitSignal(controls.rate_requested, timeout=1000) as rate:
        controls.speed_combo.activated.emit(2)
    assert rate.args == [2.0]
    with qtbot.waitSignal(controls.mute_requested, timeout=1000) as mute:
        controls.mute_button.click()
    assert mute.args == [True]
    with qtbot.assertNotEmitted(controls.mute_requested):
        controls.set_muted(False)  # the player reporting back is not a new request
    assert not controls.mute_button.isChecked() and controls.mute_button.text() == "Mute"


def test_play_button_follows_the_state_and_media(controls: VideoControls) -> None:
    controls.set_playing(True)
    assert controls.is_playing() and controls.play_button.text() == "Pause"
    controls.set_playing(False)
    assert controls.play_button.text() == "Play"
    controls.set_media_available(False)
    assert not controls.play_button.isEnabled() and not controls.slider.isEnabled()
    assert controls.mute_button.isEnabled() and controls.speed_combo.isEnabled()
