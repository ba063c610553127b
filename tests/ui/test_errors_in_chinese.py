"""The core's errors in the Chinese console: every failure a fetch against the emulator can
produce (its fault modes, an expired token, wrong or missing credentials, an unusable endpoint),
a folder that is no evidence bundle, and a refusing audit log are said in Chinese in the message
strip. Technical tokens (codes, hosts, paths, field names, the service's own words) may stay."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from iauth_desktop.app import build_window
from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.config.resolve import Credentials
from iauth_desktop.core.config.secrets import KeyringStatus
from iauth_desktop.core.model.errors import (
    HttpStatusError,
    MalformedResponseError,
    MissingCredentialsError,
    ServiceError,
)
from iauth_desktop.core.model.messages import ENGLISH, said
from iauth_desktop.emulator.detectinfo.demo import CASE_TOKENS, DEMO_TOKENS, FAULT_TOKENS
from iauth_desktop.ui import i18n
from iauth_desktop.ui.case import open_case
from iauth_desktop.ui.error_catalogue import error_templates
from iauth_desktop.ui.shell.main_window import MainWindow
from iauth_desktop.ui.tasks import TaskFailure
from tests.ui.conftest import FETCH_TIMEOUT_MS, QT_NOISE
from tests.ui.i18n_support import english_leftovers, english_matchers, read_catalog

pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE, extend=True)
MATCHERS = english_matchers(read_catalog())
# Three English words in a row make a sentence; one or two are a technical token ("HTTP 502").
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,}){2,}")
# Commands, paths, URLs and the service's quoted words are not ours to translate.
QUOTED = re.compile(r"`[^`]*`|“[^”]*”|'[^']*'|[^\s：，；（）]*/[^\s：，；（）]*")

FAULTS = ("http-500", "http-502", "http-503", "reset", "truncated", "non-json")
DATA_FAULTS = ("garbage-base64", "wrong-key")


def english_sentences(text: str) -> list[str]:
    return ENGLISH_RUN.findall(QUOTED.sub(" ", text))


def _switch(qtbot: QtBot, language: str) -> None:
    app = QApplication.instance()
    assert app is not None
    assert i18n.install_language(app, language)
    qtbot.wait(50)


@pytest.fixture
def chinese(qtbot: QtBot) -> Iterator[None]:
    _switch(qtbot, "zh_CN")
    yield
    _switch(qtbot, "en")


def _window(qtbot: QtBot, creds: Credentials, keyring: KeyringStatus) -> MainWindow:
    window = build_window(creds, keyring, demo_tokens=dict(DEMO_TOKENS))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _fail(qtbot: QtBot, window: MainWindow, token: str) -> tuple[str, TaskFailure | None]:
    """Fetch ``token``, which must fail; the message strip's text and the task's failure."""
    seen: list[TaskFailure] = []
    window.controller.runner.failed.connect(seen.append)
    try:
        with qtbot.waitSignal(window.fetch_failed, timeout=FETCH_TIMEOUT_MS):
            window.fetch_token(token)
    finally:
        window.controller.runner.failed.disconnect(seen.append)
    assert window.message_strip.isVisible()
    return window.message_strip.text(), (seen[0] if seen else None)


def _without_service_words(text: str, failure: TaskFailure | None) -> str:
    """The message less what the service (or the gateway before it) said verbatim."""
    error = None if failure is None else failure.error
    if isinstance(error, HttpStatusError | MalformedResponseError):
        text = text.replace(repr(error.excerpt), " ").replace(error.excerpt, " ")
    if isinstance(error, ServiceError):  # its code's name and meaning are the service's too
        text = text.replace(error.errormsg, " ")
        if error.info is not None:
            text = text.replace(error.info.zh, " ")
    return text


def _assert_chinese(texts: dict[str, str]) -> None:
    problems = [
        f"{name}: {english_sentences(text)} in {text!r}"
        for name, text in texts.items()
        if english_sentences(text)
    ]
    leftovers = english_leftovers(texts.items(), MATCHERS)
    assert not problems and not leftovers, "\n".join(problems + leftovers)
    assert all(re.search("[\u4e00-\u9fff]", text) for text in texts.values()), texts


def test_the_sentence_check_sees_english() -> None:
    assert english_sentences("网络或服务问题：the connection was refused (nothing listens there)")
    quoted = "服务返回 HTTP 502：`iauth-desktop audit verify` 'Bad Gateway page' /tmp/a b c/x"
    assert not english_sentences(quoted)


def test_every_message_key_has_a_translatable_template_word_for_word() -> None:
    """The console's literals are the core's templates (lupdate extracts them), and the
    committed catalogue translates each with the same placeholders."""
    assert error_templates() == dict(ENGLISH)
    translated = {m.source: m for m in read_catalog() if m.context == "Errors"}
    assert set(ENGLISH.values()) <= set(translated)
    assert all(translated[text].translation != text for text in ENGLISH.values() if " " in text)


def test_fetch_failures_read_chinese(
    qtbot: QtBot,
    demo_credentials: Credentials,
    keyring_status: KeyringStatus,
    chinese: None,
) -> None:
    window = _window(qtbot, demo_credentials, keyring_status)
    texts: dict[str, str] = {}
    for fault in (*FAULTS, *DATA_FAULTS):
        text, failure = _fail(qtbot, window, FAULT_TOKENS[fault])
        texts[fault] = _without_service_words(text, failure)
    text, failure = _fail(qtbot, window, CASE_TOKENS["expired-token"])
    assert "12" in text and "2 小时" in text
    texts["expired-token"] = _without_service_words(text, failure)
    assert "网络或服务问题" in texts["reset"] and "解密失败" in texts["wrong-key"]
    assert "AES 结果密钥与这份数据不匹配" in texts["wrong-key"]
    _assert_chinese(texts)


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("wrong secret", {"secret_key": "not-the-demo-secret-key"}),
        ("missing AES key", {"aes_key": None}),
        ("short AES key", {"aes_key": "too-short"}),
        ("unreachable host", {"endpoint": "http://127.0.0.1:9/new/cgi-bin/getdetectinfo.php"}),
        ("insecure endpoint", {"endpoint": "http://verify.example.com/getdetectinfo.php"}),
    ],
)
def test_configuration_failures_read_chinese(
    qtbot: QtBot,
    demo_credentials: Credentials,
    keyring_status: KeyringStatus,
    chinese: None,
    name: str,
    change: dict[str, object],
) -> None:
    window = _window(qtbot, replace(demo_credentials, **change), keyring_status)
    text, failure = _fail(qtbot, window, CASE_TOKENS["pass"])
    expected = {
        "wrong secret": "服务",
        "missing AES key": "缺少凭据",
        "short AES key": "AES 结果密钥必须是 32 字节",
        "unreachable host": "连接被拒绝",
        "insecure endpoint": "明文 http://",
    }[name]
    assert expected in text, text
    _assert_chinese({name: _without_service_words(text, failure)})


def test_a_refusing_audit_log_reads_chinese(
    qtbot: QtBot, demo_credentials: Credentials, keyring_status: KeyringStatus, chinese: None
) -> None:
    window = _window(qtbot, demo_credentials, keyring_status)
    with qtbot.waitSignal(window.case_shown, timeout=FETCH_TIMEOUT_MS):
        window.fetch_token(CASE_TOKENS["pass"])
    log = AuditLog.default().path
    content = log.read_bytes()
    log.write_bytes(content.replace(b'"fetch"', b'"fetcH"', 1))  # entry 1 altered
    text, _failure = _fail(qtbot, window, CASE_TOKENS["pass"])
    assert "审计日志" in text and "第 1 条记录已被改动" in text, text
    _assert_chinese({"audit": text})


def test_a_folder_that_is_no_bundle_reads_chinese(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chinese: None
) -> None:
    reasons: list[str] = []
    monkeypatch.setattr(open_case, "_explain_failure", lambda _p, _path, why: reasons.append(why))
    empty = tmp_path / "empty"
    empty.mkdir()
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "manifest.json").write_text("{ not json", encoding="utf-8")
    newer = tmp_path / "newer"
    newer.mkdir()
    (newer / "manifest.json").write_text('{"format": 99, "files": {}}', encoding="utf-8")
    for folder in (empty, damaged, newer):
        assert open_case.open_case_path(None, folder) is None
    assert len(reasons) == 3
    assert "不是证据包" in reasons[0] and "已损坏" in reasons[1] and "99" in reasons[2]
    _assert_chinese(dict(zip(("empty", "damaged", "newer"), reasons, strict=True)))


def test_missing_credentials_at_start_up_read_chinese(
    qtbot: QtBot, keyring_status: KeyringStatus, chinese: None
) -> None:
    """``iauth-desktop gui`` without credentials: the console opens and says what is missing."""
    hint = said("creds.hint.no_profile", variables="IAUTH_APPID, IAUTH_SECRET_KEY")
    problem = MissingCredentialsError(("appid", "secret_key"), hint).detail
    window = build_window(None, keyring_status, problem=problem)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    shown = window.message_strip.text()
    assert "缺少凭据：appid, secret_key" in shown and "添加一个配置档案" in shown
    text, _failure = _fail(qtbot, window, CASE_TOKENS["pass"])  # fetching says it again
    assert "缺少凭据" in text
    _assert_chinese({"start-up": shown, "fetch": text})
