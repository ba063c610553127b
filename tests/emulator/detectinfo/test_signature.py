"""The emulator's signature check against the shared vectors (computed with Node's crypto)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from iauth_desktop.core.providers.detectinfo.signing import API_NAME, make_signature
from iauth_desktop.emulator.server import EmulatorServer
from tests.emulator.conftest import PASS_TOKEN, errorcode, post


def load_vectors(vectors_dir: Path) -> list[dict[str, Any]]:
    vectors = json.loads((vectors_dir / "signature.json").read_text(encoding="utf-8"))
    assert vectors, "no signature vectors"
    return vectors


@pytest.fixture(scope="module")
def vectors(vectors_dir: Path) -> list[dict[str, Any]]:
    return load_vectors(vectors_dir)


@pytest.fixture(scope="module")
def vector(vectors: list[dict[str, Any]]) -> dict[str, Any]:
    """The first vector signed for getdetectinfo."""
    return next(v for v in vectors if v["api"] == API_NAME)


@pytest.fixture
def vector_server(make_server: Any, vector: dict[str, Any]) -> EmulatorServer:
    """An emulator with the vector's credentials and its clock stopped at the vector's ``now``."""
    started: EmulatorServer = make_server(
        appid=vector["appid"], secret_key=vector["secret"], clock=lambda: float(vector["now"])
    )
    return started


def ask(server: EmulatorServer, signature: str | None, appid: str) -> int:
    return errorcode(post(server, {"token": PASS_TOKEN, "appid": appid}, signature=signature))


def test_every_getdetectinfo_vector_is_accepted(make_server: Any, vectors: list[Any]) -> None:
    accepted = 0
    for vec in vectors:
        if vec["api"] != API_NAME:
            continue
        server = make_server(
            appid=vec["appid"], secret_key=vec["secret"], clock=lambda v=vec: float(v["now"])
        )
        assert ask(server, vec["signature"], vec["appid"]) == 0
        accepted += 1
    assert accepted >= 2


def test_one_byte_changed_in_the_base64_is_rejected(
    vector_server: EmulatorServer, vector: dict[str, Any]
) -> None:
    signature: str = vector["signature"]
    changed = signature[:5] + ("A" if signature[5] != "A" else "B") + signature[6:]
    assert ask(vector_server, changed, vector["appid"]) == 3


def test_one_byte_changed_in_the_signed_text_is_rejected(
    vector_server: EmulatorServer, vector: dict[str, Any]
) -> None:
    raw = bytearray(base64.b64decode(vector["signature"]))
    raw[-1] = ord("1") if raw[-1] != ord("1") else ord("2")  # the last digit of e=...
    assert ask(vector_server, base64.b64encode(bytes(raw)).decode(), vector["appid"]) == 3


def test_url_safe_base64_is_rejected(make_server: Any, vector: dict[str, Any]) -> None:
    # Find a moment whose signature holds '+' or '/', so the URL-safe form really differs.
    now = next(
        t
        for t in range(vector["now"], vector["now"] + 1000)
        if set("+/") & set(make_signature(vector["appid"], vector["secret"], API_NAME, 600, t))
    )
    signature = make_signature(vector["appid"], vector["secret"], API_NAME, 600, now)
    url_safe = signature.translate(str.maketrans("+/", "-_"))
    assert url_safe != signature
    server = make_server(
        appid=vector["appid"], secret_key=vector["secret"], clock=lambda: float(now)
    )
    assert ask(server, signature, vector["appid"]) == 0
    assert ask(server, url_safe, vector["appid"]) == 3


def test_wrong_api_name_is_rejected(vector_server: EmulatorServer, vector: dict[str, Any]) -> None:
    signature = make_signature(vector["appid"], vector["secret"], "auth", 600, vector["now"])
    assert ask(vector_server, signature, vector["appid"]) == 3


def test_vector_for_another_api_is_rejected(make_server: Any, vectors: list[Any]) -> None:
    other = next(v for v in vectors if v["api"] != API_NAME)
    server = make_server(
        appid=other["appid"], secret_key=other["secret"], clock=lambda: float(other["now"])
    )
    assert ask(server, other["signature"], other["appid"]) == 3


def test_expired_signature_is_rejected(make_server: Any, vector: dict[str, Any]) -> None:
    later = vector["now"] + vector["expire"] + 1
    server = make_server(
        appid=vector["appid"], secret_key=vector["secret"], clock=lambda: float(later)
    )
    assert ask(server, vector["signature"], vector["appid"]) == 3


def test_missing_signature_header_is_code_4(
    vector_server: EmulatorServer, vector: dict[str, Any]
) -> None:
    response = post(vector_server, {"token": PASS_TOKEN, "appid": vector["appid"]}, signature=None)
    assert response.json() == {"errorcode": 4, "errormsg": "HTTP_NOT_SIGNATURE"}
    assert ask(vector_server, "", vector["appid"]) == 4


def test_signature_for_another_appid_is_rejected(
    vector_server: EmulatorServer, vector: dict[str, Any]
) -> None:
    other = make_signature("another-app", vector["secret"], API_NAME, 600, vector["now"])
    assert ask(vector_server, other, vector["appid"]) == 3
    assert ask(vector_server, other, "another-app") == 3


def test_body_appid_must_be_the_signatures(
    vector_server: EmulatorServer, vector: dict[str, Any]
) -> None:
    response = post(
        vector_server, {"token": PASS_TOKEN, "appid": "another-app"}, signature=vector["signature"]
    )
    assert response.json() == {"errorcode": 3, "errormsg": "HTTP_UNAUTHORIZED"}


def test_signature_made_with_another_secret_is_rejected(
    vector_server: EmulatorServer, vector: dict[str, Any]
) -> None:
    forged = make_signature(vector["appid"], "not-the-secret", API_NAME, 600, vector["now"])
    assert ask(vector_server, forged, vector["appid"]) == 3


def test_garbage_signature_is_rejected(
    vector_server: EmulatorServer, vector: dict[str, Any]
) -> None:
    assert ask(vector_server, "not a signature at all", vector["appid"]) == 3
