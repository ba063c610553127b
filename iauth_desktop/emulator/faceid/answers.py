"""What the FaceID emulator answers: a demo case's ``Response`` object for the asked-for parts,
encrypted as the request asks (whole answer or the name and ID fields), or an API error."""

from __future__ import annotations

import base64
import binascii
import json
import threading
import uuid
from typing import Any

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad

from iauth_desktop.emulator.detectinfo.media import MIB, demo_file, padded_mp4
from iauth_desktop.emulator.faceid.demo import FRAME_FILES, DemoCase
from iauth_desktop.emulator.faceid.keys import unwrap_key

AES_CBC = "AES-256-CBC"
SM4_GCM = "SM4-GCM"
FIELD_NAMES = ("IdCard", "Name", "OcrIdCard", "OcrName")
WHOLE = "EncryptionBody"


class ApiError(Exception):
    """An answer of ``{"Response": {"Error": ...}}``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code)
        self.code = code
        self.message = message


def error_response(code: str, message: str) -> dict[str, Any]:
    return {"Response": {"Error": {"Code": code, "Message": message}, "RequestId": request_id()}}


def request_id() -> str:
    return str(uuid.uuid4())


class AnswerBuilder:
    """Base64 media cached per file (a huge video is encoded once)."""

    def __init__(self, huge_video_mib: int | None = None) -> None:
        self.huge_video_mib = huge_video_mib
        self._cache: dict[str, str] = {}
        self._lock = threading.Lock()

    def medium(self, name: str) -> str:
        with self._lock:
            if name not in self._cache:
                data = demo_file(name)
                if name.startswith("video") and name.endswith(".mp4") and self.huge_video_mib:
                    data = padded_mp4(data, self.huge_video_mib * MIB)
                self._cache[name] = base64.b64encode(data).decode("ascii")
            return self._cache[name]

    def _attempt_videos(self, case: DemoCase) -> list[dict[str, Any]] | None:
        """Every attempt's video (asked with IsReturnAllVideo): the demo clip for each."""
        attempts = case.text.get("LivenessDetail") or []
        if not attempts or "LivenessVideo" not in case.media:
            return None
        clip = self.medium(case.media["LivenessVideo"])
        return [{"Seq": attempt.get("Seq"), "Video": clip} for attempt in attempts]

    def answer(
        self, case: DemoCase, params: dict[str, Any], *, sm4_label: bool = False
    ) -> dict[str, Any]:
        """The Response object (with a fresh RequestId) for ``params``."""
        parts = str(params.get("InfoType") or "0")
        every = "0" in parts
        frames = int(params.get("BestFramesCount") or 0)
        media = case.media
        card: dict[str, Any] | None = None
        if every or "2" in parts:
            card = {
                "OcrFront": self.medium(media["OcrFront"]) if "OcrFront" in media else None,
                "OcrBack": self.medium(media["OcrBack"]) if "OcrBack" in media else None,
                "ProcessedFrontImage": None,
                "ProcessedBackImage": None,
                "Avatar": None,
                "WarnInfos": list(case.warnings) if case.warnings else None,
                "BackWarnInfos": None,
            }
        best: dict[str, Any] | None = None
        if every or "3" in parts:
            best = {
                "BestFrame": self.medium(media["BestFrame"]) if "BestFrame" in media else "",
                "BestFrames": [
                    self.medium(FRAME_FILES[i % len(FRAME_FILES)]) for i in range(frames)
                ]
                or None,
            }
        video: dict[str, Any] | None = None
        if every or "4" in parts:
            video = {
                "LivenessVideo": self.medium(media["LivenessVideo"])
                if "LivenessVideo" in media
                else "",
                "LivenessVideos": self._attempt_videos(case)
                if params.get("IsReturnAllVideo") is True
                else None,
            }
        fields: dict[str, Any] = {
            "Text": dict(case.text) if every or "1" in parts else None,
            "IdCardData": card,
            "BestFrame": best,
            "VideoData": video,
        }
        answer = {
            **fields,
            "Encryption": None,
            "IntentionVerifyData": None,
            "IntentionQuestionResult": None,
            "IntentionActionResult": None,
            "EncryptedBody": "",
            "IsVerifyIntention": False,
            "IntentionVerifyType": "",
        }
        encryption = params.get("Encryption")
        if encryption is not None:
            self._encrypt(
                answer,
                encryption,
                whole=params.get("IsEncryptResponse") is True,
                sm4_label=sm4_label,
            )
        answer["RequestId"] = request_id()
        return answer

    def _encrypt(
        self, answer: dict[str, Any], encryption: Any, *, whole: bool, sm4_label: bool
    ) -> None:
        if not isinstance(encryption, dict):
            raise ApiError("InvalidParameter", "Encryption 格式不正确")
        algorithm = encryption.get("Algorithm") or AES_CBC
        if algorithm != AES_CBC:
            raise ApiError("InvalidParameterValue", f"emulator: {algorithm} is not emulated")
        key = unwrap_key(str(encryption.get("CiphertextBlob") or ""))
        if key is None:
            raise ApiError(
                "FailedOperation.DecryptSystemError", "解密系统错误：CiphertextBlob 无法解开"
            )
        iv = read_iv(encryption.get("Iv"))
        if iv is None:
            raise ApiError("InvalidParameterValue", "Iv 须为16个字符")
        names = encryption.get("EncryptList")
        names = names if isinstance(names, list) else []
        echo = {
            "EncryptList": names,
            "CiphertextBlob": encryption.get("CiphertextBlob"),
            "Iv": encryption.get("Iv"),
            "Algorithm": SM4_GCM if sm4_label else AES_CBC,
            "TagList": None,
        }
        if whole or WHOLE in names:
            sealed = {k: answer[k] for k in ("Text", "IdCardData", "BestFrame", "VideoData")}
            plain = json.dumps(sealed, ensure_ascii=False).encode("utf-8")
            for k in sealed:
                answer[k] = None
            answer["EncryptedBody"] = _seal(key, iv, plain)
        else:
            text = answer.get("Text")
            if isinstance(text, dict):
                for name in names:
                    if name in FIELD_NAMES and isinstance(text.get(name), str) and text[name]:
                        text[name] = _seal(key, iv, text[name].encode("utf-8"))
        answer["Encryption"] = echo


def read_iv(value: Any) -> bytes | None:
    """The IV as the SDK documents it (16 characters: their bytes), or as Base64 of 16 bytes."""
    if not isinstance(value, str):
        return None
    if len(value) == 16 and value.isascii():
        return value.encode("ascii")
    try:
        decoded = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    return decoded if len(decoded) == 16 else None


def _seal(key: bytes, iv: bytes, plain: bytes) -> str:
    return base64.b64encode(AES.new(key, AES.MODE_CBC, iv).encrypt(pad(plain, 16))).decode("ascii")
