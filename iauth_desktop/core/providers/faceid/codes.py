"""FaceID's codes explained: ``Text.ErrCode`` and the stage codes (shared/spec/result-codes.md,
the FaceID table), the API's named errors, the ID card warnings, the liveness modes.

``LiveStatus`` and ``Comparestatus`` reuse ``ErrCode``'s numbers; a code in no table is shown as
unknown beside the service's own message, which may change without notice and is never matched.
"""

from __future__ import annotations

from typing import Final

from iauth_desktop.core.model.codes import SERVICE_TABLE, UNKNOWN_SOURCE, CodeInfo

_WRONG_CALL = ("request", "调用方式出错", "wrong call")
_SERVICE = ("service", "服务异常，请稍后重试或联系客服人员", "service error; try again later")
_FACE_FAILED = ("liveness", "人脸验证失败，请重试", "face verification failed")
_VOICE = ("liveness", "声音未能识别，请大声慢读一遍数字", "the voice was not recognised")
_LIGHT = ("liveness", "光线不佳", "bad lighting")
_DISTANCE = ("liveness", "离屏幕太近或太远", "the face is too close to or too far from the screen")
_NO_PHOTO = ("compare", "未查询到照片信息", "no authority photo was found")

# code: (stage, zh, en)
_ERR_CODES: Final[dict[int, tuple[str, str, str]]] = {
    0: ("—", "成功", "passed"),
    1: _WRONG_CALL,
    2: _WRONG_CALL,
    3: _WRONG_CALL,
    4: _SERVICE,
    8: _SERVICE,
    10: _SERVICE,
    12: _SERVICE,
    13: _SERVICE,
    14: ("token", "本次校验已完成", "the verification already finished"),
    15: ("token", "Token 过期，请重试", "the token expired"),
    16: ("flow", "已达到重试上限", "the retry limit was reached"),
    17: ("flow", "本次流程未完成", "the flow was not completed"),
    1001: (
        "liveness",
        "引擎超时，请稍后重试 (older: 调用活体引擎接口出错)",
        "liveness engine timeout or call failure",
    ),
    1002: ("liveness", "疑似非真人录制", "suspected spoof: not a live recording"),
    1003: ("liveness", "人脸识别验证未成功，请重试", "the face check failed"),
    1004: _FACE_FAILED,
    1005: _FACE_FAILED,
    1006: ("compare", "证照库出错，请重试", "ID-photo database error"),
    1007: (
        "liveness",
        "未拉取微信活体结果或拉取微信活体结果失败",
        "the WeChat liveness result was not fetched",
    ),
    1008: ("liveness", "用户活体过程网络不稳定", "unstable network during liveness"),
    1101: _VOICE,
    1103: _VOICE,
    1102: ("liveness", "脸部未完整露出", "the face is not fully visible"),
    1104: ("liveness", "视频格式出错无法检测", "bad video format"),
    1105: ("liveness", "视频拉取失败", "the video could not be fetched"),
    1106: ("liveness", "声音太小", "the voice is too quiet"),
    1107: ("liveness", "视频为空，或大小不合适", "the video is empty or of the wrong size"),
    1108: ("liveness", "视频像素太低无法检测", "video resolution too low"),
    1109: ("liveness", "未识别到唇动", "no lip movement"),
    1201: _LIGHT,
    1202: _LIGHT,
    1203: _DISTANCE,
    1204: _DISTANCE,
    1205: _DISTANCE,
    1301: ("liveness", "疑似非真人录制", "suspected spoof (wording since 2023-08)"),
    1302: ("liveness", "人脸验证失败", "face verification failed"),
    1303: ("liveness", "视频录制时间过短", "the recording is too short"),
    2001: ("compare", "引擎超时，请稍后重试", "compare engine timeout"),
    2002: ("compare", "姓名有误", "the name is wrong"),
    2003: ("compare", "身份证号有误", "the ID number is wrong"),
    2004: ("compare", "视频提取照片出错", "frame extraction failed"),
    2005: ("compare", "未查询到身份信息", "the identity was not found"),
    2006: ("compare", "姓名和身份证号不匹配", "name and ID number do not match"),
    2007: _NO_PHOTO,
    2008: _NO_PHOTO,
    2009: ("compare", "查询到照片分辨率过低", "the authority photo's resolution is too low"),
    2011: ("compare", "无法判断为同一人(疑似非活体)", "not the same person: suspected non-live"),
    2012: ("compare", "检测到多张人脸", "several faces detected"),
    2013: ("compare", "脸部未完整露出", "the face is not fully visible"),
    2014: ("compare", "视频像素太低无法检测", "video resolution too low"),
    2015: ("compare", "无法判断为同一人(比对失败)", "not the same person: the comparison failed"),
    2016: (
        "compare",
        "无法判断为同一人(相似度未达到通过阈值)",
        "not the same person: similarity below the pass threshold",
    ),
    2017: ("compare", "权威数据源升级中", "the authority source is under maintenance"),
}
ERR_CODES: Final = tuple(sorted(_ERR_CODES))


def explain(code: int, message: str | None = None, *, stage_hint: str | None = None) -> CodeInfo:
    """``ErrCode``, ``LiveStatus`` or ``Comparestatus`` (and an attempt's) explained."""
    if code in _ERR_CODES:
        stage, zh, en = _ERR_CODES[code]
        return CodeInfo(code, stage, zh, en, True, None, message, SERVICE_TABLE)
    return CodeInfo.unknown(code, stage_hint or "unknown", message)


# The API's named errors (Response.Error.Code). code: (stage, zh, en)
BIZ_TOKEN_EXPIRED: Final = "InvalidParameterValue.BizTokenExpired"  # noqa: S105 - a code
_API_ERRORS: Final[dict[str, tuple[str, str, str]]] = {
    BIZ_TOKEN_EXPIRED: (
        "token",
        "BizToken 过期",
        "the BizToken has expired: the service no longer answers for it",
    ),
    "InvalidParameterValue.BizTokenIllegal": (
        "token",
        "BizToken 不合法",
        "the BizToken is not valid (tokens do not cross accounts or RuleIds)",
    ),
    "AuthFailure.SignatureFailure": (
        "request",
        "签名错误",
        "the signature was rejected: the SecretKey does not belong to this SecretId",
    ),
    "AuthFailure.SignatureExpire": (
        "request",
        "签名过期",
        "the signature expired: this computer's clock is more than 5 minutes off",
    ),
    "AuthFailure.SecretIdNotFound": (
        "request",
        "密钥不存在",
        "the SecretId does not exist or was disabled",
    ),
    "AuthFailure.InvalidSecretId": ("request", "密钥非法", "the SecretId is not a valid one"),
    "AuthFailure.UnauthorizedOperation": (
        "request",
        "请求未授权",
        "the account is not authorised for this operation",
    ),
    "InvalidParameterValue.RuleIdNotExist": (
        "request",
        "RuleId 不存在",
        "the RuleId does not exist (apply for it in the FaceID console)",
    ),
    "InvalidParameterValue.RuleIdDisabled": ("request", "RuleId 已停用", "the RuleId is disabled"),
    "FailedOperation.DecryptSystemError": (
        "service",
        "解密失败",
        "the service could not decrypt the request's key (wrong public key or key format)",
    ),
    "UnauthorizedOperation.Arrears": (
        "account",
        "帐号已欠费",
        "the account is in arrears: the service is suspended until it is paid",
    ),
    "UnauthorizedOperation.ServiceNotOpened": (
        "account",
        "服务未开通",
        "the FaceID service is not activated for this account",
    ),
    "InvalidParameter": ("request", "参数错误", "a parameter is wrong"),
    "InternalError": ("service", "内部错误", "internal error of the service"),
    "RequestLimitExceeded": ("request", "请求频率超限", "too many requests"),
    "InvalidAction": ("request", "接口不存在", "the action does not exist at this endpoint"),
    "MissingParameter": ("request", "缺少参数", "a required parameter is missing"),
}
API_ERRORS: Final = tuple(sorted(_API_ERRORS))
TOKEN_GONE_ERRORS: Final = frozenset({BIZ_TOKEN_EXPIRED})


def api_error(code: str, message: str | None = None) -> CodeInfo:
    """A named API error explained (unknown ones by their family: AuthFailure, …)."""
    if code in _API_ERRORS:
        stage, zh, en = _API_ERRORS[code]
        return CodeInfo(code, stage, zh, en, True, code, message, SERVICE_TABLE)
    family = code.split(".", 1)[0]
    stage = "request" if family.startswith(("AuthFailure", "Invalid", "Missing")) else "service"
    return CodeInfo(
        code,
        stage,
        f"未知错误 {code}",
        f"unknown service error {code}",
        False,
        code,
        message,
        UNKNOWN_SOURCE,
    )


# IdCardData.WarnInfos / BackWarnInfos: (zh, en)
_CARD_WARNINGS: Final[dict[int, tuple[str, str]]] = {
    -9100: ("身份证有效日期不合法告警", "the card's validity dates are not valid"),
    -9101: ("身份证边框不完整告警", "the card's border is incomplete"),
    -9102: ("身份证复印件告警", "the card is a photocopy"),
    -9103: ("身份证翻拍告警", "the card was photographed from a screen or print (re-shoot)"),
    -9104: ("临时身份证告警", "a temporary ID card"),
    -9105: ("身份证框内遮挡告警", "something covers the card"),
    -9106: ("身份证 PS 告警（疑似存在PS痕迹）", "the photo looks edited (signs of retouching)"),
    -9107: ("身份证反光告警", "glare on the card"),
}


def card_warning(code: int, side: str) -> CodeInfo:
    """A warning about the ID card photo of ``side`` ("portrait side", "emblem side")."""
    stage = f"ID card ({side})"
    if code in _CARD_WARNINGS:
        zh, en = _CARD_WARNINGS[code]
        return CodeInfo(code, stage, zh, en, True, None, None, SERVICE_TABLE)
    return CodeInfo(
        code,
        stage,
        f"未知告警 {code}",
        f"unknown warning {code}",
        False,
        None,
        None,
        UNKNOWN_SOURCE,
    )


LIVENESS_MODES: Final[dict[int, str]] = {
    0: "unknown 未知",
    1: "digits 数字活体",
    2: "action 动作活体",
    3: "silent 静默活体",
    4: "action + light 一闪活体",
    5: "near-far 远近活体",
}

DOCUMENT_TYPES: Final[dict[int, str]] = {
    0: "mainland resident ID card 二代身份证",
    1: "Hong Kong / Macau / Taiwan residence permit 港澳台居住证",
    2: "other (not a valid identity number) 其他",
}
