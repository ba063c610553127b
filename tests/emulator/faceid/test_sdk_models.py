"""The emulator's answers read back through the SDK's own models, with no warning: so the
emulator speaks the API the SDK knows, not merely what our client expects."""

from __future__ import annotations

import warnings

import pytest
from tencentcloud.faceid.v20180301.models import GetDetectInfoEnhancedResponse

from iauth_desktop.core.providers.faceid.encryption import (
    EncryptionMode,
    RequestEncryption,
    load_public_key,
)
from iauth_desktop.emulator.faceid.demo import CASE_TOKENS, DEMO_RULE_ID
from iauth_desktop.emulator.faceid.server import FaceIdEmulator
from tests.faceid_servers import sdk_client

ANSWERED = [name for name in CASE_TOKENS if name != "expired"]


def fetch(server: FaceIdEmulator, name: str, encryption: EncryptionMode | None) -> dict:
    params: dict = {
        "BizToken": CASE_TOKENS[name],
        "RuleId": DEMO_RULE_ID,
        "InfoType": "0",
        "BestFramesCount": 2,
    }
    if encryption is not None:
        sealed = RequestEncryption.new(load_public_key(server.public_key), encryption)
        params.update(sealed.request_fields())
    return sdk_client(server).call_json("GetDetectInfoEnhanced", params)["Response"]


# Every answered case in every encryption; the ``encrypted`` case answers only encrypted.
COMBINATIONS = [
    (name, mode)
    for name in ANSWERED
    for mode in (None, EncryptionMode.RESPONSE, EncryptionMode.FIELDS)
    if not (name == "encrypted" and mode is None)
]


@pytest.mark.parametrize(("name", "encryption"), COMBINATIONS)
def test_every_answer_reads_through_the_sdk_model_without_a_warning(
    faceid_server: FaceIdEmulator, name: str, encryption: EncryptionMode | None
) -> None:
    answer = fetch(faceid_server, name, encryption)
    model = GetDetectInfoEnhancedResponse()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model._deserialize(answer)
    assert model.RequestId == answer["RequestId"]
    if encryption is EncryptionMode.RESPONSE:
        assert model.EncryptedBody and model.Text is None
        assert model.Encryption.Algorithm == "AES-256-CBC"
    else:
        assert model.Text.ErrCode == answer["Text"]["ErrCode"]
        assert len(model.Text.LivenessDetail) == len(answer["Text"]["LivenessDetail"])
        assert model.BestFrame.BestFrames is not None and len(model.BestFrame.BestFrames) == 2


def test_an_unknown_field_makes_the_sdk_model_warn_and_drop_it(
    make_faceid_server,
) -> None:
    """Why the client calls call_json: the typed model would lose what it does not know."""
    server = make_faceid_server(fault="extra-fields")
    answer = fetch(server, "passed", None)
    model = GetDetectInfoEnhancedResponse()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model._deserialize(answer)
    said = " ".join(str(w.message) for w in caught)
    assert "RiskLevel2026" in said  # Text's unknown field: warned about, then dropped
    assert not hasattr(model.Text, "RiskLevel2026")
    assert not hasattr(model, "LivenessReviewNote2026")  # the Response's: dropped silently
