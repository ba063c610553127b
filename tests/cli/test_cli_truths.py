"""Small truths on the command line: the verdict said once, a non-signature called one, an
expiry given as a date and a span, engine codes explained in the fetch summary."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.cli.conftest import RunningEmulator, run_cli

ROOT = Path(__file__).resolve().parents[2]
VECTOR = json.loads((ROOT / "tests/data/vectors/signature.json").read_text())[0]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IAUTH_") or "DIR" in k}
    env.update(extra)
    return env


def test_fetch_says_the_status_once(emulator: RunningEmulator, tmp_path: Path) -> None:
    done = run_cli(
        "fetch", emulator.tokens["pass"], "--out", str(tmp_path / "c"), env=emulator.env()
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("passed: ") and "passed: passed" not in done.stdout


def test_fetch_explains_an_engine_code_and_says_whose_words(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    token = emulator.tokens["liveness-602"]
    done = run_cli("fetch", token, "--out", str(tmp_path / "c"), env=emulator.env())
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("failed: ") and "failed: failed" not in done.stdout
    assert "livestatus -5008, speech recognition failed" in done.stdout
    assert "(per the engine's documentation)" in done.stdout
    assert "(service: 声音识别失败)" in done.stdout


def test_inspecting_something_that_is_no_signature_says_so() -> None:
    done = run_cli("sign", "--inspect", "not-a-signature", env=_env())
    assert done.returncode == 5
    assert "this is not a signature" in done.stderr
    assert "URL-safe" not in done.stderr


def test_an_expired_signature_gives_the_date_and_days_ago() -> None:
    now = VECTOR["now"] + VECTOR["expire"] + 3 * 86_400 + 5 * 3_600 + 7
    done = run_cli("sign", "--inspect", VECTOR["signature"], "--now", str(now), env=_env())
    assert done.returncode == 0, done.stderr
    [line] = [row for row in done.stdout.splitlines() if row.startswith("expiry:")]
    assert line.endswith("Z, 3 days 5 h ago")
    assert " s ago" not in done.stdout
