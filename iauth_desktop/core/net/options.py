"""Settings of ``DetectInfoClient``: timeouts, retries, encoding, size cap, proxy, CA bundle."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Literal

from iauth_desktop import __version__
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.messages import said

MAX_BACKOFF_SECONDS = 8.0
_JITTER = 0.1  # ±10 %: clients that failed together do not all come back together


def _user_agent() -> str:
    return f"iauth-desktop/{__version__}"


@dataclass(frozen=True)
class ClientOptions:
    connect_timeout: float = 10.0
    read_timeout: float = 60.0  # between bytes, not for the whole answer
    # the whole fetch, retries included: 89 MiB (a 50 MiB video) at 1 Mbit/s takes 750 s
    total_timeout: float = 1800.0
    retries: int = 3  # extra attempts after the first, for connection errors and 502/503/504
    backoff: float = 0.5  # first wait; doubles each time, capped at MAX_BACKOFF_SECONDS
    body_encoding: Literal["json", "form"] = "json"
    max_response_bytes: int = 1 << 30
    proxy: str | None = None  # overrides HTTPS_PROXY / HTTP_PROXY
    ca_bundle: str | None = None  # overrides REQUESTS_CA_BUNDLE; verification is always on
    signature_expire: int = 600
    user_agent: str = _user_agent()

    def __post_init__(self) -> None:
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            value = getattr(self, name)
            if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
                raise UsageError(said("options.seconds", name=name, value=repr(value)))
        if not (isinstance(self.retries, int) and 0 <= self.retries <= 20):
            raise UsageError(said("options.retries", value=repr(self.retries)))
        if not (math.isfinite(self.backoff) and self.backoff >= 0):
            raise UsageError(said("options.backoff", value=repr(self.backoff)))
        if self.body_encoding not in ("json", "form"):
            raise UsageError(said("options.encoding", value=repr(self.body_encoding)))
        if not (isinstance(self.max_response_bytes, int) and self.max_response_bytes > 0):
            raise UsageError(said("options.max_bytes"))
        if not (isinstance(self.signature_expire, int) and self.signature_expire > 0):
            raise UsageError(said("options.signature_expire"))


def backoff_delay(backoff: float, attempt: int) -> float:
    """The wait after failed attempt ``attempt`` (1-based): exponential, capped, jittered."""
    base: float = min(backoff * 2.0 ** (attempt - 1), MAX_BACKOFF_SECONDS)
    return base * random.uniform(1 - _JITTER, 1 + _JITTER)  # noqa: S311 - jitter, not crypto
