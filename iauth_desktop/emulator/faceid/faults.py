"""The FaceID emulator's fault modes (``--fault NAME[:ARG]``, applied to every request)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from iauth_desktop.core.model.errors import UsageError

FAULTS: Final = {
    "delay": "wait ARG seconds (default 3), then answer normally",
    "http-503": "HTTP 503 with a text page",
    "reset": "read the request, then close the connection without answering",
    "non-json": "HTTP 200 with an HTML page instead of JSON",
    "arrears": "the API error UnauthorizedOperation.Arrears for every token",
    "json-charset": "answers typed application/json; charset=utf-8 (the SDK then lets errors "
    "through unchecked)",
    "extra-fields": "the answer carries fields the API documents do not name",
    "sm4": "an encrypted answer says SM4-GCM (its ciphertext is still AES-256-CBC)",
    "garbled": "an encrypted answer's EncryptedBody is noise of the right form",
    "huge-video": "the liveness video padded to ARG MiB (default 50), still a playable MP4",
}
DEFAULT_ARGS: Final = {"delay": 3.0, "huge-video": 50.0}
MAX_ARGS: Final = {"delay": 3600.0, "huge-video": 4000.0}


@dataclass(frozen=True)
class Fault:
    name: str
    value: float = 0.0

    def __str__(self) -> str:
        return f"{self.name}:{self.value:g}" if self.name in DEFAULT_ARGS else self.name


def parse_fault(text: str) -> Fault:
    name, _, arg = text.partition(":")
    if name not in FAULTS:
        raise UsageError(f"unknown FaceID fault {name!r}; known: {', '.join(FAULTS)}")
    if name not in DEFAULT_ARGS:
        if arg:
            raise UsageError(f"the fault {name} takes no argument")
        return Fault(name)
    try:
        value = float(arg) if arg else DEFAULT_ARGS[name]
    except ValueError:
        raise UsageError(f"the fault {name} takes a number, not {arg!r:.20}") from None
    if not 0 <= value <= MAX_ARGS[name]:
        raise UsageError(f"the fault {name} takes 0–{MAX_ARGS[name]:g}")
    return Fault(name, value)
