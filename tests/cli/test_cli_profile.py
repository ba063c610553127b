"""Profiles from the command line: secrets only through stdin/prompt into a secure keyring."""

import json
import os
import secrets
from pathlib import Path

import pytest

from iauth_desktop.core.config.secrets import keyring_status
from tests.cli.conftest import RunningEmulator, run_cli


def _secret_service_available() -> bool:
    status = keyring_status()
    return status.secure and "SecretService" in status.backend


def _env(config: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IAUTH_")}
    env.update(IAUTH_CONFIG_DIR=str(config / "config"), IAUTH_DATA_DIR=str(config / "data"))
    env.update(extra)
    return env


def test_insecure_keyring_is_refused(tmp_path: Path) -> None:
    env = _env(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    result = run_cli(
        "profile",
        "add",
        "p1",
        "--appid",
        "1400",
        "--secret-stdin",
        env=env,
        stdin="secret\n" + "k" * 32 + "\n",
    )
    assert result.returncode == 2
    assert "keyring" in result.stderr.lower()
    assert not (tmp_path / "config" / "profiles.json").exists()


def test_secret_in_argv_is_impossible(tmp_path: Path) -> None:
    result = run_cli(
        "profile", "add", "p1", "--appid", "1", "--secret-key", "x", env=_env(tmp_path)
    )
    assert result.returncode == 2


@pytest.mark.keyring
def test_profile_round_trip_and_fetch(tmp_path: Path, emulator: RunningEmulator) -> None:
    if not _secret_service_available():
        if os.environ.get("CI"):
            pytest.fail("no Secret Service in CI: run the tests through tests/run-tests.sh")
        pytest.skip("no Secret Service here (run through tests/run-tests.sh)")
    name = "cli-" + secrets.token_hex(4)
    env = _env(tmp_path)
    added = run_cli(
        "profile",
        "add",
        name,
        "--endpoint",
        emulator.url,
        "--appid",
        emulator.appid,
        "--secret-stdin",
        "--default",
        env=env,
        stdin=f"{emulator.secret_key}\n{emulator.aes_key}\n",
    )
    assert added.returncode == 0, added.stderr
    try:
        config = (tmp_path / "config" / "profiles.json").read_text("utf-8")
        assert emulator.appid in config
        assert emulator.secret_key not in config and emulator.aes_key not in config
        listed = run_cli("profile", "list", env=env)
        assert f"* {name}" in listed.stdout
        shown = run_cli("profile", "show", name, env=env)
        assert "stored in the keyring" in shown.stdout
        assert emulator.secret_key not in shown.stdout + shown.stderr
        out = tmp_path / "case"
        fetched = run_cli("fetch", emulator.tokens["pass"], "--out", str(out), env=env)
        assert fetched.returncode == 0, fetched.stderr
        assert json.loads((out / "manifest.json").read_text())["endpoint"] == emulator.url
    finally:
        removed = run_cli("profile", "remove", name, env=env)
    assert removed.returncode == 0
    audit = run_cli("audit", "show", env=env).stdout
    assert audit.count("profile_change") == 3  # add, set_default, remove
    assert emulator.secret_key not in audit and emulator.aes_key not in audit
    gone = run_cli("profile", "show", name, env=env)
    assert gone.returncode == 2
