"""``iauth-desktop emulator --provider faceid``: its greeting line, and it serves the SDK."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

from tencentcloud.common.credential import Credential
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.faceid.v20180301.faceid_client import FaceidClient


def test_the_faceid_emulator_prints_its_credentials_and_answers() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "iauth_desktop", "emulator", "--provider", "faceid"],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        info = json.loads(process.stdout.readline())
        assert info["provider"] == "faceid" and info["url"].startswith("http://127.0.0.1:")
        assert info["service_public_key"].startswith("-----BEGIN PUBLIC KEY-----")
        assert set(info["tokens"]) == {
            "passed",
            "compare-2016",
            "liveness-retries",
            "expired",
            "encrypted",
        }
        host = info["url"].removeprefix("http://").rstrip("/")
        client = FaceidClient(
            Credential(info["secret_id"], info["secret_key"]),
            "",
            ClientProfile(httpProfile=HttpProfile(protocol="http", endpoint=host)),
        )
        client.request.conn._session.trust_env = False
        client.request.conn.proxy = None
        params = {"BizToken": info["tokens"]["passed"], "RuleId": info["rule_id"], "InfoType": "1"}
        answer = client.call_json("GetDetectInfoEnhanced", params)
        assert answer["Response"]["Text"]["ErrCode"] == 0
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
        if process.stdout is not None:
            process.stdout.close()


def test_an_unknown_faceid_fault_exits_2() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "iauth_desktop", "emulator", "--provider", "faceid", "--fault", "x"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 2 and "unknown FaceID fault" in done.stderr
