"""Parse a JSON document whose bulk is a few very long strings (Base64 media) without one long
GIL hold: the long strings are set aside by a byte scan, ``json.loads`` parses the small rest,
and the strings are put back in their places.

``json.loads`` of a 67 MiB answer holds the GIL for ~45 ms, a visible stall of the console's
window in another thread. The scan crosses the long strings with ``bytes.find`` in 1 MiB windows
(other threads get turns in between), and the skeleton left for ``json.loads`` is a few KiB.
A long string is replaced by a marker string carrying a per-document nonce, so no value the
service sends can pose as one. Everything outside the long strings is validated by
``json.loads``; a document the scan cannot follow raises ``PayloadFormatError``.
"""

from __future__ import annotations

import codecs
import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from iauth_desktop.core.model.errors import PayloadFormatError

Buffer = bytes | bytearray
WINDOW = 1 << 20  # bytes one C-level search covers before other threads get a turn
LONG_STRING = 4096  # bytes: anything longer is set aside
_QUOTE = ord('"')
_BACKSLASH = ord("\\")


@dataclass
class AsideDocument:
    """A document's skeleton (long strings replaced by markers) and the strings set aside."""

    skeleton: bytes
    source: Buffer
    marker: str  # every marker string starts with this
    spans: list[tuple[int, int]] = field(default_factory=list)  # content, without the quotes

    def restore(self, value: Any) -> Any:
        """``value`` (the parsed skeleton) with every marker replaced by its string."""
        if isinstance(value, dict):
            for key, item in value.items():
                value[key] = self.restore(item)
            return value
        if isinstance(value, list):
            for index, item in enumerate(value):
                value[index] = self.restore(item)
            return value
        if isinstance(value, str) and value.startswith(self.marker):
            number = value[len(self.marker) :]
            if not number.isdigit() or int(number) >= len(self.spans):
                raise PayloadFormatError("the answer's structure could not be read")
            return self._string(*self.spans[int(number)])
        return value

    def _string(self, start: int, end: int) -> str:
        view = memoryview(self.source)[start:end]
        if _find(self.source, b"\\", start, end) < 0:
            # decoded a window at a time (other threads run in between), then joined
            decoder = codecs.getincrementaldecoder("utf-8")()
            try:
                parts = [
                    decoder.decode(view[at : at + WINDOW], final=at + WINDOW >= len(view))
                    for at in range(0, len(view), WINDOW)
                ]
            except UnicodeDecodeError:
                raise PayloadFormatError("the answer is not UTF-8 text") from None
            return "".join(parts)
        # escapes inside (``\/`` from some encoders): let the JSON parser resolve them
        text = json.loads(bytes(self.source[start - 1 : end + 1]))
        assert isinstance(text, str)
        return text


def set_aside(source: Buffer, minimum: int = LONG_STRING) -> AsideDocument:
    """The skeleton of ``source`` with every string longer than ``minimum`` bytes set aside."""
    marker = f"\x00aside-{secrets.token_hex(8)}-"
    pieces: list[bytes] = []
    spans: list[tuple[int, int]] = []
    copied = 0
    pos = 0
    while True:
        quote = _find(source, b'"', pos, len(source))
        if quote < 0:
            break
        end = string_end(source, quote)
        if end - quote - 1 > minimum:
            pieces.append(bytes(source[copied:quote]))
            pieces.append(json.dumps(f"{marker}{len(spans)}").encode("ascii"))
            spans.append((quote + 1, end))
            copied = end + 1
        pos = end + 1
    pieces.append(bytes(source[copied:]))
    return AsideDocument(b"".join(pieces), source, marker, spans)


def loads_aside(source: Buffer, minimum: int = LONG_STRING) -> Any:
    """``json.loads(source)``, with its long strings never parsed in one go."""
    document = set_aside(source, minimum)
    try:
        value = json.loads(document.skeleton)
    except (ValueError, RecursionError):
        raise PayloadFormatError("the answer is not well-formed JSON") from None
    return document.restore(value)


def string_end(source: Buffer, quote: int) -> int:
    """Index of the quote closing the JSON string opened at ``quote``."""
    pos = quote + 1
    while True:
        pos = _find(source, b'"', pos, len(source))
        if pos < 0:
            raise PayloadFormatError("the answer ends inside a string")
        back = pos - 1
        while source[back] == _BACKSLASH:  # stops at the opening quote at the latest
            back -= 1
        if (pos - 1 - back) % 2 == 0:
            return pos
        pos += 1


def _find(source: Buffer, needle: bytes, pos: int, stop: int) -> int:
    """``source.find(needle, pos, stop)`` in windows: a 67 MB string never holds the GIL."""
    while pos < stop:
        window = min(pos + WINDOW, stop)
        found = source.find(needle, pos, window)
        if found >= 0:
            return found
        pos = window
    return -1
