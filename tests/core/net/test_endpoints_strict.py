"""Issue #12: the plain-http-only-to-loopback rule cannot be bypassed by an odd host."""

from __future__ import annotations

import contextlib
import socket
import threading

import pytest

from iauth_desktop.core.model.errors import InsecureEndpointError, UsageError
from iauth_desktop.core.net.endpoints import check_endpoint, is_loopback_host
from iauth_desktop.core.providers.detectinfo.client import DetectInfoClient


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1%41.evil.com:18777/new/cgi-bin/getdetectinfo.php",
        "http://127.0.0.1%2e.evil.com:18777/new/cgi-bin/getdetectinfo.php",
        "http://localhost%2eevil.com/x.php",
        "http://127.0.0.1%00/x.php",
        "https://exa%6dple.com/x.php",
        "http://[fe80::1%eth0]/x.php",  # a zone id, but not loopback
        "http://[::1%zz zz]/x.php",
        "http://[127.0.0.1]/x.php",
        "https://1.2.3.4.5/x.php",
        "http://127.1/x.php",
        "https://-bad-.example/x.php",
    ],
)
def test_odd_hosts_are_refused_as_configuration(url: str) -> None:
    with pytest.raises(InsecureEndpointError) as info:
        check_endpoint(url)
    assert isinstance(info.value, UsageError) and info.value.exit_code == 2


def test_percent_outside_ipv6_is_never_loopback() -> None:
    assert not is_loopback_host("127.0.0.1%41.evil.com")
    assert not is_loopback_host("localhost%2e")
    assert is_loopback_host("[::1%eth0]")
    assert is_loopback_host("127.0.0.1")


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("http://[::1%25lo]:8/x.php", "http://[::1%25lo]:8/x.php"),
        ("http://LOCALHOST:8/x.php", "http://localhost:8/x.php"),
        ("https://IAUTH.wecity.qq.com/a.php", "https://iauth.wecity.qq.com/a.php"),
        ("https://münchen.example/a.php", "https://xn--mnchen-3ya.example/a.php"),
    ],
)
def test_good_hosts_still_pass(url: str, normal: str) -> None:
    assert check_endpoint(url) == normal


def test_the_bypass_url_never_connects() -> None:
    """Nothing may be sent: a listener on the port the bypass names sees no connection."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    seen: list[object] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            seen.append(listener.accept())

    thread = threading.Thread(target=accept)
    thread.start()
    with pytest.raises(InsecureEndpointError):
        DetectInfoClient(
            f"http://127.0.0.1%41.evil.com:{port}/new/cgi-bin/getdetectinfo.php",
            "appid",
            "secret",
            "A" * 32,
        )
    thread.join()
    listener.close()
    assert seen == []
