"""Every control of the window tells a screen reader what it is (issue #17): an accessible name,
or a button's own words — with a case loaded, on every view, in both languages. Qt's own inner
parts (scroll bars, headers, a combo box's list, a spin box's line edit) are Qt's business."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from iauth_desktop.emulator.detectinfo.demo import CASE_TOKENS
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.i18n import install_language
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)
CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox,
            QLineEdit, QPlainTextEdit, QTextEdit)  # fmt: skip
QT_INNER = (QScrollBar, QHeaderView)


def qt_inner(widget: QWidget) -> bool:
    parent = widget.parent()
    return (
        isinstance(widget, QT_INNER)
        or widget.objectName().startswith("qt_")
        or isinstance(parent, QComboBox | QAbstractSpinBox | QLineEdit)
        or type(parent).__name__ == "QFrame"  # a combo box's popup frame
    )


def unnamed(window: MainWindow) -> list[str]:
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or qt_inner(widget):
            continue
        words = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName().strip() or words.replace("&", "").strip()):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                         f"{type(widget.parent()).__name__}")  # fmt: skip
    return sorted(found)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_control_has_a_name(
    qtbot: QtBot,
    console: MainWindow,
    fetch_case: Callable[[MainWindow, str], PreparedCase],
    language: str,
) -> None:
    app = QApplication.instance()
    try:
        install_language(app, language)
        fetch_case(console, CASE_TOKENS["liveness-602"])
        assert unnamed(console) == []
    finally:
        install_language(app, "en")
