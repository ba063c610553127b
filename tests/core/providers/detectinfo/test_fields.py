import copy
import json
import pickle
from typing import Any

import pytest

from iauth_desktop.core.model.media import MediaItem
from iauth_desktop.core.model.result import MEDIA_PLACEHOLDER, Stage, as_int, as_text
from iauth_desktop.core.providers.detectinfo.codes import explain
from iauth_desktop.core.providers.detectinfo.fields import (
    DOCUMENTED_FIELDS,
    IDENTITY_FIELDS,
    IDENTITY_KEYS,
    interpret,
)

DOC_EXAMPLE: dict[str, Any] = {
    "ID": "4501111994xxxxxxxx",
    "name": "张三",
    "phone": "159********",
    "sex": "男",
    "nation": "汉",
    "ID_address": "广东省深圳市南山区***",
    "ID_birth": "xxxx",
    "ID_authority": "***公安局",
    "ID_valid_date": "xxxx.xx.xx-xxxx.xx.xx",
    "validatedata": "3344",
    "yt_errorcode": 0,
    "yt_errormsg": "通过",
    "livestatus": 0,
    "livemsg": "OK",
    "comparestatus": 0,
    "comparemsg": "OK",
    "type": 0,
}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, 0),
        ("0", 0),
        (" 602 ", 602),
        ("-5005", -5005),
        (3344, 3344),
        (602.0, 602),
        ("+12", 12),
        (1.5, None),
        (True, None),
        ("abc", None),
        ("6 02", None),
        ("1e3", None),
        ("٣", None),  # only ASCII digits
        ("", None),
        (None, None),
        ([0], None),
    ],
)
def test_as_int_accepts_numbers_and_numeric_strings(value: Any, expected: int | None) -> None:
    assert as_int(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(3344, "3344"), ("3344", "3344"), (None, ""), ("", ""), (1.0, "1"), (2.5, "2.5"),
     (True, "true"), ({"a": "é"}, '{"a": "é"}')],
)  # fmt: skip
def test_as_text(value: Any, expected: str) -> None:
    assert as_text(value) == expected


FAILED = "failed"
PASSED = "passed"
INCOMPLETE = "incomplete"


@pytest.mark.parametrize(
    ("fields", "status", "stages"),
    [
        ({"yt_errorcode": 0, "livestatus": 0, "comparestatus": 0}, PASSED, ()),
        ({"yt_errorcode": 0}, PASSED, ()),
        ({"yt_errorcode": "0", "livestatus": "0", "comparestatus": " 0 "}, PASSED, ()),
        ({"yt_errorcode": 0.0, "livestatus": None, "comparestatus": ""}, PASSED, ()),
        ({}, INCOMPLETE, ()),
        ({"livestatus": 0, "comparestatus": 0}, INCOMPLETE, ()),
        ({"yt_errorcode": None}, INCOMPLETE, ()),
        ({"yt_errorcode": ""}, INCOMPLETE, ()),
        ({"yt_errorcode": "abc"}, INCOMPLETE, ()),
        ({"yt_errorcode": True}, INCOMPLETE, ()),
        ({"yt_errorcode": 0, "livestatus": "OK"}, INCOMPLETE, ()),
        ({"yt_errorcode": 0, "comparestatus": [0]}, INCOMPLETE, ()),
        ({"yt_errorcode": 602}, FAILED, ("liveness (digits)",)),
        ({"yt_errorcode": " 602 "}, FAILED, ("liveness (digits)",)),
        ({"yt_errorcode": "3"}, FAILED, ("request",)),
        ({"yt_errorcode": 9999}, FAILED, ("unknown",)),
        ({"yt_errorcode": 0, "livestatus": -5005}, FAILED, ("liveness",)),
        ({"yt_errorcode": 0, "comparestatus": "-5008"}, FAILED, ("compare",)),
        ({"comparestatus": -1}, FAILED, ("compare",)),  # failed beats incomplete
        ({"yt_errorcode": "x", "livestatus": 3}, FAILED, ("liveness",)),
        ({"yt_errorcode": 604, "comparestatus": -5005}, FAILED, ("compare",)),
        (
            {"yt_errorcode": 651, "livestatus": 1, "comparestatus": 2},
            FAILED,
            ("liveness (action)", "liveness", "compare"),
        ),
    ],
)
def test_verdict_table(fields: dict[str, Any], status: str, stages: tuple[str, ...]) -> None:
    verdict = interpret(dict(fields)).verdict
    assert verdict.status == status
    assert verdict.failed_stages == stages
    assert verdict.summary.startswith(status)


def test_failed_stage_of_yt_errorcode_comes_from_the_code_table() -> None:
    for code in (501, 604, 701, 823, 902):
        verdict = interpret({"yt_errorcode": code}).verdict
        assert verdict.failed_stages == (explain(code).stage,)
        assert str(code) in verdict.summary


def test_verdict_is_never_passed_without_a_final_code() -> None:
    result = interpret({k: v for k, v in DOC_EXAMPLE.items() if k != "yt_errorcode"})
    assert result.verdict.status == INCOMPLETE
    assert "yt_errorcode" in result.verdict.summary


def test_summary_quotes_the_service_message_for_status_codes() -> None:
    result = interpret({"yt_errorcode": 0, "livestatus": -5005, "livemsg": "比对失败"})
    assert "-5005" in result.verdict.summary
    assert "比对失败" in result.verdict.summary


def test_non_numeric_code_is_kept_raw() -> None:
    result = interpret({"yt_errorcode": "n/a"})
    assert result.stage(Stage.FINAL).code is None
    assert result.raw["yt_errorcode"] == "n/a"
    assert result.final_code_info is None


def test_accessors_on_the_documented_example() -> None:
    result = interpret(dict(DOC_EXAMPLE))
    assert result.identity == {IDENTITY_KEYS[name]: DOC_EXAMPLE[name] for name in IDENTITY_FIELDS}
    assert list(result.identity) == [IDENTITY_KEYS[name] for name in IDENTITY_FIELDS]
    assert result.challenge == "3344"
    assert (result.stage(Stage.FINAL).code, result.stage(Stage.FINAL).message) == (0, "通过")
    assert (result.stage(Stage.LIVENESS).code, result.stage(Stage.LIVENESS).message) == (0, "OK")
    assert (result.stage(Stage.COMPARE).code, result.stage(Stage.COMPARE).message) == (0, "OK")
    assert result.verification_type == 0
    assert result.extra_fields == {}
    assert result.verdict.status == PASSED
    info = result.final_code_info
    assert info is not None
    assert info.code == 0


def test_accessors_coerce_loose_types() -> None:
    result = interpret(
        {"validatedata": 3344, "ID": 450111, "type": "1", "yt_errorcode": "12", "livemsg": None}
    )
    assert result.challenge == "3344"
    assert result.identity == {"id_number": "450111"}
    assert result.verification_type == 1
    assert result.stage(Stage.FINAL).code == 12
    assert result.stage(Stage.LIVENESS).message == ""
    assert interpret({"validatedata": ""}).challenge == ""
    assert interpret({}).challenge == ""
    assert interpret({}).verification_type is None


def test_extra_fields_keep_every_undocumented_key_as_is() -> None:
    extras = {"liveType": "action", "score": 87.5, "nested": {"video": "AAAA", "n": [1, None]},
              "flag": False, "big": 10**30, "空": "值"}  # fmt: skip
    raw = {**DOC_EXAMPLE, **extras, "video": MEDIA_PLACEHOLDER}
    result = interpret(raw, {"video": MediaItem.decoded("video", b"x")})
    assert result.extra_fields == extras
    assert list(result.extra_fields) == list(extras)
    assert type(result.extra_fields["big"]) is int
    assert not DOCUMENTED_FIELDS & set(result.extra_fields)


def test_placeholder_is_a_singleton_json_refuses() -> None:
    assert copy.deepcopy(MEDIA_PLACEHOLDER) is MEDIA_PLACEHOLDER
    assert pickle.loads(pickle.dumps(MEDIA_PLACEHOLDER)) is MEDIA_PLACEHOLDER
    assert repr(MEDIA_PLACEHOLDER) == "MEDIA_PLACEHOLDER"
    with pytest.raises(TypeError):
        json.dumps({"video": MEDIA_PLACEHOLDER})


def test_case_object_puts_file_names_in_place_keeping_order() -> None:
    raw = {"name": "张三", "frontpic": MEDIA_PLACEHOLDER, "x": 1, "video": MEDIA_PLACEHOLDER,
           "backpic": ""}  # fmt: skip
    result = interpret(raw)
    assert result.has_media_file("video")
    assert not result.has_media_file("backpic")
    assert not result.has_media_file("videopic1")
    case = result.case_object({"frontpic": "frontpic.jpg", "video": "video.mp4"})
    assert case == {"name": "张三", "frontpic": "frontpic.jpg", "x": 1, "video": "video.mp4",
                    "backpic": ""}  # fmt: skip
    assert list(case) == list(raw)
    assert result.raw["video"] is MEDIA_PLACEHOLDER  # the result itself is untouched


def test_repr_of_a_result_shows_no_personal_data() -> None:
    text = repr(interpret(dict(DOC_EXAMPLE)))
    assert "4501111994" not in text
    assert "张三" not in text
