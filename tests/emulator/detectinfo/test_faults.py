"""Every fault mode, seen at the HTTP level, chosen by its token and by ``fault=`` (``--fault``)."""

from __future__ import annotations

import base64
import binascii
import http.client
import json
import struct
import time
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

from iauth_desktop.core.model.errors import Base64DecodeError, DecryptionError
from iauth_desktop.core.providers.detectinfo.crypto import decrypt_payload
from iauth_desktop.emulator.detectinfo.demo import CASE_TOKENS, FAULT_TOKENS, WRONG_AES_KEY
from iauth_desktop.emulator.server import EmulatorServer
from tests.emulator.conftest import decrypted, demo_body, demo_signature, errorcode, post

MIB = 1 << 20


@pytest.fixture(params=["token", "global"])
def spoil(request: pytest.FixtureRequest, server: EmulatorServer, make_server: Any) -> Any:
    """``spoil("name")`` -> the response to a pass request suffering that fault."""

    def answer(fault: str, **extra: Any) -> requests.Response:
        name = fault.partition(":")[0]
        if request.param == "token":
            return post(server, demo_body(FAULT_TOKENS[name], **extra))
        return post(make_server(fault=fault), demo_body(**extra))

    return answer


def data_text(response: requests.Response) -> str:
    envelope = response.json()
    assert envelope["errorcode"] == 0
    data = envelope["data"]
    assert isinstance(data, str)
    return data


def top_level_boxes(mp4: bytes) -> list[tuple[bytes, int]]:
    boxes, offset = [], 0
    while offset + 8 <= len(mp4):
        size, kind = struct.unpack(">I4s", mp4[offset : offset + 8])
        assert size >= 8, f"bad box size at {offset}"
        boxes.append((kind, size))
        offset += size
    assert offset == len(mp4)
    return boxes


def test_delay_then_a_normal_answer(make_server: Any) -> None:
    running = make_server(fault="delay:0.4")
    started = time.monotonic()
    payload = decrypted(post(running, demo_body(info_type=1)))
    assert time.monotonic() - started >= 0.4
    assert payload["yt_errorcode"] == 0


def test_delay_token_holds_the_answer(server: EmulatorServer) -> None:
    with pytest.raises(requests.exceptions.ReadTimeout):
        post(server, demo_body(FAULT_TOKENS["delay"]), timeout=0.5)


@pytest.mark.parametrize("status", [500, 502, 503])
def test_http_errors(spoil: Any, status: int) -> None:
    response = spoil(f"http-{status}")
    assert response.status_code == status
    assert response.headers["Content-Type"].startswith("text/html")
    assert f"<title>{status} ".encode() in response.content


def test_global_gateway_fault_comes_before_the_signature_check(make_server: Any) -> None:
    response = post(make_server(fault="http-503"), demo_body(), signature=None)
    assert response.status_code == 503


def test_reset_raises_connection_error(spoil: Any) -> None:
    with pytest.raises(requests.ConnectionError) as caught:
        spoil("reset")
    assert "reset" in str(caught.value).lower()


@pytest.mark.parametrize("via", ["token", "global"])
def test_truncated_body_is_shorter_than_content_length(
    server: EmulatorServer, make_server: Any, via: str
) -> None:
    running = server if via == "token" else make_server(fault="truncated")
    token = FAULT_TOKENS["truncated"] if via == "token" else CASE_TOKENS["pass"]
    url = urlsplit(running.url)
    connection = http.client.HTTPConnection(url.hostname or "", url.port, timeout=10)
    try:
        body = json.dumps(demo_body(token)).encode()
        headers = {"signature": demo_signature(), "Content-Type": "application/json"}
        connection.request("POST", url.path, body=body, headers=headers)
        response = connection.getresponse()
        assert response.status == 200
        declared = int(response.headers["Content-Length"])
        with pytest.raises(http.client.IncompleteRead) as caught:
            response.read()
    finally:
        connection.close()
    received = len(caught.value.partial)
    assert 0 < received < declared


def test_non_json_is_an_html_page_with_200(spoil: Any) -> None:
    response = spoil("non-json")
    assert response.status_code == 200
    assert response.content.lstrip().startswith(b"<!DOCTYPE html>")
    with pytest.raises(ValueError):
        response.json()


def test_garbage_base64(spoil: Any) -> None:
    data = data_text(spoil("garbage-base64", info_type=1))
    with pytest.raises(binascii.Error):
        base64.b64decode(data, validate=True)
    with pytest.raises(Base64DecodeError):
        decrypt_payload(data, "DemoResultKey-32chars-0123456789")


def test_wrong_key(spoil: Any) -> None:
    response = spoil("wrong-key", info_type=1)
    with pytest.raises(DecryptionError):
        decrypted(response)
    assert decrypted(response, WRONG_AES_KEY)["name"] == "欧阳演示"


def test_wrapped_base64(spoil: Any) -> None:
    response = spoil("wrapped-base64", info_type=1)
    assert b"\\r\\n" in response.content  # CR LF escaped inside the JSON string
    data = data_text(response)
    lines = data.split("\r\n")
    assert len(lines) > 2
    assert all(len(line) == 76 for line in lines[:-2])
    joined = "".join(lines)
    assert base64.b64decode(joined, validate=True)
    assert decrypted(response)["name"] == "欧阳演示"


def test_php_escapes(spoil: Any) -> None:
    response = spoil("php-escapes")
    assert b"\\/" in response.content
    assert b"/" not in response.content.replace(b"\\/", b"")
    data = data_text(response)
    plaintext = bytes(decrypt_payload(data, "DemoResultKey-32chars-0123456789"))
    assert plaintext.isascii()
    assert b"\\u6b27\\u9633" in plaintext  # 欧阳
    assert b"\\/" in plaintext  # inside the media's Base64
    payload = json.loads(plaintext)
    assert payload["name"] == "欧阳演示"
    assert base64.b64decode(payload["video"], validate=True)[4:8] == b"ftyp"


def test_broken_jpeg(spoil: Any) -> None:
    payload = decrypted(spoil("broken-jpeg"))
    front = base64.b64decode(payload["frontpic"], validate=True)
    assert front.startswith(b"\xff\xd8\xff")  # still sniffed as a JPEG ...
    assert not front.endswith(b"\xff\xd9")  # ... but cut off, and its header is noise
    assert b"\xff\xc0" not in front[:700]
    back = base64.b64decode(payload["backpic"], validate=True)
    assert back.startswith(b"\xff\xd8\xff")
    assert back.endswith(b"\xff\xd9")
    assert payload["yt_errorcode"] == 0


def test_global_data_fault_spoils_any_case(make_server: Any) -> None:
    running = make_server(fault="broken-jpeg")
    payload = decrypted(post(running, demo_body(CASE_TOKENS["compare-604"])))
    assert payload["comparestatus"] == -4020
    assert not base64.b64decode(payload["frontpic"]).endswith(b"\xff\xd9")
    assert errorcode(post(running, demo_body(CASE_TOKENS["expired-token"]))) == 12


def test_huge_video_is_still_an_mp4(make_server: Any) -> None:
    payload = decrypted(post(make_server(fault="huge-video:2"), demo_body()))
    video = base64.b64decode(payload["video"], validate=True)
    assert len(video) >= 2 * MIB
    boxes = top_level_boxes(video)
    kinds = [kind for kind, _ in boxes]
    assert kinds[0] == b"ftyp"
    assert b"moov" in kinds
    assert kinds.index(b"moov") < kinds.index(b"mdat")
    assert boxes[-1][0] == b"free"
    assert boxes[-1][1] > MIB
