"""FaceID's answer read into the neutral model: nulls, "" and odd types taken in stride."""

from __future__ import annotations

import base64
import json

import pytest
from Crypto.Cipher import AES
from Crypto.PublicKey import RSA

from iauth_desktop.core.model.errors import (
    Base64DecodeError,
    CorruptCiphertextError,
    DecryptionError,
    PaddingError,
)
from iauth_desktop.core.model.result import MEDIA_PLACEHOLDER, FetchMode, Stage
from iauth_desktop.core.providers.faceid.encryption import (
    EncryptionMode,
    RequestEncryption,
)
from iauth_desktop.core.providers.faceid.fields import interpret
from iauth_desktop.core.providers.faceid.media import split_media

JPEG = b"\xff\xd8\xff\xe0" + b"0" * 40 + b"\xff\xd9"


def answer(**text: object) -> dict:
    return {
        "Text": {"ErrCode": 0, "ErrMsg": "成功", "LiveStatus": "0", "Comparestatus": None, **text},
        "IdCardData": None,
        "BestFrame": {"BestFrame": base64.b64encode(JPEG).decode(), "BestFrames": [""]},
        "VideoData": {"LivenessVideo": None},
        "RequestId": "r-1",
    }


def test_nulls_and_strings_read_as_the_neutral_result() -> None:
    raw = answer(Sim="", LivenessDetail=None, UseIDType=1, Mobile="13800138000")
    media = split_media(raw)
    result = interpret(raw, media, {"InfoType": "0"})
    assert result.verdict.status == "passed"
    assert result.stage(Stage.COMPARE).sent is False  # null: not sent
    assert result.similarity is None and result.attempts == ()
    assert "Hong Kong" in result.document_type
    assert set(media) == {"BestFrame"} and raw["BestFrame"]["BestFrame"] is MEDIA_PLACEHOLDER
    assert result.identity["phone"] == "13800138000"
    problems = dict(result.evidence_problems(FetchMode.FULL))
    assert "LivenessVideo" in problems  # a full fetch must carry the video


def test_an_unreadable_final_code_is_incomplete_never_passed() -> None:
    result = interpret(answer(ErrCode="n/a"))
    assert result.verdict.status == "incomplete"


def test_extras_are_flat_and_keep_their_values() -> None:
    raw = answer(Extra="biz-42", RiskLevel2026={"level": 2})
    raw["NewTop"] = [1, 2]
    extras = interpret(raw).extra_fields
    assert extras == {"Text.Extra": "biz-42", "Text.RiskLevel2026": {"level": 2}, "NewTop": [1, 2]}


def test_the_case_object_puts_file_names_back_at_depth() -> None:
    raw = answer()
    media = split_media(raw)
    result = interpret(raw, media)
    assert result.has_media_file("BestFrame")
    case = result.case_object({"BestFrame": "BestFrame.jpg"})
    assert case["BestFrame"]["BestFrame"] == "BestFrame.jpg"
    assert case["BestFrame"]["BestFrames"] == [""]
    json.dumps(case)  # no placeholder left


def test_a_medium_that_is_not_base64_is_kept_as_text() -> None:
    raw = answer()
    raw["IdCardData"] = {"OcrFront": "not base64!"}
    media = split_media(raw)
    assert media["OcrFront"].error and media["OcrFront"].raw_text == "not base64!"


@pytest.fixture(scope="module")
def sealed() -> RequestEncryption:
    return RequestEncryption.new(RSA.generate(1024).public_key(), EncryptionMode.RESPONSE)


def test_decryption_failures_are_exit_5(sealed: RequestEncryption) -> None:
    with pytest.raises(Base64DecodeError):
        sealed.decrypt("***", "EncryptedBody")
    with pytest.raises(CorruptCiphertextError):
        sealed.decrypt(base64.b64encode(b"x" * 15).decode(), "EncryptedBody")
    # a text whose last byte is 0 is never valid PKCS#7 (random bytes were, one time in ~256)
    unpadded = AES.new(sealed.key, AES.MODE_CBC, sealed.iv).encrypt(b"x" * 31 + b"\x00")
    with pytest.raises(PaddingError):
        sealed.decrypt(base64.b64encode(unpadded).decode(), "EncryptedBody")
    with pytest.raises(DecryptionError, match="SM4-GCM"):
        sealed.open_answer({"Encryption": {"Algorithm": "SM4-GCM"}, "EncryptedBody": "AAAA"})
    with pytest.raises(DecryptionError, match="no EncryptedBody"):
        sealed.open_answer({"Text": {}})
    assert all(e.exit_code == 5 for e in (PaddingError(""), CorruptCiphertextError("")))


def test_the_key_is_never_shown(sealed: RequestEncryption) -> None:
    assert "key=<hidden>" in repr(sealed)
    assert sealed.wrapped_key not in json.dumps(sealed.record())
