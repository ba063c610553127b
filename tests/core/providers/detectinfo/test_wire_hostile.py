"""Issue #12, "what a hostile server must not do", over HTTP to the emulator's hostile modes:
bounded time, one typed error for a broken HTTP head, bounded messages, early wrong-key stop."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from iauth_desktop.core.model.errors import (
    MalformedResponseError,
    NetworkError,
    PayloadFormatError,
    UsageError,
    WrongKeyError,
)
from iauth_desktop.core.model.json_limits import json_depth_exceeds
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.detectinfo.client import DetectInfoClient
from iauth_desktop.core.providers.detectinfo.crypto import StreamingDecryptor, encrypt_payload
from iauth_desktop.emulator.detectinfo.demo import (
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
    DEMO_TOKENS,
    WRONG_AES_KEY,
)
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer

FAST = ClientOptions(backoff=0.01, connect_timeout=5, read_timeout=30)


@pytest.fixture
def hostile() -> Iterator[Callable[[str], EmulatorServer]]:
    started: list[EmulatorServer] = []

    def start(fault: str) -> EmulatorServer:
        server = EmulatorServer(EmulatorConfig(fault=fault)).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def client(url: str, options: ClientOptions = FAST) -> DetectInfoClient:
    return DetectInfoClient(url, DEMO_APPID, DEMO_SECRET_KEY, DEMO_AES_KEY, options)


def test_a_dripping_server_meets_the_overall_deadline(
    hostile: Callable[[str], EmulatorServer],
) -> None:
    server = hostile("drip:0.2")  # one byte every 0.2 s: never a read timeout
    options = ClientOptions(backoff=0.01, read_timeout=5, total_timeout=1.5)
    started = time.monotonic()
    with pytest.raises(NetworkError, match="overall deadline") as info:
        client(server.url, options).fetch(DEMO_TOKENS["pass"], 1)
    assert info.value.exit_code == 4
    assert time.monotonic() - started < 4


def test_the_deadline_is_an_option() -> None:
    assert ClientOptions().total_timeout >= 900  # 89 MiB at 1 Mbit/s
    with pytest.raises(UsageError, match="total_timeout"):
        ClientOptions(total_timeout=0)


@pytest.mark.parametrize("fault", ["many-headers", "long-header:100"])
def test_a_broken_http_head_is_one_malformed_answer(
    hostile: Callable[[str], EmulatorServer], fault: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="iauth_desktop.core.providers.detectinfo.client")
    server = hostile(fault)
    with pytest.raises(MalformedResponseError, match="HTTP head") as info:
        client(server.url).fetch(DEMO_TOKENS["pass"], 1)
    assert info.value.exit_code == 4
    attempts = [r for r in caplog.records if r.getMessage().startswith("attempt ")]
    assert len(attempts) == 1  # not retried


def test_a_huge_errorcode_is_quoted_briefly(hostile: Callable[[str], EmulatorServer]) -> None:
    server = hostile("huge-errorcode")
    with pytest.raises(MalformedResponseError) as info:
        client(server.url).fetch(DEMO_TOKENS["pass"], 1)
    assert len(str(info.value)) < 400
    assert "0" * 50 not in str(info.value)


def test_wrong_key_stops_at_the_first_blocks() -> None:
    """Noise is reported after the first blocks, not after decrypting the whole answer."""
    data = encrypt_payload(b'{"video":"' + b"A" * 3_000_000 + b'"}', WRONG_AES_KEY).encode()
    decryptor = StreamingDecryptor(DEMO_AES_KEY, expect_object=True)
    with pytest.raises(WrongKeyError):
        decryptor.feed(data[:4096])  # the first 4 KiB of a 4 MB answer


def test_a_block_that_does_not_open_an_object_is_a_wrong_key() -> None:
    data = encrypt_payload(b"<html>not json at all, long enough</html>", DEMO_AES_KEY).encode()
    with pytest.raises(WrongKeyError):
        StreamingDecryptor(DEMO_AES_KEY, expect_object=True).feed(data)


@pytest.mark.parametrize("fault", ["duplicate-media", "nan"])
def test_inexact_json_is_refused_as_malformed(
    hostile: Callable[[str], EmulatorServer], fault: str
) -> None:
    server = hostile(fault)
    with pytest.raises(PayloadFormatError) as info:
        client(server.url).fetch(DEMO_TOKENS["pass"])
    assert info.value.exit_code == 5


@pytest.mark.parametrize("depth", [985, 5000])
def test_deep_nesting_is_one_limit_on_any_thread(
    hostile: Callable[[str], EmulatorServer], depth: int
) -> None:
    """985 levels passed on the main thread and crashed the console's worker: now both refuse
    it the same way, before json.loads recurses."""
    server = hostile(f"deep-nesting:{depth}")
    errors: list[BaseException] = []

    def fetch() -> None:
        try:
            client(server.url).fetch(DEMO_TOKENS["pass"], 1)
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=fetch)  # where the console fetches
    worker.start()
    worker.join(30)
    assert len(errors) == 1 and isinstance(errors[0], PayloadFormatError), errors
    with pytest.raises(PayloadFormatError, match="nests deeper"):
        client(server.url).fetch(DEMO_TOKENS["pass"], 1)


def test_shallow_nesting_still_reads() -> None:
    assert not json_depth_exceeds(b'{"a":[{"b":"[[[[{{{{"}]}')
    assert json_depth_exceeds(b"[" * 201 + b"]" * 201)
    assert not json_depth_exceeds(b'"' + b"[" * 500 + b'"')
