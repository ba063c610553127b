"""The command line with ``--provider faceid`` against the FaceID emulator over HTTP: fetch
(plain and encrypted, ``--json`` of the legacy shape), every error class's exit code, profiles
that carry the provider, and a contradicting ``--provider`` refused."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from iauth_desktop.core.config.secrets import keyring_status
from tests.cli.conftest import run_cli

JSON_KEYS = ["token", "provider", "verdict", "evidence_complete", "problems", "codes"]


@dataclass
class FaceIdEmulatorProcess:
    info: dict
    process: subprocess.Popen

    @property
    def url(self) -> str:
        return self.info["url"]

    def token(self, case: str) -> str:
        return self.info["tokens"][case]

    def env(self, home: Path, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("IAUTH_", "TENCENTCLOUD_"))}
        env.update(
            IAUTH_CONFIG_DIR=str(home / "config"),
            IAUTH_DATA_DIR=str(home / "data"),
            TENCENTCLOUD_SECRET_ID=self.info["secret_id"],
            TENCENTCLOUD_SECRET_KEY=self.info["secret_key"],
        )
        env.update(extra)
        return env


@pytest.fixture(scope="module")
def faceid() -> Iterator[FaceIdEmulatorProcess]:
    process = subprocess.Popen(
        [sys.executable, "-m", "iauth_desktop", "emulator", "--provider", "faceid"],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    running = FaceIdEmulatorProcess(json.loads(process.stdout.readline()), process)
    yield running
    process.terminate()
    process.wait(timeout=10)
    process.stdout.close()


def fetch(
    faceid: FaceIdEmulatorProcess, home: Path, case: str, *extra: str, env: dict | None = None
) -> subprocess.CompletedProcess[str]:
    return run_cli(
        "fetch",
        faceid.token(case),
        "--provider",
        "faceid",
        "--rule-id",
        faceid.info["rule_id"],
        "--endpoint",
        faceid.url,
        "--out",
        str(home / "bundle"),
        *extra,
        env=env or faceid.env(home),
    )


def test_fetch_writes_a_faceid_bundle_and_json_of_the_legacy_shape(
    faceid: FaceIdEmulatorProcess, tmp_path: Path
) -> None:
    done = fetch(faceid, tmp_path, "liveness-retries", "--json", "--best-frames", "2")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert [k for k in found if k in JSON_KEYS] == JSON_KEYS
    assert list(found)[-1] == "bundle"
    assert (found["provider"], found["verdict"]) == ("faceid", "failed")
    assert found["codes"][0]["field"] == "Text.ErrCode" and found["codes"][0]["code"] == 1002
    manifest = json.loads((tmp_path / "bundle" / "manifest.json").read_text())
    assert manifest["provider"] == "faceid" and manifest["request"]["BestFramesCount"] == 2
    assert "BestFrames_2.jpg" in manifest["files"] and "BestFrames_3.jpg" not in manifest["files"]


def test_encrypted_answers_from_the_command_line(
    faceid: FaceIdEmulatorProcess, tmp_path: Path
) -> None:
    pem = tmp_path / "service.pem"
    pem.write_text(faceid.info["service_public_key"])
    done = fetch(
        faceid, tmp_path, "encrypted", "--encrypt-response", "--service-public-key", str(pem)
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("passed")
    case = json.loads((tmp_path / "bundle" / "case.json").read_text())
    assert case["Text"]["Name"] == "欧阳演示"  # decrypted as received
    assert case["VideoData"]["LivenessVideo"] == "LivenessVideo.mp4"


def test_text_only_and_info_type_digits(faceid: FaceIdEmulatorProcess, tmp_path: Path) -> None:
    done = fetch(faceid, tmp_path, "passed", "--info-type", "1", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["evidence_complete"] is None
    (tmp_path / "b").mkdir()
    bad = fetch(faceid, tmp_path / "b", "passed", "--info-type", "19")
    assert bad.returncode == 2 and "digits" in bad.stderr


@pytest.mark.parametrize(
    ("case", "extra_env", "exit_code", "service_code"),
    [
        ("expired", {}, 3, "InvalidParameterValue.BizTokenExpired"),
        ("passed", {"TENCENTCLOUD_SECRET_KEY": "wrong-key"}, 3, "AuthFailure.SignatureFailure"),
        ("passed", {"TENCENTCLOUD_SECRET_ID": "AKIDnobody"}, 3, "AuthFailure.SecretIdNotFound"),
    ],
)
def test_errors_exit_3_naming_the_code(
    faceid: FaceIdEmulatorProcess,
    tmp_path: Path,
    case: str,
    extra_env: dict,
    exit_code: int,
    service_code: str,
) -> None:
    done = fetch(faceid, tmp_path, case, "--json", env=faceid.env(tmp_path, **extra_env))
    assert done.returncode == exit_code
    error = json.loads(done.stdout)["error"]
    assert error["service_code"] == service_code and error["exit"] == 3
    assert service_code in done.stderr


def test_an_unreachable_endpoint_exits_4(faceid: FaceIdEmulatorProcess, tmp_path: Path) -> None:
    done = run_cli(
        "fetch", "X", "--provider", "faceid", "--rule-id", "1", "--endpoint",
        "http://127.0.0.1:9/", "--out", str(tmp_path / "b"), "--deadline", "20",
        env=faceid.env(tmp_path),
    )  # fmt: skip
    assert done.returncode == 4


def test_legacy_options_are_refused_for_faceid(
    faceid: FaceIdEmulatorProcess, tmp_path: Path
) -> None:
    done = fetch(faceid, tmp_path, "passed", "--crypt-type", "2")
    assert done.returncode == 2 and "legacy" in done.stderr
    done = fetch(faceid, tmp_path, "passed", "--provider", "detectinfo")
    assert done.returncode == 2  # FaceID options for the legacy provider


def _secret_service_available() -> bool:
    status = keyring_status()
    return status.secure and "SecretService" in status.backend


@pytest.mark.keyring
def test_a_faceid_profile_makes_provider_unnecessary(
    faceid: FaceIdEmulatorProcess, tmp_path: Path
) -> None:
    if not _secret_service_available():
        pytest.skip("no Secret Service here (run through tests/run-tests.sh)")
    name = "faceid-" + secrets.token_hex(4)
    env = faceid.env(tmp_path)
    del env["TENCENTCLOUD_SECRET_ID"], env["TENCENTCLOUD_SECRET_KEY"]
    pem = tmp_path / "service.pem"
    pem.write_text(faceid.info["service_public_key"])
    added = run_cli(
        "profile", "add", name, "--provider", "faceid", "--secret-id", faceid.info["secret_id"],
        "--rule-id", faceid.info["rule_id"], "--endpoint", faceid.url,
        "--service-public-key", str(pem), "--best-frames", "1", "--secret-stdin",
        env=env, stdin=faceid.info["secret_key"] + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    shown = run_cli("profile", "show", name, env=env)
    assert "provider:   faceid" in shown.stdout and "rule id:" in shown.stdout
    assert faceid.info["secret_key"] not in shown.stdout
    stored = json.loads((tmp_path / "config" / "profiles.json").read_text())
    assert stored["profiles"][name]["secret_id"] == faceid.info["secret_id"]
    assert faceid.info["secret_key"] not in json.dumps(stored)
    try:
        done = run_cli(
            "fetch", faceid.token("passed"), "--profile", name, "--out", str(tmp_path / "b"),
            "--json", env=env,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["provider"] == "faceid"
        contradicting = run_cli(
            "fetch", faceid.token("passed"), "--profile", name, "--provider", "detectinfo",
            "--out", str(tmp_path / "c"), env=env,
        )  # fmt: skip
        assert contradicting.returncode == 2 and "faceid profile" in contradicting.stderr
        encrypted = run_cli(
            "fetch", faceid.token("encrypted"), "--profile", name, "--encrypt-response",
            "--out", str(tmp_path / "d"), env=env,
        )  # fmt: skip
        assert encrypted.returncode == 0, encrypted.stderr
    finally:
        run_cli("profile", "remove", name, env=env)
