"""Decrypted payload -> VerificationResult, without holding the video as text even once.

``scan_object`` finds the six media strings at the top level; the rest of the object (small) goes
through ``json.loads``; each media string is Base64-decoded straight from a view of the plaintext
in bounded chunks, so a worker thread never holds the GIL for long and a 50 MiB video costs its
decoded bytes, not a 67 MB str beside them.

Media values: a non-empty string becomes a ``MediaItem`` (decoded bytes, or the raw text and why
it would not decode) and ``raw`` holds ``MEDIA_PLACEHOLDER``; ``""`` and ``null`` mean "no medium"
(no item, the value stays in ``raw``); any other value (number, object, ...) becomes an item with
an error and also stays in ``raw`` as sent. The text must be valid JSON all the same: a raw
control character inside a media string is a format error, exactly as ``json.loads`` would say.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import json
import math
import mmap
import re
import threading
from dataclasses import dataclass
from typing import Any

import pybase64

from iauth_desktop.core.model.digest import ThreadedDigest
from iauth_desktop.core.model.errors import (
    Base64DecodeError,
    CancelledError,
    PayloadFormatError,
    WrongKeyError,
)
from iauth_desktop.core.model.json_limits import MAX_JSON_DEPTH, json_depth_exceeds
from iauth_desktop.core.model.media import MediaItem
from iauth_desktop.core.model.messages import Detail, said
from iauth_desktop.core.model.result import MEDIA_PLACEHOLDER, VerificationResult
from iauth_desktop.core.providers.detectinfo.crypto import decode_base64_chunked
from iauth_desktop.core.providers.detectinfo.fields import MEDIA_FIELDS, interpret
from iauth_desktop.core.providers.detectinfo.payload_scan import WINDOW, Buffer, scan_object

_CHUNK = 1 << 20
_WHITESPACE = b" \t\r\n\x0b\x0c"  # what decode_base64_chunked ignores
_RAW_WHITESPACE = (b"\n", b"\r", b"\t", b"\x0b", b"\x0c")  # ignored by it, yet invalid in JSON
_BACKSLASH = 0x5C
_OTHER_ESCAPE = re.compile(rb"\\[^/nrt]")  # anything beyond \/ and the line-wrap escapes
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CONTROL_TEXT = re.compile(r"[\x00-\x1f]")
_NOISE_WINDOW = 1024
_NOT_BASE64 = "the value is not valid standard Base64"
_NO_DATA = "the value decodes to no data"


def parse_payload(
    plaintext: Buffer, *, cancel: threading.Event | None = None
) -> VerificationResult:
    """The decrypted JSON object as a typed result; media decoded, one broken item kept apart.

    Raises WrongKeyError when the plaintext is noise, PayloadFormatError when it is text but not a
    JSON object, CancelledError when ``cancel`` is set (checked between media chunks).
    """
    if _looks_like_noise(plaintext):
        raise WrongKeyError(said("payload.noise"))
    if json_depth_exceeds(plaintext):
        raise PayloadFormatError(
            f"the decrypted data nests deeper than {MAX_JSON_DEPTH} levels: no verification "
            "result does"
        )
    try:
        return _parse_scanned(plaintext, cancel)
    except PayloadFormatError:
        pass  # let json.loads over the whole text name the problem (or agree it is fine)
    return _result_from_object(_load_whole(plaintext), cancel)


def media_item_from_value(name: str, value: Any) -> MediaItem | None:
    """The item for a media field's JSON value; ``None`` when there is no medium ("" or null)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return MediaItem.undecodable(name, f"the value is {_json_kind(value)}, not a string", None)
    try:
        data = decode_base64_chunked(value.encode("ascii"))
    except (Base64DecodeError, UnicodeEncodeError):
        return MediaItem.undecodable(name, _NOT_BASE64, value)
    if not data:
        return MediaItem.undecodable(name, _NO_DATA, value)
    return MediaItem.decoded(name, data)


# --- the fast path -------------------------------------------------------------------------


def _parse_scanned(buf: Buffer, cancel: threading.Event | None) -> VerificationResult:
    scanned = scan_object(buf)
    raw = _load_text(scanned.skeleton)
    if not isinstance(raw, dict):
        raise PayloadFormatError(said("payload.not_object"))
    media: dict[str, MediaItem] = {}
    with memoryview(buf) as view:
        for name in MEDIA_FIELDS:
            if name not in raw:
                continue
            _check(cancel)
            span = scanned.spans.get(name, (0, 0))
            if span[1] > span[0]:
                item: MediaItem | None = _decode_span(name, buf, view, span, cancel)
                raw[name] = MEDIA_PLACEHOLDER
            else:
                item = media_item_from_value(name, raw[name])
            if item is not None:
                media[name] = item
    return interpret(raw, media)


def _decode_span(
    name: str, buf: Buffer, view: memoryview, span: tuple[int, int], cancel: threading.Event | None
) -> MediaItem:
    """Decode the JSON string content ``buf[start:end]`` as Base64."""
    start, end = span
    traits = _span_traits(buf, start, end)
    if traits.raw_whitespace:
        raise PayloadFormatError(said("payload.bad_string"))  # json would say
    if not traits.other_escape:
        return _decode_chunked(name, buf, view, span, traits=traits, cancel=cancel)
    try:  # \uXXXX and friends: rare enough to unescape the plain way
        data = decode_base64_chunked(_unescape(view[start:end]).encode("ascii"))
    except (Base64DecodeError, UnicodeEncodeError):
        return MediaItem.undecodable(name, _NOT_BASE64, _unescape(view[start:end]))
    if not data:
        return MediaItem.undecodable(name, _NO_DATA, _unescape(view[start:end]))
    return MediaItem.decoded(name, data)


@dataclass(frozen=True)
class _SpanTraits:
    raw_whitespace: bool  # raw CR/LF/tab...: invalid inside a JSON string
    backslash: bool
    space: bool
    other_escape: bool  # an escape beyond \\/ \\n \\r \\t


def _span_traits(buf: Buffer, start: int, end: int) -> _SpanTraits:
    """What a media string holds, found in 1 MiB windows (short GIL holds, one pass)."""
    raw_whitespace = backslash = space = other_escape = False
    for pos in range(start, end, WINDOW):
        stop = min(pos + WINDOW, end)
        if any(buf.find(char, pos, stop) >= 0 for char in _RAW_WHITESPACE):
            return _SpanTraits(True, backslash, space, other_escape)
        space = space or buf.find(b" ", pos, stop) >= 0
        if buf.find(b"\\", pos, stop) >= 0:
            backslash = True
            # one byte past the window: an escape may straddle its end
            other_escape = other_escape or bool(_OTHER_ESCAPE.search(buf, pos, min(stop + 1, end)))
    return _SpanTraits(raw_whitespace, backslash, space, other_escape)


def _simple_unescape(chunk: bytes) -> bytes:
    """Undo ``\\/`` (PHP), drop ``\\n \\r \\t`` (wrapped lines); callers rule out others."""
    if b"\\" not in chunk:
        return chunk
    chunk = chunk.replace(b"\\/", b"/")
    return chunk.replace(b"\\n", b"").replace(b"\\r", b"").replace(b"\\t", b"")


class _ChunkDecoder:
    """Decodes a media string's Base64 one chunk at a time, in place when it may.

    In place (the plaintext is a bytearray or the decryptor's map): four characters give three
    bytes and escapes only shrink the text, so what is written never overtakes what is still to
    be read, and the plaintext becomes the media's own storage: a 50 MB video costs no memory
    beyond the decrypted text. Otherwise into one preallocated buffer. With no double backslash
    present, every backslash starts a two-byte escape, so a chunk never ends inside one unless
    it ends on one.
    """

    def __init__(
        self, buf: Buffer, view: memoryview, start: int, end: int, traits: _SpanTraits
    ) -> None:
        self.view, self.start, self.end = view, start, end
        # In place only for plain Base64 (no escapes, no spaces): then a failed decode can still
        # give back the exact text, by re-encoding what was decoded so far.
        clean = not traits.backslash and not traits.space
        self.out: bytearray | mmap.mmap
        self._own: bytearray | None = None  # the buffer decoded into when not in place
        if clean and not isinstance(buf, bytes):  # a bytearray, or the decryptor's map
            self.out, self.out_start = buf, start
        else:
            self._own = bytearray((end - start) * 3 // 4 + 3)
            self.out, self.out_start = self._own, 0
        self.read, self.write = start, self.out_start
        self.rest = b""
        self.clean = clean

    def run(self, cancel: threading.Event | None, digest: ThreadedDigest | None = None) -> None:
        """Decode the whole span; each decoded part also goes to ``digest`` when given."""
        view, end, out = self.view, self.end, self.out
        ended = False
        # plain Base64 is decoded straight from the plaintext, nothing copied, in whole quartets
        # (so nothing is left over before the end)
        step = max(4, _CHUNK - _CHUNK % 4) if self.clean else _CHUNK
        while self.read < end:
            _check(cancel)
            stop = min(self.read + step, end)
            text: bytes | memoryview
            if self.clean:
                text = view[self.read : stop]
            else:
                if stop < end and view[stop - 1] == _BACKSLASH:
                    stop -= 1  # keep an escape in one piece
                text = self.rest + _simple_unescape(view[self.read : stop].tobytes())
            whole = len(text) - len(text) % 4
            try:
                part = _strict_decode(text[:whole])
            except Base64DecodeError:
                if self.clean:
                    raise
                # spaces inside the Base64 (rare): drop them and retry
                text = bytes(text).translate(None, _WHITESPACE)
                whole = len(text) - len(text) % 4
                part = _strict_decode(text[:whole])
            if part and ended:
                raise Base64DecodeError(said("base64.after_end"))
            # read what the text says before writing: in place, a view may see the write
            ended = ended or (whole > 0 and text[whole - 1] == ord("="))
            self.rest = bytes(text[whole:])
            out[self.write : self.write + len(part)] = part
            if digest is not None:  # a view: where it was written is never written again
                digest.add(memoryview(out)[self.write : self.write + len(part)])
            self.write += len(part)
            self.read = stop
        if self.rest.translate(None, _WHITESPACE):
            raise Base64DecodeError(said("base64.cut_short"))

    @property
    def in_place(self) -> bool:
        return self._own is None

    def data(self) -> bytearray | memoryview:
        if self._own is None:  # in place: a view of the plaintext
            return memoryview(self.out)[self.out_start : self.write]
        del self._own[self.write :]
        return self._own

    def raw_text(self) -> str:
        """The value as the service sent it (escapes undone), even after a partial decode.

        In place, what was decoded so far re-encodes to exactly the text it came from (plain
        Base64, whole quartets); the unread rest is still in the buffer.
        """
        if not self.in_place:  # the source is untouched
            return _unescape(self.view[self.start : self.end])
        decoded = memoryview(self.out)[self.out_start : self.write]
        done = base64.b64encode(decoded).decode("ascii")
        unread = _unescape(self.view[self.read : self.end])
        return done + self.rest.decode("ascii", "replace") + unread


def _decode_chunked(
    name: str,
    buf: Buffer,
    view: memoryview,
    span: tuple[int, int],
    *,
    traits: _SpanTraits,
    cancel: threading.Event | None,
) -> MediaItem:
    decoder = _ChunkDecoder(buf, view, *span, traits)
    # a video is hashed on a second core while it decodes; a photo is quicker hashed after
    digest = ThreadedDigest() if span[1] - span[0] > _CHUNK else None
    try:
        decoder.run(cancel, digest)
    except Base64DecodeError:
        return MediaItem.undecodable(name, _NOT_BASE64, decoder.raw_text())
    finally:
        if digest is not None:
            digest.close()
    if decoder.write == decoder.out_start:
        return MediaItem.undecodable(name, _NO_DATA, decoder.raw_text())
    sha256 = digest.hexdigest() if digest is not None else None
    return MediaItem.decoded(name, decoder.data(), sha256=sha256)


def _strict_decode(text: bytes | memoryview) -> bytes:
    try:
        return pybase64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise Base64DecodeError(said("base64.invalid")) from exc


def _unescape(content: memoryview) -> str:
    """The JSON string content as text (for a medium kept as raw text)."""
    try:
        text = str(content, "utf-8")
        if "\\" not in text and _CONTROL_TEXT.search(text) is None:
            return text
        value = json.loads(f'"{text}"')
    except (UnicodeDecodeError, ValueError) as exc:
        raise PayloadFormatError(said("payload.bad_string")) from exc
    assert isinstance(value, str)
    return value


# --- the slow path and errors --------------------------------------------------------------


def _result_from_object(obj: dict[str, Any], cancel: threading.Event | None) -> VerificationResult:
    media: dict[str, MediaItem] = {}
    for name in MEDIA_FIELDS:
        if name in obj:
            _check(cancel)
            item = media_item_from_value(name, obj[name])
            if isinstance(obj[name], str) and obj[name]:
                obj[name] = MEDIA_PLACEHOLDER
            if item is not None:
                media[name] = item
    return interpret(obj, media)


def _looks_like_noise(buf: Buffer) -> bool:
    """Wrong-key output is random bytes: not UTF-8, or control characters, from the start."""
    head = bytes(buf[:_NOISE_WINDOW])
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return True
    return _CONTROL.search(head) is not None


class _NotExactError(ValueError):
    """JSON that Python would read, but not as one exact meaning: said as it is."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose keys are all different: with a duplicate, which one counts depends on
    the reader (a later valid ``frontpic`` once hid an earlier invalid one)."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _NotExactError(
                    f"the decrypted data holds the key {key[:40]!r} more than once"
                )
            seen.add(key)
    return obj


def _no_constant(name: str) -> Any:
    raise _NotExactError(f"the decrypted data holds {name}, which is not JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise _NotExactError(f"the decrypted data holds the number {text[:24]} beyond any float")
    return value


def _strict_loads(text: str) -> Any:
    """``json.loads`` without its leniencies: duplicate keys, NaN, Infinity, overflowing numbers
    are refused, so what case.json says is what the service sent."""
    return json.loads(
        text,
        object_pairs_hook=_unique_keys,
        parse_constant=_no_constant,
        parse_float=_finite_float,
    )


def _load_text(data: bytes) -> Any:
    try:
        return _strict_loads(data.decode("utf-8"))
    except _NotExactError as exc:
        raise PayloadFormatError(str(exc)) from None
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise PayloadFormatError(said("payload.not_json")) from exc


def _load_whole(buf: Buffer) -> dict[str, Any]:
    try:
        text = str(buf, "utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise PayloadFormatError(said("payload.not_utf8")) from None
    try:
        obj = _strict_loads(text)
    except _NotExactError as exc:
        raise PayloadFormatError(str(exc)) from None
    except json.JSONDecodeError as exc:
        raise PayloadFormatError(
            said("payload.not_json_at", reason=exc.msg, line=exc.lineno, column=exc.colno)
        ) from None
    except (ValueError, RecursionError):
        raise PayloadFormatError(said("payload.not_json")) from None
    if not isinstance(obj, dict):
        raise PayloadFormatError(said("payload.not_object_kind", kind=_json_kind(obj)))
    return obj


def _json_kind(value: Any) -> Detail | str:
    if isinstance(value, bool):
        return said("json.kind.bool")
    if isinstance(value, int | float):
        return said("json.kind.number")
    if isinstance(value, str):
        return said("json.kind.string")
    if isinstance(value, list):
        return said("json.kind.list")
    if isinstance(value, dict):
        return said("json.kind.object")
    return "null"


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise CancelledError("reading the verification result was cancelled")
