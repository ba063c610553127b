"""Every Alt+letter on screen does one thing (issue #17, keyboard-first): no two of the menu bar's
menus, the view tabs and the visible buttons and labels share a mnemonic — on each view, in both
languages. (Qt does nothing for an ambiguous Alt+letter but move between its owners.)"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from iauth_desktop.ui.i18n import install_language
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)
_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found[1].lower() if found else None


def owners(window: MainWindow) -> dict[str, list[str]]:
    """Alt+letter → what answers it, on the view shown now."""
    found: dict[str, list[str]] = defaultdict(list)
    for action in window.menuBar().actions():
        if action.isVisible() and (letter := mnemonic(action.text())):
            found[letter].append(f"menu {action.text()!r}")
    tabs = window.views.tabBar()
    for index in range(tabs.count()):
        if letter := mnemonic(tabs.tabText(index)):
            found[letter].append(f"tab {tabs.tabText(index)!r}")
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue  # a label's mnemonic acts only through its buddy
        if letter := mnemonic(widget.text()):
            found[letter].append(f"{type(widget).__name__} {widget.text()!r}")
    return found


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QApplication.instance()
    install_language(app, request.param)
    QApplication.processEvents()
    yield request.param
    install_language(app, "en")


def test_no_two_things_share_an_alt_letter(
    qtbot: QtBot, console: MainWindow, language: str
) -> None:
    console.queue.claim_bar.show()  # as while a case is claimed: Give back, Agree
    seen = 0
    for index in range(console.views.count()):
        console.views.setCurrentIndex(index)
        QApplication.processEvents()
        found = owners(console)
        seen += len(found)
        clashes = {letter: who for letter, who in found.items() if len(who) > 1}
        assert clashes == {}, (language, console.views.tabText(index))
    assert seen > 20  # the collection itself works
