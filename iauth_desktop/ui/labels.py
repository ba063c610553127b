"""Translated labels for the service's field names, failure stages and verdicts.

Every text is a literal ``QCoreApplication.translate("Labels", ...)`` call so that
``pyside6-lupdate`` extracts it; the dictionaries are rebuilt on each call, so a label always
comes in the language installed at that moment.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def field_label(key: str) -> str:
    """The label of a documented field; an undocumented field keeps its raw key."""
    labels = {
        "name": QCoreApplication.translate("Labels", "Name"),
        "ID": QCoreApplication.translate("Labels", "ID number"),
        "sex": QCoreApplication.translate("Labels", "Sex"),
        "nation": QCoreApplication.translate("Labels", "Ethnicity"),
        "ID_birth": QCoreApplication.translate("Labels", "Date of birth"),
        "ID_address": QCoreApplication.translate("Labels", "Address"),
        "ID_authority": QCoreApplication.translate("Labels", "Issuing authority"),
        "ID_valid_date": QCoreApplication.translate("Labels", "Valid period"),
        "phone": QCoreApplication.translate("Labels", "Phone"),
        "validatedata": QCoreApplication.translate("Labels", "Digits read aloud"),
        "yt_errorcode": QCoreApplication.translate("Labels", "Final result code"),
        "yt_errormsg": QCoreApplication.translate("Labels", "Final result message"),
        "livestatus": QCoreApplication.translate("Labels", "Liveness code"),
        "livemsg": QCoreApplication.translate("Labels", "Liveness message"),
        "comparestatus": QCoreApplication.translate("Labels", "Compare code"),
        "comparemsg": QCoreApplication.translate("Labels", "Compare message"),
        "type": QCoreApplication.translate("Labels", "Verification type"),
        "frontpic": QCoreApplication.translate("Labels", "ID card front"),
        "backpic": QCoreApplication.translate("Labels", "ID card back"),
        "videopic1": QCoreApplication.translate("Labels", "Video frame 1"),
        "videopic2": QCoreApplication.translate("Labels", "Video frame 2"),
        "videopic3": QCoreApplication.translate("Labels", "Video frame 3"),
        "video": QCoreApplication.translate("Labels", "Liveness video"),
    }
    return labels.get(key, key)


def stage_label(stage: str) -> str:
    stages = {
        "request": QCoreApplication.translate("Labels", "request"),
        "service": QCoreApplication.translate("Labels", "service"),
        "token": QCoreApplication.translate("Labels", "token"),
        "SMS": QCoreApplication.translate("Labels", "SMS code"),
        "ID OCR": QCoreApplication.translate("Labels", "ID card OCR"),
        "liveness (digits)": QCoreApplication.translate("Labels", "liveness (digits)"),
        "liveness (action)": QCoreApplication.translate("Labels", "liveness (action)"),
        "liveness": QCoreApplication.translate("Labels", "liveness"),
        "compare": QCoreApplication.translate("Labels", "face compare"),
        "ID database": QCoreApplication.translate("Labels", "ID database"),
        "hybrid 1:1": QCoreApplication.translate("Labels", "hybrid 1:1 compare"),
        "WeChat real name": QCoreApplication.translate("Labels", "WeChat real name"),
        "unknown": QCoreApplication.translate("Labels", "unknown stage"),
        "—": "—",
    }
    return stages.get(stage, stage)


def verdict_label(status: str) -> str:
    verdicts = {
        "passed": QCoreApplication.translate("Labels", "Passed"),
        "failed": QCoreApplication.translate("Labels", "Failed"),
        "incomplete": QCoreApplication.translate("Labels", "Incomplete"),
    }
    return verdicts.get(status, status)


def verification_type_label(value: int | None) -> str:
    if value == 0:
        return QCoreApplication.translate("Labels", "first verification")
    if value == 1:
        return QCoreApplication.translate("Labels", "second verification")
    return QCoreApplication.translate("Labels", "verification type not given")
