"""The command line end to end: subprocesses against the emulator, every exit code of the table."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.conftest import RunningEmulator, run_cli


def test_fetch_writes_bundle_and_prints_verdict(emulator: RunningEmulator, tmp_path: Path) -> None:
    out = tmp_path / "case"
    result = run_cli("fetch", emulator.tokens["pass"], "--out", str(out), env=emulator.env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("passed")
    assert result.stdout.count("\n") == 1
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["token"] == emulator.tokens["pass"]
    assert manifest["format"] == 2
    assert {"case.json", "frontpic.jpg", "video.mp4"} <= set(manifest["files"])
    case = json.loads((out / "case.json").read_text("utf-8"))
    assert case["frontpic"] == "frontpic.jpg"
    assert (out / "video.mp4").read_bytes()[4:8] == b"ftyp"


def test_failed_verdict_still_exits_zero(emulator: RunningEmulator, tmp_path: Path) -> None:
    result = run_cli(
        "fetch", emulator.tokens["liveness-602"], "--out", str(tmp_path / "c"), env=emulator.env()
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("failed")
    assert "liveness" in result.stdout


def test_text_only_and_form_body(emulator: RunningEmulator, tmp_path: Path) -> None:
    out = tmp_path / "c"
    result = run_cli(
        "fetch",
        emulator.tokens["pass"],
        "--info-type",
        "1",
        "--form",
        "--out",
        str(out),
        env=emulator.env(),
    )
    assert result.returncode == 0, result.stderr
    assert not list(out.glob("*.jpg"))
    assert json.loads((out / "manifest.json").read_text())["request"] == {"info_type": 1}


def test_non_empty_out_is_refused_without_force(emulator: RunningEmulator, tmp_path: Path) -> None:
    out = tmp_path / "c"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    result = run_cli("fetch", emulator.tokens["pass"], "--out", str(out), env=emulator.env())
    assert result.returncode == 2
    assert "--force" in result.stderr
    assert (out / "keep.txt").read_text() == "mine"
    forced = run_cli(
        "fetch", emulator.tokens["pass"], "--out", str(out), "--force", env=emulator.env()
    )
    assert forced.returncode == 0, forced.stderr
    assert not (out / "keep.txt").exists()


def test_missing_credentials_are_named(emulator: RunningEmulator, tmp_path: Path) -> None:
    env = emulator.env()
    del env["IAUTH_SECRET_KEY"]
    del env["IAUTH_AES_KEY"]
    result = run_cli("fetch", emulator.tokens["pass"], "--out", str(tmp_path / "c"), env=env)
    assert result.returncode == 2
    assert "secret_key" in result.stderr and "aes_key" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_option_is_usage_error(emulator: RunningEmulator, tmp_path: Path) -> None:
    result = run_cli("fetch", "t", "--info-type", "7", "--out", str(tmp_path), env=emulator.env())
    assert result.returncode == 2


def test_service_error_exit_3(emulator: RunningEmulator, tmp_path: Path) -> None:
    result = run_cli(
        "fetch", emulator.tokens["expired-token"], "--out", str(tmp_path / "c"), env=emulator.env()
    )
    assert result.returncode == 3
    assert "12" in result.stderr and "ERROR_TOKEN_OVER_TIMELIMIT" in result.stderr
    assert not (tmp_path / "c").exists()


def test_wrong_secret_exit_3(emulator: RunningEmulator, tmp_path: Path) -> None:
    env = emulator.env(IAUTH_SECRET_KEY="not-the-secret")
    result = run_cli("fetch", emulator.tokens["pass"], "--out", str(tmp_path / "c"), env=env)
    assert result.returncode == 3
    assert "HTTP_UNAUTHORIZED" in result.stderr


@pytest.mark.parametrize("fault", ["http-500", "non-json", "truncated"])
def test_transport_faults_exit_4(emulator: RunningEmulator, tmp_path: Path, fault: str) -> None:
    token = emulator.tokens[f"fault-{fault}"]
    result = run_cli("fetch", token, "--out", str(tmp_path / "c"), env=emulator.env())
    assert result.returncode == 4, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "c").exists()


def test_unreachable_service_exit_4(emulator: RunningEmulator, tmp_path: Path) -> None:
    env = emulator.env(IAUTH_ENDPOINT="http://127.0.0.1:9/new/cgi-bin/getdetectinfo.php")
    result = run_cli("fetch", emulator.tokens["pass"], "--out", str(tmp_path / "c"), env=env)
    assert result.returncode == 4


@pytest.mark.parametrize("fault", ["wrong-key", "garbage-base64"])
def test_decryption_faults_exit_5(emulator: RunningEmulator, tmp_path: Path, fault: str) -> None:
    token = emulator.tokens[f"fault-{fault}"]
    result = run_cli("fetch", token, "--out", str(tmp_path / "c"), env=emulator.env())
    assert result.returncode == 5, result.stderr
    assert not (tmp_path / "c").exists()


def test_wrong_aes_key_exit_5_and_short_key_exit_2(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    wrong = run_cli(
        "fetch",
        emulator.tokens["pass"],
        "--out",
        str(tmp_path / "c"),
        env=emulator.env(IAUTH_AES_KEY="Z" * 32),
    )
    assert wrong.returncode == 5
    assert "AES" in wrong.stderr
    short = run_cli(
        "fetch",
        emulator.tokens["pass"],
        "--out",
        str(tmp_path / "c"),
        env=emulator.env(IAUTH_AES_KEY="short"),
    )
    assert short.returncode == 2


def test_plain_http_to_remote_host_refused(emulator: RunningEmulator, tmp_path: Path) -> None:
    env = emulator.env(IAUTH_ENDPOINT="http://example.com/new/cgi-bin/getdetectinfo.php")
    result = run_cli("fetch", emulator.tokens["pass"], "--out", str(tmp_path / "c"), env=env)
    assert result.returncode == 2
    assert "http" in result.stderr


def test_interrupt_exits_130(emulator: RunningEmulator, tmp_path: Path) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "iauth_desktop",
            "fetch",
            emulator.tokens["fault-delay"],
            "--out",
            str(tmp_path / "c"),
        ],
        env=emulator.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=10)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr
    assert not (tmp_path / "c").exists()


def test_version() -> None:
    result = run_cli("--version", env=dict(os.environ))
    assert result.returncode == 0
    assert result.stdout.startswith("iauth-desktop ")


def test_every_fetch_is_audited(emulator: RunningEmulator, tmp_path: Path) -> None:
    env = emulator.env(IAUTH_DATA_DIR=str(tmp_path / "data"))
    passed = run_cli("fetch", emulator.tokens["pass"], "--out", str(tmp_path / "a"), env=env)
    expired = run_cli(
        "fetch", emulator.tokens["expired-token"], "--out", str(tmp_path / "b"), env=env
    )
    assert (passed.returncode, expired.returncode) == (0, 3)
    shown = run_cli("audit", "show", env=env)
    assert shown.returncode == 0, shown.stderr
    assert "passed" in shown.stdout
    assert "service error 12" in shown.stdout
    assert emulator.tokens["expired-token"] in shown.stdout
    verified = run_cli("audit", "verify", env=env)
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_damaged_audit_log_stops_fetch(emulator: RunningEmulator, tmp_path: Path) -> None:
    env = emulator.env(IAUTH_DATA_DIR=str(tmp_path / "data"))
    assert (
        run_cli("fetch", emulator.tokens["pass"], "--out", str(tmp_path / "a"), env=env).returncode
        == 0
    )
    log = tmp_path / "data" / "audit.jsonl"
    log.write_bytes(log.read_bytes().replace(b'"fetch"', b'"fetcH"'))
    result = run_cli("fetch", emulator.tokens["pass"], "--out", str(tmp_path / "b"), env=env)
    assert result.returncode == 5
    assert "audit" in result.stderr.lower()
    assert not (tmp_path / "b").exists()


def test_a_missing_output_folder_is_refused_before_fetching(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    env = emulator.env(IAUTH_DATA_DIR=str(tmp_path / "data"))
    out = tmp_path / "missing" / "dir"
    result = run_cli("fetch", emulator.tokens["pass"], "--out", str(out), env=env)
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert not out.exists()
    assert not (tmp_path / "data" / "audit.jsonl").exists()  # nothing fetched, nothing to audit


def test_the_audit_entry_says_the_bundle_was_written(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    env = emulator.env(IAUTH_DATA_DIR=str(tmp_path / "data"))
    done = run_cli("fetch", emulator.tokens["pass"], "--out", str(tmp_path / "a"), env=env)
    assert done.returncode == 0, done.stderr
    [line] = (tmp_path / "data" / "audit.jsonl").read_text("utf-8").splitlines()
    assert json.loads(line)["data"]["outcome"] == "fetched: passed; bundle written"


def test_fetch_with_report(emulator: RunningEmulator, tmp_path: Path) -> None:
    env = emulator.env(IAUTH_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    pdf = tmp_path / "case.pdf"
    result = run_cli(
        "fetch",
        emulator.tokens["pass"],
        "--out",
        str(tmp_path / "c"),
        "--report",
        str(pdf),
        env=env,
    )
    assert result.returncode == 0, result.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "欧阳演示" in text
    assert "**************1231" in text
    assert "990101199005171231" not in text
    shown = run_cli("audit", "show", "--token", emulator.tokens["pass"], env=env)
    assert "report" in shown.stdout
