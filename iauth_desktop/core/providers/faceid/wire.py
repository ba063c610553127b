"""FaceID's wire names: the action, the answer's sections and keys, where each medium sits.

``GetDetectInfoEnhanced`` (version 2018-03-01) answers ``{"Response": {...}}`` with sections
``Text``, ``IdCardData``, ``BestFrame``, ``VideoData`` (any of them may be null), the
encryption echo and ``EncryptedBody`` when the answer was encrypted, and ``RequestId``.
"""

from __future__ import annotations

from typing import Final

from iauth_desktop.core.model.result import FieldRole, MediaRole, MediaSlot

PROVIDER: Final = "faceid"
SERVICE: Final = "faceid"
ACTION: Final = "GetDetectInfoEnhanced"
API_VERSION: Final = "2018-03-01"

# request keys
BIZ_TOKEN: Final = "BizToken"  # noqa: S105 - a key's name
RULE_ID: Final = "RuleId"
INFO_TYPE: Final = "InfoType"
BEST_FRAMES_COUNT: Final = "BestFramesCount"
IS_CUT_ID_CARD_IMAGE: Final = "IsCutIdCardImage"
IS_NEED_ID_CARD_AVATAR: Final = "IsNeedIdCardAvatar"
IS_ENCRYPT_RESPONSE: Final = "IsEncryptResponse"
IS_RETURN_ALL_VIDEO: Final = "IsReturnAllVideo"

# answer sections
RESPONSE: Final = "Response"
ERROR: Final = "Error"
TEXT: Final = "Text"
ID_CARD_DATA: Final = "IdCardData"
BEST_FRAME: Final = "BestFrame"
VIDEO_DATA: Final = "VideoData"
ENCRYPTION: Final = "Encryption"
ENCRYPTED_BODY: Final = "EncryptedBody"
REQUEST_ID: Final = "RequestId"
SECTIONS: Final = (TEXT, ID_CARD_DATA, BEST_FRAME, VIDEO_DATA)

# Encryption's keys
ENCRYPT_LIST: Final = "EncryptList"
CIPHERTEXT_BLOB: Final = "CiphertextBlob"
IV: Final = "Iv"
ALGORITHM: Final = "Algorithm"
TAG_LIST: Final = "TagList"
WHOLE_BODY: Final = "EncryptionBody"  # EncryptList's word for "the whole answer"
ENCRYPTABLE_FIELDS: Final = ("IdCard", "Name", "OcrIdCard", "OcrName")  # in Text

# Text: stage codes (code key, message key)
ERR_CODE: Final = "ErrCode"
ERR_MSG: Final = "ErrMsg"
LIVE_STATUS: Final = "LiveStatus"
LIVE_MSG: Final = "LiveMsg"
COMPARE_STATUS: Final = "Comparestatus"
COMPARE_MSG: Final = "Comparemsg"
SIM: Final = "Sim"
LIVENESS_MODE: Final = "LivenessMode"
LIVENESS_DETAIL: Final = "LivenessDetail"
USE_ID_TYPE: Final = "UseIDType"
ID_INFO_FROM: Final = "IdInfoFrom"
COMPARE_LIB_TYPE: Final = "CompareLibType"

# one LivenessDetail entry
DETAIL_TIME: Final = "ReqTime"
DETAIL_SEQ: Final = "Seq"
DETAIL_ID: Final = "Idcard"
DETAIL_NAME: Final = "Name"
DETAIL_SIM: Final = "Sim"
DETAIL_CHARGED: Final = "IsNeedCharge"
DETAIL_CODES: Final = (
    ("final", "Errcode", "Errmsg"),
    ("liveness", "Livestatus", "Livemsg"),
    ("compare", "Comparestatus", "Comparemsg"),
)
DETAIL_LIB: Final = "CompareLibType"
DETAIL_MODE: Final = "LivenessMode"

# IdCardData warnings
WARN_FRONT: Final = "WarnInfos"
WARN_BACK: Final = "BackWarnInfos"

# Text key -> identity role, in the order the console shows them (the OCR's reading of the
# card beside the name and number the verification used)
IDENTITY_KEYS: Final[dict[str, FieldRole]] = {
    "Name": FieldRole.NAME,
    "IdCard": FieldRole.ID_NUMBER,
    "OcrName": FieldRole.NAME,
    "OcrIdCard": FieldRole.ID_NUMBER,
    "OcrGender": FieldRole.SEX,
    "OcrNation": FieldRole.NATION,
    "OcrBirth": FieldRole.BIRTH_DATE,
    "OcrAddress": FieldRole.ADDRESS,
    "OcrAuthority": FieldRole.AUTHORITY,
    "OcrValidDate": FieldRole.VALID_PERIOD,
    "Mobile": FieldRole.PHONE,
}

MAX_BEST_FRAMES: Final = 10
MAX_VIDEOS: Final = 10  # LivenessVideos shown; more are kept in case.json as sent


def _slots() -> tuple[MediaSlot, ...]:
    slots = [
        MediaSlot("OcrFront", MediaRole.ID_FRONT, 1, (ID_CARD_DATA, "OcrFront")),
        MediaSlot("OcrBack", MediaRole.ID_BACK, 1, (ID_CARD_DATA, "OcrBack")),
        MediaSlot(
            "ProcessedFrontImage", MediaRole.ID_FRONT, 2, (ID_CARD_DATA, "ProcessedFrontImage")
        ),
        MediaSlot("ProcessedBackImage", MediaRole.ID_BACK, 2, (ID_CARD_DATA, "ProcessedBackImage")),
        MediaSlot("Avatar", MediaRole.AVATAR, 1, (ID_CARD_DATA, "Avatar")),
        MediaSlot("BestFrame", MediaRole.FRAME, 1, (BEST_FRAME, "BestFrame")),
    ]
    slots += [
        MediaSlot(f"BestFrames_{i + 1}", MediaRole.FRAME, i + 2, (BEST_FRAME, "BestFrames", i))
        for i in range(MAX_BEST_FRAMES)
    ]
    slots.append(MediaSlot("LivenessVideo", MediaRole.VIDEO, 1, (VIDEO_DATA, "LivenessVideo")))
    slots += [
        MediaSlot(
            f"LivenessVideos_{i + 1}",
            MediaRole.VIDEO,
            i + 2,
            (VIDEO_DATA, "LivenessVideos", i, "Video"),
        )
        for i in range(MAX_VIDEOS)
    ]
    return tuple(slots)


MEDIA_SLOTS: Final = _slots()

# Keys each section's documents name (anything else is an extra field, shown as sent)
DOCUMENTED: Final[dict[str, frozenset[str]]] = {
    TEXT: frozenset(
        (
            *IDENTITY_KEYS,
            ERR_CODE,
            ERR_MSG,
            LIVE_STATUS,
            LIVE_MSG,
            COMPARE_STATUS,
            COMPARE_MSG,
            SIM,
            LIVENESS_MODE,
            LIVENESS_DETAIL,
            USE_ID_TYPE,
        )
    ),
    ID_CARD_DATA: frozenset(
        (
            "OcrFront",
            "OcrBack",
            "ProcessedFrontImage",
            "ProcessedBackImage",
            "Avatar",
            WARN_FRONT,
            WARN_BACK,
        )
    ),
    BEST_FRAME: frozenset(("BestFrame", "BestFrames")),
    VIDEO_DATA: frozenset(("LivenessVideo",)),
}
TOP_DOCUMENTED: Final = frozenset((*SECTIONS, REQUEST_ID))
