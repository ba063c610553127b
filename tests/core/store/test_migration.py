"""A version-1 case history (columns named after the legacy service) migrates forward on open."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.store.sqlite.history import CaseHistory
from iauth_desktop.core.store.sqlite.migrations import SCHEMA_V1
from iauth_desktop.core.store.sqlite.schema import _statements

STAMP = "2026-11-20T10:00:00.000000Z"


def version_1_file(path: Path) -> Path:
    """A history as version 1 wrote it: its schema, two cases, a decision chain."""
    db = sqlite3.connect(path, isolation_level=None)
    for statement in _statements(SCHEMA_V1):
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    rows = [
        ("{tok-full}", "passed", "", 0, "通过", 0, "OK", 0, "OK", 0, "欧***"),
        ("{tok-text}", "failed", "liveness (digits)", 602, "视频活体检测没通过", -5005,
         "嘴唇动作", None, "", 1, "张*"),
    ]  # fmt: skip
    for row in rows:
        db.execute(
            "INSERT INTO cases (token, fetched_at, verdict, failed_stages, yt_errorcode, "
            "yt_errormsg, livestatus, livemsg, comparestatus, comparemsg, info_type, "
            "masked_name, profile_name, endpoint_host, reviewer, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', '127.0.0.1', 'alice', ?, ?)",
            (row[0], STAMP, *row[1:], STAMP, STAMP),
        )
    db.execute(
        "INSERT INTO decisions (token, action, reviewer, decided_at) "
        "VALUES ('{tok-full}', 'approve', 'alice', ?)",
        (STAMP,),
    )
    db.execute(
        "INSERT INTO decisions (token, action, reason, reason_text, reviewer, decided_at, "
        "supersedes) VALUES ('{tok-full}', 'reject', 'other', 'second look', 'bob', ?, 1)",
        (STAMP,),
    )
    db.close()
    return path


def test_a_version_1_history_migrates_on_first_open(tmp_path: Path) -> None:
    original = version_1_file(tmp_path / "v1.sqlite3")
    copy = tmp_path / "history.sqlite3"
    shutil.copyfile(original, copy)  # the migration works on a copy; the original stays v1
    with CaseHistory(copy) as history:
        assert history.schema_version == 4
        full, text = history.get("{tok-full}"), history.get("{tok-text}")
        assert full is not None and text is not None
        assert (full.final_code, full.final_message) == (0, "通过")
        assert (full.mode, full.provider) == (FetchMode.FULL, "detectinfo")
        assert (text.final_code, text.liveness_code, text.liveness_message) == (
            602,
            -5005,
            "嘴唇动作",
        )
        assert text.compare_code is None
        assert text.mode is FetchMode.TEXT_ONLY
        assert text.failed_stages == ("liveness (digits)",)
        chain = history.decisions("{tok-full}")
        assert [(d.action.value, d.supersedes) for d in chain] == [("approve", None), ("reject", 1)]
        assert history.latest_decision("{tok-full}") == chain[-1]
    with sqlite3.connect(original) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    with sqlite3.connect(copy) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(cases)")}
    assert {"final_code", "liveness_message", "mode", "provider"} <= columns
    legacy = {"yt_errorcode", "yt_errormsg", "livestatus", "livemsg", "comparestatus"}
    assert not columns & (legacy | {"comparemsg", "info_type"})


def test_migrated_decisions_stay_immutable(tmp_path: Path) -> None:
    path = version_1_file(tmp_path / "history.sqlite3")
    CaseHistory(path).close()
    with sqlite3.connect(path) as db, pytest.raises(sqlite3.DatabaseError, match="never changed"):
        db.execute("UPDATE decisions SET action = 'approve' WHERE id = 2")
