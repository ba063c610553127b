"""The report's fixed wording: English with Chinese beside it, so one PDF serves every reader.

An auditor may read either language; unlike the console the report is not translated at run
time (core texts — codes, checks — already carry both languages).
"""

from __future__ import annotations

from datetime import UTC, datetime

from iauth_desktop.core.model.result import FieldRole, MediaRole

FIELD_LABELS: dict[str, str] = {
    FieldRole.NAME: "Name 姓名",
    FieldRole.ID_NUMBER: "ID number 身份证号",
    FieldRole.SEX: "Sex 性别",
    FieldRole.NATION: "Ethnicity 民族",
    FieldRole.BIRTH_DATE: "Date of birth 出生日期",
    FieldRole.ADDRESS: "Address 住址",
    FieldRole.AUTHORITY: "Issuing authority 签发机关",
    FieldRole.VALID_PERIOD: "Valid period 有效期限",
    FieldRole.PHONE: "Phone 手机号",
}

MEDIA_LABELS: dict[MediaRole, str] = {
    MediaRole.ID_FRONT: "ID card front 身份证人像面",
    MediaRole.ID_BACK: "ID card back 身份证国徽面",
    MediaRole.AVATAR: "ID card portrait 证件头像",
    MediaRole.FRAME: "Video frame {n} 视频截图{n}",
    MediaRole.VIDEO: "Liveness video 活体视频",
}

VERDICTS: dict[str, str] = {
    "passed": "PASSED 通过",
    "failed": "FAILED 未通过",
    "incomplete": "INCOMPLETE 结果不完整",
}

CHECK_NAMES: dict[str, str] = {
    "check_digit": "Check digit 校验位",
    "birth_date": "Birth date 出生日期",
    "sex": "Sex 性别",
    "validity": "Validity 有效期",
    "age": "Age 年龄",
}

CHECK_STATUS: dict[str, str] = {
    "ok": "OK 正常",
    "warning": "WARNING 警告",
    "unknown": "UNKNOWN 未知",
}

ENVIRONMENTS: dict[str, str] = {
    "test": "test 测试环境",
    "sandbox": "sandbox 沙箱环境",
    "production": "production 正式环境",
    "loopback": "loopback (emulator) 本机模拟器",
    "custom": "custom endpoint 自定义地址",
}

ACTIONS: dict[str, str] = {"approve": "批准", "reject": "拒绝", "escalate": "上报"}

REASONS: dict[str, str] = {
    "id_mismatch": "证件不符",
    "id_expired": "证件过期",
    "liveness_doubt": "活体存疑",
    "face_mismatch": "人脸不符",
    "poor_quality": "质量不佳",
    "suspected_fraud": "疑似欺诈",
    "other": "其他",
}

MODES: dict[str, str] = {
    "full": "everything, with media 全部信息（含图片视频）",
    "text_only": "text only 仅文字信息",
}

VERIFICATION_TYPES: dict[int, str] = {
    0: "0 — first verification 首次核验",
    1: "1 — second verification 二次核验",
}


def field_label(role: str | None, key: str) -> str:
    """An identity field's label by its role; a field the provider does not name, its key."""
    return FIELD_LABELS.get(role, key) if role is not None else key


def media_label(role: MediaRole, index: int) -> str:
    return MEDIA_LABELS[role].format(n=index)


def format_time(moment: datetime | None) -> str:
    """``2026-11-23 21:00:00 UTC (local 2026-11-24 05:00:00 +0800)``: UTC is what an auditor
    compares; local time is what the reviewer saw."""
    if moment is None:
        return "unknown 未知"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    utc = moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    local = moment.astimezone().strftime("%Y-%m-%d %H:%M:%S %z")
    return f"{utc} (local {local})"


def format_ms(ms: int) -> str:
    return f"{ms / 1000:.2f} s"
