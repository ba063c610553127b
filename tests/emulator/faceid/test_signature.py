"""The emulator's own TC3 check against signatures the official SDK makes."""

from __future__ import annotations

import json
import time

import pytest
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.common.http.request import RequestInternal

from iauth_desktop.emulator.faceid.demo import (
    CASE_TOKENS,
    DEMO_RULE_ID,
    DEMO_SECRET_ID,
    DEMO_SECRET_KEY,
)
from iauth_desktop.emulator.faceid.server import FaceIdEmulator
from iauth_desktop.emulator.faceid.tc3 import verify
from tests.faceid_servers import sdk_client

PARAMS = {"BizToken": CASE_TOKENS["passed"], "RuleId": DEMO_RULE_ID, "InfoType": "1"}


def sdk_signed(server: FaceIdEmulator, params: dict, secret_key: str = DEMO_SECRET_KEY):
    """A request signed by the SDK's own code, as it would send it."""
    client = sdk_client(server, secret_key=secret_key)
    req = RequestInternal(f"127.0.0.1:{server.port}", "POST", "/", header={})
    client._build_req_inter("GetDetectInfoEnhanced", params, req)
    headers = {k.lower(): v for k, v in req.header.items()}
    body = req.data.encode("utf-8") if isinstance(req.data, str) else req.data
    return headers, body


def check(headers: dict, body: bytes, now: float | None = None):
    return verify(
        headers,
        body,
        secrets={DEMO_SECRET_ID: DEMO_SECRET_KEY},
        service="faceid",
        now=time.time() if now is None else now,
    )


def test_a_signature_made_by_the_sdk_holds(faceid_server: FaceIdEmulator) -> None:
    headers, body = sdk_signed(faceid_server, PARAMS)
    assert headers["authorization"].startswith("TC3-HMAC-SHA256 Credential=" + DEMO_SECRET_ID)
    verdict = check(headers, body)
    assert verdict.code is None and verdict.secret_id == DEMO_SECRET_ID


@pytest.mark.parametrize("token", ["", "中文令牌", "x" * 5000])
def test_sdk_signatures_hold_for_any_body(faceid_server: FaceIdEmulator, token: str) -> None:
    headers, body = sdk_signed(faceid_server, {**PARAMS, "BizToken": token})
    assert check(headers, body).code is None


def test_an_altered_body_or_host_or_wrong_key_fails(faceid_server: FaceIdEmulator) -> None:
    headers, body = sdk_signed(faceid_server, PARAMS)
    altered = json.dumps({**PARAMS, "InfoType": "0"}).encode()
    assert check(headers, altered).code == "AuthFailure.SignatureFailure"
    assert check({**headers, "host": "127.0.0.2:1"}, body).code == "AuthFailure.SignatureFailure"
    headers, body = sdk_signed(faceid_server, PARAMS, secret_key="another-secret-key")
    assert check(headers, body).code == "AuthFailure.SignatureFailure"


def test_an_old_signature_expires_and_an_unknown_secret_id_is_named(
    faceid_server: FaceIdEmulator,
) -> None:
    headers, body = sdk_signed(faceid_server, PARAMS)
    assert check(headers, body, now=time.time() + 301).code == "AuthFailure.SignatureExpire"
    assert check(headers, body, now=time.time() + 200).code is None
    foreign = verify(headers, body, secrets={"AKIDother": "x"}, service="faceid", now=time.time())
    assert foreign.code == "AuthFailure.SecretIdNotFound"
    assert check({}, body).code == "AuthFailure.SignatureFailure"


def test_the_sdk_talks_to_the_emulator_and_sees_its_errors(faceid_server: FaceIdEmulator) -> None:
    answer = sdk_client(faceid_server).call_json("GetDetectInfoEnhanced", PARAMS)
    assert answer["Response"]["Text"]["ErrCode"] == 0
    with pytest.raises(TencentCloudSDKException) as raised:
        sdk_client(faceid_server, secret_key="wrong").call_json("GetDetectInfoEnhanced", PARAMS)
    assert raised.value.code == "AuthFailure.SignatureFailure"
    assert raised.value.requestId
