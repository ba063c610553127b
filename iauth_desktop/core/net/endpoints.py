"""The rule for which URLs may carry credentials: https, or plain http to a loopback host only."""

from __future__ import annotations

import ipaddress
from urllib.parse import SplitResult, urlsplit, urlunsplit

from iauth_desktop.core.model.errors import InsecureEndpointError
from iauth_desktop.core.model.messages import said


def is_loopback_host(host: str) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ::1 (also IPv4-mapped): traffic never leaves."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def check_endpoint(url: str) -> str:
    """Return ``url`` normalized (scheme and host lower-cased) or raise InsecureEndpointError.

    Only ``https://`` is accepted, except plain ``http://`` to a loopback host (the emulator).
    URLs carrying a user name or password, lacking a host, or holding a fragment are refused:
    each is a sign of a mistake and the first would leak a credential into logs.
    """
    text = url.strip()
    if not text:
        raise InsecureEndpointError(said("endpoint.empty"))
    if any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in text):
        raise InsecureEndpointError(said("endpoint.spaces"))
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise InsecureEndpointError(said("endpoint.unusable", reason=str(exc))) from None
    scheme = parts.scheme.lower()
    if scheme not in {"https", "http"}:
        raise InsecureEndpointError(
            said("endpoint.scheme", scheme=scheme) if scheme else said("endpoint.no_scheme")
        )
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise InsecureEndpointError(said("endpoint.userinfo"))
    host = parts.hostname
    if not host:
        raise InsecureEndpointError(said("endpoint.no_host"))
    if "#" in text:
        raise InsecureEndpointError(said("endpoint.fragment"))
    if scheme == "http" and not is_loopback_host(host):
        raise InsecureEndpointError(said("endpoint.plain_http", host=host))
    return _rebuild(parts, scheme, host, port)


def _rebuild(parts: SplitResult, scheme: str, host: str, port: int | None) -> str:
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    return urlunsplit((scheme, netloc, parts.path, parts.query, ""))
