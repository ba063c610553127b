"""The head anchor beside the log: fail closed on a damaged log, notice a cut-off tail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iauth_desktop.core.audit.anchor import anchor_path, read_anchor
from iauth_desktop.core.audit.chain import AuditIntegrityError
from iauth_desktop.core.audit.log import AuditLog

ENTRIES = 8


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    log = AuditLog(tmp_path / "audit.jsonl", clock=lambda: 1_714_552_200.0)
    for n in range(1, ENTRIES + 1):
        log.append("decision", "alice", token=f"{{T{n}}}", notes=f"note {n} 审核")
    return log


def _lines(log: AuditLog) -> list[bytes]:
    return log.path.read_bytes().splitlines(keepends=True)


def _snapshot(log: AuditLog) -> tuple[bytes, bytes]:
    return log.path.read_bytes(), log.anchor_path.read_bytes()


def test_every_append_anchors_the_new_head(log: AuditLog) -> None:
    assert log.anchor_path == log.path.parent / "audit.head"
    anchor = read_anchor(log.anchor_path)
    assert anchor is not None
    assert anchor.head == log.head() and anchor.head.seq == ENTRIES
    assert anchor.offset == log.path.stat().st_size
    assert log.anchor_path.stat().st_mode & 0o777 == 0o600
    entry = log.append("report", "bob", token="{T}")
    assert read_anchor(log.anchor_path) is not None
    assert read_anchor(log.anchor_path).head == entry.head  # type: ignore[union-attr]


def test_an_edited_first_line_stops_every_writer_and_names_the_entry(log: AuditLog) -> None:
    lines = _lines(log)
    lines[0] = lines[0].replace(b"note 1", b"note 9")  # same length, still canonical JSON
    log.path.write_bytes(b"".join(lines))
    before = _snapshot(log)
    with pytest.raises(AuditIntegrityError) as caught:
        log.append("report", "alice", token="{T}")
    message = str(caught.value)
    assert "entry 1 was changed" in message and "audit verify" in message
    assert caught.value.exit_code == 5
    assert _snapshot(log) == before  # nothing written, the anchor untouched
    with pytest.raises(AuditIntegrityError, match="entry 1 was changed"):
        log.head()


def test_cut_off_entries_fail_plain_verify_and_stop_writers(log: AuditLog) -> None:
    log.path.write_bytes(b"".join(_lines(log)[:-2]))
    report = log.verify()
    assert report.problem == (
        "entries 7 to 8 cut off the end: the log ends at seq 6 but its head anchor audit.head"
        " records seq 8"
    )
    with pytest.raises(AuditIntegrityError, match="entries 7 to 8 cut off"):
        log.append("report", "alice", token="{T}")
    with pytest.raises(AuditIntegrityError, match="cut off"):
        log.head()


def test_a_deleted_log_with_its_anchor_left_fails(log: AuditLog) -> None:
    log.path.unlink()
    assert "entries 1 to 8 cut off the end" in (log.verify().problem or "")
    with pytest.raises(AuditIntegrityError):
        log.head()


def test_a_missing_anchor_beside_entries_fails_with_a_way_out(log: AuditLog) -> None:
    log.anchor_path.unlink()
    problem = log.verify().problem or ""
    assert "head anchor audit.head is missing" in problem
    assert "audit anchor" in problem and "--expect-head" in problem
    with pytest.raises(AuditIntegrityError, match="missing"):
        log.append("report", "alice", token="{T}")


def test_an_anchor_left_behind_by_the_log_fails_until_reanchored(log: AuditLog) -> None:
    old_anchor = log.anchor_path.read_bytes()
    log.append("report", "alice", token="{T}")
    log.anchor_path.write_bytes(old_anchor)  # an older anchor put back
    problem = log.verify().problem or ""
    assert problem.startswith("the log goes on to seq 9 but its head anchor audit.head records")
    head, entry = log.reanchor(reviewer="carol")
    assert head.seq == 9
    assert entry.event == "anchor_reset" and entry.reviewer == "carol"
    assert entry.data["head"] == str(head) and entry.data["previous"].startswith("8:")
    assert log.verify().ok and log.head() == entry.head


def test_reanchor_refuses_a_broken_chain(log: AuditLog) -> None:
    lines = _lines(log)
    del lines[3]
    log.path.write_bytes(b"".join(lines))
    with pytest.raises(AuditIntegrityError, match="entry 4 is missing"):
        log.reanchor()


def test_a_changed_anchor_is_damage(log: AuditLog) -> None:
    obj = json.loads(_anchor_text(log, seq=ENTRIES))
    log.anchor_path.write_bytes(b"{}")
    with pytest.raises(AuditIntegrityError, match="not a valid anchor"):
        log.append("report", "alice", token="{T}")
    obj["sha256"] = "f" * 64
    log.anchor_path.write_text(json.dumps(obj))
    assert (
        log.verify().problem == "entry 8 was changed (it differs from the head anchor audit.head)"
    )


def _anchor_text(log: AuditLog, *, seq: int) -> str:
    anchor = read_anchor(anchor_path(log.path))
    assert anchor is not None and anchor.seq == seq
    return anchor.to_bytes().decode()


def test_a_stale_prefix_hash_falls_back_to_the_full_check(log: AuditLog) -> None:
    obj = json.loads(_anchor_text(log, seq=ENTRIES))
    obj["prefix_sha256"] = "0" * 64
    log.anchor_path.write_text(json.dumps(obj))
    assert log.append("report", "alice", token="{T}").seq == ENTRIES + 1  # chain and head match
    assert log.verify().ok


def test_deleting_log_and_anchor_together_is_not_detectable_here(log: AuditLog) -> None:
    """The documented limit: only a head kept elsewhere (history, export) shows it."""
    head = log.head()
    log.path.unlink()
    log.anchor_path.unlink()
    assert log.verify().ok
    assert not log.verify(expected_head=head).ok


def test_a_new_log_has_no_anchor_until_its_first_entry(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    assert log.verify().ok and log.head().seq == 0
    assert not log.anchor_path.exists()
    log.append("report", "alice", token="{T}")
    assert log.anchor_path.exists()
