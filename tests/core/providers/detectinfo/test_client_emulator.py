"""DetectInfoClient against the real emulator over TCP on 127.0.0.1: one test per fault mode."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from iauth_desktop.core.model.errors import (
    Base64DecodeError,
    CancelledError,
    HttpStatusError,
    MalformedResponseError,
    NetworkError,
    ResponseTooLargeError,
    ServiceError,
    TruncatedResponseError,
    WrongKeyError,
)
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.detectinfo.client import DetectInfoClient
from iauth_desktop.emulator.detectinfo.demo import (
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
    DEMO_TOKENS,
    FAULT_TOKENS,
    WRONG_AES_KEY,
)
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer

FAST = ClientOptions(backoff=0.01, connect_timeout=5, read_timeout=30)
MEDIA = {"frontpic", "backpic", "videopic1", "videopic2", "videopic3", "video"}
JPEG_START = b"\xff\xd8\xff"


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(EmulatorConfig()) as server:
        yield server


@pytest.fixture
def emulator_with() -> Iterator[Callable[[str], EmulatorServer]]:
    """Start an emulator whose every answer suffers the given fault (``NAME[:ARG]``)."""
    started: list[EmulatorServer] = []

    def start(fault: str) -> EmulatorServer:
        server = EmulatorServer(EmulatorConfig(fault=fault)).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def make_client(
    url: str,
    options: ClientOptions = FAST,
    *,
    secret: str = DEMO_SECRET_KEY,
    aes: str = DEMO_AES_KEY,
) -> DetectInfoClient:
    return DetectInfoClient(url, DEMO_APPID, secret, aes, options)


def attempts_logged(caplog: pytest.LogCaptureFixture) -> int:
    return sum(1 for r in caplog.records if r.getMessage().startswith("attempt "))


@pytest.fixture
def attempt_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="iauth_desktop.core.providers.detectinfo.client")
    return caplog


# --- cases ----------------------------------------------------------------------------------


def test_pass_case_with_all_media(emulator: EmulatorServer) -> None:
    outcome = make_client(emulator.url).fetch(DEMO_TOKENS["pass"])
    result = outcome.result
    assert result.verdict.status == "passed"
    assert set(result.media) == MEDIA
    assert all(item.error is None and item.data for item in result.media.values())
    assert result.media["frontpic"].mime == "image/jpeg"
    assert result.media["video"].mime == "video/mp4"
    assert outcome.endpoint == emulator.url
    assert outcome.attempts == 1


def test_info_type_1_gives_no_media(emulator: EmulatorServer) -> None:
    outcome = make_client(emulator.url).fetch(DEMO_TOKENS["pass"], 1)
    assert outcome.result.media == {}
    assert outcome.result.identity["id_number"]
    assert outcome.info_type == 1


def test_form_encoding(emulator: EmulatorServer) -> None:
    options = ClientOptions(body_encoding="form", backoff=0.01)
    outcome = make_client(emulator.url, options).fetch(DEMO_TOKENS["compare-604"])
    assert outcome.result.verdict.status == "failed"


def test_lower_case_token_is_sent_as_given(emulator: EmulatorServer) -> None:
    token = DEMO_TOKENS["action-mode"]
    assert token != token.upper()
    assert make_client(emulator.url).fetch(f"  {token} ").token == token


def test_expired_token_is_service_error_12(emulator: EmulatorServer) -> None:
    with pytest.raises(ServiceError) as info:
        make_client(emulator.url).fetch(DEMO_TOKENS["expired-token"])
    assert (info.value.code, info.value.name) == (12, "ERROR_TOKEN_OVER_TIMELIMIT")


def test_wrong_secret_is_service_error_3(emulator: EmulatorServer) -> None:
    with pytest.raises(ServiceError) as info:
        make_client(emulator.url, secret="not-the-secret").fetch(DEMO_TOKENS["pass"])
    assert (info.value.code, info.value.name) == (3, "HTTP_UNAUTHORIZED")


def test_wrong_configured_aes_key(emulator: EmulatorServer) -> None:
    with pytest.raises(WrongKeyError):
        make_client(emulator.url, aes=WRONG_AES_KEY).fetch(DEMO_TOKENS["pass"])


# --- fault modes ----------------------------------------------------------------------------


def test_http_500_is_not_retried(
    emulator: EmulatorServer, attempt_log: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(HttpStatusError) as info:
        make_client(emulator.url).fetch(FAULT_TOKENS["http-500"])
    assert info.value.status == 500
    assert "500" in info.value.excerpt
    assert attempts_logged(attempt_log) == 1


@pytest.mark.parametrize("fault", ["http-502", "http-503"])
def test_gateway_errors_are_retried(
    emulator: EmulatorServer, attempt_log: pytest.LogCaptureFixture, fault: str
) -> None:
    with pytest.raises(HttpStatusError) as info:
        make_client(emulator.url, ClientOptions(retries=2, backoff=0.01)).fetch(FAULT_TOKENS[fault])
    assert info.value.status == int(fault[-3:])
    assert "3 attempts" in str(info.value)
    assert attempts_logged(attempt_log) == 3


def test_reset_is_retried_then_a_network_error(
    emulator: EmulatorServer, attempt_log: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(NetworkError) as info:
        make_client(emulator.url).fetch(FAULT_TOKENS["reset"])
    assert "4 attempts" in str(info.value)
    assert attempts_logged(attempt_log) == 4


def test_truncated(emulator: EmulatorServer, attempt_log: pytest.LogCaptureFixture) -> None:
    with pytest.raises(TruncatedResponseError):
        make_client(emulator.url).fetch(FAULT_TOKENS["truncated"])
    assert attempts_logged(attempt_log) == 1


def test_non_json(emulator: EmulatorServer) -> None:
    with pytest.raises(MalformedResponseError) as info:
        make_client(emulator.url).fetch(FAULT_TOKENS["non-json"])
    assert info.value.status == 200
    assert 0 < len(info.value.excerpt) <= 120
    assert DEMO_SECRET_KEY not in str(info.value)


def test_garbage_base64(emulator: EmulatorServer) -> None:
    with pytest.raises(Base64DecodeError):
        make_client(emulator.url).fetch(FAULT_TOKENS["garbage-base64"])


def test_data_encrypted_with_another_key(emulator: EmulatorServer) -> None:
    with pytest.raises(WrongKeyError):
        make_client(emulator.url).fetch(FAULT_TOKENS["wrong-key"])


@pytest.mark.parametrize("fault", ["wrapped-base64", "php-escapes"])
def test_encoding_variants_succeed(emulator: EmulatorServer, fault: str) -> None:
    plain = make_client(emulator.url).fetch(DEMO_TOKENS["pass"]).result
    varied = make_client(emulator.url).fetch(FAULT_TOKENS[fault]).result
    assert varied.identity == plain.identity
    assert {k: v.sha256 for k, v in varied.media.items()} == {
        k: v.sha256 for k, v in plain.media.items()
    }


def test_broken_jpeg_spoils_only_frontpic(emulator: EmulatorServer) -> None:
    result = make_client(emulator.url).fetch(FAULT_TOKENS["broken-jpeg"]).result
    front = result.media["frontpic"]
    data = front.data or b""
    valid_jpeg = bytes(data).startswith(JPEG_START) and bytes(data).rstrip(b"\0").endswith(
        b"\xff\xd9"
    )
    assert front.error is not None or not valid_jpeg
    assert front.error is not None or front.warning is not None  # the reviewer is told
    others = [item for name, item in result.media.items() if name != "frontpic"]
    assert len(others) == 5
    assert all(item.error is None and item.warning is None for item in others)


def test_delay_without_cancel_succeeds(emulator_with: Callable[[str], EmulatorServer]) -> None:
    server = emulator_with("delay:0.5")
    started = time.monotonic()
    outcome = make_client(server.url).fetch(DEMO_TOKENS["pass"])
    assert time.monotonic() - started >= 0.5
    assert outcome.result.verdict.status == "passed"


def test_cancel_while_the_server_has_not_answered(emulator: EmulatorServer) -> None:
    cancel = threading.Event()
    pressed: list[float] = []

    def press() -> None:
        pressed.append(time.monotonic())
        cancel.set()

    threading.Timer(0.3, press).start()
    with pytest.raises(CancelledError):
        make_client(emulator.url).fetch(FAULT_TOKENS["delay"], cancel=cancel)
    assert time.monotonic() - pressed[0] < 0.5


def test_huge_video_progress(emulator_with: Callable[[str], EmulatorServer]) -> None:
    server = emulator_with("huge-video:3")
    calls: list[tuple[int, int | None]] = []
    outcome = make_client(server.url).fetch(
        DEMO_TOKENS["pass"], progress=lambda n, total: calls.append((n, total))
    )
    counts = [n for n, _ in calls]
    assert len(calls) > 5
    assert counts == sorted(counts)
    assert len(set(counts)) == len(counts)
    assert {total for _, total in calls} == {outcome.response_bytes}
    assert counts[-1] == outcome.response_bytes > 4 * 2**20  # 3 MiB as Base64, twice
    video = outcome.result.media["video"]
    assert video.mime == "video/mp4"
    assert len(video.data or b"") >= 3 * 2**20


def test_size_cap_refuses_a_huge_answer(emulator_with: Callable[[str], EmulatorServer]) -> None:
    server = emulator_with("huge-video:3")
    calls: list[int] = []
    with pytest.raises(ResponseTooLargeError) as info:
        make_client(server.url, ClientOptions(max_response_bytes=2**20)).fetch(
            DEMO_TOKENS["pass"], progress=lambda n, _: calls.append(n)
        )
    assert info.value.limit == 2**20
    assert calls == []  # refused on Content-Length, before reading the body
