"""Tools → Signature inspector: what ``iauth-desktop sign --inspect`` shows, live.

Paste a signature: its appid, apiName, signing time (UTC and local), validity and a countdown
that ticks every second, and whether it verifies against the current profile's secret key. The
secret is asked for (``secret_provider``) only when the signature changes or on ``refresh``, is
used once and not kept; the HMAC verdict does not depend on the time, so each tick only redraws.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Literal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop.core.providers.detectinfo.signing import (
    SignatureError,
    SignatureFormatError,
    SignatureInfo,
    parse_signature,
    verify_signature,
)
from iauth_desktop.ui.error_text import error_text
from iauth_desktop.ui.grow_to_fit import grow_to_fit
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.theme import ink

SecretProvider = Callable[[], tuple[str | None, str | None]]
HmacState = Literal["verified", "forged", "no_secret"]
_FIELDS = ("appid", "api", "original", "t_utc", "t_local", "e", "until", "countdown", "hmac")


def format_duration(seconds: int) -> str:
    """``H:MM:SS`` (days spelled out past 24 h): language-neutral."""
    days, rest = divmod(abs(seconds), 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    clock = f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{days} d {clock}" if days else clock


def _utc(seconds: int) -> str:
    try:
        return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    except (OverflowError, OSError, ValueError):
        return "—"


def _local(seconds: int) -> str:
    try:
        moment = datetime.fromtimestamp(seconds, UTC).astimezone()
    except (OverflowError, OSError, ValueError):
        return "—"
    return moment.strftime("%Y-%m-%d %H:%M:%S %Z (UTC%z)")


class SignatureInspector(Retranslating, QDialog):
    """Non-modal inspector; ``refresh()`` re-checks against the (possibly new) current profile."""

    def __init__(
        self,
        parent: QWidget | None,
        secret_provider: SecretProvider,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signatureInspector")
        self._secret_provider = secret_provider
        self._clock = clock
        self._text = ""
        self._info: SignatureInfo | None = None
        self._problem = ""
        self._hmac: HmacState = "no_secret"
        self._profile_appid: str | None = None
        self.input = QPlainTextEdit(self)
        self.input.setObjectName("signatureInput")
        self.input.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.input.setFixedHeight(self.input.fontMetrics().lineSpacing() * 4 + 12)
        self.input.textChanged.connect(self._signature_changed)
        self.problem_label = self._value_label("problem")
        self.problem_label.setStyleSheet(ink("bad", bold=True))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in _FIELDS:
            self.names[key] = QLabel(self)
            self.values[key] = self._value_label(key)
            self.form.addRow(self.names[key], self.values[key])
        self.recheck_button = QPushButton(self)
        self.recheck_button.clicked.connect(self.refresh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.recheck_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.hint = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.input)
        layout.addWidget(self.problem_label)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.setMinimumWidth(640)
        self.retranslate_ui()

    def _value_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # the signature's text is anyone's
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Signature inspector"))
        self.hint.setText(self.tr("Paste a request signature (the “signature” header's value):"))
        self.recheck_button.setText(self.tr("Check again"))
        names = {
            "appid": self.tr("App ID"),
            "api": self.tr("apiName"),
            "original": self.tr("Signed text"),
            "t_utc": self.tr("Signed at (UTC)"),
            "t_local": self.tr("Signed at (local)"),
            "e": self.tr("Validity"),
            "until": self.tr("Valid until"),
            "countdown": self.tr("Status"),
            "hmac": self.tr("Secret key check"),
        }
        for key, text in names.items():
            self.names[key].setText(text)
        self._show()

    # --- input ------------------------------------------------------------------------------

    def set_signature(self, text: str) -> None:
        self.input.setPlainText(text)

    def _signature_changed(self) -> None:
        text = self.input.toPlainText().strip()
        self._text, self._info, self._problem = text, None, ""
        if text:
            try:
                self._info = parse_signature(text)
            except SignatureFormatError as exc:
                self._problem = error_text(exc)
        self.refresh()

    def refresh(self) -> None:
        """Check the signature against the current profile's secret (asked for now) and redraw."""
        self._hmac, self._profile_appid = "no_secret", None
        if self._info is not None:
            appid, secret = self._secret_provider()
            self._profile_appid = appid
            if secret:
                try:  # HMAC only: as of its own t it cannot have expired; the clock says the rest
                    verify_signature(self._text, secret, now=self._info.t)
                except SignatureError:
                    self._hmac = "forged"
                else:
                    self._hmac = "verified"
        if self._info is None:
            self.timer.stop()
        elif not self.timer.isActive():
            self.timer.start()
        self._show()

    def tick(self) -> None:
        self._show()

    def showEvent(self, event: QShowEvent) -> None:
        if self._info is not None and not self.timer.isActive():
            self.timer.start()
        self._show()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()  # nothing to count down for while nobody looks
        super().hideEvent(event)

    # --- display ----------------------------------------------------------------------------

    def state(self) -> tuple[HmacState, bool] | None:
        """(HMAC verdict, expired now) for the pasted signature, None when there is none."""
        if self._info is None:
            return None
        return self._hmac, self._info.expired(int(self._clock()))

    def _show(self) -> None:
        self.problem_label.setText(
            self.tr("Not a signature: {reason}").format(reason=self._problem)
            if self._problem
            else ""
        )
        self.problem_label.setVisible(bool(self._problem))
        info = self._info
        if info is None:
            for label in self.values.values():
                label.clear()
            return
        now = int(self._clock())
        self.values["appid"].setText(info.appid)
        self.values["api"].setText(info.api_name)
        self.values["original"].setText(info.original)
        self.values["t_utc"].setText(f"{_utc(info.t)}   (t = {info.t})")
        self.values["t_local"].setText(_local(info.t))
        self.values["e"].setText(
            self.tr("{seconds} s ({duration})").format(
                seconds=info.e, duration=format_duration(info.e)
            )
        )
        self.values["until"].setText(f"{_utc(info.expires_at)}\n{_local(info.expires_at)}")
        self._show_countdown(info, now)
        self._show_hmac(info, info.expired(now))
        grow_to_fit(self)

    def _show_countdown(self, info: SignatureInfo, now: int) -> None:
        left = info.expires_at - now
        label = self.values["countdown"]
        if left >= 0:
            text = self.tr("valid — expires in {duration}").format(duration=format_duration(left))
            if info.t > now:
                text += "\n" + self.tr(
                    "signed {duration} ahead of this computer's clock (clock skew?)"
                ).format(duration=format_duration(info.t - now))
            label.setStyleSheet(ink("good", bold=True))
        else:
            text = self.tr("EXPIRED {duration} ago").format(duration=format_duration(-left))
            label.setStyleSheet(ink("bad", bold=True))
        label.setText(text)

    def _show_hmac(self, info: SignatureInfo, expired: bool) -> None:
        label = self.values["hmac"]
        if self._hmac == "no_secret":
            label.setStyleSheet("")
            label.setText(
                self.tr("not checked — no secret key is configured for the current profile")
            )
            return
        if self._hmac == "forged":
            label.setStyleSheet(ink("bad", bold=True))
            label.setText(
                self.tr(
                    "✖ DOES NOT VERIFY against the current profile's secret key: made with "
                    "another key, or altered"
                )
            )
            return
        label.setStyleSheet(ink("good", bold=True))
        text = self.tr("✔ verifies against the current profile's secret key")
        if expired:
            text = self.tr(
                "✔ verifies against the current profile's secret key (but it has expired)"
            )
        if self._profile_appid and info.appid != self._profile_appid:
            text += "\n" + self.tr("note: the current profile's appid is {appid}").format(
                appid=self._profile_appid
            )
        label.setText(text)
