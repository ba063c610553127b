"""The rule for which URLs may carry credentials: https, or plain http to a loopback host only."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import SplitResult, urlsplit, urlunsplit

from iauth_desktop.core.model.errors import InsecureEndpointError
from iauth_desktop.core.model.messages import said

_LABEL = re.compile(r"(?!-)[a-z0-9_-]{1,63}(?<!-)")
_ZONE = re.compile(r"[A-Za-z0-9._~-]{1,64}")
_PORT = re.compile(r"[0-9]{1,5}")


def is_loopback_host(host: str) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ::1 (also IPv4-mapped): traffic never leaves.

    Nothing is cut off the host: ``127.0.0.1%41.evil.com`` is a name in evil.com, not 127.0.0.1.
    A zone id (``%eth0``) is part of an IPv6 address only.
    """
    host = host.lower().rstrip(".")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
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
    host = strict_host(parts.netloc)
    if "#" in text:
        raise InsecureEndpointError(said("endpoint.fragment"))
    if scheme == "http" and not is_loopback_host(host):
        raise InsecureEndpointError(said("endpoint.plain_http", host=host))
    return _rebuild(parts, scheme, host, port)


def strict_host(netloc: str) -> str:
    """The host of ``netloc`` (``host[:port]``), lower-cased, when it is an IPv4 address, a DNS
    name or a bracketed IPv6 address (zone id allowed there only); InsecureEndpointError else.

    urllib and urllib3 disagree about odd hosts (``127.0.0.1%41.evil.com`` is loopback to one,
    a name under evil.com to the other): anything they could disagree on is refused here.
    """
    if netloc.startswith("["):
        inner, sep, rest = netloc[1:].partition("]")
        if not sep or (rest and not (rest.startswith(":") and _PORT.fullmatch(rest[1:]))):
            raise InsecureEndpointError("the endpoint URL's host is not a valid [IPv6] address")
        address, pct, zone = inner.partition("%")
        if pct:
            zone = zone.removeprefix("25")  # RFC 6874 spells the '%' as %25
            if not _ZONE.fullmatch(zone):
                raise InsecureEndpointError("the endpoint URL's IPv6 zone id is not valid")
        try:
            parsed = ipaddress.IPv6Address(address)
        except ValueError:
            raise InsecureEndpointError(
                "the endpoint URL's host is not a valid [IPv6] address"
            ) from None
        return f"{parsed.compressed}%{zone}" if pct else parsed.compressed
    host, sep, port = netloc.rpartition(":") if ":" in netloc else (netloc, "", "")
    if sep and not _PORT.fullmatch(port):
        raise InsecureEndpointError("the endpoint URL's port is not a number")
    return _dns_or_ipv4(host)


def _dns_or_ipv4(host: str) -> str:
    bad = InsecureEndpointError(
        f"the endpoint URL's host {host[:80]!r} is not a valid host name or IPv4 address "
        "(only letters, digits, '-', '_' and dots; '%' only in an [IPv6] zone id)"
    )
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        raise bad from None
    name = ascii_host.lower()
    labels = name.removesuffix(".").split(".")
    if not name or len(name) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        raise bad
    if all(label.isdigit() for label in labels):
        try:
            ipaddress.IPv4Address(name.removesuffix("."))
        except ValueError:
            raise bad from None
    return name


def _rebuild(parts: SplitResult, scheme: str, host: str, port: int | None) -> str:
    netloc = f"[{host.replace('%', '%25')}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    return urlunsplit((scheme, netloc, parts.path, parts.query, ""))
