"""Request parsing and the demo cases, over real HTTP to 127.0.0.1."""

from __future__ import annotations

import base64
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests

from iauth_desktop.core.model.errors import KeyLengthError, UsageError
from iauth_desktop.emulator.detectinfo.demo import (
    CASE_TOKENS,
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
    FAULT_TOKENS,
)
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer
from tests.emulator.conftest import (
    PASS_TOKEN,
    decrypted,
    demo_body,
    demo_signature,
    errorcode,
    post,
)

MEDIA = ("frontpic", "backpic", "videopic1", "videopic2", "videopic3", "video")


def test_json_body_answers_the_pass_case_with_media(server: EmulatorServer) -> None:
    response = post(server, demo_body(info_type=0))
    assert response.headers["Content-Length"] == str(len(response.content))
    payload = decrypted(response)
    assert payload["name"] == "欧阳演示"
    assert payload["yt_errorcode"] == 0
    assert payload["sim"] == "92.5"
    assert set(MEDIA) <= set(payload)
    assert base64.b64decode(payload["video"], validate=True)[4:8] == b"ftyp"
    assert base64.b64decode(payload["frontpic"], validate=True)[:3] == b"\xff\xd8\xff"


def test_form_body_is_accepted(server: EmulatorServer) -> None:
    response = post(server, demo_body(info_type="1"), form=True)
    assert response.request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert decrypted(response)["ID"] == "990101199005171231"


@pytest.mark.parametrize(
    "raw",
    [
        f'{{"token": "{PASS_TOKEN}", "appid": "{DEMO_APPID}", "info_type": 1}}'.encode(),
        f"token={PASS_TOKEN}&appid={DEMO_APPID}&info_type=1".encode(),
    ],
    ids=["json", "form"],
)
def test_body_is_sniffed_without_a_content_type(server: EmulatorServer, raw: bytes) -> None:
    response = post(server, raw=raw)
    assert "Content-Type" not in response.request.headers
    assert decrypted(response)["name"] == "欧阳演示"


@pytest.mark.parametrize(
    ("info_type", "has_media"),
    [(0, True), ("0", True), (1, False), ("1", False), (None, True)],
    ids=["int-0", "str-0", "int-1", "str-1", "absent"],
)
def test_info_type_forms(server: EmulatorServer, info_type: Any, has_media: bool) -> None:
    body = demo_body() if info_type is None else demo_body(info_type=info_type)
    payload = decrypted(post(server, body))
    assert payload["yt_errorcode"] == 0
    assert any(field in payload for field in MEDIA) is has_media
    if not has_media:
        assert not set(MEDIA) & set(payload)


@pytest.mark.parametrize("info_type", [2, "2", -1, "x", 1.5, True, [1]])
def test_bad_info_type_is_code_2(server: EmulatorServer, info_type: Any) -> None:
    response = post(server, demo_body(info_type=info_type))
    assert response.json() == {"errorcode": 2, "errormsg": "HTTP_WRONG_PARAM"}


@pytest.mark.parametrize(
    "body",
    [{"appid": DEMO_APPID}, {"token": PASS_TOKEN}, {"token": "", "appid": DEMO_APPID}, {}],
    ids=["no-token", "no-appid", "empty-token", "empty"],
)
def test_missing_parameter_is_code_1(server: EmulatorServer, body: dict[str, Any]) -> None:
    assert post(server, body).json() == {"errorcode": 1, "errormsg": "HTTP_UNSET_PARAM"}


def test_unparseable_json_is_code_2(server: EmulatorServer) -> None:
    assert errorcode(post(server, raw=b'{"token": ')) == 2


@pytest.mark.parametrize(
    "token",
    [
        "{00000000-0000-0000-0000-000000000000}",
        PASS_TOKEN.lower(),  # tokens are opaque: case matters
        PASS_TOKEN.strip("{}"),  # and so do the braces
    ],
)
def test_unknown_token_is_code_5(server: EmulatorServer, token: str) -> None:
    assert post(server, demo_body(token)).json() == {
        "errorcode": 5,
        "errormsg": "HTTP_REQUES_ILLEGAL",
    }


def test_lower_case_token_is_known_as_is(server: EmulatorServer) -> None:
    token = CASE_TOKENS["action-mode"]
    assert token == token.lower()
    assert decrypted(post(server, demo_body(token, info_type=1)))["validatedata"] == ""


def test_expired_token_case_answers_12_without_data(server: EmulatorServer) -> None:
    response = post(server, demo_body(CASE_TOKENS["expired-token"]))
    assert response.json() == {"errorcode": 12, "errormsg": "ERROR_TOKEN_OVER_TIMELIMIT"}


@pytest.mark.parametrize(
    ("case", "checks"),
    [
        ("pass", {"yt_errorcode": 0, "livestatus": 0, "comparestatus": 0, "validatedata": 3344}),
        ("liveness-602", {"yt_errorcode": 602, "livestatus": -5008, "validatedata": "3344"}),
        ("compare-604", {"yt_errorcode": "604", "comparestatus": -4020, "livestatus": "0"}),
        ("action-mode", {"yt_errorcode": 0, "validatedata": ""}),
        ("second-verification", {"yt_errorcode": "0", "type": 1}),
    ],
)
def test_demo_cases_over_http(server: EmulatorServer, case: str, checks: dict[str, Any]) -> None:
    payload = decrypted(post(server, demo_body(CASE_TOKENS[case], info_type=1)))
    for key, value in checks.items():
        assert payload[key] == value, key
        assert type(payload[key]) is type(value), key


def test_second_verification_has_no_id_card_pictures(server: EmulatorServer) -> None:
    payload = decrypted(post(server, demo_body(CASE_TOKENS["second-verification"])))
    assert "frontpic" not in payload
    assert "backpic" not in payload
    assert "video" in payload


def test_every_fault_token_is_known(server: EmulatorServer) -> None:
    # Text-only answers of the data faults, to prove their tokens are accepted (cheap).
    for name in ("wrapped-base64", "broken-jpeg", "huge-video"):
        response = post(server, demo_body(FAULT_TOKENS[name], info_type=1))
        assert response.status_code == 200
        assert response.json()["errorcode"] == 0


def test_other_methods_and_paths(server: EmulatorServer) -> None:
    assert requests.get(server.url, timeout=5).status_code == 405
    other = server.url.replace("getdetectinfo.php", "auth.php")
    assert requests.post(other, json=demo_body(), timeout=5).status_code == 404


def test_concurrent_requests(server: EmulatorServer) -> None:
    tokens = list(CASE_TOKENS.values()) * 3
    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(lambda t: errorcode(post(server, demo_body(t, info_type=1))), tokens))
    assert codes.count(12) == 3
    assert codes.count(0) == len(tokens) - 3


def test_keep_alive_session_is_served_repeatedly(server: EmulatorServer) -> None:
    with requests.Session() as session:
        for _ in range(3):
            response = session.post(
                server.url,
                json=demo_body(info_type=1),
                headers={"signature": demo_signature()},
                timeout=5,
            )
            assert response.json()["errorcode"] == 0


def test_other_credentials(make_server: Any) -> None:
    from iauth_desktop.core.providers.detectinfo.signing import make_signature

    key = "K" * 32
    running = make_server(appid="app-2", secret_key="other-secret", aes_key=key, clock=lambda: 1e9)
    signature = make_signature("app-2", "other-secret", "getdetectinfo", 600, 1_000_000_000)
    response = post(running, {"token": PASS_TOKEN, "appid": "app-2"}, signature=signature)
    assert decrypted(response, key)["name"] == "欧阳演示"
    assert errorcode(post(running, demo_body())) == 3  # the demo credentials no longer work


def test_stop_closes_the_socket() -> None:
    running = EmulatorServer().start()
    port = running.port
    assert errorcode(post(running, demo_body(info_type=1))) == 0
    running.stop()
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", port), 2):
        pass
    assert not [t for t in threading.enumerate() if t.name == f"iauth-emulator:{port}"]


def test_refuses_non_loopback_host_unless_allowed() -> None:
    with pytest.raises(UsageError, match="loopback"):
        EmulatorServer(EmulatorConfig(host="192.0.2.10"))
    EmulatorServer(EmulatorConfig(host="0.0.0.0", allow_remote=True))  # constructs; not started


def test_bad_configuration_is_refused() -> None:
    with pytest.raises(KeyLengthError):
        EmulatorServer(EmulatorConfig(aes_key="too-short"))
    with pytest.raises(UsageError, match="unknown fault"):
        EmulatorServer(EmulatorConfig(fault="sunspots"))
    shown = repr(EmulatorConfig())
    assert DEMO_SECRET_KEY not in shown
    assert DEMO_AES_KEY not in shown
