"""Long strings set aside before ``json.loads``: the same value as a plain parse, escapes and
nesting included; no value the service sends can pose as a marker; broken JSON is refused."""

from __future__ import annotations

import json
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iauth_desktop.core.model.errors import PayloadFormatError
from iauth_desktop.core.net.json_aside import LONG_STRING, loads_aside, set_aside

MEDIA = "QUJD" * 5000  # 20,000 characters of Base64

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20)
    | st.sampled_from([MEDIA, "a/b\\\"c" * 2000, "é" * 3000]),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(json_values, st.booleans())
def test_the_value_is_the_plain_parse(value: object, escape_slashes: bool) -> None:
    text = json.dumps(value, ensure_ascii=False)
    if escape_slashes:
        text = text.replace("/", "\\/")  # as PHP and some Java encoders write them
    data = text.encode("utf-8")
    assert loads_aside(data) == json.loads(data)


def test_the_skeleton_is_small_and_the_strings_are_back_in_place() -> None:
    doc = {"Response": {"VideoData": {"LivenessVideo": MEDIA}, "Text": {"Name": "演示"},
                        "BestFrame": {"BestFrames": [MEDIA, "", None]}}}  # fmt: skip
    data = json.dumps(doc).encode()
    aside = set_aside(data)
    assert len(aside.spans) == 2 and len(aside.skeleton) < 400
    assert loads_aside(data) == doc


def test_a_value_shaped_like_a_marker_stays_what_it_was() -> None:
    aside = set_aside(json.dumps({"v": MEDIA}).encode())
    forged = {"x": aside.marker.replace(aside.marker[7:23], "0" * 16) + "0", "v": MEDIA}
    assert loads_aside(json.dumps(forged).encode()) == forged
    short = {"x": "\x00aside-0000000000000000-0"}
    assert loads_aside(json.dumps(short).encode()) == short


@pytest.mark.parametrize(
    "broken",
    [b'{"a": "' + b"A" * (LONG_STRING + 10), b'{"a": "' + b"A" * (LONG_STRING + 10) + b'",}',
     b'{"a": ' + b"1" * 10, b'["' + b"B" * 5000 + b'" "x"]'],
)  # fmt: skip
def test_broken_json_is_refused(broken: bytes) -> None:
    with pytest.raises(PayloadFormatError):
        loads_aside(broken)


def test_short_documents_need_no_aside() -> None:
    text = json.dumps({k: k * 3 for k in string.ascii_letters}).encode()
    assert set_aside(text).spans == []
