"""The service's endpoints: test, sandbox and production, and which one a URL points at.

The endpoint is always the full URL of ``getdetectinfo.php``; nothing here appends paths.
"""

from __future__ import annotations

from typing import Literal
from urllib.parse import urlsplit

from iauth_desktop.core.net.endpoints import is_loopback_host

TEST_ENDPOINT = "https://iauth-test.wecity.qq.com/new/cgi-bin/getdetectinfo.php"
SANDBOX_ENDPOINT = "https://iauth-sandbox.wecity.qq.com/new/cgi-bin/getdetectinfo.php"
PRODUCTION_ENDPOINT = "https://iauth.wecity.qq.com/new/cgi-bin/getdetectinfo.php"

EndpointKind = Literal["test", "sandbox", "production", "loopback", "custom"]

_KNOWN_HOSTS: dict[str, EndpointKind] = {
    "iauth-test.wecity.qq.com": "test",
    "iauth-sandbox.wecity.qq.com": "sandbox",
    "iauth.wecity.qq.com": "production",
}


def classify_endpoint(url: str) -> EndpointKind:
    """Which of Tencent's environments a URL points at; ``custom`` for anything else."""
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return "custom"
    if not host:
        return "custom"
    host = host.rstrip(".")
    if host in _KNOWN_HOSTS:
        return _KNOWN_HOSTS[host]
    return "loopback" if is_loopback_host(host) else "custom"
