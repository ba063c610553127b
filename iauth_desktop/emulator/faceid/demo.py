"""The FaceID emulator's demo credentials, BizTokens and cases — all synthetic.

The identities are the legacy emulator's (``emulator/detectinfo/demo.py``): invented names that
read 演示/样本, ID numbers with the unassigned area code 99; the media are the same drawn files
(``resources/demo``). Every key is one the SDK's models know, so the answers read back through
``GetDetectInfoEnhancedResponse`` without a warning; like the real service's sample, some
fields are ``""`` and others null.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final

DEMO_SECRET_ID: Final = "AKIDiauthDEMOfaceid00000000000000001"  # noqa: S105 - public demo
DEMO_SECRET_KEY: Final = "demo-faceid-secret-key-NOT-for-production"  # noqa: S105 - public demo
DEMO_RULE_ID: Final = "1"
# The public half of ``keys.DEMO_PRIVATE_KEY`` as the emulator announces it (a test derives it
# again): the console's demo knows it without loading the RSA code.
DEMO_PUBLIC_KEY: Final = """\
-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAw12dFBV10QYWnU6fkWvN
YvAVra/pZn1xY99p0hpbWkg5EqCQT7y4Oh4V3UHNBazxrfkd+gHiLqm8WFbIf/v+
6hb9O0Qu/Fiuf8Pn7UuzMVCL6LVLygQniixe/2m4255pez3hkpbMp0ddBNdr7SNk
WuuFu8gDETJ52eSPE2rXY92wOUCjs6fwA5j4OTDR1ulh0hl0VZ/go85oZs2AK7Zn
utGYu69i+ONwX2yOtopRv/1XTbiFzBiIvNXUPP3zdwFRP+f7HQQ8O+kwL8MIokWN
IPSNGtYjBNTFgJFWJnmtd5HsAb66Y2ynZSg9z5/Dh19qPK1hVRlANCE14hCpIOMb
hwIDAQAB
-----END PUBLIC KEY-----
"""
ENCRYPTED_CASE: Final = "encrypted"

CASE_TOKENS: Final = MappingProxyType(
    {
        "passed": "FACE1D00-0000-4000-8000-000000000001",
        "compare-2016": "FACE1D00-0000-4000-8000-000000002016",
        "liveness-retries": "FACE1D00-0000-4000-8000-000000001002",
        "expired": "FACE1D00-0000-4000-8000-000000000015",
        ENCRYPTED_CASE: "FACE1D00-0000-4000-8000-0000000000E1",
    }
)
TOKEN_CASES: Final = MappingProxyType({token: name for name, token in CASE_TOKENS.items()})

# media slot -> file under resources/demo/
_MEDIA_A: Final = MappingProxyType(
    {
        "OcrFront": "idcard-a-front.jpg",
        "OcrBack": "idcard-a-back.jpg",
        "BestFrame": "videopic1-action.jpg",
        "LivenessVideo": "video-action.mp4",
    }
)
_MEDIA_B: Final = MappingProxyType(
    {**_MEDIA_A, "OcrFront": "idcard-b-front.jpg", "OcrBack": "idcard-b-back.jpg"}
)
# BestFrames, in turn: the action clip (no digits: the FaceID demo flows are not digits liveness)
FRAME_FILES: Final = (
    "videopic1-action.jpg",
    "videopic2-action.jpg",
    "videopic3-action.jpg",
)

_IDENTITY_A: Final = {
    "IdCard": "990101199005171231",
    "Name": "欧阳演示",
    "OcrNation": "汉",
    "OcrAddress": "演示省样本市虚构区示例路1号演示小区8栋",
    "OcrBirth": "1990/5/17",
    "OcrAuthority": "样本市公安局虚构分局",
    "OcrValidDate": "2020.01.01-2040.01.01",
    "OcrName": "欧阳演示",
    "OcrIdCard": "990101199005171231",
    "OcrGender": "男",
    "Mobile": "13800138000",
}
_IDENTITY_B: Final = {
    "IdCard": "990203196208090460",
    "Name": "司马样本",
    "OcrNation": "汉",
    "OcrAddress": "演示省示例县假想镇测试村18号",
    "OcrBirth": "1962/8/9",
    "OcrAuthority": "示例县公安局",
    "OcrValidDate": "2015.03.01-长期",
    "OcrName": "司马样本",
    "OcrIdCard": "990203196208090460",
    "OcrGender": "女",
    "Mobile": "139****9000",
}


def _attempt(
    at: str,
    seq: str,
    identity: dict[str, str],
    sim: str | None,
    codes: tuple[int, str, int, str, int | None, str | None],
    *,
    charged: bool,
    mode: int = 2,
) -> dict[str, Any]:
    errcode, errmsg, live, live_msg, compare, compare_msg = codes
    return {
        "ReqTime": at,
        "Seq": seq,
        "Idcard": identity["IdCard"],
        "Name": identity["Name"],
        "Sim": sim,
        "IsNeedCharge": charged,
        "Errcode": errcode,
        "Errmsg": errmsg,
        "Livestatus": live,
        "Livemsg": live_msg,
        "Comparestatus": compare,
        "Comparemsg": compare_msg,
        "CompareLibType": "权威库",
        "LivenessMode": mode,
    }


def _text(identity: dict[str, str], **values: Any) -> dict[str, Any]:
    """Text in the order of the API's documents; ``values`` fill in the results."""
    text: dict[str, Any] = {
        "ErrCode": None,
        "ErrMsg": None,
        "IdCard": identity["IdCard"],
        "UseIDType": 0,
        "Name": identity["Name"],
        **{k: identity[k] for k in ("OcrNation", "OcrAddress", "OcrBirth", "OcrAuthority")},
        **{k: identity[k] for k in ("OcrValidDate", "OcrName", "OcrIdCard", "OcrGender")},
        "IdInfoFrom": "OCR",
        "LiveStatus": None,
        "LiveMsg": None,
        "Comparestatus": None,
        "Comparemsg": None,
        "Sim": None,
        "Location": None,
        "Extra": "",
        "LivenessDetail": [],
        "LivenessInfoTag": None,
        "Mobile": identity["Mobile"],
        "CompareLibType": "权威库",
        "LivenessMode": 2,
        "NFCRequestIds": None,
        "NFCBillingCounts": None,
        "PassNo": None,
        "VisaNum": None,
        "LivenessActionSequence": "1,2",
    }
    text.update(values)
    return text


@dataclass(frozen=True)
class DemoCase:
    """One answer: ``text`` and the media by slot, the card's warnings; or an API error."""

    name: str
    text: dict[str, Any] = field(default_factory=dict)
    media: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}))
    warnings: tuple[int, ...] = ()
    error: tuple[str, str] | None = None  # (Code, Message)


_OK = (0, "成功", 0, "成功", 0, "成功")

CASES: Final = MappingProxyType(
    {
        "passed": DemoCase(
            "passed",
            _text(
                _IDENTITY_A,
                ErrCode=0,
                ErrMsg="成功",
                LiveStatus=0,
                LiveMsg="成功",
                Comparestatus=0,
                Comparemsg="成功",
                Sim="95.21",
                LivenessDetail=[
                    _attempt(
                        "1764225600000", "demo-seq-0001", _IDENTITY_A, "95.21", _OK, charged=True
                    )
                ],
            ),
            _MEDIA_A,
        ),
        "compare-2016": DemoCase(
            "compare-2016",
            _text(
                _IDENTITY_B,
                ErrCode=2016,
                ErrMsg="无法判断为同一人(相似度未达到通过阈值)",
                LiveStatus=0,
                LiveMsg="成功",
                Comparestatus=2016,
                Comparemsg="相似度未达到通过阈值",
                Sim="52.30",
                LivenessDetail=[
                    _attempt(
                        "1764229200000",
                        "demo-seq-2016",
                        _IDENTITY_B,
                        "52.30",
                        (2016, "相似度未达到通过阈值", 0, "成功", 2016, "相似度未达到通过阈值"),
                        charged=True,
                    )
                ],
            ),
            _MEDIA_B,
        ),
        "liveness-retries": DemoCase(
            "liveness-retries",
            _text(
                _IDENTITY_A,
                ErrCode=1002,
                ErrMsg="疑似非真人录制",
                LiveStatus=1002,
                LiveMsg="疑似非真人录制",
                Comparestatus=None,
                Comparemsg="",
                Sim="",
                LivenessInfoTag=["03"],
                LivenessDetail=[
                    _attempt(
                        "1764232800000",
                        "demo-seq-1102",
                        _IDENTITY_A,
                        None,
                        (1102, "脸部未完整露出", 1102, "脸部未完整露出", None, None),
                        charged=False,
                    ),
                    _attempt(
                        "1764232860000",
                        "demo-seq-1301",
                        _IDENTITY_A,
                        "",
                        (1301, "疑似非真人录制", 1301, "疑似非真人录制", None, None),
                        charged=False,
                    ),
                    _attempt(
                        "1764232920000",
                        "demo-seq-1002",
                        _IDENTITY_A,
                        "",
                        (1002, "疑似非真人录制", 1002, "疑似非真人录制", None, None),
                        charged=True,
                    ),
                ],
            ),
            _MEDIA_A,
            warnings=(-9103,),
        ),
        "expired": DemoCase(
            "expired",
            error=(
                "InvalidParameterValue.BizTokenExpired",
                "BizToken过期。",
            ),
        ),
        ENCRYPTED_CASE: DemoCase(
            ENCRYPTED_CASE,
            _text(
                _IDENTITY_A,
                ErrCode=0,
                ErrMsg="成功",
                LiveStatus=0,
                LiveMsg="成功",
                Comparestatus=0,
                Comparemsg="成功",
                Sim="91.07",
                IdInfoFrom="NFC",
                LivenessMode=3,
                LivenessActionSequence="5",
                LivenessDetail=[
                    _attempt(
                        "1764236400000",
                        "demo-seq-00E1",
                        _IDENTITY_A,
                        "91.07",
                        _OK,
                        charged=True,
                        mode=3,
                    )
                ],
            ),
            MappingProxyType(
                {"BestFrame": "videopic2-action.jpg", "LivenessVideo": "video-action.mp4"}
            ),
        ),
    }
)
