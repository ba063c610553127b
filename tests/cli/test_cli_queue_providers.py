"""One queue, both generations of the service: legacy tokens (the environment's credentials) and
FaceID BizTokens (a FaceID profile, its SecretKey in the real keyring), triaged from their own
emulators over HTTP, claimed and decided on their own evidence."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from iauth_desktop.emulator.detectinfo.demo import batch_token
from tests.cli.conftest import RunningEmulator, run_cli
from tests.cli.test_cli_faceid import FaceIdEmulatorProcess, faceid

__all__ = ["faceid"]


def ok(*args: str, env: dict[str, str], stdin: str | None = None) -> str:
    done = run_cli(*args, env=env, stdin=stdin)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_queue_holds_tokens_of_both_providers(
    emulator: RunningEmulator, faceid: FaceIdEmulatorProcess, tmp_path: Path
) -> None:
    env = emulator.env(
        IAUTH_DATA_DIR=str(tmp_path / "data"), IAUTH_CONFIG_DIR=str(tmp_path / "config")
    )
    name = "faceid-" + secrets.token_hex(4)
    added = run_cli(
        "profile", "add", name, "--provider", "faceid", "--secret-id", faceid.info["secret_id"],
        "--rule-id", faceid.info["rule_id"], "--endpoint", faceid.url, "--secret-stdin",
        env=env, stdin=faceid.info["secret_key"] + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    try:
        legacy = batch_token("pass", 1)
        face = [faceid.token("compare-2016"), faceid.token("expired")]
        assert "added 1" in ok(
            "queue", "add", "--endpoint", emulator.url, env=env, stdin=legacy + "\n"
        )
        assert "added 2" in ok("queue", "add", "--profile", name, env=env, stdin="\n".join(face))
        refused = run_cli(
            "queue", "add", "--provider", "faceid", "--endpoint", faceid.url, env=env,
            stdin="X-1\n",
        )  # fmt: skip
        assert refused.returncode == 2 and "faceid profile" in refused.stderr
        ok("queue", "triage", env=env)
        listed = {i["token"]: i for i in json.loads(ok("queue", "list", "--json", env=env))}
        assert listed[legacy]["provider"] == "detectinfo" and listed[legacy]["profile"] is None
        contradicting = run_cli(
            "queue", "add", "--profile", name, "--provider", "detectinfo", env=env, stdin="Y\n"
        )
        assert contradicting.returncode == 2 and "faceid profile" in contradicting.stderr
        assert listed[face[0]]["provider"] == "faceid" and listed[face[0]]["profile"] == name
        assert listed[face[0]]["state"] == "triaged" and listed[face[0]]["verdict"] == "failed"
        assert listed[face[1]]["state"] == "expired"  # BizTokenExpired: the token is gone
        assert "BizTokenExpired" in listed[face[1]]["error"]
        claimed = json.loads(ok("queue", "next", "--json", env=env))
        assert claimed["token"] == face[0]  # a failed verdict before the passed legacy case
        ok("fetch", face[0], "--profile", name, "--out", str(tmp_path / "f"), env=env)
        said = ok("decide", face[0], "--reject", "face-mismatch", "--evidence",
                  str(tmp_path / "f"), env=env)  # fmt: skip
        assert "decided" in said
        assert json.loads(ok("queue", "next", "--json", env=env))["token"] == legacy
    finally:
        run_cli("profile", "remove", name, env=env)
