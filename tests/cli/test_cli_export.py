"""``iauth-desktop export BUNDLE_DIR --out TARGET [--encrypt] ...`` in a child process."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest
import pyzipper

from tests.cli.conftest import run_cli
from tests.report.demo_cases import demo_bundle

PASSWORD = "cli-canary-Pw-93be1c"  # a canary: must never appear in output or logs


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command must choose offscreen by itself
    return run_cli("export", *args, env=env, stdin=stdin)


def audit_log() -> Path:
    return Path(os.environ["IAUTH_DATA_DIR"]) / "audit.jsonl"


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    return demo_bundle(tmp_path / "src")


def test_encrypted_export_with_the_real_report(bundle: Path, tmp_path: Path) -> None:
    target = tmp_path / "for-auditor.zip"
    args = (str(bundle), "--out", str(target), "--encrypt", "--password-stdin")
    done = cli(*args, "--reviewer", "bob", stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no Qt or FFmpeg chatter, and of course no password
    assert str(target) in done.stdout
    assert "AES-256" in done.stdout
    with pyzipper.AESZipFile(target) as archive:
        archive.setpassword(PASSWORD.encode())
        contents = {name: archive.read(name) for name in archive.namelist()}
    assert contents["report.pdf"].startswith(b"%PDF")
    assert contents["bundle/case.json"] == (bundle / "case.json").read_bytes()
    record = json.loads(contents["export.json"])
    assert (
        record["files"]["report.pdf"]["sha256"]
        == hashlib.sha256(contents["report.pdf"]).hexdigest()
    )
    [report_line] = contents["audit.jsonl"].splitlines(keepends=True)
    report_entry = json.loads(report_line)
    assert report_entry["event"] == "report"
    assert report_entry["data"]["sha256"] == record["files"]["report.pdf"]["sha256"]
    log = audit_log().read_bytes()
    assert report_line == log.splitlines(keepends=True)[0]  # verbatim
    export_entry = json.loads(log.splitlines()[-1])
    assert export_entry["event"] == "export"
    assert export_entry["reviewer"] == "bob"
    assert export_entry["data"]["sha256"] == hashlib.sha256(target.read_bytes()).hexdigest()
    assert export_entry["data"]["path"] == str(target)
    for where in (log, contents["export.json"], done.stdout.encode(), done.stderr.encode()):
        assert PASSWORD.encode() not in where
    assert sorted(p.name for p in tmp_path.iterdir()) == ["for-auditor.zip", "src"]


def test_an_existing_target_exits_2_and_stays(bundle: Path, tmp_path: Path) -> None:
    target = tmp_path / "case.zip"
    target.write_bytes(b"an older export")
    done = cli(str(bundle), "--out", str(target))
    assert done.returncode == 2
    assert "already exists" in done.stderr
    assert "--force" in done.stderr
    assert target.read_bytes() == b"an older export"
    assert not audit_log().exists()


def test_a_tampered_bundle_exits_5_and_writes_nothing(bundle: Path, tmp_path: Path) -> None:
    (bundle / "video.mp4").write_bytes(b"not the video that was fetched")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    done = cli(str(bundle), "--out", str(out_dir / "case.zip"))
    assert done.returncode == 5
    assert "video.mp4" in done.stderr
    assert list(out_dir.iterdir()) == []
    assert not audit_log().exists()


@pytest.mark.parametrize(
    ("args", "stdin", "says"),
    [
        pytest.param(["--encrypt", "--password-stdin"], "\n", "password is empty", id="empty"),
        pytest.param(["--encrypt"], "", "--password-stdin", id="no-terminal"),
        pytest.param(["--password-stdin"], PASSWORD, "goes with --encrypt", id="no-encrypt"),
        pytest.param(["--password", PASSWORD], "", "unrecognized arguments", id="argv"),
    ],
)
def test_password_usage_errors_exit_2(
    bundle: Path, tmp_path: Path, args: list[str], stdin: str, says: str
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    done = cli(str(bundle), "--out", str(out_dir / "case.zip"), *args, stdin=stdin)
    assert done.returncode == 2
    assert says in done.stderr
    assert list(out_dir.iterdir()) == []


def test_encrypting_a_folder_exits_2(bundle: Path, tmp_path: Path) -> None:
    done = cli(str(bundle), "--out", str(tmp_path / "folder"), "--encrypt", stdin=PASSWORD)
    assert done.returncode == 2
    assert "only a zip" in done.stderr
    assert not (tmp_path / "folder").exists()
