"""Tools → Signature inspector: the shared vectors, a live countdown on an injected clock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from iauth_desktop.core.providers.detectinfo.signing import make_signature
from iauth_desktop.ui.providers.detectinfo.signature_inspector import (
    SignatureInspector,
    format_duration,
)


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _vectors(vectors_dir: Path) -> list[dict[str, object]]:
    return json.loads((vectors_dir / "signature.json").read_text(encoding="utf-8"))


def _inspector(
    qtbot: QtBot, appid: str | None, secret: str | None, clock: Clock
) -> tuple[SignatureInspector, list[int]]:
    calls: list[int] = []

    def provider() -> tuple[str | None, str | None]:
        calls.append(1)
        return appid, secret

    inspector = SignatureInspector(None, provider, clock=clock)
    qtbot.addWidget(inspector)
    return inspector, calls


def _text(inspector: SignatureInspector) -> str:
    return "\n".join([inspector.windowTitle()] + [w.text() for w in inspector.findChildren(QLabel)])


@pytest.mark.parametrize("index", [0, 1, 2])
def test_vectors_show_fields_and_verify(qtbot, vectors_dir, index) -> None:
    vector = _vectors(vectors_dir)[index]
    now = int(vector["now"])
    inspector, _ = _inspector(qtbot, str(vector["appid"]), str(vector["secret"]), Clock(now))
    inspector.set_signature(f"  {vector['signature']}\n")
    values = inspector.values
    assert values["appid"].text() == vector["appid"]
    assert values["api"].text() == vector["api"]
    assert str(now) in values["t_utc"].text()
    assert "UTC" in values["t_utc"].text()
    assert values["t_local"].text() != ""
    assert values["e"].text().startswith(f"{vector['expire']} s")
    assert inspector.state() == ("verified", False)
    assert values["hmac"].text().startswith("✔ verifies")
    assert (
        values["countdown"].text() == f"valid — expires in {format_duration(int(vector['expire']))}"
    )
    assert str(vector["secret"]) not in _text(inspector)


def test_first_vector_times(qtbot, vectors_dir) -> None:
    vector = _vectors(vectors_dir)[0]
    inspector, _ = _inspector(qtbot, "1400", "x", Clock(1427786065))
    inspector.set_signature(str(vector["signature"]))
    assert inspector.values["t_utc"].text().startswith("2015-03-31 07:14:25 UTC")
    assert "2015-03-31 07:24:25 UTC" in inspector.values["until"].text()


def test_countdown_ticks_and_expires(qtbot, vectors_dir) -> None:
    vector = _vectors(vectors_dir)[1]  # e = 30 s
    clock = Clock(int(vector["now"]))
    inspector, calls = _inspector(qtbot, str(vector["appid"]), str(vector["secret"]), clock)
    inspector.set_signature(str(vector["signature"]))
    countdown = inspector.values["countdown"]
    assert countdown.text() == "valid — expires in 0:00:30"
    assert inspector.timer.isActive()
    assert inspector.timer.interval() == 1000
    clock.now += 5
    with qtbot.waitSignal(inspector.timer.timeout, timeout=3000):
        pass
    assert countdown.text() == "valid — expires in 0:00:25"
    clock.now += 60
    with qtbot.waitSignal(inspector.timer.timeout, timeout=3000):
        pass
    assert countdown.text() == "EXPIRED 0:00:35 ago"
    assert inspector.state() == ("verified", True)
    assert "but it has expired" in inspector.values["hmac"].text()
    assert len(calls) == 1  # the keyring is asked on paste, not on every tick


def test_forged_signature(qtbot, vectors_dir) -> None:
    vector = _vectors(vectors_dir)[0]
    inspector, _ = _inspector(qtbot, "1400", "some-other-secret", Clock(int(vector["now"])))
    inspector.set_signature(str(vector["signature"]))
    assert inspector.state() == ("forged", False)
    assert "DOES NOT VERIFY" in inspector.values["hmac"].text()


def test_no_secret_configured(qtbot, vectors_dir) -> None:
    vector = _vectors(vectors_dir)[0]
    inspector, _ = _inspector(qtbot, None, None, Clock(int(vector["now"])))
    inspector.set_signature(str(vector["signature"]))
    assert inspector.state() == ("no_secret", False)
    assert "no secret key" in inspector.values["hmac"].text()
    assert inspector.values["appid"].text() == "1400"


def test_refresh_asks_the_current_profile_again(qtbot, vectors_dir) -> None:
    vector = _vectors(vectors_dir)[0]
    secret: list[str | None] = [None]
    inspector = SignatureInspector(
        None, lambda: ("other-app", secret[0]), clock=Clock(int(vector["now"]))
    )
    qtbot.addWidget(inspector)
    inspector.set_signature(str(vector["signature"]))
    assert inspector.state() == ("no_secret", False)
    secret[0] = str(vector["secret"])
    inspector.recheck_button.click()
    assert inspector.state() == ("verified", False)
    assert "current profile's appid is other-app" in inspector.values["hmac"].text()


def test_not_a_signature_and_clearing(qtbot) -> None:
    inspector, calls = _inspector(qtbot, "a", "s", Clock(1_800_000_000))
    inspector.set_signature("this is -not- base64!")
    assert inspector.problem_label.isVisibleTo(inspector)
    assert "Base64" in inspector.problem_label.text()
    assert inspector.state() is None
    assert not inspector.timer.isActive()
    assert calls == []
    inspector.set_signature("")
    assert not inspector.problem_label.isVisibleTo(inspector)
    assert inspector.values["appid"].text() == ""


def test_hostile_appid_shown_as_plain_text(qtbot) -> None:
    signature = make_signature("<b>x</b><img src=y>", "s", "getdetectinfo", 600, 1_800_000_000)
    inspector, _ = _inspector(qtbot, None, None, Clock(1_800_000_000))
    inspector.set_signature(signature)
    label = inspector.values["appid"]
    assert label.text() == "<b>x</b><img src=y>"
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_huge_timestamp_does_not_crash(qtbot) -> None:
    signature = make_signature("a", "s", "getdetectinfo", 600, 10**15)
    inspector, _ = _inspector(qtbot, "a", "s", Clock(1_800_000_000))
    inspector.set_signature(signature)
    assert "—" in inspector.values["t_utc"].text()
    assert "expires in" in inspector.values["countdown"].text()
    assert "ahead of this computer's clock" in inspector.values["countdown"].text()


def test_retranslate_on_language_change(qtbot) -> None:
    inspector, _ = _inspector(qtbot, None, None, Clock(0))
    inspector.setWindowTitle("stale")
    QCoreApplication.sendEvent(inspector, QEvent(QEvent.Type.LanguageChange))
    assert inspector.windowTitle() == "Signature inspector"
    assert inspector.names["hmac"].text() == "Secret key check"


def test_format_duration() -> None:
    assert format_duration(0) == "0:00:00"
    assert format_duration(3599) == "0:59:59"
    assert format_duration(90061) == "1 d 1:01:01"


def test_timer_runs_only_while_shown(qtbot, vectors_dir) -> None:
    vector = _vectors(vectors_dir)[0]
    inspector, _ = _inspector(qtbot, None, None, Clock(int(vector["now"])))
    inspector.set_signature(str(vector["signature"]))
    inspector.show()
    qtbot.waitExposed(inspector)
    assert inspector.timer.isActive()
    inspector.hide()
    assert not inspector.timer.isActive()
    inspector.show()
    assert inspector.timer.isActive()
