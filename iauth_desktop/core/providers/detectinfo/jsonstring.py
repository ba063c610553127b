"""Scan JSON values as they stream past: small ones collected, the long data string unescaped.

The ``data`` string is unescaped at C speed. PHP's ``json_encode`` writes every ``/`` of the
Base64 as ``\\/`` and line-wrapped Base64 as ``\\r\\n``: about one escape every 60 characters. A
Python step per escape would cost seconds on a large video, so plain escapes are undone with
``bytes.replace`` over whole runs; only rare ones (``\\uXXXX``, ``\\"``, ``\\\\``, an escape split
between chunks) take the exact slow path.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from iauth_desktop.core.model.errors import MalformedResponseError
from iauth_desktop.core.model.messages import Detail, said

MAX_VALUE_BYTES = 64 * 1024  # a key or a value other than data
MAX_DEPTH = 32
_SPECIAL = re.compile(rb'["\\]')
_OUTSIDE = re.compile(rb'[" \t\r\n,\[\]{}]')
_HEX4 = re.compile(rb"[0-9A-Fa-f]{4}")
_SIMPLE = {
    ord("/"): b"/",
    ord("\\"): b"\\",
    ord('"'): b'"',
    ord("b"): b"\b",
    ord("f"): b"\f",
    ord("n"): b"\n",
    ord("r"): b"\r",
    ord("t"): b"\t",
}
_UNICODE_ESCAPE_LEN = 6  # \uXXXX


class TokenCollector:
    """Collects the raw text of one key or small value; stops at (not after) its delimiter."""

    def __init__(self, malformed: Callable[[Detail], MalformedResponseError]) -> None:
        self._malformed = malformed
        self._text = bytearray()
        self._in_string = self._escaped = self.complete = False
        self._depth = 0

    def reset(self) -> None:
        self._text.clear()
        self._in_string = self._escaped = self.complete = False
        self._depth = 0

    def raw(self) -> bytes:
        return bytes(self._text)

    def scan(self, data: bytes, pos: int) -> int:
        while pos < len(data) and not self.complete:
            if len(self._text) > MAX_VALUE_BYTES:
                raise self._malformed(said("answer.too_long"))
            pos = self._in_str(data, pos) if self._in_string else self._outside(data, pos)
        return pos

    def _in_str(self, data: bytes, pos: int) -> int:
        if self._escaped:
            self._escaped = False
            self._text.append(data[pos])
            return pos + 1
        match = _SPECIAL.search(data, pos)
        end = len(data) if match is None else match.end()
        self._text += data[pos:end]
        if match is not None:
            if data[end - 1] == ord("\\"):
                self._escaped = True
            else:
                self._in_string = False
                self.complete = self._depth == 0
        return end

    def _outside(self, data: bytes, pos: int) -> int:
        match = _OUTSIDE.search(data, pos)
        if match is None:
            self._text += data[pos:]
            return len(data)
        at = match.start()
        self._text += data[pos:at]
        byte = data[at]
        if byte == ord('"'):
            self._in_string = True
        elif byte in b"[{":
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise self._malformed(said("answer.too_deep"))
        elif byte in b"]}" and self._depth:
            self._depth -= 1
            self.complete = self._depth == 0
        elif self._depth == 0:
            if not self._text:
                raise self._malformed(said("answer.unexpected", char=repr(chr(byte))))
            self.complete = True  # a delimiter or blank ends a scalar; it is not consumed
            return at
        self._text.append(byte)
        return at + 1


class DataStringDecoder:
    """Feeds the unescaped content of a JSON string to ``emit``; ``closed`` once it ended."""

    def __init__(
        self,
        emit: Callable[[bytes], None],
        malformed: Callable[[Detail], MalformedResponseError],
    ) -> None:
        self._emit = emit
        self._malformed = malformed
        self._pending = bytearray()  # an escape cut by a chunk boundary
        self.closed = False

    def scan(self, data: bytes, pos: int) -> int:
        """Consume ``data`` from ``pos``; return where the string ended (after its quote)."""
        if self._pending:
            return self._complete_pending(data, pos)
        quote = data.find(b'"', pos)
        end = len(data) if quote < 0 else quote
        if data.find(b"\\", pos, end) < 0:
            self._emit(data[pos:end])
        else:
            run = self._unescape_run(data[pos:end], closing=quote >= 0)
            if run is None:
                return self._scan_exact(data, pos)
            self._emit(run)
        if quote < 0:
            return len(data)
        self.closed = True
        return quote + 1

    def _unescape_run(self, run: bytes, *, closing: bool) -> bytes | None:
        """Undo ``\\/ \\r \\n \\t`` in bulk; None when the run needs the exact path.

        A backslash followed by a backslash is never consumed by these replacements, so an
        escaped backslash always leaves one behind and sends the run to the exact path.
        """
        hold = run.endswith(b"\\")
        if hold:
            if closing:
                return None  # the quote that seemed to end the string may be escaped
            run = run[:-1]
        out = run.replace(b"\\/", b"/")
        if b"\\" in out:  # memchr: nearly free
            out = out.replace(b"\\r\\n", b"\r\n")
            if b"\\" in out:
                out = out.replace(b"\\r", b"\r").replace(b"\\n", b"\n").replace(b"\\t", b"\t")
                if b"\\" in out:
                    return None
        if hold:
            self._pending += b"\\"
        return out

    def _scan_exact(self, data: bytes, pos: int) -> int:
        parts: list[bytes] = []
        size = len(data)
        while pos < size:
            match = _SPECIAL.search(data, pos)
            if match is None:
                parts.append(data[pos:])
                break
            at = match.start()
            parts.append(data[pos:at])
            if data[at] == ord('"'):
                self._emit(b"".join(parts))
                self.closed = True
                return at + 1
            length = _UNICODE_ESCAPE_LEN if data[at + 1 : at + 2] == b"u" else 2
            if at + length > size:
                self._pending += data[at:]
                break
            parts.append(self._decode_escape(data[at : at + length]))
            pos = at + length
        self._emit(b"".join(parts))
        return size

    def _complete_pending(self, data: bytes, pos: int) -> int:
        pending = self._pending
        while pos < len(data):
            pending.append(data[pos])
            pos += 1
            length = _UNICODE_ESCAPE_LEN if pending[1:2] == b"u" else 2
            if len(pending) >= length:
                self._emit(self._decode_escape(bytes(pending)))
                pending.clear()
                break
        return pos

    def _decode_escape(self, escape: bytes) -> bytes:
        kind = escape[1]
        if kind == ord("u"):
            if not _HEX4.fullmatch(escape, 2):
                raise self._malformed(said("answer.broken_escape"))
            return chr(int(escape[2:], 16)).encode("utf-8", "surrogatepass")
        simple = _SIMPLE.get(kind)
        if simple is None:
            raise self._malformed(said("answer.bad_escape", escape=repr(escape)))
        return simple
