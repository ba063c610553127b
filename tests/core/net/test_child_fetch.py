"""The fetch process: the same case as in-process, typed errors across the pipe, Cancel, and
secrets that never reach its command line or environment."""

from __future__ import annotations

import dataclasses
import os
import pickle
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from iauth_desktop.core.config.credentials import Credentials
from iauth_desktop.core.evidence.bundle import evidence_digest
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.errors import (
    CancelledError,
    IauthError,
    KeyLengthError,
    NetworkError,
    ServiceError,
    TokenGone,
    TransportError,
    WrongKeyError,
)
from iauth_desktop.core.model.messages import said
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.net.child_fetch import ChildFetcher, ChildProvider
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.base import FetchOutcome
from iauth_desktop.core.providers.registry import get_spec
from iauth_desktop.emulator.detectinfo.demo import (
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
    DEMO_TOKENS,
)
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer

NO_RETRY = ClientOptions(retries=0, connect_timeout=2.0, read_timeout=10.0)


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(EmulatorConfig()) as server:
        yield server


@pytest.fixture(scope="module")
def fetcher() -> Iterator[ChildFetcher]:
    child = ChildFetcher()
    yield child
    child.close()


def creds_for(url: str, aes_key: str = DEMO_AES_KEY) -> Credentials:
    return Credentials(
        endpoint=url,
        appid=DEMO_APPID,
        secret_key=DEMO_SECRET_KEY,
        aes_key=aes_key,
        profile_name="demo",
    )


def as_case(outcome: FetchOutcome) -> ReviewCase:
    return ReviewCase(
        result=outcome.result,
        token=outcome.token,
        endpoint=outcome.endpoint,
        mode=outcome.mode,
        fetched_at=outcome.fetched_at,
        origin="fetch",
        profile_name="demo",
        request=dict(outcome.request),
        fetch_id="same-fetch",
    )


@pytest.mark.parametrize("name", ["pass", "action-mode", "fault-broken-jpeg"])
def test_the_child_gives_the_case_the_process_would(
    emulator: EmulatorServer, fetcher: ChildFetcher, name: str
) -> None:
    creds = creds_for(emulator.url)
    token = DEMO_TOKENS[name]
    here = get_spec().connect(creds, NO_RETRY).fetch(token, FetchMode.FULL)
    there = fetcher.fetch(creds, NO_RETRY, token, FetchMode.FULL)

    assert there.result.media.keys() == here.result.media.keys()
    for key, item in here.result.media.items():
        other = there.result.media[key]
        assert (other.sha256, other.mime, other.error, other.warning) == (
            item.sha256,
            item.mime,
            item.error,
            item.warning,
        )
        assert (bytes(other.data) if other.data is not None else None) == (
            bytes(item.data) if item.data is not None else None
        )
    assert there.result.fields == here.result.fields
    assert there.result.verdict == here.result.verdict
    # the evidence manifest's digest covers fields, media and the request
    there = dataclasses.replace(there, fetched_at=here.fetched_at)
    assert evidence_digest(as_case(there)) == evidence_digest(as_case(here))


def test_media_are_read_into_the_callers_buffers(
    emulator: EmulatorServer, fetcher: ChildFetcher
) -> None:
    buffers: list[bytearray] = []

    def allocate(length: int) -> bytearray:
        buffers.append(bytearray(length))
        return buffers[-1]

    creds = creds_for(emulator.url)
    token = DEMO_TOKENS["pass"]
    here = get_spec().connect(creds, NO_RETRY).fetch(token, FetchMode.FULL)
    there = fetcher.fetch(creds, NO_RETRY, token, FetchMode.FULL, allocate=allocate)
    received = {k: v.data for k, v in there.result.media.items() if v.data is not None}
    assert len(buffers) == len(received) > 1
    for key, data in received.items():
        assert isinstance(data, memoryview)
        assert any(data.obj is buffer for buffer in buffers)  # read there, not copied
        assert bytes(data) == bytes(here.result.media[key].data or b"")


def test_a_text_only_fetch_too(emulator: EmulatorServer, fetcher: ChildFetcher) -> None:
    creds = creds_for(emulator.url)
    outcome = fetcher.fetch(creds, NO_RETRY, DEMO_TOKENS["pass"], FetchMode.TEXT_ONLY)
    assert outcome.mode is FetchMode.TEXT_ONLY
    assert all(item.data is None for item in outcome.result.media.values())


def test_a_service_error_keeps_its_code_and_why_the_token_is_gone(
    emulator: EmulatorServer, fetcher: ChildFetcher
) -> None:
    creds = creds_for(emulator.url)
    with pytest.raises(ServiceError) as caught:
        fetcher.fetch(creds, NO_RETRY, DEMO_TOKENS["expired-token"], FetchMode.FULL)
    error = caught.value
    assert (error.code, error.exit_code) == (12, 3)
    assert error.token_gone is not None
    with pytest.raises(ServiceError) as here:
        get_spec().connect(creds, NO_RETRY).fetch(DEMO_TOKENS["expired-token"], FetchMode.FULL)
    assert (error.token_gone, error.name, str(error), error.detail) == (
        here.value.token_gone,
        here.value.name,
        str(here.value),
        here.value.detail,
    )
    assert error.info == here.value.info


def test_a_wrong_key_is_a_decryption_error(emulator: EmulatorServer, fetcher: ChildFetcher) -> None:
    creds = creds_for(emulator.url)
    with pytest.raises(WrongKeyError) as caught:
        fetcher.fetch(creds, NO_RETRY, DEMO_TOKENS["fault-wrong-key"], FetchMode.FULL)
    assert caught.value.exit_code == 5


def test_a_network_error_is_a_network_error(fetcher: ChildFetcher) -> None:
    creds = creds_for("http://127.0.0.1:9/")  # discard: nothing listens
    with pytest.raises(TransportError) as caught:
        fetcher.fetch(creds, NO_RETRY, DEMO_TOKENS["pass"], FetchMode.FULL)
    assert caught.value.exit_code == 4


def test_a_bad_key_is_told_by_the_child_as_itself(fetcher: ChildFetcher) -> None:
    creds = creds_for("http://127.0.0.1:9/", aes_key="short")
    with pytest.raises(KeyLengthError) as caught:
        fetcher.fetch(creds, NO_RETRY, DEMO_TOKENS["pass"], FetchMode.FULL)
    assert caught.value.exit_code == 2


def test_every_core_error_pickles_as_itself() -> None:
    errors: list[IauthError] = [
        ServiceError(
            12, "ERROR_TOKEN_OVER_TIMELIMIT", "expired", "gone", token_gone=TokenGone.DATA_EXPIRED
        ),
        NetworkError(said("net.gave_up_once", host="h", reason=said("client.token_empty"))),
        CancelledError("the fetch was cancelled"),
    ]
    for error in errors:
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert (str(copy), copy.exit_code, copy.detail) == (
            str(error),
            error.exit_code,
            error.detail,
        )
        assert vars(copy).keys() == vars(error).keys()


def test_cancel_stops_the_fetch_promptly(emulator: EmulatorServer) -> None:
    fetcher = ChildFetcher()
    try:
        fetcher.start()
        cancel = threading.Event()
        threading.Timer(0.5, cancel.set).start()
        began = time.monotonic()
        with pytest.raises(CancelledError):  # the emulator answers after 3 s
            fetcher.fetch(
                creds_for(emulator.url),
                NO_RETRY,
                DEMO_TOKENS["fault-delay"],
                FetchMode.FULL,
                cancel=cancel,
            )
        assert time.monotonic() - began < 2.9  # it did not wait for the answer
        # the worker is still usable (or started again) for the next fetch
        outcome = fetcher.fetch(
            creds_for(emulator.url), NO_RETRY, DEMO_TOKENS["pass"], FetchMode.FULL
        )
        assert outcome.result.video is not None
    finally:
        fetcher.close()


def test_progress_comes_back_as_it_arrives(emulator: EmulatorServer, fetcher: ChildFetcher) -> None:
    seen: list[tuple[int, int | None]] = []
    fetcher.fetch(
        creds_for(emulator.url),
        NO_RETRY,
        DEMO_TOKENS["pass"],
        FetchMode.FULL,
        progress=lambda received, total: seen.append((received, total)),
    )
    assert seen
    assert seen[-1][0] == seen[-1][1]


def test_a_killed_worker_is_started_again(emulator: EmulatorServer) -> None:
    fetcher = ChildFetcher()
    try:
        fetcher.start()
        first = fetcher.pid
        assert first is not None
        os.kill(first, signal.SIGKILL)
        while Path(f"/proc/{first}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
            time.sleep(0.01)  # dead (a zombie until the fetcher reaps it)
        outcome = fetcher.fetch(
            creds_for(emulator.url), NO_RETRY, DEMO_TOKENS["pass"], FetchMode.FULL
        )
        assert outcome.result.video is not None
        assert fetcher.pid not in (None, first)
    finally:
        fetcher.close()


def test_secrets_never_reach_the_childs_command_line_or_environment(
    emulator: EmulatorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Even when this process has them in its environment (as the command line reads them).
    monkeypatch.setenv("IAUTH_SECRET_KEY", DEMO_SECRET_KEY)
    monkeypatch.setenv("IAUTH_AES_KEY", DEMO_AES_KEY)
    fetcher = ChildFetcher()
    try:
        fetcher.fetch(creds_for(emulator.url), NO_RETRY, DEMO_TOKENS["pass"], FetchMode.FULL)
        pid = fetcher.pid
        assert pid is not None
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        environ = Path(f"/proc/{pid}/environ").read_bytes()
        for secret in (DEMO_SECRET_KEY, DEMO_AES_KEY):
            assert secret.encode() not in cmdline
            assert secret.encode() not in environ
        assert b"IAUTH_SECRET_KEY" not in environ
        assert b"IAUTH_AES_KEY" not in environ
        # this process keeps its environment
        assert os.environ["IAUTH_AES_KEY"] == DEMO_AES_KEY
    finally:
        fetcher.close()


def test_the_child_provider_answers_as_its_inner_provider(emulator: EmulatorServer) -> None:
    creds = creds_for(emulator.url)
    inner = get_spec().connect(creds, NO_RETRY)
    fetcher = ChildFetcher()
    try:
        provider = ChildProvider(inner, creds, NO_RETRY, fetcher)
        assert provider.endpoint == inner.endpoint
        assert provider.spec is inner.spec
        outcome = provider.fetch(DEMO_TOKENS["pass"], FetchMode.FULL)
        assert outcome.request == {"info_type": 0}
    finally:
        fetcher.close()
