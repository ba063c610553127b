"""Issue #12, "what real integrations send": apiName from the endpoint, crypt_type 1/2/3,
errorcode as a string, no data beside an error code, null media. Over HTTP to the emulator."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from iauth_desktop.core.model.errors import ServiceError
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.detectinfo.client import DetectInfoClient
from iauth_desktop.core.providers.detectinfo.signing import (
    api_name_of,
    make_signature,
    parse_signature,
)
from iauth_desktop.emulator.detectinfo.demo import (
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
    DEMO_TOKENS,
)
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer

FAST = ClientOptions(backoff=0.01, connect_timeout=5, read_timeout=30)


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(EmulatorConfig()) as server:
        yield server


def client(url: str, **kwargs: object) -> DetectInfoClient:
    return DetectInfoClient(url, DEMO_APPID, DEMO_SECRET_KEY, DEMO_AES_KEY, FAST, **kwargs)  # type: ignore[arg-type]


# --- apiName from the endpoint ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "api"),
    [
        ("https://iauth-test.wecity.qq.com/new/cgi-bin/getdetectinfo.php", "getdetectinfo"),
        ("https://iauth.wecity.qq.com/new/cgi-bin/api_getdetectinfo.php", "api_getdetectinfo"),
        ("https://example.com/new/cgi-bin/api_getdetectinfo.php?x=1", "api_getdetectinfo"),
        ("https://example.com/", "getdetectinfo"),
    ],
)
def test_api_name_is_the_script_name(url: str, api: str) -> None:
    assert api_name_of(url) == api


def test_fetch_through_api_getdetectinfo_signs_its_name(emulator: EmulatorServer) -> None:
    url = emulator.url.replace("/getdetectinfo.php", "/api_getdetectinfo.php")
    fetcher = client(url)
    assert fetcher.api_name == "api_getdetectinfo"
    outcome = fetcher.fetch(DEMO_TOKENS["pass"], 1)
    assert outcome.result.verdict.status == "passed"


def test_emulator_refuses_a_signature_for_the_other_script(emulator: EmulatorServer) -> None:
    url = emulator.url.replace("/getdetectinfo.php", "/api_getdetectinfo.php")
    fetcher = client(url)
    fetcher.api_name = "getdetectinfo"  # what the old client signed whatever the endpoint
    with pytest.raises(ServiceError) as info:
        fetcher.fetch(DEMO_TOKENS["pass"], 1)
    assert info.value.code == 3
    signed = make_signature(DEMO_APPID, DEMO_SECRET_KEY, api_name_of(url), 600, 1)
    assert parse_signature(signed).api_name == "api_getdetectinfo"
