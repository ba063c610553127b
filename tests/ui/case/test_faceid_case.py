"""A FaceID case in the console, fetched from the FaceID emulator over HTTP: the verdict with
FaceID's codes, every liveness attempt in its own row, the card warning, all best frames, the
video; and the attempts model passes qtmodeltester."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from iauth_desktop.app import build_window
from iauth_desktop.core.config.credentials import Credentials
from iauth_desktop.core.config.secrets import KeyringStatus
from iauth_desktop.core.model.result import MediaRole
from iauth_desktop.emulator.faceid.demo import CASE_TOKENS, DEMO_SECRET_ID, DEMO_SECRET_KEY
from iauth_desktop.emulator.faceid.server import FaceIdEmulator
from iauth_desktop.ui import i18n
from iauth_desktop.ui.case.attempts_compact import CompactColumn
from iauth_desktop.ui.case.attempts_view import AttemptColumn
from iauth_desktop.ui.case.case_view import shown_slots
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import QT_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)


@pytest.fixture(scope="module")
def faceid_emulator() -> Iterator[FaceIdEmulator]:
    with FaceIdEmulator() as server:
        yield server


@pytest.fixture
def faceid_console(
    qtbot: QtBot, faceid_emulator: FaceIdEmulator, keyring_status: KeyringStatus
) -> MainWindow:
    creds = Credentials(
        faceid_emulator.url, DEMO_SECRET_ID, DEMO_SECRET_KEY, None, None,
        provider="faceid", rule_id="1",
    )  # fmt: skip
    window = build_window(creds, keyring_status)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_faceid_case_shows_its_attempts_frames_and_video(
    qtbot: QtBot,
    faceid_console: MainWindow,
    fetch_case: Callable[[MainWindow, str], PreparedCase],
    qtmodeltester,
) -> None:
    prepared = fetch_case(faceid_console, CASE_TOKENS["liveness-retries"])
    assert prepared.case.provider == "faceid" and prepared.video is not None
    view = faceid_console.case_view
    attempts = view.attempts
    assert attempts.isVisible()
    model = attempts.model
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    cell = model.index(0, AttemptColumn.LIVENESS).data()
    assert cell.startswith("1102 ") and "脸部未完整露出" in cell
    assert "not fully visible" in model.index(0, AttemptColumn.LIVENESS).data(3)  # tooltip
    assert [model.index(r, AttemptColumn.BILLED).data() for r in range(3)] == [
        "not billed", "not billed", "billed",
    ]  # fmt: skip
    assert "-9103" in attempts.notes.text() and "re-shoot" in attempts.notes.text()
    assert "Liveness attempts (3)" in attempts.title.text()
    frames = [s.key for s in shown_slots(prepared) if s.role is MediaRole.FRAME]
    assert frames == ["BestFrame", "BestFrames_1", "BestFrames_2", "BestFrames_3"]
    assert set(frames) <= set(prepared.images)
    # the ID number is never in the attempts table (it is masked in the fields)
    texts = [model.index(r, c).data() for r in range(3) for c in range(len(AttemptColumn))]
    assert not any("990101199005171231" in str(t) for t in texts)


def test_the_attempts_table_shows_every_datum_in_three_columns(
    faceid_console: MainWindow,
    fetch_case: Callable[[MainWindow, str], PreparedCase],
    qtmodeltester,
) -> None:
    """What the table shows (CompactAttemptsModel) holds every cell of the full model, and its
    tooltips the English meanings: nothing is left out to fit a laptop's pane."""
    fetch_case(faceid_console, CASE_TOKENS["liveness-retries"])
    attempts = faceid_console.case_view.attempts
    compact, full = attempts.compact, attempts.model
    assert attempts.table.model() is compact
    qtmodeltester.check(compact)
    assert compact.rowCount() == full.rowCount() == 3
    for row in range(3):
        shown = "\n".join(str(compact.index(row, c).data()) for c in range(len(CompactColumn)))
        for column in AttemptColumn:
            assert str(full.index(row, column).data()) in shown, (row, column.name)
    tooltip = compact.index(0, CompactColumn.CODES).data(3)
    assert "not fully visible" in tooltip and "service says:" in tooltip


def test_a_legacy_case_hides_the_attempts_pane(
    console: MainWindow, fetch_case: Callable[[MainWindow, str], PreparedCase]
) -> None:
    from iauth_desktop.emulator.detectinfo.demo import DEMO_TOKENS

    fetch_case(console, DEMO_TOKENS["pass"])
    assert not console.case_view.attempts.isVisible()


def test_the_demo_lists_faceid_cases_beside_the_legacy_ones(
    qtbot: QtBot, keyring_status: KeyringStatus
) -> None:
    from iauth_desktop.commands.demo import DemoSession

    with DemoSession() as demo:
        assert demo.faceid_credentials is not None
        sources = dict.fromkeys(demo.faceid_tokens.values(), demo.faceid_credentials)
        window = build_window(
            demo.credentials, keyring_status, demo_tokens=demo.all_tokens(), demo_sources=sources
        )
        qtbot.addWidget(window)
        window.show()
        assert window.demo_list is not None
        names = window.demo_list.names()
        assert "pass" in names and "FaceID · liveness-retries" in names
        with qtbot.waitSignal(window.case_shown, timeout=30_000) as shown:
            window.demo_list.choose("FaceID · liveness-retries")
        assert shown.args[0].case.provider == "faceid"
        assert window.case_view.attempts.model.rowCount() == 3
        assert window.token_bar.current_connection().label == "demo faceid"
        with qtbot.waitSignal(window.case_shown, timeout=30_000) as shown:
            window.demo_list.choose("pass")
        assert shown.args[0].case.provider == "detectinfo"
        assert window.token_bar.current_connection().label == "demo"
        window.close()


def test_every_attempts_video_can_be_played(
    qtbot: QtBot,
    faceid_console: MainWindow,
    fetch_case: Callable[[MainWindow, str], PreparedCase],
) -> None:
    prepared = fetch_case(faceid_console, CASE_TOKENS["liveness-retries"])
    assert list(prepared.videos) == [
        "LivenessVideo", "LivenessVideos_1", "LivenessVideos_2", "LivenessVideos_3",
    ]  # fmt: skip
    choice = faceid_console.case_view.video_choice
    assert choice.isVisible() and choice.count() == 4
    assert "LivenessVideos_2" in choice.itemText(2)
    player = faceid_console.case_view.video
    with qtbot.waitSignal(player.poster_ready, timeout=15_000):
        choice.setCurrentIndex(2)
    assert player.has_video() and player.current_frame_image() is not None
    passed = fetch_case(faceid_console, CASE_TOKENS["passed"])
    attempts = len(passed.result.attempts)
    assert len(passed.videos) == 1 + attempts and choice.count() == 1 + attempts


def test_the_attempts_table_is_re_worded_when_the_language_changes(
    qtbot: QtBot,
    faceid_console: MainWindow,
    fetch_case: Callable[[MainWindow, str], PreparedCase],
) -> None:
    fetch_case(faceid_console, CASE_TOKENS["liveness-retries"])
    compact = faceid_console.case_view.attempts.compact
    app = QApplication.instance()
    assert app is not None
    try:
        assert i18n.install_language(app, "zh_CN")
        qtbot.wait(50)  # the posted LanguageChange events reach every window
        assert compact.headerData(CompactColumn.CODES, Qt.Orientation.Horizontal) == "结果码"
        assert str(compact.index(0, CompactColumn.CODES).data()).startswith("结果：1102 ")
    finally:
        assert i18n.install_language(app, "en")
        qtbot.wait(50)
    assert compact.headerData(CompactColumn.CODES, Qt.Orientation.Horizontal) == "Codes"
