"""Helpers for the emulator tests: real servers on 127.0.0.1, signed requests, decrypted answers."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from iauth_desktop.core.providers.detectinfo.crypto import decrypt_payload
from iauth_desktop.core.providers.detectinfo.signing import API_NAME, make_signature
from iauth_desktop.emulator.detectinfo.demo import (
    CASE_TOKENS,
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
)
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer

PASS_TOKEN = CASE_TOKENS["pass"]


def demo_signature(now: float | None = None, *, appid: str = DEMO_APPID) -> str:
    stamp = int(time.time() if now is None else now)
    return make_signature(appid, DEMO_SECRET_KEY, API_NAME, 600, stamp)


def post(
    server: EmulatorServer,
    body: dict[str, Any] | None = None,
    *,
    signature: str | None = "auto",
    form: bool = False,
    raw: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 10,
) -> requests.Response:
    """POST to the emulator; ``signature="auto"`` signs with the demo credentials, None omits."""
    sent = dict(headers or {})
    if signature == "auto":
        sent["signature"] = demo_signature()
    elif signature is not None:
        sent["signature"] = signature
    if raw is not None:
        return requests.post(server.url, data=raw, headers=sent, timeout=timeout)
    if form:
        return requests.post(server.url, data=body, headers=sent, timeout=timeout)
    return requests.post(server.url, json=body, headers=sent, timeout=timeout)


def demo_body(token: str = PASS_TOKEN, **extra: Any) -> dict[str, Any]:
    return {"token": token, "appid": DEMO_APPID, **extra}


def errorcode(response: requests.Response) -> int:
    assert response.status_code == 200
    code = response.json()["errorcode"]
    assert isinstance(code, int)
    return code


def decrypted(response: requests.Response, key: str = DEMO_AES_KEY) -> dict[str, Any]:
    envelope = response.json()
    assert envelope["errorcode"] == 0
    assert envelope["errormsg"] == "success"
    payload = json.loads(bytes(decrypt_payload(envelope["data"], key)))
    assert isinstance(payload, dict)
    return payload


@pytest.fixture(scope="module")
def server() -> Iterator[EmulatorServer]:
    """One demo emulator per test module, no fault."""
    with EmulatorServer(EmulatorConfig()) as running:
        yield running


@pytest.fixture
def make_server() -> Iterator[Any]:
    """Factory for emulators with a particular config; all stopped after the test."""
    started: list[EmulatorServer] = []

    def start(**options: Any) -> EmulatorServer:
        running = EmulatorServer(EmulatorConfig(**options)).start()
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()
