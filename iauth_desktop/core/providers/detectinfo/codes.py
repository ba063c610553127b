"""Every result code a reviewer must see explained (shared/spec/result-codes.md).

Codes come from three places: the API envelope's ``errorcode`` (1–14), the final verdict
``yt_errorcode`` and the flow's ``errCode`` (3xx–9xx). ``livestatus`` / ``comparestatus`` carry the
engines' own codes (usually negative): those in the YouTu engines' public documents are explained
from them, labelled as such (``source`` "engine documentation": no source ties that table to this
service in so many words); others are unknown, with the service's own message beside them.
"""

from __future__ import annotations

from iauth_desktop.core.model.codes import (
    ENGINE_DOCUMENTATION,
    SERVICE_TABLE,
    UNKNOWN_SOURCE,
    CodeInfo,
)

__all__ = ["API_CODES", "ENGINE_CODES", "FLOW_CODES", "CodeInfo", "api_error", "explain"]


# code: (stage, zh, en, name)
_API: dict[int, tuple[str, str, str, str]] = {
    1: ("request", "请求不合法，缺少参数", "a required parameter is missing", "HTTP_UNSET_PARAM"),
    2: ("request", "请求不合法，参数格式错误", "a parameter value is invalid", "HTTP_WRONG_PARAM"),
    3: (
        "request",
        "权限验证失败",
        "authorization failed: the signature was rejected (wrong "
        "secret key, appid, apiName, or an expired signature)",
        "HTTP_UNAUTHORIZED",
    ),
    4: ("request", "请求不合法，缺少签名", "the signature header is missing", "HTTP_NOT_SIGNATURE"),
    5: (
        "request",
        "业务请求不合法",
        "business request not allowed: appid or token invalid; "
        "tokens do not cross appids or environments",
        "HTTP_REQUES_ILLEGAL",
    ),
    6: ("request", "数据签名错误", "data signature wrong", "HTTP_DATA_SIF"),
    7: ("request", "未登录", "not logged in", "ERROR_UNLOGIN"),
    8: ("service", "系统错误", "system error on the service's side", "ERROR_SYSTEM"),
    9: (
        "request",
        "未授权接口",
        "the appid is not authorised for this interface",
        "ERROR_API_ACCESS",
    ),
    10: ("request", "超过调用限制", "call quota exceeded", "ERROR_OVER_INTERFACE_LIMIT"),
    11: (
        "token",
        "无效请求",
        "invalid request: the token's result data is no longer kept (it is kept about 3 days)",
        "ERROR_TOKEN_TIME_EXPIRED",
    ),
    12: (
        "token",
        "token超过有效期",
        "past the 2-hour limit of the verification flow (the flow's time limit; the result"
        " data itself is kept about 3 days, see code 11)",
        "ERROR_TOKEN_OVER_TIMELIMIT",
    ),
    13: ("request", "非法转跳URL", "the redirect URL does not match", "ERROR_UNLEGAL_URL"),
    14: (
        "token",
        "无效请求(14)",
        "invalid request: the verification already finished",
        "ERROR_TOKEN_VERIFY_FINISHED",
    ),
}

# code: (stage, zh, en)
_FLOW: dict[int, tuple[str, str, str]] = {
    0: ("—", "成功", "passed"),
    302: ("SMS", "短信验证码发送频率过快", "SMS code: sent too often (rate limit)"),
    303: ("SMS", "短信验证码发送次数超过当日上限", "SMS code: daily limit reached"),
    304: ("SMS", "短信验证码错误", "SMS code: wrong code"),
    305: ("SMS", "短信验证码已过期", "SMS code: the code expired"),
    501: (
        "ID OCR",
        "身份证号码与上传证件号码不符",
        "the ID number does not match the uploaded card",
    ),
    502: ("ID OCR", "证件已过期", "the ID card has expired"),
    503: ("ID OCR", "OCR识别失败", "the card could not be read (OCR failed)"),
    504: ("ID OCR", "输入图片尺寸过大", "the card image is too large"),
    505: ("ID OCR", "传入图片格式不准确", "the card image format is wrong"),
    507: ("ID OCR", "身份证号编码有误", "the ID number is malformed"),
    508: ("ID OCR", "身份证信息识别不全", "the card's details were read incompletely"),
    509: ("ID OCR", "传入图片大小过小", "the card image is too small"),
    510: ("ID OCR", "未识别出姓名", "no name was recognised on the card"),
    511: ("ID OCR", "未识别出身份证号", "no ID number was recognised on the card"),
    512: ("ID OCR", "未检测到身份证", "no ID card was detected in the image"),
    601: (
        "liveness (digits)",
        "调用引擎接口出错",
        "the liveness engine call failed, or frame capture failed",
    ),
    602: (
        "liveness (digits)",
        "视频活体检测没通过",
        "video liveness check failed (also worded 视频实人检测没通过)",
    ),
    603: (
        "liveness (digits)",
        "视频活体比对没通过",
        "video liveness comparison failed (unrefined liveness failure)",
    ),
    604: (
        "compare",
        "没有达到匹配阈值 / 比对相似度未达到通过标准",
        "face similarity below the pass threshold",
    ),
    605: ("compare", "二次验证照片信息拉取为空", "second verification: no reference photo found"),
    606: ("compare", "身份证照片信息拉取失败", "the ID card photo could not be fetched"),
    607: ("liveness (digits)", "视频像素太低", "video resolution too low (suggest another phone)"),
    608: ("liveness (digits)", "视频声音太小", "the voice in the video is too quiet"),
    609: ("liveness (digits)", "嘴唇动作幅度过小", "lip movement too small"),
    610: ("liveness (digits)", "脸部未完整露出", "the face is not fully visible"),
    611: ("liveness (digits)", "声音识别失败", "speech recognition failed"),
    612: ("liveness (digits)", "未检测到声音", "no voice detected"),
    650: ("liveness (action)", "实人检测调用失败", "the liveness (action) engine call failed"),
    651: ("liveness (action)", "疑似非真人录制", "suspected non-live recording"),
    652: ("liveness (action)", "未检测到第一个动作", "the first action was not detected"),
    653: ("liveness (action)", "未检测到闭眼动作", "no eye-closing action detected"),
    654: ("liveness (action)", "未检测到张嘴动作", "no mouth-opening action detected"),
    655: ("liveness (action)", "脸离屏幕太近", "the face is too close to the screen"),
    656: ("liveness (action)", "脸离屏幕太远", "the face is too far from the screen"),
    657: ("liveness (action)", "脸离屏幕太左", "the face is too far left"),
    658: ("liveness (action)", "脸离屏幕太右", "the face is too far right"),
    659: ("liveness (action)", "光线太暗", "the light is too dim"),
    660: ("liveness (action)", "光线太强", "the light is too strong"),
    661: ("liveness (action)", "活体检测未知错误", "unknown liveness detection error"),
    662: (
        "liveness (action)",
        "人脸检测失败，无法提取比对照",
        "face detection failed: no comparison photo could be extracted",
    ),
    663: ("liveness (action)", "未能检测到完整人脸", "no complete face detected"),
    701: ("ID database", "库中无此号", "the ID number is not in the database"),
    702: ("ID database", "接口调用失败", "the ID database call failed"),
    703: ("ID database", "姓名和身份证号不一致", "name and ID number do not match"),
    704: ("ID database", "身份证照片信息拉取失败", "the ID photo could not be fetched"),
    705: (
        "ID database",
        "身份证信息与用户注册信息不一致",
        "the ID details differ from the user's registered details",
    ),
    706: ("ID database", "证照库接口返回错误", "the ID photo database returned an error"),
    707: ("ID database", "身份证号错误", "wrong ID number"),
    708: ("ID database", "姓名错误", "wrong name"),
    821: ("hybrid 1:1", "调用引擎接口出错", "the comparison engine call failed"),
    822: ("hybrid 1:1", "图像比对超时", "image comparison timed out"),
    823: ("hybrid 1:1", "图像比对没有通过", "image comparison failed"),
    824: ("hybrid 1:1", "比对相似度未达到通过标准", "similarity below the pass threshold"),
    825: ("hybrid 1:1", "证件照片信息拉取失败", "the ID photo could not be fetched"),
    826: ("hybrid 1:1", "身份验证没有通过", "identity verification failed"),
    827: ("hybrid 1:1", "未找到与身份信息匹配的照片", "no photo matching the identity was found"),
    901: ("WeChat real name", "实名认证失败", "WeChat real-name verification failed"),
    902: ("WeChat real name", "用户暂未实名认证", "the user has not completed WeChat real-name"),
    903: (
        "WeChat real name",
        "实名信息和微信支付不一致",
        "real-name details differ from WeChat Pay's",
    ),
    905: ("WeChat real name", "微信实名认证未知错误", "unknown WeChat real-name error"),
}

# The engines' codes in livestatus / comparestatus, from the YouTu face-verification documents
# (lip-reading liveness, video-vs-photo comparison). code: (zh, en)
_ENGINE: dict[int, tuple[str, str]] = {
    -4006: ("视频中自拍照特征提取失败", "feature extraction failed on frames from the video"),
    -4007: ("视频中自拍照之间对比失败", "comparison between video frames failed"),
    -4009: ("Card 照片提取特征失败", "feature extraction failed on the reference photo"),
    -4010: ("自拍照与Card照片相似度计算失败", "similarity computation failed"),
    -4011: ("照片解码失败", "photo decode failed"),
    -4012: ("照片人脸检测失败", "no face found in the photo"),
    -4015: ("自拍照人脸检测失败", "no face found in the selfie"),
    -4016: ("自拍照解码失败", "selfie decode failed"),
    -4017: ("Card 照片人脸检测失败", "no face found in the reference photo"),
    -4018: ("Card 照片解码失败", "reference photo decode failed"),
    -5001: ("视频无效，上传文件不符合视频要求", "invalid video (older document: 视频无效)"),
    -5002: ("唇语失败", "lip-reading check failed"),
    -5005: (
        "自拍照解析照片不足，视频里检测到的人脸较少",
        "too few usable face frames in the video (older document: 自拍照解析照片不足)",
    ),
    -5007: ("视频没有声音", "the video has no audio"),
    -5008: (
        "语音识别失败，视频里的人读错数字",
        "speech recognition failed: the digits were read wrongly (older document: 声音识别失败)",
    ),
    -5009: ("视频人脸检测失败，没有嘴或者脸", "no face or mouth detected in the video"),
    -5010: (
        "唇动检测失败，视频里的人嘴巴未张开或者张开幅度小",
        "lip movement too small or none (older document: 唇动失败)",
    ),
    -5011: ("活体检测失败(活体其他错误都归类到里面)", "liveness failed (catch-all)"),
    -5012: ("视频中噪声太大", "too much noise in the video"),
    -5013: ("视频里的声音太小", "the voice in the video is too quiet"),
    -5014: ("活体检测 level 参数无效", "invalid liveness level parameter"),
    -5015: (
        "视频像素太低，最小 270*480",
        "video resolution too low, at least 270×480 (older document: 最小320*480)",
    ),
    -5016: ("视频里的人不是活体（翻拍等攻击）", "not live: a re-recording or another attack"),
    -5801: ("请求缺少身份证号码或身份证姓名", "the ID number or the name is missing"),
    -5802: ("服务器内部错误，服务暂时不可用", "internal error: the service is unavailable"),
    -5803: ("身份证姓名与身份证号码不一致", "the name and the ID number do not match"),
    -5804: ("身份证号码无效", "invalid ID number"),
    -5805: ("用户未输入图像或者 url 下载失败", "no image, or its download failed"),
    -5806: (
        "身份证号码或者身份证姓名格式错误",
        "the ID number or the name is malformed (older document only)",
    ),
    -5807: ("查询身份证信息错误", "the ID lookup failed (older document only)"),
}

FLOW_CODES: tuple[int, ...] = tuple(sorted(_FLOW))
API_CODES: tuple[int, ...] = tuple(sorted(_API))
ENGINE_CODES: tuple[int, ...] = tuple(sorted(_ENGINE))


def api_error(code: int, message: str | None = None) -> CodeInfo:
    """Explain the envelope's ``errorcode`` (1–14)."""
    if code in _API:
        stage, zh, en, name = _API[code]
        return CodeInfo(code, stage, zh, en, True, name, message, SERVICE_TABLE)
    return CodeInfo(
        code,
        "unknown",
        f"未知错误码 {code}",
        f"unknown service error code {code}",
        False,
        "UNKNOWN",
        message,
        UNKNOWN_SOURCE,
    )


def explain(
    code: int, message: str | None = None, *, stage_hint: str | None = None, engine: bool = False
) -> CodeInfo:
    """Explain a result code (``yt_errorcode``, ``errCode``, or a status field's code).

    ``stage_hint`` names the stage for codes no table covers (``livestatus`` → liveness);
    ``engine`` says the code is an engine's (``livestatus`` / ``comparestatus``), so the
    engines' documented codes apply.
    """
    if engine and code in _ENGINE:
        zh, en = _ENGINE[code]
        stage = stage_hint or "engine"
        return CodeInfo(code, stage, zh, en, True, None, message, ENGINE_DOCUMENTATION)
    if code in _FLOW:
        stage, zh, en = _FLOW[code]
        return CodeInfo(code, stage, zh, en, True, None, message, SERVICE_TABLE)
    if 1 <= code <= 14:
        return api_error(code, message)
    return CodeInfo.unknown(code, stage_hint or "unknown", message)
