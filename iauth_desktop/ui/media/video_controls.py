"""The video's transport bar: play/pause, frame step, seek slider with time, speed, mute.

The bar only asks (signals); the ``VideoPlayer`` acts on the ``QMediaPlayer`` and reports the
state back through the ``set_*`` methods, so the bar never drifts from what is really playing.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QStyle,
    QToolButton,
    QWidget,
)

from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.theme import SPACING

PLAYBACK_RATES = (0.5, 1.0, 2.0)
SLIDER_MIN_WIDTH = 48


def format_time(ms: int) -> str:
    """``m:ss.d`` (tenths, rounded down): 1234 ms -> ``0:01.2``."""
    tenths = max(0, ms) // 100
    minutes, tenths_in_minute = divmod(tenths, 600)
    seconds, tenth = divmod(tenths_in_minute, 10)
    return f"{minutes}:{seconds:02d}.{tenth}"


class VideoControls(Retranslating, QWidget):
    play_pause_requested = Signal()
    seek_requested = Signal(int)  # milliseconds
    step_requested = Signal(int)  # frames: -1 back, +1 forward
    rate_requested = Signal(float)
    mute_requested = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._playing = False
        self._duration_ms = 0
        self._position_ms = 0
        self._build_buttons()
        self._build_seek_and_speed()

        # one line at every width the pane allows: icons (their words in tooltips and for screen
        # readers), the slider takes what is left, the time in a fixed-width font never squeezed
        row = QHBoxLayout(self)
        row.setContentsMargins(0, SPACING.tight, 0, 0)
        row.setSpacing(SPACING.tight)
        for widget in (self.play_button, self.step_back_button, self.step_forward_button):
            row.addWidget(widget)
        row.addWidget(self.slider, 1)
        row.addWidget(self.time_label)
        row.addWidget(self.speed_combo)
        row.addWidget(self.mute_button)
        self.speed_label.hide()  # the combo's tooltip and accessible name say what it is
        self.slider.setMinimumWidth(SLIDER_MIN_WIDTH)
        self.time_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

        self.set_media_available(False)
        self.retranslate_ui()

    def _build_buttons(self) -> None:
        icons = self.style()
        self.play_button = QToolButton(self)
        self.play_button.setObjectName("videoPlayPause")
        self.play_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.play_button.clicked.connect(self.play_pause_requested)

        self.step_back_button = QToolButton(self)
        self.step_back_button.setObjectName("videoStepBack")
        self.step_back_button.setIcon(
            icons.standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward)
        )
        self.step_back_button.clicked.connect(lambda: self.step_requested.emit(-1))

        self.step_forward_button = QToolButton(self)
        self.step_forward_button.setObjectName("videoStepForward")
        self.step_forward_button.setIcon(
            icons.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward)
        )
        self.step_forward_button.clicked.connect(lambda: self.step_requested.emit(1))

        self.mute_button = QToolButton(self)
        self.mute_button.setObjectName("videoMute")
        self.mute_button.setCheckable(True)
        self.mute_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.mute_button.toggled.connect(self._on_mute_toggled)

    def _build_seek_and_speed(self) -> None:
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("videoSeek")
        self.slider.setRange(0, 0)
        self.slider.setPageStep(1000)
        self.slider.valueChanged.connect(self._on_slider_value)

        self.time_label = QLabel(self)
        self.time_label.setObjectName("videoTime")
        self.time_label.setTextFormat(Qt.TextFormat.PlainText)
        self.time_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        self.speed_label = QLabel(self)
        self.speed_combo = QComboBox(self)
        self.speed_combo.setObjectName("videoSpeed")
        for rate in PLAYBACK_RATES:
            self.speed_combo.addItem("", rate)
        self.speed_combo.setCurrentIndex(PLAYBACK_RATES.index(1.0))
        self.speed_combo.activated.connect(self._on_speed_chosen)
        self.speed_label.setBuddy(self.speed_combo)

    # --- state reported by the player ---------------------------------------------------------

    def set_media_available(self, available: bool) -> None:
        for widget in (
            self.play_button,
            self.step_back_button,
            self.step_forward_button,
            self.slider,
        ):
            widget.setEnabled(available)

    def set_playing(self, playing: bool) -> None:
        self._playing = playing
        self._update_play_button()

    def is_playing(self) -> bool:
        return self._playing

    def set_duration(self, ms: int) -> None:
        self._duration_ms = max(0, ms)
        with QSignalBlocker(self.slider):
            self.slider.setRange(0, self._duration_ms)
        self._update_time()

    def set_position(self, ms: int) -> None:
        self._position_ms = max(0, ms)
        if not self.slider.isSliderDown():  # never yank the handle from under the mouse
            with QSignalBlocker(self.slider):
                self.slider.setValue(self._position_ms)
        self._update_time()

    def set_rate(self, rate: float) -> None:
        index = self.speed_combo.findData(rate)
        if index >= 0:
            self.speed_combo.setCurrentIndex(index)

    def set_muted(self, muted: bool) -> None:
        with QSignalBlocker(self.mute_button):
            self.mute_button.setChecked(muted)
        self._update_mute_button()

    def time_text(self) -> str:
        return self.time_label.text()

    # --- user input ---------------------------------------------------------------------------

    def _on_slider_value(self, value: int) -> None:
        self.seek_requested.emit(value)

    def _on_speed_chosen(self, index: int) -> None:
        self.rate_requested.emit(float(self.speed_combo.itemData(index)))

    def _on_mute_toggled(self, muted: bool) -> None:
        self._update_mute_button()
        self.mute_requested.emit(muted)

    # --- labels -------------------------------------------------------------------------------

    def _update_time(self) -> None:
        self.time_label.setText(
            f"{format_time(self._position_ms)} / {format_time(self._duration_ms)}"
        )

    def _update_play_button(self) -> None:
        pixmap = QStyle.StandardPixmap
        if self._playing:
            self.play_button.setIcon(self.style().standardIcon(pixmap.SP_MediaPause))
            self.play_button.setText(self.tr("Pause"))
        else:
            self.play_button.setIcon(self.style().standardIcon(pixmap.SP_MediaPlay))
            self.play_button.setText(self.tr("Play"))
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))

    def _update_mute_button(self) -> None:
        muted = self.mute_button.isChecked()
        pixmap = (
            QStyle.StandardPixmap.SP_MediaVolumeMuted
            if muted
            else QStyle.StandardPixmap.SP_MediaVolume
        )
        self.mute_button.setIcon(self.style().standardIcon(pixmap))
        self.mute_button.setText(self.tr("Unmute") if muted else self.tr("Mute"))
        self.mute_button.setToolTip(self.mute_button.text())

    def retranslate_ui(self) -> None:
        self.speed_combo.setAccessibleName(self.tr("Playback speed"))
        self._update_play_button()
        self._update_mute_button()
        self._update_time()
        self.step_back_button.setToolTip(self.tr("Previous frame (Left arrow)"))
        self.step_back_button.setAccessibleName(self.tr("Previous frame"))
        self.step_forward_button.setToolTip(self.tr("Next frame (Right arrow)"))
        self.step_forward_button.setAccessibleName(self.tr("Next frame"))
        self.slider.setToolTip(self.tr("Position in the video"))
        self.slider.setAccessibleName(self.tr("Position in the video"))
        self.speed_label.setText(self.tr("Speed"))
        rate_names = {0.5: self.tr("0.5×"), 1.0: self.tr("1×"), 2.0: self.tr("2×")}
        for index, rate in enumerate(PLAYBACK_RATES):
            self.speed_combo.setItemText(index, rate_names[rate])
        self.speed_combo.setToolTip(self.tr("Playback speed"))
