"""``iauth-desktop export BUNDLE_DIR --out TARGET [--encrypt] ...`` in a child process."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest
import pyzipper

from tests.cli.conftest import run_cli
from tests.report.demo_cases import FULL_ID, FULL_PHONE, demo_bundle
from tests.report.poppler import pdf_text

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


EVIDENCE = ("--evidence", "--purpose", "Audit request", "--recipient", "Internal audit")


def test_encrypted_export_with_the_real_report(bundle: Path, tmp_path: Path) -> None:
    target = tmp_path / "for-auditor.zip"
    args = (str(bundle), "--out", str(target), *EVIDENCE, "--password-stdin")
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
    assert export_entry["data"]["evidence"] is True and export_entry["data"]["encrypted"] is True
    assert export_entry["data"]["purpose"] == "Audit request"
    assert export_entry["data"]["recipient"] == "Internal audit"
    assert record["kind"] == "evidence" and record["purpose"] == "Audit request"
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


# --- issue #10: a summary by default, evidence by choice ------------------------------------------

SECRETS = (
    FULL_ID,
    FULL_PHONE,
    "1990.05.17",
    "19900517",
    "1990-05-17",
    "1990年5月17日",
    "示例路1号",  # the address past the district
)


def _no_secret_in(data: bytes, where: str) -> None:
    text = data.decode("utf-8", errors="replace")
    for secret in SECRETS:
        assert secret not in text and secret not in "".join(text.split()), (secret, where)


def test_default_export_is_a_masked_summary_without_evidence(bundle: Path, tmp_path: Path) -> None:
    target = tmp_path / "summary"
    done = cli(str(bundle), "--out", str(target))
    assert done.returncode == 0, done.stderr
    assert "summary" in done.stdout and "cannot reopen" in done.stdout
    files = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert files == ["audit.jsonl", "evidence-manifest.json", "export.json", "report.pdf"]
    assert (target / "evidence-manifest.json").read_bytes() == (
        bundle / "manifest.json"
    ).read_bytes()  # enough to verify the retained original
    record = json.loads((target / "export.json").read_bytes())
    assert record["kind"] == "summary" and record["masked"] is True
    assert record["full_ids"] is False and record["evidence"] is False
    assert record["can_reopen"] is False and "cannot reopen" in record["note"]
    assert record["encrypted"] is False
    assert set(record["contents"]) == {"report.pdf", "audit.jsonl", "evidence-manifest.json"}
    assert set(record["files"]) == set(files) - {"export.json"}
    for name in files:
        _no_secret_in((target / name).read_bytes(), name)
    _no_secret_in(pdf_text(target / "report.pdf").encode(), "report.pdf text")
    entry = json.loads(audit_log().read_bytes().splitlines()[-1])
    assert entry["data"]["evidence"] is False and entry["data"]["full_ids"] is False


def test_default_zip_summary_opens_without_a_password(bundle: Path, tmp_path: Path) -> None:
    target = tmp_path / "summary.zip"
    assert cli(str(bundle), "--out", str(target)).returncode == 0
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert not any(info.flag_bits & 0x1 for info in archive.infolist())
        contents = {name: archive.read(name) for name in names}
    assert sorted(names) == ["audit.jsonl", "evidence-manifest.json", "export.json", "report.pdf"]
    for name, data in contents.items():
        _no_secret_in(data, name)


def test_unencrypted_evidence_is_its_own_explicit_flag(bundle: Path, tmp_path: Path) -> None:
    target = tmp_path / "evidence"
    done = cli(str(bundle), "--out", str(target), "--full-ids", "--no-encrypt",
               "--purpose", "Fraud investigation", "--recipient", "Case officer")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "EVIDENCE" in done.stdout
    assert (target / "bundle" / "case.json").read_bytes() == (bundle / "case.json").read_bytes()
    assert FULL_ID in pdf_text(target / "report.pdf")  # the unmasked report
    record = json.loads((target / "export.json").read_bytes())
    assert record["kind"] == "evidence" and record["can_reopen"] is True
    assert record["encrypted"] is False
    entry = json.loads(audit_log().read_bytes().splitlines()[-1])
    assert entry["event"] == "export"
    assert entry["data"]["evidence"] is True and entry["data"]["encrypted"] is False
    assert entry["data"]["purpose"] == "Fraud investigation"
    assert entry["data"]["recipient"] == "Case officer"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        pytest.param(["--evidence", "--recipient", "x"], "--purpose", id="no-purpose"),
        pytest.param(["--evidence", "--purpose", "x"], "--recipient", id="no-recipient"),
        pytest.param([*EVIDENCE], "--password-stdin", id="evidence-encrypted-no-terminal"),
        pytest.param(["--no-encrypt"], "--no-encrypt goes with --evidence", id="summary"),
        pytest.param(["--purpose", "x"], "go with --evidence", id="purpose-alone"),
    ],
)
def test_evidence_usage_errors_exit_2(
    bundle: Path, tmp_path: Path, args: list[str], says: str
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    done = cli(str(bundle), "--out", str(out_dir / "case.zip"), *args)
    assert done.returncode == 2, done.stderr
    assert says in done.stderr
    assert list(out_dir.iterdir()) == []
    assert not audit_log().exists()
