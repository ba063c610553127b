"""The host an endpoint URL names: what the case history and the report may show of it."""

from __future__ import annotations

from urllib.parse import urlsplit


def endpoint_host(url: str, *, with_port: bool = True) -> str:
    """Host (and port, unless ``with_port`` is false) of the endpoint, never a user name, a
    password or a path; "" when ``url`` names no host."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
        port = parts.port if with_port else None
    except ValueError:
        return ""
    return f"{host}:{port}" if host and port else host
