"""Answers with and without a content encoding, over HTTP on 127.0.0.1.

Without one the body is read from urllib3 as it stands (``transport._body_chunks``); a gzip or
deflate answer goes through ``iter_content`` and is decompressed. A relay in front of the
emulator re-sends the emulator's own answer encoded as asked, so both ways must give the same
case, and a damaged compressed answer must be a plain error, not a crash.
"""

from __future__ import annotations

import gzip
import http.server
import threading
import urllib.request
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from iauth_desktop.core.model.errors import MalformedResponseError, TruncatedResponseError
from iauth_desktop.core.model.result import VerificationResult
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.detectinfo.client import DetectInfoClient
from iauth_desktop.emulator.detectinfo.demo import (
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
    DEMO_TOKENS,
)
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer

FAST = ClientOptions(backoff=0.01, connect_timeout=5, read_timeout=10, retries=0)


def _encode(body: bytes, how: str) -> tuple[bytes, str | None]:
    if how == "gzip":
        return gzip.compress(body), "gzip"
    if how == "deflate":
        return zlib.compress(body), "deflate"
    if how == "broken-gzip":
        packed = bytearray(gzip.compress(body))
        packed[10:20] = b"\xff" * 10  # the first deflate block: reserved type 3, invalid
        return bytes(packed), "gzip"
    return body, None  # identity, and "short": announced in full, then cut at half


class _Relay(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream: str, how: str) -> None:
        self.upstream, self.how = upstream, how
        super().__init__(("127.0.0.1", 0), _RelayHandler)


class _RelayHandler(http.server.BaseHTTPRequestHandler):
    server: _Relay

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        forwarded = urllib.request.Request(
            self.server.upstream,
            data=self.rfile.read(length),
            headers={k: v for k, v in self.headers.items() if k.lower() != "host"},
            method="POST",
        )
        with urllib.request.urlopen(forwarded, timeout=30) as answer:
            body = answer.read()
        payload, encoding = _encode(body, self.server.how)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        if self.server.how == "short":
            self.wfile.write(payload[: len(payload) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(EmulatorConfig()) as server:
        yield server


@contextmanager
def _relay_url(emulator: EmulatorServer, how: str) -> Iterator[str]:
    relay = _Relay(emulator.url, how)
    thread = threading.Thread(target=relay.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{relay.server_address[1]}/api/getdetectinfo.php"
    finally:
        relay.shutdown()
        relay.server_close()


def _fetch(url: str) -> VerificationResult:
    client = DetectInfoClient(url, DEMO_APPID, DEMO_SECRET_KEY, DEMO_AES_KEY, FAST)
    return client.fetch(DEMO_TOKENS["pass"]).result


@pytest.mark.parametrize("how", ["identity", "gzip", "deflate"])
def test_every_encoding_gives_the_same_case(emulator: EmulatorServer, how: str) -> None:
    direct = _fetch(emulator.url)
    with _relay_url(emulator, how) as url:
        relayed = _fetch(url)
    assert relayed.identity == direct.identity
    assert {k: v.sha256 for k, v in relayed.media.items()} == {
        k: v.sha256 for k, v in direct.media.items()
    }


def test_a_damaged_compressed_answer_is_a_malformed_answer(emulator: EmulatorServer) -> None:
    with _relay_url(emulator, "broken-gzip") as url, pytest.raises(MalformedResponseError):
        _fetch(url)


def test_a_plain_answer_cut_short_says_how_much_came(emulator: EmulatorServer) -> None:
    with _relay_url(emulator, "short") as url, pytest.raises(TruncatedResponseError) as info:
        _fetch(url)
    assert "connection" in str(info.value) or "bytes" in str(info.value)


@pytest.mark.parametrize(("how", "through_iter_content"), [("identity", False), ("gzip", True)])
def test_only_a_compressed_answer_goes_through_iter_content(
    emulator: EmulatorServer, monkeypatch: pytest.MonkeyPatch, how: str, through_iter_content: bool
) -> None:
    """A plain answer is read from urllib3 as it stands: iter_content copies each piece twice."""
    import requests

    calls: list[int] = []
    real = requests.Response.iter_content

    def spy(self: requests.Response, *args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(requests.Response, "iter_content", spy)
    with _relay_url(emulator, how) as url:
        _fetch(url)
    assert bool(calls) is through_iter_content
