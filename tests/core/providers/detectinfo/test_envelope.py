"""The streaming envelope parser: every shape a PHP service may answer, split anywhere."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Iterable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iauth_desktop.core.model.errors import (
    Base64DecodeError,
    DecryptionError,
    IauthError,
    MalformedResponseError,
    ServiceError,
    TruncatedResponseError,
)
from iauth_desktop.core.providers.detectinfo.crypto import StreamingDecryptor, encrypt_payload
from iauth_desktop.core.providers.detectinfo.envelope import Envelope, EnvelopeParser
from iauth_desktop.core.providers.detectinfo.jsonstring import MAX_VALUE_BYTES

KEY = "TestResultKey-32chars-0123456789"
SECRET = "test-secret-key-for-envelope-0001"
VIDEO = base64.b64encode(hashlib.sha512(b"demo").digest() * 8 + bytes(range(256))).decode()
PLAINTEXT = json.dumps({"name": "测试", "video": VIDEO, "n": 1}, ensure_ascii=False).encode()
DATA = encrypt_payload(PLAINTEXT, KEY)
assert "/" in DATA  # so that PHP escapes are exercised
GARBAGE = b"!!!! not base64 ????" * 10  # longer than the decryptor's 64-character groups


def body(
    data: str = DATA, errorcode: object = 0, errormsg: str = "success", **more: object
) -> bytes:
    return json.dumps({"errorcode": errorcode, "errormsg": errormsg, "data": data, **more}).encode()


def php(data: str = DATA, order: Iterable[str] = ("errorcode", "errormsg", "data")) -> bytes:
    """As PHP's json_encode writes it: slashes escaped, non-ASCII as \\uXXXX."""
    values = {"errorcode": "0", "errormsg": json.dumps("成功"), "data": json.dumps(data)}
    text = ",".join(f'"{key}":{values[key]}' for key in order)
    return ("{" + text + "}").replace("/", "\\/").encode()


def split(raw: bytes, cuts: Iterable[int]) -> list[bytes]:
    points = sorted({c % (len(raw) + 1) for c in cuts})
    return [raw[a:b] for a, b in zip([0, *points], [*points, len(raw)], strict=True)]


def parse(chunks: Iterable[bytes], *, status: int = 200) -> tuple[Envelope, bytes]:
    decryptor = StreamingDecryptor(KEY)
    parser = EnvelopeParser(decryptor.feed, status=status, secrets=(SECRET, KEY))
    for chunk in chunks:
        parser.feed(chunk)
    envelope = parser.finish()
    return envelope, bytes(decryptor.finish())


def test_plain_body() -> None:
    envelope, plaintext = parse([body()])
    assert plaintext == PLAINTEXT
    assert envelope.errorcode == 0
    assert envelope.errormsg == "success"
    assert envelope.data_chars == len(DATA)


@pytest.mark.parametrize(
    "order",
    [("data", "errorcode", "errormsg"), ("errormsg", "data", "errorcode"), ("errorcode", "data")],
)
def test_php_escapes_any_key_order(order: tuple[str, ...]) -> None:
    raw = php(order=order)
    assert b"\\/" in raw
    envelope, plaintext = parse([raw])
    assert plaintext == PLAINTEXT
    assert envelope.errormsg == ("成功" if "errormsg" in order else "")


def test_wrapped_base64_with_escaped_crlf_and_whitespace_everywhere() -> None:
    wrapped = "\r\n".join(DATA[i : i + 76] for i in range(0, len(DATA), 76))
    raw = b' \n{ "extra" : [1, {"x": "}"}] ,\t"data" :\r\n' + json.dumps(wrapped).encode()
    raw += b' , "errorcode" : " 0 " , "errormsg" : null }\n\n'
    assert b"\\r\\n" in raw
    envelope, plaintext = parse(raw[i : i + 5] for i in range(0, len(raw), 5))
    assert plaintext == PLAINTEXT
    assert envelope.extra == {"extra": [1, {"x": "}"}]}
    assert envelope.errormsg == "null"


def test_unicode_escapes_inside_data_and_a_byte_order_mark() -> None:
    escaped = DATA.replace("/", "\\u002F").replace("+", "\\u002b")
    raw = b'\xef\xbb\xbf{"data":"' + escaped.encode() + b'","errorcode":0.0}'
    envelope, plaintext = parse(raw[i : i + 3] for i in range(0, len(raw), 3))
    assert plaintext == PLAINTEXT
    assert envelope.errorcode == 0


def test_service_error_carries_code_name_and_meaning() -> None:
    with pytest.raises(ServiceError) as info:
        parse([body(data="", errorcode=3, errormsg="\u7b7e\u540d\u9519\u8bef")])
    assert (info.value.code, info.value.name) == (3, "HTTP_UNAUTHORIZED")
    assert "authorization" in info.value.meaning
    assert info.value.errormsg == "签名错误"


def test_unknown_service_code() -> None:
    with pytest.raises(ServiceError) as info:
        parse([b'{"errorcode": "99", "errormsg": "odd"}'])
    assert info.value.name == "UNKNOWN"
    assert info.value.meaning == "unknown service error code 99"


def test_service_error_wins_over_garbage_data_that_came_first() -> None:
    raw = b'{"data": "' + GARBAGE + b'", "errormsg": "expired", "errorcode": 12}'
    with pytest.raises(ServiceError) as info:
        parse([raw])
    assert info.value.code == 12


def test_garbage_data_fails_at_once_when_errorcode_zero_came_first() -> None:
    decryptor = StreamingDecryptor(KEY)
    parser = EnvelopeParser(decryptor.feed)
    with pytest.raises(Base64DecodeError):
        parser.feed(b'{"errorcode": 0, "data": "' + GARBAGE)


def test_garbage_data_before_errorcode_zero_fails_at_the_end() -> None:
    with pytest.raises(Base64DecodeError):
        parse([b'{"data": "' + GARBAGE + b'", "errorcode": 0}'])


@pytest.mark.parametrize(
    "raw",
    [
        b'{"errorcode": 0, "errormsg": "success"}',
        b'{"errorcode": 0, "data": ""}',
        b'{"errorcode": 0, "data": null}',
        b'{"data": "' + DATA.encode() + b'"}',
        b'{"errorcode": "zero", "data": "' + DATA.encode() + b'"}',
        b'{"errorcode": true, "data": "x"}',
        b'{"errorcode": 0, "errorcode": 0, "data": "x"}',
        b'{"errorcode": 0, "data": "' + DATA.encode() + b'", "data": "x"}',
        b'{"errorcode": 0, "data": "ab\\qcd"}',
        b'{"errorcode": 0, "data": "ab\\u12G4"}',
        b'{"errorcode": 0 "data": "x"}',
        b'{"errorcode": 0,, "data": "x"}',
        b"{1: 0}",
        b'{"errorcode": 0, "data": "' + DATA.encode() + b'"} trailing',
        b'["errorcode", 0]',
        b"",
        b"   \r\n ",
        b'{"errorcode": ' + b"[" * 100 + b"]" * 100 + b"}",
        b'{"errorcode": 0, "errormsg": "' + b"x" * (MAX_VALUE_BYTES + 10) + b'"}',
    ],
)
def test_malformed_answers(raw: bytes) -> None:
    with pytest.raises(MalformedResponseError):
        parse([raw])


@pytest.mark.parametrize("cut", [1, 15, 40, 400, len(body()) - 1])
def test_truncated_answers(cut: int) -> None:
    with pytest.raises(TruncatedResponseError) as info:
        parse([body()[:cut]])
    assert str(cut) in str(info.value)


def test_non_json_excerpt_is_short_printable_and_secret_free() -> None:
    signature = "c2lnbmF0dXJlK3dpdGgvc2xhc2g9PQ=="
    page = (
        f"<html>\r\n<title>502\tBad Gateway</title>\x00\x1b[31m echo: {SECRET} key={KEY} "
        f"sig={signature.replace('/', '%2F').replace('+', '%2B')} {'padding ' * 300}</html>"
    )
    decryptor = StreamingDecryptor(KEY)
    parser = EnvelopeParser(decryptor.feed, status=200, secrets=(SECRET, KEY, signature))
    with pytest.raises(MalformedResponseError) as info:
        parser.feed(page.encode())
    error = info.value
    assert error.status == 200
    assert 0 < len(error.excerpt) <= 120
    assert error.excerpt.startswith("<html> <title>502 Bad Gateway</title>")
    assert not any(ord(ch) < 32 for ch in error.excerpt)
    for secret in (SECRET, KEY, "c2lnbmF0dXJl", SECRET[:8], KEY[:8]):
        assert secret not in str(error)


def test_excerpt_redacts_a_secret_cut_at_the_end() -> None:
    with pytest.raises(MalformedResponseError) as info:
        parse([b"Forbidden for " + SECRET[:10].encode()])
    assert SECRET[:5] not in info.value.excerpt
    assert info.value.excerpt.startswith("Forbidden for")


def test_large_php_escaped_data_is_parsed_at_c_speed() -> None:
    """20 MB with an escape every ~64 bytes: a per-byte or per-escape Python loop takes >10 s."""
    block = (b"ABCD" * 15 + b"\\/") * (20_000_000 // 62)
    raw = b'{"errorcode":0,"data":"' + block + b'"}'
    seen = 0

    def sink(chunk: bytes) -> None:
        nonlocal seen
        assert b"\\" not in chunk
        seen += len(chunk)

    parser = EnvelopeParser(sink)
    start = time.perf_counter()
    for i in range(0, len(raw), 128 * 1024):
        parser.feed(raw[i : i + 128 * 1024])
    envelope = parser.finish()
    assert time.perf_counter() - start < 3.0
    assert seen == envelope.data_chars == len(block) - block.count(b"\\")


# --- properties ---------------------------------------------------------------------------

VALID_BODIES = st.one_of(
    st.just(body()),
    st.just(body(errorcode="0", errormsg="\u6210\u529f", extra={"a": [1, "}"]})),
    st.permutations(["errorcode", "errormsg", "data"]).map(lambda order: php(order=order)),
    st.just(body(data="\r\n".join(DATA[i : i + 64] for i in range(0, len(DATA), 64)))),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=VALID_BODIES, cuts=st.lists(st.integers(min_value=0), max_size=40))
def test_any_split_gives_the_same_result(raw: bytes, cuts: list[int]) -> None:
    expected = parse([raw])
    assert parse(split(raw, cuts)) == expected
    assert expected[1] == PLAINTEXT


BMP_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from('\\"/\r\n\tAZaz09+='),
        st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",)),
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(
    text=BMP_TEXT,
    ascii_only=st.booleans(),
    php_slashes=st.booleans(),
    cuts=st.lists(st.integers(min_value=0), max_size=12),
)
def test_data_string_is_unescaped_exactly(
    text: str, ascii_only: bool, php_slashes: bool, cuts: list[int]
) -> None:
    """Whatever the escapes and wherever the cuts, the sink receives the string's exact bytes."""
    literal = json.dumps(text, ensure_ascii=ascii_only)
    if php_slashes:
        literal = literal.replace("/", "\\/")
    raw = b'{"errorcode": 0, "data": ' + literal.encode() + b"}"
    received: list[bytes] = []
    parser = EnvelopeParser(received.append)
    for chunk in split(raw, cuts):
        parser.feed(chunk)
    if text:
        assert parser.finish().data_chars == len(text.encode())
    assert b"".join(received) == text.encode()


TYPED = (MalformedResponseError, TruncatedResponseError, ServiceError, DecryptionError)


def _outcome(chunks: Iterable[bytes]) -> type[IauthError] | tuple[Envelope, bytes]:
    try:
        return parse(chunks)
    except TYPED as exc:
        return type(exc)


@settings(max_examples=300, deadline=None)
@given(raw=st.binary(max_size=300), cuts=st.lists(st.integers(min_value=0), max_size=8))
def test_arbitrary_bytes_raise_only_typed_errors(raw: bytes, cuts: list[int]) -> None:
    assert _outcome(split(raw, cuts)) == _outcome([raw])


@settings(max_examples=300, deadline=None)
@given(
    raw=VALID_BODIES,
    index=st.integers(min_value=0),
    byte=st.integers(min_value=0, max_value=255),
    cuts=st.lists(st.integers(min_value=0), max_size=8),
)
def test_corrupted_bodies_raise_only_typed_errors(
    raw: bytes, index: int, byte: int, cuts: list[int]
) -> None:
    spoiled = bytearray(raw)
    spoiled[index % len(spoiled)] = byte
    assert _outcome(split(bytes(spoiled), cuts)) == _outcome([bytes(spoiled)])
