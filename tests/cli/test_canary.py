"""A canary run: unique secrets and the decrypted ID number never reach logs, config or stderr."""

import os
import secrets
from pathlib import Path

from tests.cli.conftest import run_cli, start_emulator, stop_emulator

DEMO_ID_NUMBER = "990101199005171231"


def _all_text_under(folder: Path) -> str:
    if not folder.exists():
        return ""
    return "\n".join(
        path.read_bytes().decode("utf-8", "replace") for path in folder.rglob("*") if path.is_file()
    )


def test_canary_values_never_leak(tmp_path: Path) -> None:
    secret_key = "canary-secret-" + secrets.token_hex(12)
    aes_key = "cAnArY" + secrets.token_hex(13)
    assert len(aes_key) == 32
    env = {k: v for k, v in os.environ.items() if not k.startswith("IAUTH_")}
    env.update(
        IAUTH_EMULATOR_SECRET_KEY=secret_key,
        IAUTH_EMULATOR_AES_KEY=aes_key,
        IAUTH_CONFIG_DIR=str(tmp_path / "config"),
        IAUTH_DATA_DIR=str(tmp_path / "data"),
    )
    emulator = start_emulator(env=env)
    try:
        assert emulator.secret_key == secret_key
        env.update(
            IAUTH_ENDPOINT=emulator.url,
            IAUTH_APPID=emulator.appid,
            IAUTH_SECRET_KEY=secret_key,
            IAUTH_AES_KEY=aes_key,
        )
        runs = [
            run_cli("fetch", emulator.tokens["pass"], "--out", str(tmp_path / "case"), env=env),
            run_cli(
                "fetch", emulator.tokens["fault-wrong-key"], "--out", str(tmp_path / "x"), env=env
            ),
            run_cli(
                "fetch", emulator.tokens["fault-non-json"], "--out", str(tmp_path / "y"), env=env
            ),
            run_cli("sign", "--api", "getdetectinfo", env=env),
        ]
    finally:
        stop_emulator(emulator)
    assert runs[0].returncode == 0, runs[0].stderr
    assert [r.returncode for r in runs[1:]] == [5, 4, 0]
    leaked_places = "\n".join(r.stdout + r.stderr for r in runs[:3]) + runs[3].stderr
    leaked_places += _all_text_under(tmp_path / "config") + _all_text_under(tmp_path / "data")
    for value in (secret_key, aes_key, DEMO_ID_NUMBER, "欧阳演示", "13800138000"):
        assert value not in leaked_places
    # the bundle itself holds the evidence, as it should
    assert DEMO_ID_NUMBER in (tmp_path / "case" / "case.json").read_text("utf-8")
