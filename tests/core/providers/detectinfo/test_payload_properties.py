"""Properties of parse_payload: round trips, arbitrary input, chunk boundaries, memory, GIL."""

import base64
import contextlib
import json
import math
import os
import threading
import time
import tracemalloc
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iauth_desktop.core.model.errors import PayloadFormatError, WrongKeyError
from iauth_desktop.core.model.result import MEDIA_PLACEHOLDER
from iauth_desktop.core.providers.detectinfo import payload as payload_module
from iauth_desktop.core.providers.detectinfo.fields import MEDIA_FIELDS
from iauth_desktop.core.providers.detectinfo.payload import parse_payload

DOC_TEXT = {"ID": "4501111994xxxxxxxx", "name": "张三", "validatedata": "3344", "yt_errorcode": 0}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def wrap(text: str, width: int = 76, sep: str = "\n") -> str:
    return sep.join(text[i : i + width] for i in range(0, len(text), width))


def non_media(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if k not in MEDIA_FIELDS}


# --- properties ------------------------------------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.text(max_size=10)
    | st.floats(allow_nan=False, allow_infinity=False)
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=10,
)
extra_keys = st.text(max_size=12).filter(lambda key: key not in MEDIA_FIELDS)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    extras=st.dictionaries(extra_keys, json_values, max_size=8),
    media=st.dictionaries(st.sampled_from(MEDIA_FIELDS), st.binary(min_size=1, max_size=300)),
    slashes=st.booleans(),
    ensure_ascii=st.booleans(),
    indent=st.sampled_from([None, 0, 2]),
    wrapping=st.sampled_from([None, (4, "\n"), (76, "\n"), (64, "\r\n"), (60, "\r\n ")]),
    data=st.data(),
)
def test_round_trip(extras, media, slashes, ensure_ascii, indent, wrapping, data) -> None:
    texts = {k: b64(v) for k, v in media.items()}
    if wrapping:
        texts = {k: wrap(v, *wrapping) + data.draw(st.sampled_from(["", wrapping[1]]))
                 for k, v in texts.items()}  # fmt: skip
    items = data.draw(st.permutations(list(extras.items()) + list(texts.items())))
    text = json.dumps(dict(items), ensure_ascii=ensure_ascii, indent=indent)
    if slashes:
        text = text.replace("/", "\\/")
    result = parse_payload(text.encode("utf-8"))
    assert non_media(result.raw) == extras
    assert list(result.raw) == [k for k, _ in items]
    assert {k: item.data for k, item in result.media.items()} == media
    assert all(result.raw[k] is MEDIA_PLACEHOLDER for k in media)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_typed_errors(data: bytes) -> None:
    with contextlib.suppress(WrongKeyError, PayloadFormatError):
        parse_payload(data)


TOKENS = [b"{", b"}", b"[", b"]", b'"', b"\\", b":", b",", b" ", b"\n", b"1", b"-", b"null",
          b'"video"', b'"frontpic"', b'"QUFB"', b"QUFB", b"\\/", b"\\n", b"\\u0041", b"\\\\",
          b'\\"', b"\xe5\xbc\xa0", b"\xe5", b"e", b"."]  # fmt: skip
fragments = st.lists(st.sampled_from(TOKENS), max_size=40).map(b"".join)
media_like = st.sampled_from(["QUFB", "QUF", "", " QU FB ", "QQ==QUFB", "a/b+", "\n"]) | st.binary(
    max_size=20
).map(b64)


@st.composite
def damaged_objects(draw: st.DrawFn) -> bytes:
    """Objects with media keys, serialised in the service's styles, then maybe damaged."""
    keys = st.sampled_from(MEDIA_FIELDS) | extra_keys
    obj = draw(st.dictionaries(keys, media_like | json_values, max_size=6))
    text = json.dumps(
        obj, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 1]))
    )
    if draw(st.booleans()):
        text = text.replace("/", "\\/")
    data = text.encode("utf-8")
    at = draw(st.integers(0, len(data)))
    token = draw(st.sampled_from(TOKENS))
    damage = draw(st.sampled_from(["none", "none", "cut", "insert", "delete", "replace"]))
    return {
        "none": data,
        "cut": data[:at],
        "insert": data[:at] + token + data[at:],
        "delete": data[:at] + data[at + 1 :],
        "replace": data[:at] + token + data[at + 1 :],
    }[damage]


def strict_json(text: str) -> object:
    """``json.loads`` refusing what the payload parser refuses by design: duplicate keys,
    NaN and Infinity, numbers beyond a float (``json.loads`` would make them ``inf``)."""

    def pairs(items: list[tuple[str, object]]) -> dict[str, object]:
        if len({k for k, _ in items}) != len(items):
            raise ValueError("duplicate key")
        return dict(items)

    def finite(number: str) -> float:
        value = float(number)
        if math.isinf(value):
            raise ValueError("beyond a float")
        return value

    def constant(name: str) -> object:
        raise ValueError(name)

    return json.loads(text, object_pairs_hook=pairs, parse_float=finite, parse_constant=constant)


@settings(max_examples=500, deadline=None)
@given(fragments | damaged_objects())
def test_json_like_fragments_agree_with_json_loads(data: bytes) -> None:
    try:
        expected = strict_json(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        expected = None  # including what the parser refuses on purpose (see strict_json)
    try:
        result = parse_payload(data)
    except (WrongKeyError, PayloadFormatError):
        assert not isinstance(expected, dict)
        return
    assert isinstance(expected, dict)
    assert non_media(result.raw) == non_media(expected)
    for name in set(expected) & set(MEDIA_FIELDS):
        value = expected[name]
        if isinstance(value, str) and value:
            item = result.media[name]
            assert result.raw[name] is MEDIA_PLACEHOLDER
            if item.data is None:
                assert item.raw_text == value
            else:
                assert item.data == base64.b64decode("".join(value.split()), validate=True)
        else:
            assert result.raw[name] == value


@settings(max_examples=100, deadline=None)
@given(
    payload=st.binary(min_size=1, max_size=200), chunk=st.integers(2, 40), width=st.integers(1, 9)
)
def test_chunked_unescaping_at_every_boundary(payload: bytes, chunk: int, width: int) -> None:
    text = wrap(b64(payload), width, "\r\n")
    data = json.dumps({"video": text}).replace("/", "\\/").encode()
    padded = json.dumps({"video": wrap("QQ==" + b64(payload), 3)}).encode()  # '=' mid-way
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(payload_module, "_CHUNK", chunk)
        assert parse_payload(data).media["video"].data == payload
        assert parse_payload(padded).media["video"].error is not None


# --- memory and the GIL ----------------------------------------------------------------------


def big_payload(video: bytes, *, wrapped: bool, php: bool = True) -> bytes:
    text = b64(video)
    if wrapped:
        text = wrap(text, 76, "\r\n")
    obj = {**DOC_TEXT, "frontpic": b64(b"\xff\xd8\xff"), "video": text, "extra": {"video": "x"}}
    encoded = json.dumps(obj, ensure_ascii=False)
    return (encoded.replace("/", "\\/") if php else encoded).encode("utf-8")


@pytest.mark.parametrize("form", ["clean", "php-escaped", "line-wrapped"])
@pytest.mark.parametrize("mutable", [False, True], ids=["bytes", "bytearray"])
def test_a_40_mb_payload_is_never_loaded_as_one_string(
    form: str, mutable: bool, monkeypatch
) -> None:
    video = b"\x00\x00\x00\x20ftypisom" + os.urandom(30 << 20)
    data = big_payload(video, wrapped=form == "line-wrapped", php=form != "clean")
    plaintext = bytearray(data) if mutable else data
    loads_sizes: list[int] = []
    real_loads = json.loads

    def spy(text: Any, **kwargs: Any) -> Any:
        loads_sizes.append(len(text))
        return real_loads(text, **kwargs)

    monkeypatch.setattr(json, "loads", spy)
    tracemalloc.start()
    try:
        result = parse_payload(plaintext)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.media["video"].data == video
    assert loads_sizes
    assert max(loads_sizes) < 4096  # only the skeleton, never the video
    if mutable and form == "clean":
        # Decoded in place inside the plaintext: only chunk-sized temporaries are allocated.
        assert peak < 0.1 * len(data), peak / len(data)
    else:
        # The decoded video is 0.75x of the text: a copy of it would pass 1.5x, the text twice 2x.
        assert peak < 1.0 * len(data), peak / len(data)


def test_parsing_lets_other_threads_run() -> None:
    data = big_payload(os.urandom(30 << 20), wrapped=True)
    done = threading.Event()
    gaps: list[float] = []

    def work() -> None:
        try:
            parse_payload(data)
        finally:
            done.set()

    worker = threading.Thread(target=work)
    last = time.perf_counter()
    worker.start()
    while not done.is_set():
        time.sleep(0.002)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    worker.join()
    assert len(gaps) > 5
    assert max(gaps) < 0.25, max(gaps)  # a GUI thread would keep painting
