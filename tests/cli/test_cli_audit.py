"""``iauth-desktop audit verify | path | show``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from iauth_desktop.cli import main
from iauth_desktop.core.audit.log import AuditLog
from tests.cli.conftest import run_cli


@pytest.fixture
def log(isolated_dirs: dict[str, Path]) -> AuditLog:
    log = AuditLog.default()
    for n in range(1, 9):
        log.append("decision", "alice", token=f"{{T{n % 2}}}", action="approve", notes=f"第{n}条")
    return log


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["audit", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_path_prints_the_data_folder_log(
    isolated_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "path")
    assert code == 0
    assert out == f"{isolated_dirs['data'] / 'audit.jsonl'}\n"


def test_verify_an_intact_log(log: AuditLog, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "verify")
    assert code == 0, err
    assert out == f"audit log intact: 8 entries, head {log.head()}\n"


def test_verify_names_the_changed_entry_and_exits_5(
    log: AuditLog, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = log.path.read_bytes().splitlines(keepends=True)
    lines[6] = lines[6].replace("第7条".encode(), "第9条".encode())
    log.path.write_bytes(b"".join(lines))
    code, _, err = _run(capsys, "verify")
    assert code == 5
    assert "entry 7 was changed" in err


def test_verify_against_a_recorded_head_detects_truncation(
    log: AuditLog, capsys: pytest.CaptureFixture[str]
) -> None:
    head = str(log.head())
    log.path.write_bytes(b"".join(log.path.read_bytes().splitlines(keepends=True)[:6]))
    code, _, err = _run(capsys, "verify")  # the anchor beside the log notices it alone
    assert code == 5
    assert "entries 7 to 8 cut off the end" in err
    code, _, err = _run(capsys, "verify", "--expect-head", head)
    assert code == 5
    assert "log ends at seq 6 but the history recorded head seq 8" in err


def test_a_malformed_expected_head_is_a_usage_error(
    log: AuditLog, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["audit", "verify", "--expect-head", "8:nothex"])
    assert caught.value.code == 2
    assert "SEQ:SHA256" in capsys.readouterr().err


def test_verify_notes_a_torn_line(log: AuditLog, capsys: pytest.CaptureFixture[str]) -> None:
    with log.path.open("ab") as handle:
        handle.write('{"data":{"notes":"第'.encode()[:-1])
    code, out, _ = _run(capsys, "verify")
    assert code == 0
    assert "note: line 9 is torn" in out


def test_show_lists_entries_and_filters_by_token(
    log: AuditLog, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "show")
    assert code == 0
    rows = out.splitlines()
    assert len(rows) == 8
    assert rows[0] == (
        f"#1 {log.entries()[0].ts} alice decision action=approve notes=第1条 token={{T1}}"
    )
    code, out, _ = _run(capsys, "show", "--token", "{T0}")
    assert code == 0
    assert [row.split()[0] for row in out.splitlines()] == ["#2", "#4", "#6", "#8"]
    code, out, err = _run(capsys, "show", "--token", "{nobody}")
    assert code == 0 and out == "" and "no audit entries about {nobody}" in err


def test_show_and_verify_accept_another_log_file(
    tmp_path: Path, isolated_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    other = AuditLog(tmp_path / "copy.jsonl")
    other.append("export", "bob", token="{X}", path="/tmp/x.zip", sha256="ab" * 32)
    assert _run(capsys, "verify", "--log", str(other.path))[1].startswith("audit log intact: 1")
    assert "bob export" in _run(capsys, "show", "--log", str(other.path))[1]


def test_the_installed_command_exits_5_naming_the_removed_entry(log: AuditLog) -> None:
    lines = log.path.read_bytes().splitlines(keepends=True)
    del lines[6]
    log.path.write_bytes(b"".join(lines))
    env = {k: v for k, v in os.environ.items() if not k.startswith("IAUTH_")}
    env["IAUTH_DATA_DIR"] = str(log.path.parent)
    result = run_cli("audit", "verify", env=env)
    assert result.returncode == 5
    assert "entry 7 is missing (seq jumps from 6 to 8)" in result.stderr
    assert run_cli("audit", "path", env=env).stdout.strip() == str(log.path)
