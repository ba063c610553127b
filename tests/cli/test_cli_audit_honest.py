"""Honest records on the command line: every writer fails closed on a damaged log, a cut-off
tail is noticed, and a torn line is never an entry (child processes, as a user runs them)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from iauth_desktop.core.audit.chain import canonical_line
from iauth_desktop.core.audit.log import AuditLog
from tests.cli.conftest import RunningEmulator, run_cli
from tests.report.demo_cases import demo_bundle


def _fetch(emulator: RunningEmulator, env: dict[str, str], out: Path) -> int:
    return run_cli("fetch", emulator.tokens["pass"], "--out", str(out), env=env).returncode


def _state(data: Path) -> tuple[bytes, bytes]:
    return (data / "audit.jsonl").read_bytes(), (data / "audit.head").read_bytes()


def test_an_edited_first_line_stops_fetch_and_every_other_writer(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    env = emulator.env(IAUTH_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
    assert _fetch(emulator, env, tmp_path / "a") == 0
    assert _fetch(emulator, env, tmp_path / "b") == 0
    log = data / "audit.jsonl"
    lines = log.read_bytes().splitlines(keepends=True)
    lines[0] = lines[0].replace(b"passed", b"failed", 1)  # same length, still canonical
    log.write_bytes(b"".join(lines))
    before = _state(data)

    verified = run_cli("audit", "verify", env=env)
    assert verified.returncode == 5
    assert "entry 1 was changed" in verified.stderr

    fetched = run_cli("fetch", emulator.tokens["pass"], "--out", str(tmp_path / "c"), env=env)
    assert fetched.returncode == 5, fetched.stdout + fetched.stderr
    assert "entry 1 was changed" in fetched.stderr and "audit verify" in fetched.stderr
    assert not (tmp_path / "c").exists()

    report = run_cli("report", str(tmp_path / "a"), "--out", str(tmp_path / "r.pdf"), env=env)
    assert report.returncode == 5 and "entry 1 was changed" in report.stderr
    assert not (tmp_path / "r.pdf").exists()

    export = run_cli("export", str(tmp_path / "a"), "--out", str(tmp_path / "e.zip"), env=env)
    assert export.returncode == 5 and "entry 1 was changed" in export.stderr
    assert not (tmp_path / "e.zip").exists()

    profile = run_cli("profile", "remove", "anything", env=env)
    assert profile.returncode == 5 and "entry 1 was changed" in profile.stderr

    assert _state(data) == before  # nothing appended to the broken chain, anchor untouched
    assert "Traceback" not in fetched.stderr + report.stderr + export.stderr + profile.stderr


def test_cut_off_entries_fail_plain_verify_after_command_line_use(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    env = emulator.env(IAUTH_DATA_DIR=str(data))
    for name in "abc":
        assert _fetch(emulator, env, tmp_path / name) == 0
    log = data / "audit.jsonl"
    log.write_bytes(b"".join(log.read_bytes().splitlines(keepends=True)[:1]))
    verified = run_cli("audit", "verify", env=env)
    assert verified.returncode == 5
    assert "entries 2 to 3 cut off the end" in verified.stderr
    assert "audit.head" in verified.stderr
    assert _fetch(emulator, env, tmp_path / "d") == 5


def test_a_log_without_its_anchor_fails_until_anchored_by_a_person(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("IAUTH_")}
    env["IAUTH_DATA_DIR"] = str(data)
    log = AuditLog(data / "audit.jsonl")
    log.append("report", "alice", token="{T}")
    head = log.head()
    log.anchor_path.unlink()  # as a log written before anchors existed
    verified = run_cli("audit", "verify", env=env)
    assert verified.returncode == 5
    assert "head anchor audit.head is missing" in verified.stderr
    wrong = run_cli("audit", "anchor", "--expect-head", f"2:{'a' * 64}", env=env)
    assert wrong.returncode == 5 and not log.anchor_path.exists()
    anchored = run_cli("audit", "anchor", "--expect-head", str(head), env=env)
    assert anchored.returncode == 0, anchored.stderr
    assert anchored.stdout == f"audit log anchored at head {head}; recorded as entry 2\n"
    assert run_cli("audit", "verify", env=env).returncode == 0
    assert "anchor_reset" in run_cli("audit", "show", env=env).stdout


def test_a_forged_torn_entry_is_not_shown_exported_or_counted(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    bundle = demo_bundle(tmp_path / "src")
    token = json.loads((bundle / "manifest.json").read_text("utf-8"))["token"]
    log = AuditLog.default()
    log.append("decision", "alice", token=token, action="reject")
    head = log.head()
    forged = canonical_line(
        seq=head.seq + 1,
        ts="2024-05-01T08:30:00.000Z",
        reviewer="mallory",
        event="decision",
        data={"token": token, "action": "approve"},
        prev=head.sha256,
    )
    with log.path.open("ab") as handle:
        handle.write(forged[:-1])  # a "torn" line that is in fact a whole entry
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    target = tmp_path / "export"
    done = run_cli("export", str(bundle), "--out", str(target), env=env)
    assert done.returncode == 0, done.stderr
    exported = (target / "audit.jsonl").read_bytes()
    assert b"mallory" not in exported
    assert [json.loads(line)["event"] for line in exported.splitlines()] == [
        "decision",
        "report",
    ]
    shown = run_cli("audit", "show", env=env)
    assert "mallory" not in shown.stdout
    seqs = [row.split()[0] for row in shown.stdout.splitlines()]
    assert seqs == ["#1", "#2", "#3", "#4"] and len(set(seqs)) == len(seqs)
    verified = run_cli("audit", "verify", env=env)
    assert verified.returncode == 0
    assert "it reads like an entry, but is none" in verified.stdout
