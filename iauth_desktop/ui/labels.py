"""Translated labels for the service's field names, failure stages and verdicts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

_CONTEXT = "Labels"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def field_label(key: str) -> str:
    """The label of a documented field; an undocumented field keeps its raw key."""
    labels = {
        "name": _tr("Name"),
        "ID": _tr("ID number"),
        "sex": _tr("Sex"),
        "nation": _tr("Ethnicity"),
        "ID_birth": _tr("Date of birth"),
        "ID_address": _tr("Address"),
        "ID_authority": _tr("Issuing authority"),
        "ID_valid_date": _tr("Valid period"),
        "phone": _tr("Phone"),
        "validatedata": _tr("Digits read aloud"),
        "yt_errorcode": _tr("Final result code"),
        "yt_errormsg": _tr("Final result message"),
        "livestatus": _tr("Liveness code"),
        "livemsg": _tr("Liveness message"),
        "comparestatus": _tr("Compare code"),
        "comparemsg": _tr("Compare message"),
        "type": _tr("Verification type"),
        "frontpic": _tr("ID card front"),
        "backpic": _tr("ID card back"),
        "videopic1": _tr("Video frame 1"),
        "videopic2": _tr("Video frame 2"),
        "videopic3": _tr("Video frame 3"),
        "video": _tr("Liveness video"),
    }
    return labels.get(key, key)


def stage_label(stage: str) -> str:
    stages = {
        "request": _tr("request"),
        "service": _tr("service"),
        "token": _tr("token"),
        "SMS": _tr("SMS code"),
        "ID OCR": _tr("ID card OCR"),
        "liveness (digits)": _tr("liveness (digits)"),
        "liveness (action)": _tr("liveness (action)"),
        "liveness": _tr("liveness"),
        "compare": _tr("face compare"),
        "ID database": _tr("ID database"),
        "hybrid 1:1": _tr("hybrid 1:1 compare"),
        "WeChat real name": _tr("WeChat real name"),
        "unknown": _tr("unknown stage"),
        "—": "—",
    }
    return stages.get(stage, stage)


def verdict_label(status: str) -> str:
    verdicts = {
        "passed": _tr("Passed"),
        "failed": _tr("Failed"),
        "incomplete": _tr("Incomplete"),
    }
    return verdicts.get(status, status)


def verification_type_label(value: int | None) -> str:
    if value == 0:
        return _tr("first verification")
    if value == 1:
        return _tr("second verification")
    return _tr("verification type not given")
