"""The committed Chinese catalogue: complete, up to date with the code, and compiled as committed.

When a test here fails after a change of a visible text: run
``packaging/i18n/update-translations.sh``, translate what it marks unfinished, run it again.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QTranslator

from tests.ui.i18n_support import (
    LUPDATE_ARGS,
    QM_FILE,
    REPO_DIR,
    TS_FILE,
    mnemonics,
    placeholders,
    qt_tool,
    read_catalog,
    source_files,
)

HINT = "run packaging/i18n/update-translations.sh and translate what it marks unfinished"


def test_every_message_is_translated() -> None:
    messages = read_catalog()
    assert len(messages) > 250  # the whole interface, not a stub
    open_ones = [(m.context, m.source, m.kind) for m in messages if m.kind is not None]
    assert not open_ones, f"unfinished, vanished or obsolete messages: {open_ones[:10]}"
    empty = [(m.context, m.source) for m in messages if not m.translation.strip()]
    assert not empty, empty[:10]
    assert len({(m.context, m.source) for m in messages}) == len(messages)


def test_translations_keep_placeholders_and_accelerators() -> None:
    for message in read_catalog():
        where = f"{message.context}/{message.source!r} -> {message.translation!r}"
        assert placeholders(message.translation) == placeholders(message.source), where
        assert mnemonics(message.translation) == mnemonics(message.source), where


def test_catalog_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    """lupdate over today's sources into a copy of the .ts: no new untranslated text appears
    (a visible string added without translation fails here) and none has gone stale."""
    copy = tmp_path / TS_FILE.name
    shutil.copyfile(TS_FILE, copy)
    command = [qt_tool("pyside6-lupdate"), *source_files(), "-ts", str(copy), *LUPDATE_ARGS]
    done = subprocess.run(
        command, cwd=REPO_DIR, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    updated = read_catalog(copy)
    untranslated = [(m.context, m.source) for m in updated if m.kind is not None]
    assert not untranslated, f"texts in the code without a translation ({HINT}): {untranslated}"
    committed = {(m.context, m.source): m.translation for m in read_catalog()}
    assert {(m.context, m.source): m.translation for m in updated} == committed, HINT


def test_compiled_catalog_matches_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / QM_FILE.name
    command = [qt_tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(compiled)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert compiled.read_bytes() == QM_FILE.read_bytes(), f"the .qm is stale: {HINT}"


def test_compiled_catalog_translates() -> None:
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    assert translator.language() == "zh_CN"
    assert translator.translate("Labels", "Passed") == "通过"
    assert translator.translate("MainMenus", "&File") == "文件(&F)"
    assert translator.translate("TokenBar", "{received} of {total}") == "{received} / {total}"
