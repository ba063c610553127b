"""The window never resizes itself (issue #17): not when a case with long service messages, an
action-mode case or a passed case loads, not when the language changes — at 1366×768 and at
1920×1080. The reviewer's size and position are restored at the next start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from iauth_desktop.emulator.detectinfo.demo import CASE_TOKENS
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.i18n import install_language
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)


@pytest.mark.parametrize("size", [QSize(1366, 768), QSize(1920, 1080), QSize(1280, 800)])
def test_loading_cases_and_switching_language_keep_the_size(
    qtbot: QtBot,
    console: MainWindow,
    fetch_case: Callable[[MainWindow, str], PreparedCase],
    size: QSize,
) -> None:
    console.resize(size)
    qtbot.waitUntil(lambda: console.size() == size, timeout=2000)
    for case in ("compare-604", "action-mode", "pass", "liveness-602"):
        fetch_case(console, CASE_TOKENS[case])
        QApplication.processEvents()
        assert console.size() == size, case
    app = QApplication.instance()
    try:
        for language in ("zh_CN", "en"):
            install_language(app, language)
            QApplication.processEvents()
            assert console.size() == size, language
    finally:
        install_language(app, "en")


_RESTORE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication
from iauth_desktop.app import build_window
from iauth_desktop.core.config.secrets import KeyringStatus
from iauth_desktop.ui.shell.window_state import restore_window_state, save_window_state

app = QApplication([])
state = Path(sys.argv[1])
keyring = KeyringStatus("Test Keyring", True, "test")
first = build_window(None, keyring)
first.show()
first.setGeometry(120, 80, 1500, 860)
app.processEvents()
splitter = first.case_view.splitter
splitter.setSizes([300, sum(splitter.sizes()) - 300])
first.resizeDocks([first.workflow.dock], [377], Qt.Orientation.Horizontal)  # "dragged"
app.processEvents()
wanted = {"geometry": list(first.geometry().getRect()), "split": splitter.sizes(),
          "dock": first.workflow.dock.width()}
save_window_state(first, state)
first.close()
again = build_window(None, keyring)
restored = again.restore_state(state)
again.show()
app.processEvents()
got = {"geometry": list(again.geometry().getRect()), "split": again.case_view.splitter.sizes(),
       "dock": again.workflow.dock.width()}
state.write_text("{not json")
print(json.dumps({"restored": restored, "wanted": wanted, "got": got,
                  "broken": restore_window_state(again, state)}))
"""


def test_size_position_and_splitters_come_back(tmp_path: Path) -> None:
    """Run on a 2560×1440 offscreen screen (the default one is smaller than the window)."""
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps({"screens": [{"name": "desk", "x": 0, "y": 0, "width": 2560,
                                                "height": 1440, "logicalDpiX": 96,
                                                "logicalDpiY": 96, "dpr": 1}]}))  # fmt: skip
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}"}
    done = subprocess.run(
        [sys.executable, "-c", _RESTORE, str(tmp_path / "window.json")],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["restored"] is True
    assert result["got"]["geometry"] == result["wanted"]["geometry"] == [120, 80, 1500, 860]
    assert result["got"]["split"] == result["wanted"]["split"]
    assert result["got"]["dock"] == result["wanted"]["dock"] == 377  # the decision column
    assert result["broken"] is False  # an unreadable file is ignored, never an error


@pytest.mark.parametrize("size", [QSize(1366, 768), QSize(1920, 1080)])
def test_no_tile_paints_its_parts_over_each_other(
    qtbot: QtBot,
    console: MainWindow,
    fetch_case: Callable[[MainWindow, str], PreparedCase],
    size: QSize,
) -> None:
    """The masked ID front (caption, Reveal) and every other tile keep their parts apart."""
    console.resize(size)
    qtbot.waitUntil(lambda: console.size() == size, timeout=2000)
    fetch_case(console, CASE_TOKENS["liveness-602"])
    QApplication.processEvents()
    shown = [t for t in console.case_view.evidence.tiles.values() if t.isVisible()]
    assert shown
    for tile in shown:
        parts = [tile._picture.geometry(), tile._caption.geometry()]
        if tile.reveal_button.isVisible():
            parts.append(tile.reveal_button.geometry())
        for index, one in enumerate(parts):
            for other in parts[index + 1 :]:
                assert not one.intersects(other), (tile.field, one, other)


def test_a_first_window_fits_the_screens_free_area(qtbot: QtBot, console: MainWindow) -> None:
    """No saved size yet: the default 1366×768, but never more than the screen offers (the
    offscreen test screen is smaller: then as small as the window's layout allows)."""
    free = console.screen().availableGeometry()
    least = console.minimumSizeHint()
    console.resize(2000, 1500)
    console.fit_screen()
    wanted = QSize(max(least.width(), min(1366, free.width())),
                   max(least.height(), min(768, free.height())))  # fmt: skip
    qtbot.waitUntil(lambda: console.size() == wanted, timeout=2000)
    assert wanted.width() < 2000 and wanted.height() < 1500


def test_the_decision_column_takes_its_share_until_the_reviewer_drags_it(
    qtbot: QtBot, console: MainWindow
) -> None:
    """A wider window gives the decision column more (up to its cap); once the reviewer drags
    its separator, a resize no longer undoes that."""
    dock = console.workflow.dock
    console.resize(1366, 768)
    qtbot.waitUntil(lambda: console.width() == 1366, timeout=2000)
    narrow = dock.width()
    console.resize(1920, 1080)
    qtbot.waitUntil(lambda: dock.width() > narrow, timeout=2000)
    assert dock.width() <= 420
    console.resizeDocks([dock], [520], Qt.Orientation.Horizontal)  # what a drag does
    qtbot.waitUntil(lambda: abs(dock.width() - 520) <= 2, timeout=2000)
    console.resize(1700, 1000)
    qtbot.waitUntil(lambda: console.width() == 1700, timeout=2000)
    QApplication.processEvents()
    assert abs(dock.width() - 520) <= 2
