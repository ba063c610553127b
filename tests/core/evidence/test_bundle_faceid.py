"""A FaceID case in an evidence bundle: case.json is the answer as received (decrypted), each
medium replaced by its file's name at its place; reading it back gives the same result."""

from __future__ import annotations

import json
from pathlib import Path

from iauth_desktop.core.config.credentials import Credentials
from iauth_desktop.core.evidence.bundle import read_bundle, write_bundle
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.registry import get_spec
from iauth_desktop.emulator.faceid.demo import CASE_TOKENS, DEMO_SECRET_ID, DEMO_SECRET_KEY
from iauth_desktop.emulator.faceid.server import FaceIdEmulator


def test_a_faceid_bundle_round_trips(tmp_path: Path) -> None:
    with FaceIdEmulator() as server:
        creds = Credentials(
            server.url,
            DEMO_SECRET_ID,
            DEMO_SECRET_KEY,
            None,
            None,
            provider="faceid",
            rule_id="1",
            rsa_public_key=server.public_key,
            encryption="response",
        )
        outcome = (
            get_spec("faceid")
            .connect(creds, ClientOptions())
            .fetch(CASE_TOKENS["liveness-retries"], FetchMode.FULL)
        )
    target = write_bundle(
        outcome.result,
        tmp_path / "case",
        token=outcome.token,
        endpoint=outcome.endpoint,
        mode=outcome.mode,
        request=outcome.request,
        fetched_at=outcome.fetched_at,
        tool_version="test",
    )
    manifest = json.loads((target / "manifest.json").read_text())
    assert manifest["provider"] == "faceid"
    assert manifest["request"]["IsEncryptResponse"] is True
    assert {
        "OcrFront.jpg",
        "OcrBack.jpg",
        "BestFrame.jpg",
        "BestFrames_3.jpg",
        "LivenessVideo.mp4",
    } <= set(manifest["files"])
    case = json.loads((target / "case.json").read_text())
    assert case["IdCardData"]["OcrFront"] == "OcrFront.jpg"
    assert case["BestFrame"]["BestFrames"] == [
        "BestFrames_1.jpg",
        "BestFrames_2.jpg",
        "BestFrames_3.jpg",
    ]
    assert case["VideoData"]["LivenessVideo"] == "LivenessVideo.mp4"
    assert case["Text"]["LivenessDetail"][0]["Errcode"] == 1102  # as received, decrypted
    assert "EncryptedBody" not in case
    loaded = read_bundle(target)
    assert loaded.check.ok
    again = loaded.result()
    assert again.verdict == outcome.result.verdict
    assert again.attempts == outcome.result.attempts
    assert set(again.media) == set(outcome.result.media)
    assert again.evidence_complete(FetchMode.FULL) is True
    assert again.case_object({s: f"{s}.x" for s in again.media}).keys() == case.keys()
