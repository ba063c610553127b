"""The liveness video, played from memory: ``QMediaPlayer`` reads a ``QBuffer`` over the decrypted
bytes (never a temp file), a ``QVideoSink`` hands frames to our own ``VideoFrameWidget``.

The poster frame comes from ``pause()`` right after the source is set: the FFmpeg backend then
decodes and shows the first frame without starting playback, so nothing is heard. Seeks and frame
steps go by whole frames (``video_timing``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl, Signal, SignalInstance
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink
from PySide6.QtWidgets import QVBoxLayout, QWidget

from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.media.video_controls import VideoControls
from iauth_desktop.ui.media.video_frame_widget import VideoFrameWidget
from iauth_desktop.ui.media.video_messages import (
    NO_PICTURE,
    failure_text,
    loading_text,
    no_video_text,
    player_error_reason,
)
from iauth_desktop.ui.media.video_timing import (
    frame_at,
    frame_interval_ms,
    frame_starting_at,
    frame_target_ms,
)

_SOURCE_NAME = QUrl("video.mp4")  # a name only: the bytes come from the QBuffer
_log = logging.getLogger(__name__)


def settle_notify_overrides(signal: SignalInstance) -> None:
    """Connect to ``signal`` and disconnect at once, on the GUI thread.

    The first time Qt calls a virtual method of an object made from Python, PySide takes the GIL
    to see whether Python overrides it, then remembers that it does not. The FFmpeg backend's
    renderer threads disconnect from the player's audio output, sink and player while tearing
    down (``disconnectNotify``, under the sender's connection lock); if that is the first such
    call, the renderer thread waits for the GIL while the GUI thread, holding it in ``stop()``,
    waits for that lock: a deadlock (seen once in a full test run, in the sound tests). Calling
    ``connectNotify`` and ``disconnectNotify`` once here settles both, so those threads never
    need the GIL for them.
    """

    def nothing(*_args: object) -> None:
        return None

    signal.connect(nothing)
    signal.disconnect(nothing)


class VideoPlayer(Retranslating, QWidget):
    """After ``load(bytes)``: ``poster_ready`` once the first frame is shown (nothing played),
    or ``failed(message)`` when the bytes are no playable video; either settles the load."""

    poster_ready = Signal()
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoPlayer")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._bytes: QByteArray | None = None
        self._buffer: QBuffer | None = None
        self._audio: QAudioOutput | None = None  # made when a video with sound arrives
        self._muted = False
        self._poster_pending = False
        self._frame_start_ms: int | None = None
        self._error: tuple[QMediaPlayer.Error, str] | None = None
        self._unavailable_message: str | None = None

        self._player = QMediaPlayer(self)
        self._sink = QVideoSink(self)
        settle_notify_overrides(self._player.playbackRateChanged)
        settle_notify_overrides(self._sink.videoFrameChanged)
        self._player.setVideoSink(self._sink)
        self.frame_widget = VideoFrameWidget(self)
        self.controls = VideoControls(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.frame_widget, 1)
        layout.addWidget(self.controls)

        self._sink.videoFrameChanged.connect(self._on_frame)
        self._player.errorOccurred.connect(self._on_error)
        self._player.mediaStatusChanged.connect(self._on_status)
        self._player.playbackStateChanged.connect(self._on_state)
        self._player.durationChanged.connect(self.controls.set_duration)
        self._player.positionChanged.connect(self._on_position)
        self._player.hasAudioChanged.connect(self._on_has_audio)
        self.controls.play_pause_requested.connect(self.toggle_play)
        self.controls.seek_requested.connect(self.seek)
        self.controls.step_requested.connect(self.step_frame)
        self.controls.rate_requested.connect(self.set_playback_rate)
        self.controls.mute_requested.connect(self.set_muted)
        self._shortcuts = [
            self._add_shortcut(Qt.Key.Key_Space, self.toggle_play),
            self._add_shortcut(Qt.Key.Key_Left, lambda: self.step_frame(-1)),
            self._add_shortcut(Qt.Key.Key_Right, lambda: self.step_frame(1)),
        ]
        self.retranslate_ui()

    def _add_shortcut(self, key: Qt.Key, slot: Callable[[], None]) -> QShortcut:
        # Only while focus is in the player: Space keeps typing a space in the token field.
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def load(self, data: QByteArray | None) -> None:
        """Show ``data`` (a video file's bytes, shared, not copied); None shows "no video"."""
        self.clear()
        if data is None or data.isEmpty():
            return
        self._bytes = data
        self._buffer = QBuffer()
        self._buffer.setData(data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._poster_pending = True
        self._refresh_message()
        self._player.setSourceDevice(self._buffer, _SOURCE_NAME)
        self._player.pause()  # requested while loading: the backend stops at the first frame

    def show_unavailable(self, message: str) -> None:
        """No playable bytes at all (e.g. the field failed to decode): show ``message`` (a
        whole sentence, shown as given) in place of the picture."""
        self.clear()
        self._unavailable_message = message
        self._refresh_message()

    def clear(self) -> None:
        """Stop and forget the video: source, buffer, bytes and the painted frame."""
        self._poster_pending = False
        # The source goes first: PySide releases the GIL in setSource (not in stop), so the
        # FFmpeg threads torn down meanwhile can still take it (for a first look for a Python
        # override, as in settle_notify_overrides) instead of waiting for this thread.
        self._player.setSource(QUrl())  # waits for the loader: the buffer is ours again
        self._player.stop()  # nothing left to stop; the state says so
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
        self._buffer = None
        self._bytes = None
        self._frame_start_ms = None
        self._error = None
        self._unavailable_message = None
        self.frame_widget.set_image(None)
        self.controls.set_media_available(False)
        self.controls.set_playing(False)
        self.controls.set_duration(0)
        self.controls.set_position(0)
        self._refresh_message()

    def has_video(self) -> bool:
        return self._bytes is not None and self._error is None

    def is_failed(self) -> bool:
        return self._error is not None or self._unavailable_message is not None

    def is_settled(self) -> bool:
        """False only between ``load(bytes)`` and its ``poster_ready`` or ``failed``."""
        return not self._poster_pending

    def media_player(self) -> QMediaPlayer:
        return self._player

    def audio_output(self) -> QAudioOutput | None:
        return self._audio

    def current_frame_image(self) -> QImage | None:
        return self.frame_widget.image()

    def current_frame_ms(self) -> int | None:
        """Start time of the frame on screen."""
        return self._frame_start_ms

    def duration_ms(self) -> int:
        return self._player.duration()

    def position_ms(self) -> int:
        return self._player.position()

    def message(self) -> str:
        """The text shown in place of a frame ("" while a frame is shown)."""
        return self.frame_widget.message()

    def is_playing(self) -> bool:
        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def play(self) -> None:
        if self.has_video():
            self._player.play()

    def pause(self) -> None:
        if self.has_video():
            self._player.pause()

    def toggle_play(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def frame_interval_ms(self) -> float:
        return frame_interval_ms(self._player)

    def seek(self, ms: int) -> None:
        """Show the frame playing at ``ms``."""
        self._seek_to_frame(frame_at(ms, self.frame_interval_ms()))

    def step_frame(self, frames: int) -> None:
        """Pause and move ``frames`` frames from the one on screen (negative: back)."""
        if not self.has_video():
            return
        if self.is_playing():
            self._player.pause()
        interval = self.frame_interval_ms()
        if self._frame_start_ms is not None:
            shown = frame_starting_at(self._frame_start_ms, interval)
        else:
            shown = frame_at(self.position_ms(), interval)
        self._seek_to_frame(shown + frames)

    def _seek_to_frame(self, index: int) -> None:
        if not self.has_video() or not self._player.isSeekable():
            return
        if self._player.playbackState() == QMediaPlayer.PlaybackState.StoppedState:
            self._player.pause()  # a stopped player seeks without showing the frame
        interval = self.frame_interval_ms()
        self._player.setPosition(frame_target_ms(index, interval, self._player.duration()))

    def playback_rate(self) -> float:
        return self._player.playbackRate()

    def set_playback_rate(self, rate: float) -> None:
        self._player.setPlaybackRate(rate)
        self.controls.set_rate(rate)

    def is_muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if self._audio is not None:
            self._audio.setMuted(muted)
        self.controls.set_muted(muted)

    def _on_frame(self, _frame: QVideoFrame) -> None:
        # Read the sink's newest frame, not the (possibly queued, stale) argument: after
        # clear() the sink holds an empty frame, so a late frame of the old video is ignored.
        frame = self._sink.videoFrame()
        if self._bytes is None or self._error is not None or not frame.isValid():
            return
        image = frame.toImage()
        if image.isNull():
            return
        if frame.startTime() >= 0:
            self._frame_start_ms = frame.startTime() // 1000
            self.controls.set_position(self._frame_start_ms)
        self.frame_widget.set_image(image)
        if self._poster_pending:
            self._poster_pending = False
            self.controls.set_media_available(True)
            self.poster_ready.emit()

    def _on_position(self, ms: int) -> None:
        if self._frame_start_ms is None:
            self.controls.set_position(ms)

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status != QMediaPlayer.MediaStatus.LoadedMedia or not self.has_video():
            return
        if self._poster_pending and not self._player.hasVideo():  # e.g. sound only
            self._on_error(QMediaPlayer.Error.FormatError, NO_PICTURE)
        else:
            self.controls.set_media_available(True)

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        self.controls.set_playing(state == QMediaPlayer.PlaybackState.PlayingState)

    def _on_has_audio(self, has_audio: bool) -> None:
        # Made only for a video with sound: asking for audio devices where there are none
        # (a headless review box) makes Qt complain, and a silent clip never needs one.
        if has_audio and self._audio is None:
            self._audio = QAudioOutput(self)
            settle_notify_overrides(self._audio.volumeChanged)
            self._audio.setMuted(self._muted)
            self._player.setAudioOutput(self._audio)

    def _on_error(self, error: QMediaPlayer.Error, description: str) -> None:
        if self._bytes is None or error == QMediaPlayer.Error.NoError:
            return
        _log.info("video could not be played: %s (%s)", error.name, description)
        self._error = (error, description)
        self._poster_pending = False
        self._frame_start_ms = None
        self.controls.set_media_available(False)
        self._refresh_message()
        self.failed.emit(self.message())

    def _refresh_message(self) -> None:
        if self._unavailable_message is not None:
            self.frame_widget.set_message(self._unavailable_message)
        elif self._error is not None:
            self.frame_widget.set_message(failure_text(player_error_reason(*self._error)))
        elif self._bytes is None:
            self.frame_widget.set_message(no_video_text())
        elif self.frame_widget.image() is None:
            self.frame_widget.set_message(loading_text())

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Liveness video"))
        # what the keyboard-shortcuts sheet says of each (Help → Keyboard shortcuts)
        for shortcut, said in zip(
            self._shortcuts,
            (
                self.tr("Video: play or pause (focus in the video)"),
                self.tr("Video: one frame back (focus in the video)"),
                self.tr("Video: one frame on (focus in the video)"),
            ),
            strict=True,
        ):
            shortcut.setWhatsThis(said)
        self._refresh_message()
