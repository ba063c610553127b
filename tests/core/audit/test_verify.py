"""Verification names the first entry that was changed, removed, moved or cut off."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iauth_desktop.core.audit.chain import AuditIntegrityError
from iauth_desktop.core.audit.log import AuditHead, AuditLog
from iauth_desktop.core.audit.verify import verify_bytes

ENTRIES = 10


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    log = AuditLog(tmp_path / "audit.jsonl", clock=lambda: 1_714_552_200.0)
    for n in range(1, ENTRIES + 1):
        log.append("decision", "alice", token=f"{{T{n:02d}}}", notes=f"note {n:02d} 审核")
    return log


def _lines(log: AuditLog) -> list[bytes]:
    return log.path.read_bytes().splitlines(keepends=True)


def _rewrite(log: AuditLog, lines: list[bytes]) -> None:
    log.path.write_bytes(b"".join(lines))


def _problem(log: AuditLog, head: AuditHead | None = None) -> str:
    report = log.verify(expected_head=head)
    assert not report.ok
    assert report.problem is not None
    return report.problem


def test_an_intact_log_verifies(log: AuditLog) -> None:
    report = log.verify()
    assert report.ok and report.problem is None
    assert report.entries == ENTRIES
    assert report.head == log.head()
    assert report.notes == ()
    report.raise_for_problem()  # does not raise


def test_a_missing_or_empty_log_verifies_as_empty(tmp_path: Path) -> None:
    report = AuditLog(tmp_path / "none.jsonl").verify()
    assert report.ok and report.entries == 0 and report.head.seq == 0
    assert verify_bytes(b"").ok


def test_a_byte_changed_inside_an_entry_names_that_entry(log: AuditLog) -> None:
    lines = _lines(log)
    lines[6] = lines[6].replace(b"note 07", b"note 0X")  # still valid, canonical JSON
    _rewrite(log, lines)
    report = log.verify()
    assert report.problem == "entry 7 was changed (line 7)"
    assert report.problem_seq == 7


def test_a_byte_that_breaks_the_json_names_that_entry(log: AuditLog) -> None:
    content = bytearray(log.path.read_bytes())
    offset = sum(len(line) for line in _lines(log)[:6]) + 1  # inside line 7
    content[offset] ^= 0x01
    log.path.write_bytes(bytes(content))
    assert _problem(log).startswith("entry 7 was changed")


def test_a_non_canonical_rewrite_of_an_entry_is_a_change(log: AuditLog) -> None:
    lines = _lines(log)
    lines[6] = lines[6].replace(b'"event":', b'"event": ')
    _rewrite(log, lines)
    assert _problem(log).startswith("entry 7 was changed")


def test_an_edited_seq_is_a_change_not_a_gap(log: AuditLog) -> None:
    lines = _lines(log)
    lines[6] = lines[6].replace(b'"seq":7', b'"seq":70')
    _rewrite(log, lines)
    assert _problem(log) == "entry 7 was changed (line 7)"


def test_the_first_entry_changed(log: AuditLog) -> None:
    lines = _lines(log)
    lines[0] = lines[0].replace(b"note 01", b"note 00")
    _rewrite(log, lines)
    assert _problem(log) == "entry 1 was changed (line 1)"


def test_the_last_entry_changed_is_caught_by_the_recorded_head(log: AuditLog) -> None:
    head = log.head()
    lines = _lines(log)
    lines[-1] = lines[-1].replace(b"note 10", b"note 11")
    _rewrite(log, lines)
    # nothing after it to notice, but the anchor beside the log does
    assert _problem(log) == "entry 10 was changed (it differs from the head anchor audit.head)"
    assert _problem(log, head) == "entry 10 was changed (it differs from the recorded head)"


def test_a_deleted_entry_is_named_missing(log: AuditLog) -> None:
    lines = _lines(log)
    del lines[6]
    _rewrite(log, lines)
    report = log.verify()
    assert report.problem == "entry 7 is missing (seq jumps from 6 to 8)"
    assert report.problem_seq == 7


def test_several_deleted_entries(log: AuditLog) -> None:
    lines = _lines(log)
    del lines[3:6]
    _rewrite(log, lines)
    assert _problem(log) == "entries 4 to 6 are missing (seq jumps from 3 to 7)"


def test_a_deleted_first_entry(log: AuditLog) -> None:
    _rewrite(log, _lines(log)[1:])
    assert _problem(log) == "entry 1 is missing (the log starts at seq 2)"


def test_swapped_entries_are_out_of_order(log: AuditLog) -> None:
    lines = _lines(log)
    lines[6], lines[7] = lines[7], lines[6]
    _rewrite(log, lines)
    report = log.verify()
    assert report.problem == "entries out of order at line 7"
    assert report.problem_line == 7


def test_an_entry_moved_to_the_end_is_out_of_order(log: AuditLog) -> None:
    lines = _lines(log)
    lines.append(lines.pop(2))
    _rewrite(log, lines)
    assert _problem(log) == "entries out of order at line 3"


def test_a_duplicated_entry(log: AuditLog) -> None:
    lines = _lines(log)
    lines.insert(8, lines[4])
    _rewrite(log, lines)
    assert _problem(log) == "entry 5 appears twice (again at line 9)"


def test_truncation_fails_alone_and_against_the_recorded_head(log: AuditLog) -> None:
    head = log.head()
    _rewrite(log, _lines(log)[:-2])
    alone = log.verify()
    assert alone.problem == (
        "entries 9 to 10 cut off the end: the log ends at seq 8 but its head anchor"
        " audit.head records seq 10"
    )
    assert alone.problem_seq == 9
    report = log.verify(expected_head=head)
    assert report.problem == "log ends at seq 8 but the history recorded head seq 10"
    assert report.problem_seq == 9
    with pytest.raises(AuditIntegrityError, match="log ends at seq 8") as caught:
        report.raise_for_problem()
    assert caught.value.exit_code == 5


def test_an_older_recorded_head_still_matches_a_grown_log(log: AuditLog) -> None:
    head = log.head()
    log.append("report", "alice", token="{T01}")
    assert log.verify(expected_head=head).ok
    forged = AuditHead(head.seq, "f" * 64)
    assert _problem(log, forged) == "entry 10 was changed (it differs from the recorded head)"


def test_an_emptied_log_fails_against_a_recorded_head(log: AuditLog) -> None:
    head = log.head()
    log.path.write_bytes(b"")
    assert _problem(log, head) == "log ends at seq 0 but the history recorded head seq 10"


def test_a_rewritten_chain_is_caught_only_by_the_head(tmp_path: Path, log: AuditLog) -> None:
    """A hash chain alone cannot stop a full rewrite; the head kept elsewhere does."""
    head = log.head()
    forged = AuditLog(tmp_path / "forged.jsonl", clock=lambda: 1_714_552_200.0)
    for n in range(1, ENTRIES + 1):
        forged.append("decision", "mallory", token=f"{{T{n:02d}}}", notes="rewritten")
    assert forged.verify().ok
    assert not forged.verify(expected_head=head).ok


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, AuditHead]:
    log = AuditLog(tmp_path_factory.mktemp("audit") / "audit.jsonl")
    for n in range(12):
        log.append("reveal", "alice", token=f"{{T{n}}}", field="ID", notes="揭示")
    return log.path.read_bytes(), log.head()


@given(data=st.data())
def test_any_single_byte_change_fails_against_the_head(
    sample: tuple[bytes, AuditHead], data: st.DataObject
) -> None:
    content, head = sample
    offset = data.draw(st.integers(0, len(content) - 1))
    value = data.draw(st.integers(0, 255).filter(lambda b: b != content[offset]))
    changed = content[:offset] + bytes([value]) + content[offset + 1 :]
    assert not verify_bytes(changed, head).ok


@given(data=st.data())
def test_any_removed_run_of_lines_fails_against_the_head(
    sample: tuple[bytes, AuditHead], data: st.DataObject
) -> None:
    content, head = sample
    lines = content.splitlines(keepends=True)
    start = data.draw(st.integers(0, len(lines) - 1))
    stop = data.draw(st.integers(start + 1, len(lines)))
    report = verify_bytes(b"".join(lines[:start] + lines[stop:]), head)
    assert not report.ok
    assert report.problem_seq == start + 1  # the first removed entry is the one named
