import base64
import hashlib
import json
import os
import random
import threading
from typing import Any

import pytest

from iauth_desktop.core.model.errors import CancelledError, PayloadFormatError, WrongKeyError
from iauth_desktop.core.model.result import MEDIA_PLACEHOLDER
from iauth_desktop.core.providers.detectinfo.fields import MEDIA_FIELDS
from iauth_desktop.core.providers.detectinfo.payload import media_item_from_value, parse_payload

JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 3 + b"\xff\xd9"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(255, 0, -1)) + b"IEND\xaeB`\x82"
MP4 = b"\x00\x00\x00\x20ftypisom" + os.urandom(5000)
DOC_TEXT = {
    "ID": "4501111994xxxxxxxx",
    "name": "张三",
    "validatedata": "3344",
    "yt_errorcode": 0,
    "yt_errormsg": "通过",
    "livestatus": 0,
    "livemsg": "OK",
    "comparestatus": 0,
    "comparemsg": "OK",
    "type": 0,
}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def wrap(text: str, width: int = 76, sep: str = "\n") -> str:
    return sep.join(text[i : i + width] for i in range(0, len(text), width))


def full_case(**overrides: Any) -> dict[str, Any]:
    media = {"frontpic": b64(JPEG), "backpic": b64(PNG), "videopic1": b64(JPEG),
             "videopic2": b64(JPEG), "videopic3": b64(JPEG), "video": b64(MP4)}  # fmt: skip
    return {**DOC_TEXT, **media, **overrides}


def non_media(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if k not in MEDIA_FIELDS}


# --- the shape of the service's answers ----------------------------------------------------


def test_full_case_parses_with_every_medium() -> None:
    result = parse_payload(json.dumps(full_case(), ensure_ascii=False).encode("utf-8"))
    assert non_media(result.raw) == DOC_TEXT
    assert [result.media[f].data for f in MEDIA_FIELDS] == [JPEG, PNG, JPEG, JPEG, JPEG, MP4]
    assert result.media["backpic"].ext == "png"
    assert result.media["video"].ext == "mp4"
    assert all(result.raw[f] is MEDIA_PLACEHOLDER for f in MEDIA_FIELDS)
    assert result.verdict.status == "passed"


def test_text_only_answer_has_no_media() -> None:
    result = parse_payload(json.dumps(DOC_TEXT).encode())
    assert result.media == {}
    assert result.raw == DOC_TEXT


def test_bytearray_input_and_bom_are_accepted() -> None:
    text = json.dumps(full_case(), ensure_ascii=False).encode("utf-8")
    assert parse_payload(bytearray(text)).media["video"].data == MP4
    assert parse_payload(b"\xef\xbb\xbf" + text).media["frontpic"].data == JPEG


@pytest.mark.parametrize(
    "encode",
    [
        lambda obj: json.dumps(obj).replace("/", "\\/"),  # PHP json_encode
        lambda obj: json.dumps({k: wrap(v) if k in MEDIA_FIELDS else v for k, v in obj.items()}),
        lambda obj: json.dumps(
            {k: wrap(v, 64, "\r\n") + "\r\n" if k in MEDIA_FIELDS else v for k, v in obj.items()}
        ).replace("/", "\\/"),
        lambda obj: json.dumps(obj, indent="\t", separators=(" , ", " :  ")),
        lambda obj: json.dumps(obj).replace("A", "\\u0041"),  # needs real JSON unescaping
        lambda obj: "\r\n " + json.dumps(obj, indent=3) + " \n",
    ],
    ids=["php-slashes", "wrapped-lf", "wrapped-crlf-slashes", "odd-whitespace", "u-escapes",
         "outer-whitespace"],
)  # fmt: skip
def test_escapes_and_whitespace_give_the_exact_bytes(encode: Any) -> None:
    result = parse_payload(encode(full_case()).encode("utf-8"))
    assert non_media(result.raw) == DOC_TEXT
    assert [result.media[f].data for f in MEDIA_FIELDS] == [JPEG, PNG, JPEG, JPEG, JPEG, MP4]


def test_key_order_is_irrelevant() -> None:
    items = list(full_case(extra={"a": [1, 2]}).items())
    expected = parse_payload(json.dumps(dict(items)).encode())
    for seed in range(5):
        random.Random(seed).shuffle(items)
        result = parse_payload(json.dumps(dict(items)).encode())
        assert result.raw == expected.raw
        assert list(result.raw) == [k for k, _ in items]  # the decrypted order is kept
        assert result.media == expected.media


def test_nested_media_keys_are_ordinary_fields() -> None:
    nested = {"video": b64(MP4), "frontpic": "x"}
    obj = {"x": nested, "list": ["video", {"backpic": b64(PNG)}], "yt_errorcode": 0}
    result = parse_payload(json.dumps(obj).encode())
    assert result.media == {}
    assert result.raw == obj
    assert result.extra_fields == {"x": nested, "list": obj["list"]}


def test_one_broken_medium_keeps_the_others() -> None:
    case = full_case(videopic2="not Base64!", video=b64(MP4)[:-3])
    result = parse_payload(json.dumps(case).encode())
    assert result.media["videopic2"].error is not None
    assert result.media["videopic2"].raw_text == "not Base64!"
    assert result.media["video"].raw_text == b64(MP4)[:-3]
    assert result.media["video"].data is None
    assert result.raw["video"] is MEDIA_PLACEHOLDER
    for name in ("frontpic", "backpic", "videopic1", "videopic3"):
        assert result.media[name].ok
    assert non_media(result.raw) == DOC_TEXT


def test_broken_medium_keeps_its_unescaped_text() -> None:
    text = 'bad/"quoted"\\ 张\n'
    result = parse_payload(json.dumps({"video": text}).replace("/", "\\/").encode())
    assert result.media["video"].raw_text == text
    documented = parse_payload(json.dumps({"frontpic": "身份证正面照片的base64编码"}).encode())
    assert documented.media["frontpic"].raw_text == "身份证正面照片的base64编码"


def test_empty_and_null_media_are_no_media() -> None:
    result = parse_payload(b'{"video": "", "frontpic": null, "yt_errorcode": 0}')
    assert result.media == {}
    assert result.raw == {"video": "", "frontpic": None, "yt_errorcode": 0}


def test_non_string_media_values_are_problems_kept_as_sent() -> None:
    result = parse_payload(b'{"video": 12, "frontpic": {"a": 1}, "backpic": [], "videopic1": true}')
    assert result.raw == {"video": 12, "frontpic": {"a": 1}, "backpic": [], "videopic1": True}
    for name, kind in [("video", "number"), ("frontpic", "object"), ("backpic", "list")]:
        item = result.media[name]
        assert item.data is None
        assert item.raw_text is None
        assert kind in (item.error or "")
    assert result.media["videopic1"].error is not None


def test_whitespace_only_medium_decodes_to_nothing() -> None:
    item = parse_payload(b'{"video": " \\n "}').media["video"]
    assert item.error is not None
    assert item.raw_text == " \n "


@pytest.mark.parametrize(
    "data",
    [
        # issue #12: a later valid medium once hid an earlier one that is not even JSON
        b'{"frontpic":"/9j/\n4AAQ","frontpic":"/9j/4AAQ","yt_errorcode":0}',
        b'{"video": "QUFB", "a": 1, "video": null, "frontpic": 5, "frontpic": "QUFB"}',
        b'{"name": "a", "name": "b"}',
        b'{"extra": {"k": 1, "k": 2}}',
    ],
)
def test_duplicate_keys_are_malformed(data: bytes) -> None:
    with pytest.raises(PayloadFormatError) as info:
        parse_payload(data)
    assert info.value.exit_code == 5


@pytest.mark.parametrize("value", [b"NaN", b"Infinity", b"-Infinity", b"1e400"])
def test_values_json_does_not_have_are_malformed(value: bytes) -> None:
    with pytest.raises(PayloadFormatError):
        parse_payload(b'{"yt_errorcode":0,"score":' + value + b"}")


def test_media_item_from_value() -> None:
    assert media_item_from_value("video", None) is None
    assert media_item_from_value("video", "") is None
    item = media_item_from_value("video", "QUFB")
    assert item is not None
    assert item.data == b"AAA"
    broken = media_item_from_value("video", "QUF")
    assert broken is not None
    assert broken.raw_text == "QUF"


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [os.urandom(64), bytes(range(256)), b"\x00\x01\x02{}", b'{"a":\x01}', b"\xff\xfe{"],
    ids=["random", "all-bytes", "nul", "control", "bad-utf8"],
)
def test_noise_means_a_wrong_key(data: bytes) -> None:
    with pytest.raises(WrongKeyError, match="AES result key"):
        parse_payload(data)


@pytest.mark.parametrize(
    "data",
    [b"[1, 2]", b'"x"', b"42", b"null", b"", b"   ", b'{"a": 1', b'{"a": 1} {}', b"{'a': 1}",
     b'{"a": tru}', b'{"video": "QUFB"', b'{"a": "' + b" " * 2000 + b'\xe5"}', b"[" * 100_000],
)  # fmt: skip
def test_text_that_is_not_a_json_object_is_a_format_error(data: bytes) -> None:
    with pytest.raises(PayloadFormatError):
        parse_payload(data)


@pytest.mark.parametrize("raw", [b"\n", b"\r", b"\t", b"\x0c", b"\x01"])
def test_raw_control_characters_in_a_medium_are_format_errors(raw: bytes) -> None:
    padding = b'{"a": "' + b"x" * 2000 + b'", '  # past the noise check's window
    for value in (b"QU" + raw + b"FB", b"Q\\/" + raw + b"FB", b"@@" + raw):
        with pytest.raises(PayloadFormatError):
            parse_payload(padding + b'"video": "' + value + b'"}')


def test_error_messages_carry_no_personal_data() -> None:
    secret = json.dumps({"ID": "450111199401011234", "name": "张三"}, ensure_ascii=False)
    for data in (secret[:-1], f"[{secret}]", secret + "x"):
        with pytest.raises(PayloadFormatError) as caught:
            parse_payload(data.encode("utf-8"))
        assert "4501111994" not in str(caught.value)
        assert "张三" not in str(caught.value)
        assert caught.value.__cause__ is None  # no JSONDecodeError holding the text


def test_cancel_stops_between_media() -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        parse_payload(json.dumps(full_case()).encode(), cancel=cancel)
    assert parse_payload(json.dumps(DOC_TEXT).encode(), cancel=cancel).raw == DOC_TEXT


def test_in_place_failure_midway_keeps_the_exact_text() -> None:
    import base64
    import os

    good = base64.b64encode(os.urandom(3 << 20)).decode()
    broken = good[: 2 << 20] + "!!!!" + good[(2 << 20) + 4 :]  # past the first 1 MiB chunk
    plaintext = bytearray(
        json.dumps({"yt_errorcode": 0, "video": broken, "frontpic": good[:400]}).encode()
    )
    result = parse_payload(plaintext)
    video = result.media["video"]
    assert video.data is None
    assert video.raw_text == broken
    assert result.media["frontpic"].data == base64.b64decode(good[:400])


@pytest.mark.parametrize("escaping", ["plain", "php-slashes", "wrapped"])
def test_a_large_video_gets_the_digest_of_its_exact_bytes(escaping: str) -> None:
    """Over 1 MiB the digest is made on a second thread while decoding: it must still be the
    SHA-256 of exactly the bytes kept, in place or not."""
    video = b"\x00\x00\x00\x20ftypisom" + os.urandom((3 << 20) + 11)
    text = b64(video)
    if escaping == "wrapped":
        text = wrap(text, 76, "\r\n")
    encoded = json.dumps({**DOC_TEXT, "video": text})
    if escaping == "php-slashes":
        encoded = encoded.replace("/", "\\/")
    result = parse_payload(bytearray(encoded.encode()))
    item = result.media["video"]
    assert item.data is not None
    assert bytes(item.data) == video
    assert item.sha256 == hashlib.sha256(video).hexdigest()


def test_cancel_in_the_middle_of_a_large_video_leaves_no_digest_thread() -> None:
    cancel = threading.Event()
    plaintext = bytearray(json.dumps({**DOC_TEXT, "video": b64(os.urandom(4 << 20))}).encode())
    checks = 0

    def is_set() -> bool:
        nonlocal checks
        checks += 1
        return checks > 3  # after two chunks of the video were decoded (and queued for hashing)

    cancel.is_set = is_set  # type: ignore[method-assign]
    with pytest.raises(CancelledError):
        parse_payload(plaintext, cancel=cancel)
    assert checks > 3
    assert not [t for t in threading.enumerate() if t.name == "iauth-digest"]
