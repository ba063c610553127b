"""Fault modes: the ways the real service (or the network before it) has been seen to misbehave.

Each is chosen globally (``--fault NAME[:ARG]``, every request suffers it) or per request by its
dedicated demo token (``demo.FAULT_TOKENS``, applied to the ``pass`` case with default arguments).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.emulator.detectinfo.hostile import (
    HOSTILE,
    HOSTILE_DATA,
    HOSTILE_DEFAULTS,
    HOSTILE_ENVELOPES,
    HOSTILE_MAX,
)

# Name -> what it does (shown by --help and the README).
FAULTS: Final = {
    "delay": "wait ARG seconds (default 3), then answer normally",
    "http-500": "HTTP 500 with an HTML error page",
    "http-502": "HTTP 502 with an HTML error page",
    "http-503": "HTTP 503 with an HTML error page",
    "reset": "read the request, then reset the connection (RST) without answering",
    "truncated": "announce the full Content-Length, send half of the body, close",
    "non-json": "HTTP 200 with an HTML page instead of JSON",
    "garbage-base64": "data is not valid Base64",
    "wrong-key": "data encrypted with another AES key",
    "wrapped-base64": "data Base64 wrapped at 76 columns with CRLF",
    "php-escapes": "PHP json_encode style: \\/ and \\uXXXX escapes, envelope and payload",
    "broken-jpeg": "frontpic is a JPEG whose header is garbled and tail cut off",
    "huge-video": "video padded to ARG MiB (default 50), still a playable H.264 MP4",
}
DEFAULT_ARGS: Final = {"delay": 3.0, "huge-video": 50.0, **HOSTILE_DEFAULTS}
MAX_ARGS: Final = {"delay": 3600.0, "huge-video": 4000.0, **HOSTILE_MAX}
ALL_MODES: Final = {**FAULTS, **HOSTILE}

# Faults that happen before the service looks at the request (a broken gateway in front of it).
GATEWAY_FAULTS: Final = frozenset({"http-500", "http-502", "http-503", "reset", "non-json"})
# Faults that change the encrypted answer; they take part in the response cache key.
DATA_FAULTS: Final = frozenset(
    {"garbage-base64", "wrong-key", "wrapped-base64", "php-escapes", "broken-jpeg", "huge-video"}
    | HOSTILE_DATA
    | HOSTILE_ENVELOPES
)


@dataclass(frozen=True)
class Fault:
    name: str
    arg: float | None = None

    @property
    def value(self) -> float:
        """The argument, or the mode's default (0 for modes without one)."""
        if self.arg is not None:
            return self.arg
        return DEFAULT_ARGS.get(self.name, 0.0)

    def __str__(self) -> str:
        return self.name if self.arg is None else f"{self.name}:{self.arg:g}"


def parse_fault(text: str) -> Fault:
    """``NAME`` or ``NAME:ARG``; UsageError naming the known modes when it is neither."""
    name, sep, arg_text = text.strip().partition(":")
    if name not in ALL_MODES:
        raise UsageError(f"unknown fault {name!r}; known: {', '.join(ALL_MODES)}")
    if not sep:
        return Fault(name)
    if name not in DEFAULT_ARGS:
        raise UsageError(f"fault {name!r} takes no argument")
    try:
        arg = float(arg_text)
    except ValueError:
        raise UsageError(f"fault {name!r} needs a number after ':', not {arg_text!r}") from None
    if not math.isfinite(arg) or arg <= 0 or arg > MAX_ARGS[name]:
        raise UsageError(f"fault {name!r}: {arg_text} is outside 0 < N <= {MAX_ARGS[name]:g}")
    return Fault(name, arg)
