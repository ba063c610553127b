"""Switching the language at run time: no English source text left in the Chinese window (nor in
Settings and the signature inspector), English back after switching back; the system locale is
the default and ``--language`` overrides it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from iauth_desktop.core.config.profiles import Profile, ProfileStore
from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.core.providers.detectinfo.endpoints import PRODUCTION_ENDPOINT, TEST_ENDPOINT
from iauth_desktop.core.providers.detectinfo.signing import API_NAME, make_signature
from iauth_desktop.emulator.detectinfo.demo import CASE_TOKENS, DEMO_APPID, DEMO_SECRET_KEY
from iauth_desktop.ui import i18n
from iauth_desktop.ui.case.fields_model import FieldColumn
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.providers.detectinfo.signature_inspector import SignatureInspector
from iauth_desktop.ui.settings.app_settings import AppSettings
from iauth_desktop.ui.settings.settings_dialog import SettingsDialog
from iauth_desktop.ui.shell.main_window import MainWindow
from tests.conftest import MemoryKeyring
from tests.ui.case.test_case_view import demo_case
from tests.ui.conftest import QT_NOISE
from tests.ui.i18n_support import english_leftovers, english_matchers, read_catalog, texts_of

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE, extend=True)
Fetch = Callable[[MainWindow, str], PreparedCase]
MATCHERS = english_matchers(read_catalog())
HORIZONTAL = Qt.Orientation.Horizontal


def _switch(qtbot: QtBot, language: str) -> None:
    app = QApplication.instance()
    assert app is not None
    assert i18n.install_language(app, language)
    qtbot.wait(50)  # the posted LanguageChange events reach every window


@pytest.fixture
def english_afterwards(qtbot: QtBot) -> Iterator[None]:
    """Whatever a test switches to, the next test starts in English."""
    yield
    _switch(qtbot, "en")
    assert i18n.current_language() == "en" and not i18n.installed_translators()


def _window_texts(window: MainWindow) -> list[tuple[str, str]]:
    """Every text of the window but the service's data: the codes, their meanings (the English
    column is English on purpose) and messages in the banner, the fields' values and raw keys,
    profile names, the demo cases' names and tokens, the endpoint URL and the core's keyring
    explanation."""
    banner = window.case_view.banner
    data = [cell for cells in banner._cells for cell in cells[1:]]  # code, meanings, message
    data += [window.token_bar.profile_combo, window.case_view.digits_label]
    if window.demo_list is not None:
        data.append(window.demo_list.list)
    fields = window.case_view.fields

    def service_cell(view: QAbstractItemView, index: QModelIndex, _role: object) -> bool:
        return view is fields and index.column() in (FieldColumn.VALUE, FieldColumn.KEY)

    status = window.status
    return texts_of(
        window,
        skip=data,
        skip_tooltip=[status.endpoint_label, status.keyring_label],
        skip_cell=service_cell,
    )


def test_main_window_switches_to_chinese_and_back(
    qtbot: QtBot, console: MainWindow, fetch_case: Fetch, english_afterwards: None
) -> None:
    with qtbot.waitSignal(console.case_view.media_ready, timeout=20_000):
        fetch_case(console, CASE_TOKENS["pass"])
    assert console.case_view.banner.status_label.text() == "✓ Passed"
    before = _window_texts(console)
    assert len(english_leftovers(before, MATCHERS)) > 50  # the check sees the English window

    console.menus.language_actions["zh_CN"].trigger()  # View → Language, as a reviewer does
    qtbot.wait(50)
    assert i18n.current_language() == "zh_CN"
    assert console.settings.language == "zh_CN"
    texts = _window_texts(console)
    assert len(texts) > 100
    leftovers = english_leftovers(texts, MATCHERS)
    assert not leftovers, "\n".join(leftovers)
    assert console.case_view.banner.status_label.text() == "✓ 通过"
    assert console.menus.file_menu.title() == "文件(&F)"
    model = console.case_view.fields.fields_model()
    assert model.headerData(FieldColumn.LABEL, HORIZONTAL) == "字段"
    assert "核验复核" in console.windowTitle()
    assert console.case_view.evidence.tiles["frontpic"].caption().startswith("身份证正面")

    console.menus.language_actions["en"].trigger()
    qtbot.wait(50)
    assert i18n.current_language() == "en" and not i18n.installed_translators()
    assert console.case_view.banner.status_label.text() == "✓ Passed"
    assert console.menus.file_menu.title() == "&File"
    assert console.token_bar.token_label.text() == "To&ken:"
    assert model.headerData(FieldColumn.LABEL, HORIZONTAL) == "Field"
    assert sorted(_window_texts(console)) == sorted(before)


def test_a_video_that_did_not_decode_is_re_worded(
    qtbot: QtBot, console: MainWindow, english_afterwards: None
) -> None:
    reason = "the value is not valid standard Base64"  # the core's words, not translated
    console.show_case(demo_case("pass", video="@@ not Base64 @@"))
    video = console.case_view.video
    qtbot.waitUntil(lambda: video.message() == f"The video could not be decoded: {reason}.")
    _switch(qtbot, "zh_CN")
    assert console.case_view.video.message() == f"视频无法解码：{reason}。"


def _dialog_store(tmp_path: Path) -> ProfileStore:
    store = ProfileStore(tmp_path / "profiles.json")
    store.add(Profile.create("acme", TEST_ENDPOINT, "1400123"))
    store.add(Profile.create("live", PRODUCTION_ENDPOINT, "1400999"))
    store.set_default("acme")
    return store


def test_settings_dialog_in_chinese(
    qtbot: QtBot, tmp_path: Path, memory_keyring: MemoryKeyring, english_afterwards: None
) -> None:
    secrets = SecretStore(backend=memory_keyring)
    secrets.set("acme", "secret_key", "unit-test-secret-key-value-0001")
    dialog = SettingsDialog(None, _dialog_store(tmp_path), secrets, AppSettings())
    qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.profiles_page.open_editor("acme")
    assert editor is not None
    _switch(qtbot, "zh_CN")

    tree = dialog.profiles_page.tree

    def profile_data(view: QAbstractItemView, index: QModelIndex, role: object) -> bool:
        """Names and appids are data, so is the endpoint URL in the tooltip."""
        tooltip = role == Qt.ItemDataRole.ToolTipRole
        return view is tree and (index.column() in (0, 1) or tooltip)

    texts = texts_of(dialog, skip_cell=profile_data) + texts_of(editor)
    leftovers = english_leftovers(texts, MATCHERS)
    assert not leftovers, "\n".join(leftovers)
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["配置档案", "网络", "常规"]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == QCoreApplication.translate("QPlatformTheme", "OK") != "OK"  # Qt's own
    assert editor.test_button.text() == "测试连接"
    editor.reject()


def test_signature_inspector_in_chinese(qtbot: QtBot, english_afterwards: None) -> None:
    now = 1_700_000_000
    inspector = SignatureInspector(None, lambda: (DEMO_APPID, DEMO_SECRET_KEY), clock=lambda: now)
    qtbot.addWidget(inspector)
    inspector.show()
    inspector.set_signature(make_signature(DEMO_APPID, DEMO_SECRET_KEY, API_NAME, 600, now - 60))
    _switch(qtbot, "zh_CN")
    texts = texts_of(inspector, skip=[inspector.values["original"]])
    leftovers = english_leftovers(texts, MATCHERS)
    assert not leftovers, "\n".join(leftovers)
    assert inspector.windowTitle() == "签名检查器"
    assert inspector.values["hmac"].text() == "✔ 当前配置档案的密钥验证通过"
    assert inspector.values["countdown"].text() == "有效 — 0:09:00 后过期"


# --- the language at start-up ------------------------------------------------------------------

_PROBE = """
import json, sys
from PySide6.QtCore import QCoreApplication
from iauth_desktop.cli import main
code = main(sys.argv[1:])
from iauth_desktop.ui.i18n import current_language
seen = {"language": current_language(), "passed": QCoreApplication.translate("Labels", "Passed")}
print(json.dumps(seen))
sys.exit(code)
"""


@pytest.mark.parametrize(
    ("locale", "option", "expected"),
    [
        ("zh_CN.UTF-8", None, "zh_CN"),
        ("zh_CN.UTF-8", "en", "en"),
        ("en_US.UTF-8", None, "en"),
        ("en_US.UTF-8", "zh_CN", "zh_CN"),
    ],
)
def test_start_up_language_follows_the_system_unless_chosen(
    tmp_path: Path, locale: str, option: str | None, expected: str
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_MESSAGES")}
    env.update(LANG=locale, LC_ALL=locale, QT_QPA_PLATFORM="offscreen")
    shot = tmp_path / "window.png"
    args = ["--demo", "--open", CASE_TOKENS["pass"], "--screenshot", str(shot)]
    args += ["--language", option] if option else []
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["language"] == expected
    assert seen["passed"] == ("通过" if expected == "zh_CN" else "Passed")
    assert shot.stat().st_size > 0
