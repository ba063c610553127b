"""Translated labels for identity fields, media, stages, failure stages and verdicts.

Every text is a literal ``QCoreApplication.translate("Labels", ...)`` call so that
``pyside6-lupdate`` extracts it; the dictionaries are rebuilt on each call, so a label always
comes in the language installed at that moment.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from iauth_desktop.core.model.result import FieldRole, MediaRole, MediaSlot, Stage


def role_label(role: FieldRole | str) -> str:
    """The label of an identity field by its role; anything else is shown as it is."""
    labels = {
        FieldRole.NAME: QCoreApplication.translate("Labels", "Name"),
        FieldRole.ID_NUMBER: QCoreApplication.translate("Labels", "ID number"),
        FieldRole.SEX: QCoreApplication.translate("Labels", "Sex"),
        FieldRole.NATION: QCoreApplication.translate("Labels", "Ethnicity"),
        FieldRole.BIRTH_DATE: QCoreApplication.translate("Labels", "Date of birth"),
        FieldRole.ADDRESS: QCoreApplication.translate("Labels", "Address"),
        FieldRole.AUTHORITY: QCoreApplication.translate("Labels", "Issuing authority"),
        FieldRole.VALID_PERIOD: QCoreApplication.translate("Labels", "Valid period"),
        FieldRole.PHONE: QCoreApplication.translate("Labels", "Phone"),
        FieldRole.CHALLENGE: QCoreApplication.translate("Labels", "Digits read aloud"),
    }
    return labels.get(role, str(role))  # type: ignore[call-overload]


def stage_code_label(stage: Stage) -> str:
    labels = {
        Stage.FINAL: QCoreApplication.translate("Labels", "Final result code"),
        Stage.LIVENESS: QCoreApplication.translate("Labels", "Liveness code"),
        Stage.COMPARE: QCoreApplication.translate("Labels", "Compare code"),
    }
    return labels[stage]


def media_label(slot: MediaSlot) -> str:
    """``ID card front``, ``Video frame 2``, ``Liveness video``…"""
    if slot.role is MediaRole.ID_FRONT:
        return QCoreApplication.translate("Labels", "ID card front")
    if slot.role is MediaRole.ID_BACK:
        return QCoreApplication.translate("Labels", "ID card back")
    if slot.role is MediaRole.AVATAR:
        return QCoreApplication.translate("Labels", "Portrait from the ID card")
    if slot.role is MediaRole.VIDEO:
        return QCoreApplication.translate("Labels", "Liveness video")
    return QCoreApplication.translate("Labels", "Video frame %1").replace("%1", str(slot.index))


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
