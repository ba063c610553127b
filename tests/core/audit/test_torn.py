"""A write cut short by a crash is kept, reported as torn, and recorded by the next append."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from iauth_desktop.core.audit.chain import AuditIntegrityError, canonical_line, sha256_hex
from iauth_desktop.core.audit.log import AuditLog


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    log = AuditLog(tmp_path / "audit.jsonl", clock=lambda: 1_714_552_200.0)
    for n in range(1, 6):
        log.append("decision", "alice", token=f"{{T{n}}}", notes="ok")
    return log


def _tear_inside_a_chinese_character(log: AuditLog) -> bytes:
    """Append a Chinese entry, then cut the file in the middle of one character's UTF-8 bytes."""
    before = log.path.read_bytes()
    anchor = log.anchor_path.read_bytes()
    log.append("decision", "alice", token="{T6}", notes="人脸比对存疑，转人工复核")
    log.anchor_path.write_bytes(anchor)  # the crash came before the anchor was updated
    line = log.path.read_bytes()[len(before) :]
    cut = line.index("疑".encode()) + 2  # two of the character's three bytes
    torn = line[:cut]
    with pytest.raises(UnicodeDecodeError):
        torn.decode("utf-8")
    log.path.write_bytes(before + torn)
    return torn


def test_a_torn_last_line_is_reported_without_blaming_earlier_entries(log: AuditLog) -> None:
    head = log.head()
    torn = _tear_inside_a_chinese_character(log)
    report = log.verify(expected_head=head)
    assert report.ok
    assert report.torn_tail == len(torn)
    assert report.entries == 5 and report.head == head
    assert len(report.notes) == 1 and "line 6 is torn" in report.notes[0]
    assert f"{len(torn)} bytes" in report.notes[0]
    assert log.head() == head  # the head is the last complete entry


def test_the_next_append_records_the_torn_line_and_the_chain_verifies(log: AuditLog) -> None:
    previous = log.head()
    torn = _tear_inside_a_chinese_character(log)
    entry = log.append("report", "bob", token="{T6}")
    content = log.path.read_bytes()
    assert torn + b"\n" in content  # kept, never dropped
    recorded = log.entries()[-2]
    assert recorded.event == "torn" and recorded.seq == 6 and recorded.reviewer == "bob"
    assert recorded.data == {
        "sha256": sha256_hex(torn),
        "length": len(torn),
        "after": previous.sha256,
    }
    assert recorded.prev == sha256_hex(torn + b"\n")  # chains over the torn bytes
    assert entry.seq == 7 and entry.prev == recorded.sha256
    report = log.verify(expected_head=previous)
    assert report.ok, report.problem
    assert report.entries == 7 and report.torn_tail is None
    assert report.notes == (f"line 6 holds a torn write of {len(torn)} bytes, recorded by entry 6",)
    assert log.verify(expected_head=log.head()).ok


def test_a_torn_very_first_write(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    log.path.write_bytes('{"data":{"notes":"审'.encode()[:-1])
    assert log.verify().torn_tail is not None
    entry = log.append("report", "alice", token="{T}")
    assert entry.seq == 2
    assert log.verify().ok and log.entries()[0].event == "torn"


def test_changing_a_recorded_torn_line_is_tampering(log: AuditLog) -> None:
    torn = _tear_inside_a_chinese_character(log)
    log.append("report", "bob", token="{T6}")
    content = log.path.read_bytes()
    log.path.write_bytes(content.replace(torn, torn[:-1] + b"X"))
    assert log.verify().problem == "entry 6 was changed (line 6 is not a valid entry)"


def test_deleting_a_recorded_torn_line_is_tampering(log: AuditLog) -> None:
    torn = _tear_inside_a_chinese_character(log)
    log.append("report", "bob", token="{T6}")
    log.path.write_bytes(log.path.read_bytes().replace(torn + b"\n", b""))
    assert log.verify().problem == "the torn line recorded by entry 6 is missing (before line 6)"


def test_entries_before_a_torn_line_are_still_checked(log: AuditLog) -> None:
    _tear_inside_a_chinese_character(log)
    log.append("report", "bob", token="{T6}")
    lines = log.path.read_bytes().splitlines(keepends=True)
    lines[4] = lines[4].replace(b'"ok"', b'"OK"')  # entry 5, just before the torn line
    log.path.write_bytes(b"".join(lines))
    assert log.verify().problem == "entry 5 was changed (line 5)"


def test_garbage_as_the_last_complete_line_stops_appends(log: AuditLog) -> None:
    with log.path.open("ab") as handle:
        handle.write(b"not an entry\n")
    with pytest.raises(AuditIntegrityError, match="audit verify"):
        log.append("report", "alice", token="{T}")
    assert log.path.read_bytes().endswith(b"not an entry\n")


# --- a torn line cannot be used to forge an entry ----------------------------------------------


def _forge_a_torn_entry(log: AuditLog) -> bytes:
    """A correctly chained next entry, written without its newline (as a forger would)."""
    head = log.head()
    forged = canonical_line(
        seq=head.seq + 1,
        ts="2024-05-01T08:30:00.000Z",
        reviewer="mallory",
        event="decision",
        data={"token": "{T1}", "action": "approve"},
        prev=head.sha256,
    )
    with log.path.open("ab") as handle:
        handle.write(forged[:-1])
    return forged


def test_a_recorded_torn_line_is_never_an_entry(log: AuditLog) -> None:
    forged = _forge_a_torn_entry(log)
    log.append("report", "bob", token="{T1}")
    entries = log.entries()
    assert [e.seq for e in entries] == list(range(1, 8))  # no seq twice
    assert all(e.reviewer != "mallory" for e in entries)
    assert [e.event for e in log.entries("{T1}")] == ["decision", "report"]
    assert entries[5].event == "torn" and entries[5].data["length"] == len(forged) - 1
    report = log.verify()
    assert report.ok and report.entries == 7
    assert report.notes == (
        f"line 6 holds a torn write of {len(forged) - 1} bytes, recorded by entry 6"
        " (it reads like an entry, but is none)",
    )
    assert log.head().seq == 7 and log.head() == entries[-1].head


def test_reading_the_head_is_linear_in_a_long_torn_tail(log: AuditLog) -> None:
    """16 MB without a newline took 10 s (the tail was re-joined and re-counted per block)."""
    head = log.head()
    with log.path.open("ab") as handle:
        handle.write(b"x" * (16 << 20))
    started = time.perf_counter()
    assert log.head() == head
    assert time.perf_counter() - started < 2.0
    entry = log.append("report", "bob", token="{T}")
    assert entry.seq == head.seq + 2 and log.verify().ok


def test_a_long_torn_first_write_is_read_once(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    log.path.write_bytes(b"y" * (16 << 20))  # no anchor yet: the whole-log check runs
    started = time.perf_counter()
    assert log.head().seq == 0
    assert time.perf_counter() - started < 2.0
