"""The emulator's demo credentials, tokens and cases — all synthetic.

Identities are invented: the names read 演示/样本 ("demo"/"specimen"), the ID numbers start with the
area code 99, which GB/T 2260 assigns to no region (so they can belong to nobody), yet carry a
correct GB 11643 check digit and match ``ID_birth`` and ``sex``. The media are drawn by
``tests/tools/make_demo_media.py`` (see ``resources/demo/README.md``).

Types vary on purpose, as the real service's do: ``validatedata`` is a number in one case and a
string in another, ``yt_errorcode`` and ``livestatus`` are strings in some cases, fields are
missing in some, and there are fields the integration document does not name (``sim``, ...).

Codes agree with ``shared/spec/result-codes.md``: a failed case's final code names the stage that
failed, and only that stage's engine code is non-zero, one the engines' documents give for that
kind of failure, or one they leave unknown (the console then shows "unknown code" beside the
service's own message, which says what happened).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final

# Where the emulator answers (the real service's path on its own host and port)
ENDPOINT_PATH: Final = "/new/cgi-bin/getdetectinfo.php"
DEMO_APPID: Final = "IAUTHDEMO0001"
DEMO_SECRET_KEY: Final = "demo-secret-key-NOT-for-production-0001"  # noqa: S105 - public demo
DEMO_AES_KEY: Final = "DemoResultKey-32chars-0123456789"
# Encrypts the ``wrong-key`` fault's data; it is not the configured key.
WRONG_AES_KEY: Final = "WrongResultKey-faultmode-9876543"

ENVELOPE_CODE_NAMES: Final = MappingProxyType(
    {
        0: "success",
        1: "HTTP_UNSET_PARAM",
        2: "HTTP_WRONG_PARAM",
        3: "HTTP_UNAUTHORIZED",
        4: "HTTP_NOT_SIGNATURE",
        5: "HTTP_REQUES_ILLEGAL",
        8: "ERROR_SYSTEM",
        11: "ERROR_TOKEN_TIME_EXPIRED",
        12: "ERROR_TOKEN_OVER_TIMELIMIT",
        14: "ERROR_TOKEN_VERIFY_FINISHED",
    }
)

# Media field -> file under resources/demo/.
_MEDIA_A: Final = MappingProxyType(
    {
        "frontpic": "idcard-a-front.jpg",
        "backpic": "idcard-a-back.jpg",
        "videopic1": "videopic1.jpg",
        "videopic2": "videopic2.jpg",
        "videopic3": "videopic3.jpg",
        "video": "video.mp4",
    }
)
_MEDIA_B: Final = MappingProxyType(
    {**_MEDIA_A, "frontpic": "idcard-b-front.jpg", "backpic": "idcard-b-back.jpg"}
)
_MEDIA_NO_CARD: Final = MappingProxyType(
    {k: v for k, v in _MEDIA_A.items() if k not in ("frontpic", "backpic")}
)


def _clip(media: MappingProxyType[str, str], suffix: str) -> MappingProxyType[str, str]:
    """``media`` with the frames and video of another clip (``-5921``, ``-action``): each
    case's video shows the digits its ``validatedata`` says, or none in action mode."""
    renamed = {
        k: v.replace(".", f"{suffix}.", 1) if k.startswith("video") else v for k, v in media.items()
    }
    return MappingProxyType(renamed)


_MEDIA_ACTION: Final = _clip(_MEDIA_A, "-action")
_MEDIA_5921_NO_CARD: Final = _clip(_MEDIA_NO_CARD, "-5921")

_IDENTITY_A: Final = {
    "ID": "990101199005171231",
    "name": "欧阳演示",
    "phone": "13800138000",
    "sex": "男",
    "nation": "汉",
    "ID_address": "演示省样本市虚构区示例路1号演示小区8栋",
    "ID_birth": "1990.05.17",
    "ID_authority": "样本市公安局虚构分局",
    "ID_valid_date": "2020.01.01-2040.01.01",
}
_IDENTITY_B: Final = {
    "ID": "990203196208090460",
    "name": "司马样本",
    "phone": "139****9000",
    "sex": "女",
    "nation": "汉",
    "ID_address": "演示省示例县假想镇测试村18号",
    "ID_birth": "1962.08.09",
    "ID_authority": "示例县公安局",
    "ID_valid_date": "2015.03.01-长期",
}


@dataclass(frozen=True)
class DemoCase:
    """One answer of the service: either ``fields`` (+ ``media``) encrypted, or an envelope error.

    ``fields`` is in the order of the integration document; the media are spliced in after
    ``validatedata`` as that document shows them.
    """

    name: str
    fields: dict[str, Any] = field(default_factory=dict)
    media: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}))
    errorcode: int = 0


CASES: Final = MappingProxyType(
    {
        "pass": DemoCase(
            "pass",
            {
                **_IDENTITY_A,
                "validatedata": 3344,
                "yt_errorcode": 0,
                "yt_errormsg": "通过",
                "livestatus": 0,
                "livemsg": "OK",
                "comparestatus": 0,
                "comparemsg": "OK",
                "type": 0,
                "sim": "92.5",
                "liveness_engine": "yt-demo-2.4",
            },
            _MEDIA_A,
        ),
        "liveness-602": DemoCase(
            "liveness-602",
            {
                **_IDENTITY_B,
                "validatedata": "3344",
                "yt_errorcode": 602,
                "yt_errormsg": "视频活体检测没通过",
                "livestatus": -5008,
                "livemsg": "声音识别失败",
                "type": 0,
            },
            _MEDIA_B,
        ),
        "compare-604": DemoCase(
            "compare-604",
            {
                **_IDENTITY_B,
                "validatedata": "3344",
                "yt_errorcode": "604",
                "yt_errormsg": "没有达到匹配阈值",
                "livestatus": "0",
                "livemsg": "OK",
                # No engine code means "similarity below threshold" (-4010 is the computation
                # failing): one in the compare engine's range that the documents leave unknown.
                "comparestatus": -4020,
                "comparemsg": "比对相似度未达到通过标准",
                "type": 0,
                "sim": 41.2,
            },
            _MEDIA_B,
        ),
        "action-mode": DemoCase(
            "action-mode",
            {
                **_IDENTITY_A,
                "validatedata": "",
                "yt_errorcode": 0,
                "yt_errormsg": "通过",
                "livestatus": 0,
                "livemsg": "OK",
                "comparestatus": 0,
                "comparemsg": "OK",
                "type": 0,
                "action_sequence": "blink,mouth",
            },
            _MEDIA_ACTION,
        ),
        "second-verification": DemoCase(
            "second-verification",
            {
                **_IDENTITY_A,
                "phone": "138****8000",
                "validatedata": 5921,
                "yt_errorcode": "0",
                "yt_errormsg": "通过",
                "livestatus": 0,
                "livemsg": "OK",
                "comparestatus": "0",
                "comparemsg": "OK",
                "type": 1,
            },
            _MEDIA_5921_NO_CARD,
        ),
        "expired-token": DemoCase("expired-token", errorcode=12),
    }
)

# Fixed tokens: braces included, one deliberately lower-case (tokens are opaque: send them as is).
CASE_TOKENS: Final = MappingProxyType(
    {
        "pass": "{C2E929B9-A3B5-5E6A-9A15-B7615A21A7B7}",
        "liveness-602": "{F6968224-817C-5F35-A8F2-8E98128388B7}",
        "compare-604": "{6966A1C2-6837-5CB8-9503-C01879117494}",
        "action-mode": "{3c623034-12d0-5e7a-a048-16fb7f90e48a}",
        "second-verification": "{0A08B732-38F2-502B-965D-98C5DC6DC6AB}",
        "expired-token": "{41AFFF5F-77E5-5D58-B2C0-CFBFA143CA4D}",
    }
)

# One token per fault mode (see faults.py); each answers the ``pass`` case, spoiled by its fault.
FAULT_TOKENS: Final = MappingProxyType(
    {
        "delay": "{AD4847FC-A830-5B07-86D9-7E522328FDCD}",
        "http-500": "{4D7F53BA-3B4C-59C2-82A6-65D4DF3DE1B2}",
        "http-502": "{E85A6FA5-8C63-571F-AA2A-98139AE9FE35}",
        "http-503": "{3CE8CF2F-7813-5260-80B9-DB79004C1239}",
        "reset": "{5CB25A0B-7B6E-56DB-823C-9CFA2CD91FAA}",
        "truncated": "{552229C4-0699-548C-985D-49110863EE08}",
        "non-json": "{194CB680-299A-5AE9-B1E3-E287FF89A15D}",
        "garbage-base64": "{32754D08-CBA3-57DF-A7CF-DA25651C317C}",
        "wrong-key": "{6FC5513A-B5B5-5C5A-8658-D910CA765A99}",
        "wrapped-base64": "{A2D17EFF-27E5-557B-87AA-11E35D5D8915}",
        "php-escapes": "{6A270DBA-04B2-5F6B-8294-33EDF49B387C}",
        "broken-jpeg": "{F7C9031C-E935-5195-ABE6-4B318CD2324D}",
        "huge-video": "{55225C48-AF19-59B2-97F0-A63C5B84AA94}",
    }
)

# Every token by name: the cases by their name, the faults as ``fault-<name>``.
DEMO_TOKENS: Final = MappingProxyType(
    {**CASE_TOKENS, **{f"fault-{name}": token for name, token in FAULT_TOKENS.items()}}
)

CASE_BY_TOKEN: Final = MappingProxyType({token: name for name, token in CASE_TOKENS.items()})
FAULT_BY_TOKEN: Final = MappingProxyType({token: name for name, token in FAULT_TOKENS.items()})


# Batch tokens for queue demos and tests: ``{DEMO-<case>-<8 hex digits>}`` answers as the named
# demo case (``{DEMO-fault-<fault>-…}`` as that fault, ``{DEMO-error-<code>-…}`` with that
# envelope error code), so a queue of hundreds of distinct tokens can be served. A real token
# never has this shape.
_BATCH = re.compile(r"\{DEMO-(?P<name>[a-z0-9-]+)-(?P<n>[0-9A-F]{8})\}")


def batch_token(name: str, number: int) -> str:
    """The ``number``-th batch token of the demo case (or ``fault-<name>``) ``name``."""
    if (
        name not in CASE_TOKENS
        and name.removeprefix("fault-") not in FAULT_TOKENS
        and batch_error(f"{{DEMO-{name}-00000000}}") is None
    ):
        raise KeyError(name)
    return f"{{DEMO-{name}-{number:08X}}}"


def batch_case(token: str) -> tuple[str, str | None] | None:
    """(case name, fault name or None) a batch token stands for; None for any other token."""
    match = _BATCH.fullmatch(token)
    if match is None:
        return None
    name = match["name"]
    if name in CASE_TOKENS:
        return name, None
    fault = name.removeprefix("fault-")
    if name.startswith("fault-") and fault in FAULT_TOKENS:
        return "pass", fault
    return None


def batch_error(token: str) -> int | None:
    """The envelope error code a ``{DEMO-error-<code>-…}`` token answers with."""
    match = _BATCH.fullmatch(token)
    if match is None or not match["name"].startswith("error-"):
        return None
    code = match["name"].removeprefix("error-")
    return int(code) if code.isdigit() and int(code) in ENVELOPE_CODE_NAMES else None
