"""Byte-level scan of the decrypted object's top level: where the six media strings are.

The plaintext of a full answer is mostly one Base64 video inside a JSON string. Parsing it with
``json.loads`` would build a str as large as the video and hold the GIL while doing so. This scan
walks only the top-level object, jumping over strings with ``bytes.find`` and over nested values
with a compiled regex, so C code crosses the long Base64 runs. It returns a small skeleton (the
object with each media string replaced by ``""``) for ``json.loads`` and the byte spans of the
media strings' contents.

The scan validates structure only as far as it needs to; everything it copies into the skeleton is
validated by ``json.loads``. Whatever it cannot make sense of raises ``PayloadFormatError``, and
the caller then lets ``json.loads`` on the whole text name the problem.
"""

from __future__ import annotations

import json
import mmap
import re
from dataclasses import dataclass
from typing import TypeAlias

from iauth_desktop.core.model.errors import PayloadFormatError
from iauth_desktop.core.model.messages import said
from iauth_desktop.core.providers.detectinfo.fields import MEDIA_FIELDS

Buffer: TypeAlias = bytes | bytearray | mmap.mmap  # a map: see core.prefaulted

_WHITESPACE = re.compile(rb"[ \t\n\r]*")
_STRUCTURE = re.compile(rb'[\[\]{}"]')
_SCALAR = re.compile(rb'[^ \t\n\r,:\[\]{}"]+')
_BOM = b"\xef\xbb\xbf"
_MEDIA = frozenset(MEDIA_FIELDS)
_BACKSLASH = 0x5C


@dataclass(frozen=True)
class ScannedObject:
    skeleton: bytes
    spans: dict[str, tuple[int, int]]  # field -> (start, end) of the string's content, no quotes


def _malformed() -> PayloadFormatError:
    return PayloadFormatError(said("payload.not_well_formed"))


def _skip_ws(buf: Buffer, pos: int) -> int:
    match = _WHITESPACE.match(buf, pos)
    assert match is not None  # a pattern of '*' always matches
    return match.end()


WINDOW = 1 << 20  # bytes one C-level search may cover before other threads get a turn


def _at(buf: Buffer, pos: int) -> int:
    """The byte at ``pos``, or -1 past the end."""
    return buf[pos] if pos < len(buf) else -1


def _find_quote(buf: Buffer, pos: int) -> int:
    """``buf.find(b'"', pos)`` in windows: a 67 MB media string never holds the GIL in one go."""
    size = len(buf)
    while pos < size:
        stop = min(pos + WINDOW, size)
        found = buf.find(b'"', pos, stop)
        if found >= 0:
            return found
        pos = stop
    return -1


def string_end(buf: Buffer, quote: int) -> int:
    """Index of the quote closing the string opened at ``quote``."""
    pos = quote + 1
    while True:
        pos = _find_quote(buf, pos)
        if pos < 0:
            raise _malformed()
        back = pos - 1
        while buf[back] == _BACKSLASH:  # stops at the opening quote at the latest
            back -= 1
        if (pos - 1 - back) % 2 == 0:
            return pos
        pos += 1


def _value_end(buf: Buffer, pos: int) -> int:
    """Index just past the JSON value starting at ``pos`` (validated later by json.loads)."""
    first = _at(buf, pos)
    if first == ord('"'):
        return string_end(buf, pos) + 1
    if first in (ord("{"), ord("[")):
        depth = 0
        while True:
            match = _STRUCTURE.search(buf, pos)
            if match is None:
                raise _malformed()
            pos = match.start()
            char = buf[pos]
            if char == ord('"'):
                pos = string_end(buf, pos) + 1
                continue
            depth += 1 if char in (ord("{"), ord("[")) else -1
            pos += 1
            if depth == 0:
                return pos
    match = _SCALAR.match(buf, pos)
    if match is None:
        raise _malformed()
    return match.end()


def _key(buf: Buffer, start: int, end: int) -> str:
    """The key whose quoted text is ``buf[start:end]`` (escapes resolved)."""
    try:
        if buf.find(b"\\", start, end) < 0:
            return buf[start + 1 : end - 1].decode("utf-8")
        key = json.loads(bytes(buf[start:end]))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _malformed() from exc
    if not isinstance(key, str):
        raise _malformed()
    return key


def scan_object(buf: Buffer) -> ScannedObject:
    """Locate the top-level media strings of the JSON object in ``buf``."""
    pos = _skip_ws(buf, 3 if buf[:3] == _BOM else 0)
    if _at(buf, pos) != ord("{"):
        raise _malformed()
    with memoryview(buf) as view:
        pieces: list[bytes] = []
        copied = pos
        spans: dict[str, tuple[int, int]] = {}
        pos = _skip_ws(buf, pos + 1)
        if _at(buf, pos) != ord("}"):
            while True:
                if _at(buf, pos) != ord('"'):
                    raise _malformed()
                key_end = string_end(buf, pos) + 1
                key = _key(buf, pos, key_end)
                pos = _skip_ws(buf, key_end)
                if _at(buf, pos) != ord(":"):
                    raise _malformed()
                pos = _skip_ws(buf, pos + 1)
                end = _value_end(buf, pos)
                if key in _MEDIA:
                    spans.pop(key, None)  # with duplicate keys the last one counts, as in json
                    if buf[pos] == ord('"'):
                        spans[key] = (pos + 1, end - 1)
                        pieces.append(bytes(view[copied:pos]))
                        pieces.append(b'""')
                        copied = end
                pos = _skip_ws(buf, end)
                sep = _at(buf, pos)
                if sep == ord("}"):
                    break
                if sep != ord(","):
                    raise _malformed()
                pos = _skip_ws(buf, pos + 1)
        if _skip_ws(buf, pos + 1) != len(buf):
            raise _malformed()
        pieces.append(bytes(view[copied:]))
    return ScannedObject(b"".join(pieces), spans)
