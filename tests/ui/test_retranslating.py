"""The one retranslation mixin: a language change re-labels the widget; every change, that one
included, still reaches the Qt base class."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from iauth_desktop.ui.i18n import Retranslating


class _Recorder(QLabel):
    """Stands for the Qt base: notes which change events it was given."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[QEvent.Type] = []

    def changeEvent(self, event: QEvent) -> None:
        self.seen.append(event.type())
        super().changeEvent(event)


class _Label(Retranslating, _Recorder):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def retranslate_ui(self) -> None:
        self.calls += 1
        self.setText(f"labelled {self.calls}")


def test_language_change_calls_retranslate_ui_and_the_base(qtbot: QtBot) -> None:
    label = _Label()
    qtbot.addWidget(label)
    QCoreApplication.sendEvent(label, QEvent(QEvent.Type.LanguageChange))
    assert label.calls == 1
    assert label.text() == "labelled 1"
    assert label.seen == [QEvent.Type.LanguageChange]


def test_other_changes_only_reach_the_base(qtbot: QtBot) -> None:
    label = _Label()
    qtbot.addWidget(label)
    QCoreApplication.sendEvent(label, QEvent(QEvent.Type.FontChange))
    assert label.calls == 0
    assert label.seen == [QEvent.Type.FontChange]
