"""FaceID's endpoints: the production API host, the emulator on loopback, anything else custom.

The SDK posts to ``/`` of a host, so an endpoint is a scheme and a host (with its port): a URL
with any other path is refused rather than silently sent somewhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from iauth_desktop.core.model.errors import InsecureEndpointError
from iauth_desktop.core.net.endpoints import check_endpoint, is_loopback_host
from iauth_desktop.core.providers.base import EndpointKind

PRODUCTION_ENDPOINT = "https://faceid.tencentcloudapi.com/"
_API_DOMAIN = ".tencentcloudapi.com"


@dataclass(frozen=True)
class SdkEndpoint:
    """What the SDK's HttpProfile takes: ``scheme`` and ``host`` (``host:port``)."""

    url: str
    scheme: str
    host: str
    loopback: bool


def sdk_endpoint(url: str) -> SdkEndpoint:
    """The checked endpoint (https, or http to loopback only) in the SDK's terms."""
    checked = check_endpoint(url)
    parts = urlsplit(checked)
    if parts.path not in ("", "/") or parts.query:
        raise InsecureEndpointError(
            f"a FaceID endpoint is a host: the SDK always posts to its root, not to {parts.path!r}"
            f"{'?' + parts.query if parts.query else ''}"
        )
    host = parts.hostname or ""
    return SdkEndpoint(
        url=f"{parts.scheme}://{parts.netloc}/",
        scheme=parts.scheme,
        host=parts.netloc,
        loopback=is_loopback_host(host),
    )


def classify_endpoint(url: str) -> EndpointKind:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "custom"
    host = (parts.hostname or "").lower()
    if is_loopback_host(host):
        return "loopback"
    if parts.scheme == "https" and host.startswith("faceid.") and host.endswith(_API_DOMAIN):
        return "production"
    return "custom"
