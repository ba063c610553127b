"""Issue #12 at the command line: hostile input ends in the README's exit codes, never exit 1
with a traceback; nothing the service or a file says reaches the terminal as a control code."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import stat
from pathlib import Path

import pytest

from iauth_desktop.commands.terminal import escape_controls
from tests.cli.conftest import RunningEmulator, run_cli, start_emulator, stop_emulator

SECRET = "inspect-secret"


def clean_env(**extra: str | bytes) -> dict[str, str | bytes]:
    env: dict[str, str | bytes] = {
        k: v for k, v in os.environ.items() if not k.startswith("IAUTH_") or "DIR" in k
    }
    env.update(extra)
    return env


def forged_signature(t: str, e: str, appid: str = "1400", api: str = "getdetectinfo") -> str:
    original = f"a={appid}&m={api}&t={t}&e={e}".encode()
    digest = hmac.new(SECRET.encode(), original, hashlib.sha1).digest()
    return base64.b64encode(digest + original).decode()


def assert_typed(result: object, code: int) -> None:
    assert result.returncode == code, (result.returncode, result.stderr)  # type: ignore[attr-defined]
    assert "Traceback" not in result.stderr  # type: ignore[attr-defined]


# --- endpoints -------------------------------------------------------------------------------


@pytest.mark.parametrize("middle", ["%41.evil.com", "%2e.evil.com"])
def test_fetch_refuses_the_loopback_bypass_before_connecting(
    emulator: RunningEmulator, tmp_path: Path, middle: str
) -> None:
    port = emulator.url.split(":")[2].split("/")[0]
    url = f"http://127.0.0.1{middle}:{port}/new/cgi-bin/getdetectinfo.php"
    token = emulator.tokens["pass"]
    result = run_cli(
        "fetch", token, "--out", str(tmp_path / "b"), "--endpoint", url, env=emulator.env()
    )
    assert_typed(result, 2)
    assert "host" in result.stderr
    assert not (tmp_path / "b").exists()


# --- sign --inspect --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "e"),
    [("9" * 4300, "600"), ("1", "9" * 4300), ("9" * 40, "600"), ("1", "9" * 30)],
)
def test_inspect_with_absurd_numbers_is_a_format_error(t: str, e: str) -> None:
    result = run_cli("sign", "--inspect", forged_signature(t, e), env=clean_env())
    assert_typed(result, 5)
    assert "digits" in result.stderr


def test_inspect_with_a_time_past_the_calendar() -> None:
    signature = forged_signature("999999999999", "999999999999")
    result = run_cli("sign", "--inspect", signature, "--now", "1", env=clean_env())
    assert_typed(result, 0)
    assert "beyond the calendar" in result.stdout


def test_inspect_prints_the_appid_escaped() -> None:
    signature = forged_signature("1700000000", "600", appid="\x1b]52;c;ZXZpbA==\x07\r")
    result = run_cli("sign", "--inspect", signature, env=clean_env())
    assert_typed(result, 0)
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\r" not in result.stdout
    assert "\\x1b]52;c;ZXZpbA==\\x07\\r" in result.stdout


# --- environment and config folder -----------------------------------------------------------


def test_config_dir_that_is_a_file_does_not_stop_a_fetch(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    config = tmp_path / "config-file"
    config.write_text("not a folder")
    env = emulator.env(IAUTH_CONFIG_DIR=str(config), IAUTH_DATA_DIR=str(tmp_path / "data"))
    result = run_cli(
        "fetch", emulator.tokens["pass"], "--out", str(tmp_path / "b"), "--info-type", "1", env=env
    )
    assert_typed(result, 0)
    listed = run_cli("profile", "list", env=env)
    assert_typed(listed, 0)
    added = run_cli(
        "profile",
        "add",
        "p",
        "--appid",
        "1",
        "--secret-stdin",
        env=env,
        stdin="s\n" + "k" * 32 + "\n",
    )
    assert added.returncode in (2,), added.stderr  # cannot save: said, typed
    assert "Traceback" not in added.stderr


def test_read_only_config_dir_does_not_stop_a_fetch(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    config = tmp_path / "ro"
    config.mkdir()
    config.chmod(stat.S_IRUSR | stat.S_IXUSR)
    # Root writes through permissions: there, a place nobody can create folders in stands in.
    where = config / "sub" if os.geteuid() != 0 else Path("/proc/self/iauth-config/sub")
    try:
        env = emulator.env(IAUTH_CONFIG_DIR=str(where), IAUTH_DATA_DIR=str(tmp_path / "data"))
        result = run_cli(
            "fetch",
            emulator.tokens["pass"],
            "--out",
            str(tmp_path / "b"),
            "--info-type",
            "1",
            env=env,
        )
        assert_typed(result, 0)
    finally:
        config.chmod(stat.S_IRWXU)


@pytest.mark.parametrize("variable", ["IAUTH_SECRET_KEY", "IAUTH_AES_KEY", "IAUTH_APPID"])
def test_non_utf8_secret_in_the_environment_is_configuration(
    emulator: RunningEmulator, tmp_path: Path, variable: str
) -> None:
    env: dict[str, str | bytes] = dict(emulator.env())
    env[variable] = b"key-\xff\xfe-" + b"x" * 26
    result = run_cli("fetch", emulator.tokens["pass"], "--out", str(tmp_path / "b"), env=env)  # type: ignore[arg-type]
    assert_typed(result, 2)
    assert variable in result.stderr


# --- terminal escapes ------------------------------------------------------------------------


def test_fetch_prints_the_services_messages_escaped(tmp_path: Path) -> None:
    hostile = start_emulator("--fault", "control-chars")
    try:
        result = run_cli(
            "fetch",
            hostile.tokens["liveness-602"],
            "--out",
            str(tmp_path / "b"),
            "--info-type",
            "1",
            env=hostile.env(),
        )
    finally:
        stop_emulator(hostile)
    assert_typed(result, 0)
    shown = result.stdout + result.stderr
    for raw in ("\x1b", "\r", "\x07", "\x9b", "\u202e"):
        assert raw not in shown
    assert "\\x1b" in shown


def test_escape_controls_keeps_text_and_newlines() -> None:
    assert escape_controls("通过\tOK\n") == "通过\tOK\n"
    assert escape_controls("a\x1b]52;c;x\x07\rb\u202e") == "a\\x1b]52;c;x\\x07\\rb\\u202e"


# --- crypt_type at the command line ----------------------------------------------------------


def test_fetch_with_crypt_type_rsa_and_the_key_file(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    pem = tmp_path / "service.pem"
    pem.write_text(emulator.rsa_public_key)
    env = emulator.env()
    env.pop("IAUTH_AES_KEY")  # RSA needs no AES key
    out = tmp_path / "b"
    result = run_cli(
        "fetch",
        emulator.tokens["pass"],
        "--out",
        str(out),
        "--info-type",
        "1",
        "--crypt-type",
        "1",
        "--rsa-public-key",
        str(pem),
        env=env,
    )
    assert_typed(result, 0)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["request"] == {"info_type": 1, "crypt_type": 1}


def test_crypt_type_from_the_environment(emulator: RunningEmulator, tmp_path: Path) -> None:
    out = tmp_path / "b"
    result = run_cli(
        "fetch",
        emulator.tokens["pass"],
        "--out",
        str(out),
        "--info-type",
        "1",
        env=emulator.env(IAUTH_CRYPT_TYPE="2"),
    )
    assert_typed(result, 0)
    assert json.loads((out / "manifest.json").read_text())["request"]["crypt_type"] == 2
    bad = run_cli(
        "fetch",
        emulator.tokens["pass"],
        "--out",
        str(tmp_path / "c"),
        env=emulator.env(IAUTH_CRYPT_TYPE="7"),
    )
    assert_typed(bad, 2)
    missing = run_cli(
        "fetch",
        emulator.tokens["pass"],
        "--out",
        str(tmp_path / "d"),
        env=emulator.env(IAUTH_CRYPT_TYPE="1"),
    )
    assert_typed(missing, 2)
    assert "rsa_public_key" in missing.stderr


def test_rsa_key_file_from_the_environment_that_is_not_a_file(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    result = run_cli(
        "fetch",
        emulator.tokens["pass"],
        "--out",
        str(tmp_path / "b"),
        env=emulator.env(IAUTH_CRYPT_TYPE="1", IAUTH_RSA_PUBLIC_KEY_FILE="/dev/zero"),
    )
    assert_typed(result, 2)
