"""The audit log's writer: chained canonical lines, head, file modes, refusals, fetch entries."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from iauth_desktop.core.audit import log as audit_module
from iauth_desktop.core.audit.chain import EMPTY_HEAD, ZERO_HASH, sha256_hex
from iauth_desktop.core.audit.guard import PersonalDataError
from iauth_desktop.core.audit.log import (
    AuditHead,
    AuditLog,
    default_log_path,
    describe_outcome,
    record_fetch,
)
from iauth_desktop.core.model.errors import (
    CancelledError,
    HttpStatusError,
    NetworkError,
    ServiceError,
    UsageError,
    WrongKeyError,
)

FIXED_NOW = 1_714_552_200.123  # 2024-05-01T08:30:00.123Z


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    return AuditLog(tmp_path / "data" / "audit.jsonl", clock=lambda: FIXED_NOW)


def test_entries_are_canonical_lines_chained_by_the_previous_lines_hash(log: AuditLog) -> None:
    first = log.append("decision", "alice", token="{T1}", action="approve", notes="核对无误")
    second = log.append("reveal", "bob", token="{T1}", field="ID")
    lines = log.path.read_bytes().splitlines(keepends=True)
    assert len(lines) == 2
    assert json.loads(lines[0]) == {
        "seq": 1,
        "ts": "2024-05-01T08:30:00.123Z",
        "reviewer": "alice",
        "event": "decision",
        "data": {"token": "{T1}", "action": "approve", "notes": "核对无误"},
        "prev": ZERO_HASH,
    }
    expected = json.dumps(
        json.loads(lines[0]), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    assert lines[0] == expected.encode("utf-8") + b"\n"
    assert "核对无误".encode() in lines[0]  # ensure_ascii=False: readable, not \u escapes
    assert second.prev == sha256_hex(lines[0]) == first.sha256
    assert second.seq == 2 and second.line == lines[1]


def test_head_is_the_last_seq_and_line_hash(log: AuditLog) -> None:
    assert log.head() == EMPTY_HEAD
    assert not log.path.exists()  # reading never creates the log
    for n in range(3):
        entry = log.append("copy", "alice", token=f"{{T{n}}}", field="phone")
    assert log.head() == AuditHead(3, sha256_hex(log.path.read_bytes().splitlines(True)[-1]))
    assert log.head() == entry.head
    assert AuditHead.parse(str(entry.head)) == entry.head


@pytest.mark.parametrize("text", ["3", "x:" + "0" * 64, "3:abc", "3:" + "g" * 64, ""])
def test_a_malformed_head_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError):
        AuditHead.parse(text)


def test_file_is_0600_and_a_new_folder_0700(log: AuditLog) -> None:
    log.append("report", "alice", token="{T}")
    assert stat.S_IMODE(log.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.path.parent.stat().st_mode) == 0o700


def test_a_too_open_existing_log_is_made_private(log: AuditLog) -> None:
    log.append("report", "alice", token="{T}")
    log.path.chmod(0o644)
    log.append("report", "alice", token="{T}")
    assert stat.S_IMODE(log.path.stat().st_mode) == 0o600


def test_the_default_log_lives_in_the_data_folder(isolated_dirs: dict[str, Path]) -> None:
    assert default_log_path() == isolated_dirs["data"] / "audit.jsonl"
    assert AuditLog.default().path == default_log_path()
    assert not isolated_dirs["data"].exists()  # locating the log creates nothing
    AuditLog.default().append("retention_purge", "alice", purged=3, older_than_days=180)
    assert stat.S_IMODE(isolated_dirs["data"].stat().st_mode) == 0o700


def test_reviewer_defaults_to_the_os_user(log: AuditLog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "os-user")
    assert log.append("report", None, token="{T}").reviewer == "os-user"
    assert log.append("report", "", token="{T}").reviewer == "os-user"


@pytest.mark.parametrize("event", ["torn", "Bad Event", "", "x" * 41, "fetch\n"])
def test_reserved_or_malformed_event_names_are_refused(log: AuditLog, event: str) -> None:
    with pytest.raises(UsageError):
        log.append(event, "alice")
    assert not log.path.exists()


def test_entries_filter_by_token(log: AuditLog) -> None:
    log.append("fetch", "alice", token="{A}", outcome="passed")
    log.append("profile_change", "alice", profile="prod", change="endpoint")
    log.append("decision", "alice", token="{B}", action="reject")
    log.append("export", "alice", token="{A}", path="/tmp/case.zip", sha256="ab" * 32)
    assert [e.seq for e in log.entries()] == [1, 2, 3, 4]
    assert [e.event for e in log.entries(token="{A}")] == ["fetch", "export"]
    assert log.entries(token="{none}") == []


def test_record_fetch_keeps_only_the_endpoint_host(log: AuditLog) -> None:
    entry = record_fetch(
        log,
        "alice",
        "{TOKEN-1}",
        "prod",
        "https://user:pw@faceid.example.com:8443/api/getdetectinfo.php?x=1",
        "service error 12",
    )
    assert entry.event == "fetch"
    assert entry.data == {
        "token": "{TOKEN-1}",
        "profile": "prod",
        "endpoint": "faceid.example.com:8443",
        "outcome": "service error 12",
    }
    assert b"pw" not in log.path.read_bytes() and b"getdetectinfo" not in log.path.read_bytes()
    assert record_fetch(log, None, "{T2}", None, "http://127.0.0.1:5000/x", "passed").seq == 2


def test_describe_outcome_names_classes_and_codes_only() -> None:
    assert describe_outcome(None, "incomplete") == "incomplete"
    assert describe_outcome(ServiceError(12, "X", "token expired", "secret text")) == (
        "service error 12"
    )
    assert describe_outcome(HttpStatusError(502, "<html>secret</html>")) == "HTTP 502"
    assert describe_outcome(NetworkError("host 10.0.0.1 down")) == "network error"
    assert describe_outcome(CancelledError("stop")) == "cancelled"
    assert describe_outcome(WrongKeyError("noise")) == "WrongKeyError"
    assert describe_outcome(RuntimeError("boom")) == "unexpected error"


def test_append_checks_a_long_log_by_its_anchor_not_by_reparsing(
    log: AuditLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fail closed stays cheap: the anchor's prefix hash vouches for the bytes verified before;
    each byte is read once and no earlier entry is parsed again."""
    for n in range(300):
        log.append("reveal", "alice", token=f"{{T{n}}}", field="ID")
    read: list[int] = []
    real_pread = os.pread

    def counting_pread(fd: int, length: int, offset: int) -> bytes:
        data = real_pread(fd, length, offset)
        read.append(len(data))
        return data

    def no_full_verify(*args: object, **kwargs: object) -> None:
        raise AssertionError("an intact, anchored log is not re-parsed to append")

    size = log.path.stat().st_size
    monkeypatch.setattr(audit_module.os, "pread", counting_pread)
    monkeypatch.setattr(audit_module, "verify_bytes", no_full_verify)
    entry = log.append("report", "alice", token="{T}")
    assert entry.seq == 301
    assert sum(read) == size


def test_lines_longer_than_a_read_block_still_chain(log: AuditLog) -> None:
    log.append("decision", "alice", token="{T}", notes="长" * 10_000)
    entry = log.append("decision", "alice", token="{T}", notes="ok")
    assert entry.seq == 2 and entry.prev == log.entries()[0].sha256
    assert log.verify().ok


# --- the personal-data guard ------------------------------------------------------------------

ID_LIKE = ("11010519491231002X", "110105194912310021", "id 11010519491231002x here")
PHONE_LIKE = ("13800138000", "+8613800138000", "+86 138 0013 8000", "call 138-0013-8000 now")


@pytest.mark.parametrize("value", [*ID_LIKE, *PHONE_LIKE, 13800138000, 110105194912310021])
def test_id_and_phone_like_values_are_refused(log: AuditLog, value: object) -> None:
    with pytest.raises(PersonalDataError) as caught:
        log.append("decision", "alice", token="{T}", notes=value)
    assert str(value) not in str(caught.value)  # the refusal never repeats the value
    assert not log.path.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"nested": {"deeper": ["ok", "11010519491231002X"]}},
        {"list": [1, 2, "13800138000"]},
        {"secret_key": "x"},
        {"AES_KEY": "x"},
        {"nested": {"password": "x"}},
        {"13800138000": "key is a phone number"},
        {"blob": b"\x89PNG"},
        {"value": float("nan")},
        {"broken": "\ud800"},
    ],
)
def test_secrets_images_and_nested_personal_data_are_refused(
    log: AuditLog, data: dict[str, object]
) -> None:
    with pytest.raises(PersonalDataError):
        log.append("report", "alice", **data)
    assert not log.path.exists()


def test_phone_like_reviewer_is_refused(log: AuditLog) -> None:
    with pytest.raises(PersonalDataError):
        log.append("report", "13800138000", token="{T}")


def test_tokens_hashes_and_paths_are_not_mistaken_for_personal_data(log: AuditLog) -> None:
    ordinary = {
        "token": "{6C7A3E2D-1B4F-4A5E-9D3C-123456789012}",
        "sha256": sha256_hex(b"x"),
        "path": "/home/alice/cases/2024-05-01/case-42.zip",
        "codes": [0, 12, 1001],
        "size": 52_428_800,
        "full_ids": False,
        "profile": None,
        "ratio": 0.5,
        "fields": ("ID", "phone"),
    }
    entry = log.append("export", "alice", **ordinary)
    assert entry.data == {**ordinary, "fields": ["ID", "phone"]}
