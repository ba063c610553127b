from __future__ import annotations

import pytest

from iauth_desktop.core.model.errors import InsecureEndpointError, UsageError
from iauth_desktop.core.net.endpoints import check_endpoint, is_loopback_host
from iauth_desktop.core.providers.detectinfo.endpoints import (
    PRODUCTION_ENDPOINT,
    SANDBOX_ENDPOINT,
    TEST_ENDPOINT,
    classify_endpoint,
)


def test_constants_are_the_documented_urls() -> None:
    assert TEST_ENDPOINT == "https://iauth-test.wecity.qq.com/new/cgi-bin/getdetectinfo.php"
    assert SANDBOX_ENDPOINT == "https://iauth-sandbox.wecity.qq.com/new/cgi-bin/getdetectinfo.php"
    assert PRODUCTION_ENDPOINT == "https://iauth.wecity.qq.com/new/cgi-bin/getdetectinfo.php"


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        (TEST_ENDPOINT, "test"),
        (SANDBOX_ENDPOINT, "sandbox"),
        (PRODUCTION_ENDPOINT, "production"),
        ("HTTPS://IAUTH.WECITY.QQ.COM/new/cgi-bin/getdetectinfo.php", "production"),
        ("http://127.0.0.1:8080/new/cgi-bin/getdetectinfo.php", "loopback"),
        ("http://127.9.8.7/x", "loopback"),
        ("http://[::1]:5000/x", "loopback"),
        ("http://localhost:5000/x", "loopback"),
        ("https://example.com/new/cgi-bin/getdetectinfo.php", "custom"),
        ("https://iauth.wecity.qq.com.evil.example/x", "custom"),
        ("not a url", "custom"),
        ("http://[::1/x", "custom"),
    ],
)
def test_classify_endpoint(url: str, kind: str) -> None:
    assert classify_endpoint(url) == kind


@pytest.mark.parametrize(
    "url",
    [
        TEST_ENDPOINT,
        SANDBOX_ENDPOINT,
        PRODUCTION_ENDPOINT,
        "http://127.0.0.1:41234/new/cgi-bin/getdetectinfo.php",
        "http://127.200.1.1/new/cgi-bin/getdetectinfo.php",
        "http://[::1]:41234/new/cgi-bin/getdetectinfo.php",
        "http://localhost:41234/new/cgi-bin/getdetectinfo.php",
        "https://proxy.example.org:8443/iauth/getdetectinfo.php?route=a",
    ],
)
def test_accepted_endpoints_come_back_unchanged(url: str) -> None:
    assert check_endpoint(url) == url


def test_normalization_lowers_scheme_and_host_but_keeps_the_path() -> None:
    given = "  HTTPS://IAuth.WeCity.QQ.com:443/New/CGI-bin/getdetectinfo.php \n"
    assert check_endpoint(given) == "https://iauth.wecity.qq.com:443/New/CGI-bin/getdetectinfo.php"


def test_no_path_is_appended() -> None:
    assert check_endpoint("https://example.org") == "https://example.org"
    assert check_endpoint("http://127.0.0.1:9/") == "http://127.0.0.1:9/"


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://iauth.wecity.qq.com/new/cgi-bin/getdetectinfo.php", "loopback"),
        ("http://10.0.0.1/x", "loopback"),
        ("http://192.168.1.10:8080/x", "loopback"),
        ("http://localhost.evil.example/x", "loopback"),
        ("http://127.0.0.1.nip.io/x", "loopback"),
        ("http://[::2]/x", "loopback"),
        ("ftp://iauth.wecity.qq.com/x", "https://"),
        ("iauth.wecity.qq.com/new/cgi-bin/getdetectinfo.php", "https://"),
        ("file:///etc/passwd", "https://"),
        ("https:///new/cgi-bin/getdetectinfo.php", "no host"),
        ("https://:443/x", "no host"),
        ("https://iauth.wecity.qq.com/x#top", "fragment"),
        ("https://iauth.wecity.qq.com/x#", "fragment"),
        ("https://ex ample.com/x", "spaces"),
        ("https://example.com/\x00", "control"),
        ("https://example.com:99999/x", "not usable"),
        ("http://[::1/x", "not usable"),
        ("", "empty"),
        ("   ", "empty"),
    ],
)
def test_refused_endpoints(url: str, words: str) -> None:
    with pytest.raises(InsecureEndpointError, match=words):
        check_endpoint(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://alice:hunter2pw@iauth.wecity.qq.com/x",
        "https://alice@iauth.wecity.qq.com/x",
        "https://:hunter2pw@iauth.wecity.qq.com/x",
        "http://alice:hunter2pw@127.0.0.1:8080/x",
    ],
)
def test_urls_with_credentials_are_refused_without_echoing_them(url: str) -> None:
    with pytest.raises(InsecureEndpointError, match="user name or password") as info:
        check_endpoint(url)
    assert "hunter2pw" not in str(info.value)
    assert "alice" not in str(info.value)


def test_endpoint_errors_are_usage_errors_with_exit_code_2() -> None:
    with pytest.raises(UsageError) as info:
        check_endpoint("http://example.com/")
    assert info.value.exit_code == 2


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("LOCALHOST", True),
        ("127.0.0.1", True),
        ("127.255.255.254", True),
        ("::1", True),
        ("[::1]", True),
        ("::ffff:127.0.0.1", True),
        ("128.0.0.1", False),
        ("0.0.0.0", False),
        ("::", False),
        ("example.com", False),
        ("localhost.localdomain.example", False),
    ],
)
def test_is_loopback_host(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback
