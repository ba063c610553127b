"""Incremental parser of the answer ``{"errorcode": 0, "errormsg": "success", "data": "..."}``.

The body is fed in chunks split anywhere. The ``data`` string (tens of megabytes of Base64) is
unescaped on the fly and handed to a sink (the streaming decryptor) without ever being held
whole; long runs are scanned with ``bytes.find`` so the cost per byte stays in C. Every other
top-level value is small: its raw text is collected (size-capped) and given to ``json.loads``.
Keys may come in any order, so a failing sink is not fatal until ``errorcode`` is known: a
service error code always wins over complaints about the data it came with.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from iauth_desktop.core.model.errors import (
    DecryptionError,
    MalformedResponseError,
    ServiceError,
    TokenGone,
    TruncatedResponseError,
)
from iauth_desktop.core.model.messages import Detail, said
from iauth_desktop.core.net.excerpt import safe_excerpt
from iauth_desktop.core.providers.detectinfo import codes
from iauth_desktop.core.providers.detectinfo.jsonstring import DataStringDecoder, TokenCollector

MAX_OTHER_BYTES = 256 * 1024  # all values other than data together
HEAD_BYTES = 2048  # kept for excerpts
MAX_CODE = 10**12  # error codes are small numbers; anything this large is not one
_BOM = b"\xef\xbb\xbf"
_NON_WS = re.compile(rb"[^ \t\r\n]")
_CODE_TEXT = re.compile(r"\s*[+-]?[0-9]{1,12}\s*")
_QUOTE = ord('"')


class _State(enum.Enum):
    START = enum.auto()  # before "{"
    FIRST_KEY = enum.auto()  # after "{": a key or "}"
    KEY = enum.auto()  # after ",": a key
    COLON = enum.auto()
    VALUE = enum.auto()
    TOKEN = enum.auto()  # inside a key or a small value
    DATA = enum.auto()  # inside the data string
    NEXT = enum.auto()  # "," or "}"
    DONE = enum.auto()
    NOT_JSON = enum.auto()


@dataclass(frozen=True)
class Envelope:
    """What the answer said besides the data: the data itself went to the sink."""

    errorcode: int
    errormsg: str
    data_chars: int
    extra: dict[str, Any] = field(default_factory=dict)


# ERROR_TOKEN_TIME_EXPIRED (data kept about 3 days), ERROR_TOKEN_OVER_TIMELIMIT (the flow's
# 2-hour limit): the token's data can no longer be fetched
TOKEN_GONE = MappingProxyType({11: TokenGone.DATA_EXPIRED, 12: TokenGone.FLOW_EXPIRED})
TOKEN_GONE_CODES = frozenset(TOKEN_GONE)


def service_error(code: int, errormsg: str) -> ServiceError:
    info = codes.api_error(code)
    name = info.name if info.known and info.name else "UNKNOWN"
    meaning = info.en if info.known else said("service.unknown_code", code=code).english()
    return ServiceError(code, name, meaning, errormsg, info=info, token_gone=TOKEN_GONE.get(code))


class EnvelopeParser:
    """Feed raw body chunks; ``finish`` returns the Envelope or raises the typed error."""

    def __init__(
        self,
        sink: Callable[[bytes], None],
        *,
        status: int | None = None,
        secrets: Iterable[str] = (),
    ) -> None:
        self._sink = sink
        self._status = status
        self._secrets = tuple(secrets)
        self._state = _State.START
        self._received = 0
        self._head = bytearray()
        self._token = TokenCollector(self._malformed)
        self._token_is_key = False
        self._other_bytes = 0
        self._key = ""
        self._errorcode: int | None = None
        self._errormsg = ""
        self._data_kind: str | None = None  # "string" or "other"
        self._data = DataStringDecoder(self._emit, self._malformed)
        self._data_chars = 0
        self._sink_error: DecryptionError | None = None
        self._extra: dict[str, Any] = {}

    @property
    def received(self) -> int:
        return self._received

    def feed(self, chunk: bytes | bytearray | memoryview) -> None:
        data = bytes(chunk)
        offset = self._received
        self._received += len(data)
        if len(self._head) < HEAD_BYTES:
            self._head += data[: HEAD_BYTES - len(self._head)]
        pos, size = 0, len(data)
        while pos < size:
            state = self._state
            if state is _State.DATA:
                pos = self._data.scan(data, pos)
                if self._data.closed:
                    self._state = _State.NEXT
            elif state is _State.TOKEN:
                pos = self._scan_token(data, pos)
            elif state is _State.NOT_JSON:
                break
            else:
                pos = self._structural(data, pos, offset)
        if self._state is _State.NOT_JSON and len(self._head) >= HEAD_BYTES:
            raise self._not_json()

    def finish(self) -> Envelope:
        state = self._state
        if state is _State.NOT_JSON:
            raise self._not_json()
        if state is not _State.DONE:
            if self._errorcode:
                raise service_error(self._errorcode, self._errormsg)
            if state is _State.START:
                raise self._malformed(said("answer.empty"))
            raise TruncatedResponseError(said("answer.truncated", received=self._received))
        if self._errorcode is None:
            raise self._malformed(said("answer.no_code", field="errorcode"))
        if self._errorcode != 0:
            raise service_error(self._errorcode, self._errormsg)
        if self._sink_error is not None:
            raise self._sink_error
        if self._data_kind != "string" or self._data_chars == 0:
            raise self._malformed(said("answer.no_data", field="errorcode"))
        return Envelope(0, self._errormsg, self._data_chars, self._extra)

    # --- structure --------------------------------------------------------------------------

    def _structural(self, data: bytes, pos: int, offset: int) -> int:
        match = _NON_WS.search(data, pos)
        if match is None:
            return len(data)
        pos = match.start()
        byte = data[pos]
        state = self._state
        if state is _State.START:
            at = offset + pos
            if at < len(_BOM) and byte == _BOM[at]:
                return pos + 1  # a UTF-8 byte-order mark, as PHP files saved with one emit
            self._state = _State.FIRST_KEY if byte == ord("{") else _State.NOT_JSON
        elif state is _State.FIRST_KEY and byte == ord("}"):
            self._state = _State.DONE
        elif state in (_State.FIRST_KEY, _State.KEY) and byte == _QUOTE:
            self._start_token(is_key=True)
            return pos
        elif state is _State.COLON and byte == ord(":"):
            self._state = _State.VALUE
        elif state is _State.VALUE:
            return self._start_value(byte, pos)
        elif state is _State.NEXT and byte in b",}":
            self._state = _State.KEY if byte == ord(",") else _State.DONE
        elif state is _State.DONE:
            if self._errorcode:
                raise service_error(self._errorcode, self._errormsg)
            raise self._malformed(said("answer.trailing"))
        else:
            raise self._malformed(said("answer.unexpected", char=repr(chr(byte))))
        return pos + 1

    def _start_value(self, byte: int, pos: int) -> int:
        if self._key == "data":
            if self._data_kind is not None:
                raise self._malformed(said("answer.two_data"))
            if byte == _QUOTE:
                self._data_kind = "string"
                self._state = _State.DATA
                return pos + 1
            self._data_kind = "other"
        self._start_token(is_key=False)
        return pos

    def _start_token(self, *, is_key: bool) -> None:
        self._state = _State.TOKEN
        self._token_is_key = is_key
        self._token.reset()

    def _scan_token(self, data: bytes, pos: int) -> int:
        pos = self._token.scan(data, pos)
        if self._token.complete:
            self._complete_token()
        return pos

    def _complete_token(self) -> None:
        raw = self._token.raw()
        self._other_bytes += len(raw)
        if self._other_bytes > MAX_OTHER_BYTES:
            raise self._malformed(said("answer.too_many"))
        try:
            value = json.loads(raw)
        except (ValueError, RecursionError):
            raise self._malformed(said("answer.bad_value")) from None
        if self._token_is_key:
            if not isinstance(value, str):
                raise self._malformed(said("answer.key_not_text"))
            self._key = value
            self._state = _State.COLON
        else:
            self._store(self._key, value)
            self._state = _State.NEXT

    def _store(self, key: str, value: Any) -> None:
        if key == "errorcode":
            if self._errorcode is not None:
                raise self._malformed(said("answer.two_codes", field="errorcode"))
            self._errorcode = self._as_code(value)
        elif key == "errormsg":
            self._errormsg = value if isinstance(value, str) else json.dumps(value)
        elif key != "data":
            self._extra[key] = value

    def _as_code(self, value: Any) -> int:
        code: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            code = value
        elif (isinstance(value, float) and value.is_integer()) or (
            isinstance(value, str) and _CODE_TEXT.fullmatch(value)
        ):
            code = int(value)
        if code is None:
            raise self._malformed(
                said("answer.code_not_number", field="errorcode", value=f"{value!r:.40}")
            )
        if abs(code) >= MAX_CODE:  # 1e308 would print 309 digits in every message
            raise self._malformed(
                said("answer.code_implausible", field="errorcode", value=f"{value!r:.24}")
            )
        return code

    # --- data -------------------------------------------------------------------------------

    def _emit(self, chunk: bytes) -> None:
        """Hand unescaped Base64 text to the sink, unless an error code makes it moot."""
        if not chunk:
            return
        self._data_chars += len(chunk)
        if self._sink_error is not None or self._errorcode:
            return
        try:
            self._sink(chunk)
        except DecryptionError as exc:
            if self._errorcode is not None:
                raise
            self._sink_error = exc  # errorcode may still come, and then it wins

    # --- errors -----------------------------------------------------------------------------

    def _malformed(self, message: Detail) -> MalformedResponseError:
        excerpt = safe_excerpt(bytes(self._head), self._secrets)
        return MalformedResponseError(message, self._status, excerpt)

    def _not_json(self) -> MalformedResponseError:
        return self._malformed(said("answer.not_json"))
