"""``fetch --json``: one object on stdout a script can rely on, for a case and for an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import RunningEmulator, run_cli

CODE_KEYS = {"stage", "field", "code", "meaning_zh", "meaning_en", "source", "service_message"}


def fetch_json(emulator: RunningEmulator, token: str, out: Path, *extra: str) -> tuple[int, dict]:
    done = run_cli("fetch", token, "--out", str(out), "--json", *extra, env=emulator.env())
    lines = done.stdout.splitlines()
    assert len(lines) == 1, done.stdout  # one object, nothing else on stdout
    return done.returncode, json.loads(lines[0])


def test_a_passed_case(emulator: RunningEmulator, tmp_path: Path) -> None:
    code, found = fetch_json(emulator, emulator.tokens["pass"], tmp_path / "a")
    assert code == 0
    assert list(found) == [
        "token", "provider", "verdict", "evidence_complete", "problems", "codes", "similarity",
        "bundle",
    ]  # fmt: skip
    assert isinstance(found["similarity"], float)
    assert found["token"] == emulator.tokens["pass"]
    assert (found["provider"], found["verdict"]) == ("detectinfo", "passed")
    assert found["evidence_complete"] is True and found["problems"] == []
    assert found["bundle"] == str(tmp_path / "a")
    assert [c["stage"] for c in found["codes"]] == ["final", "liveness", "compare"]
    assert all(set(c) == CODE_KEYS for c in found["codes"])
    final = found["codes"][0]
    assert (final["field"], final["code"], final["source"]) == ("yt_errorcode", 0, "service table")


def test_a_failed_case_explains_its_codes(emulator: RunningEmulator, tmp_path: Path) -> None:
    code, found = fetch_json(emulator, emulator.tokens["liveness-602"], tmp_path / "a")
    assert code == 0
    assert found["verdict"] == "failed"
    final = found["codes"][0]
    assert final["code"] == 602
    assert final["meaning_zh"] and final["meaning_en"]
    assert final["service_message"]


def test_text_only_evidence_is_not_applicable(emulator: RunningEmulator, tmp_path: Path) -> None:
    code, found = fetch_json(emulator, emulator.tokens["pass"], tmp_path / "a", "--info-type", "1")
    assert code == 0
    assert found["evidence_complete"] is None


def test_a_broken_image_makes_the_evidence_incomplete(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    code, found = fetch_json(emulator, emulator.tokens["fault-broken-jpeg"], tmp_path / "a")
    assert code == 0
    assert found["evidence_complete"] is False
    assert found["problems"] and set(found["problems"][0]) == {"field", "reason"}


@pytest.mark.parametrize(
    ("token", "exit_code", "kind", "service_code"),
    [
        ("expired-token", 3, "service", 12),
        ("fault-http-500", 4, "http_status", None),
        ("fault-wrong-key", 5, "wrong_key", None),
    ],
)
def test_errors_are_one_object_too(
    emulator: RunningEmulator,
    tmp_path: Path,
    token: str,
    exit_code: int,
    kind: str,
    service_code: int | None,
) -> None:
    done = run_cli(
        "fetch", emulator.tokens[token], "--out", str(tmp_path / "a"), "--json",
        env=emulator.env(),
    )  # fmt: skip
    assert done.returncode == exit_code
    error = json.loads(done.stdout)["error"]
    assert set(error) == {"exit", "kind", "message", "service_code"}
    assert (error["exit"], error["kind"], error["service_code"]) == (exit_code, kind, service_code)
    assert error["message"] and error["message"] in done.stderr  # the human line stays
