"""The FaceID provider through the SDK against the emulator over HTTP: every case, every error
class, encrypted answers (both readings of the IV), cancel, the CA bundle, quiet logs."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
from Crypto.PublicKey import RSA

from iauth_desktop.core.config.credentials import Credentials
from iauth_desktop.core.model.errors import (
    CancelledError,
    DecryptionError,
    HttpStatusError,
    IauthError,
    MalformedResponseError,
    MissingCredentialsError,
    NetworkError,
    ServiceError,
    TokenGone,
    UsageError,
)
from iauth_desktop.core.model.result import FetchMode, MediaRole, Stage
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.faceid.encryption import IvReading
from iauth_desktop.core.providers.faceid.provider import FaceIdProvider
from iauth_desktop.core.providers.registry import get_spec
from iauth_desktop.emulator.faceid.demo import CASE_TOKENS, DEMO_SECRET_ID, DEMO_SECRET_KEY
from iauth_desktop.emulator.faceid.server import FaceIdEmulator

FAST = ClientOptions(backoff=0.01, retries=1, connect_timeout=2, read_timeout=5)


def provider(
    server: FaceIdEmulator | str,
    *,
    secret_id: str = DEMO_SECRET_ID,
    secret_key: str = DEMO_SECRET_KEY,
    rule_id: str = "1",
    encryption: str | None = None,
    public_key: str | None = None,
    options: ClientOptions = FAST,
    parts: str | None = None,
) -> FaceIdProvider:
    url = server if isinstance(server, str) else server.url
    key = public_key or (None if isinstance(server, str) else server.public_key)
    creds = Credentials(
        url,
        secret_id,
        secret_key,
        None,
        None,
        provider="faceid",
        rule_id=rule_id,
        rsa_public_key=key,
        encryption=encryption,
        info_parts=parts,
    )
    made = get_spec("faceid").connect(creds, options)
    assert isinstance(made, FaceIdProvider)
    return made


def test_a_passed_case_reads_into_the_neutral_result(faceid_server: FaceIdEmulator) -> None:
    outcome = provider(faceid_server).fetch(CASE_TOKENS["passed"], FetchMode.FULL)
    result = outcome.result
    assert result.provider == "faceid" and result.verdict.status == "passed"
    assert result.similarity == pytest.approx(95.21)
    assert result.identity["id_number"] == "990101199005171231"
    assert result.document_type.startswith("mainland resident ID card")
    assert [a.billed for a in result.attempts] == [True]
    assert {m.field for m in result.media_for(MediaRole.FRAME)} == {
        "BestFrame",
        "BestFrames_1",
        "BestFrames_2",
        "BestFrames_3",
    }
    assert result.video is not None and result.video.mime == "video/mp4"
    assert result.evidence_complete(FetchMode.FULL) is True
    assert outcome.response_bytes > 100_000 and outcome.attempts == 1
    assert outcome.request["InfoType"] == "0" and "BizToken" not in outcome.request


def test_similarity_below_threshold_is_a_compare_failure(faceid_server: FaceIdEmulator) -> None:
    result = provider(faceid_server).fetch(CASE_TOKENS["compare-2016"], FetchMode.FULL).result
    assert result.verdict.status == "failed"
    compare = result.stage(Stage.COMPARE)
    assert compare is not None and compare.code == 2016 and compare.info is not None
    assert "similarity below" in compare.info.en
    assert result.similarity == pytest.approx(52.3)


def test_every_liveness_attempt_is_kept_with_its_codes(faceid_server: FaceIdEmulator) -> None:
    result = provider(faceid_server).fetch(CASE_TOKENS["liveness-retries"], FetchMode.FULL).result
    assert result.verdict.status == "failed"
    assert [a.codes[1].code for a in result.attempts] == [1102, 1301, 1002]
    assert [a.billed for a in result.attempts] == [False, False, True]
    assert all(a.when is not None and a.mode.startswith("action") for a in result.attempts)
    assert [w.code for w in result.warnings] == [-9103]
    assert "re-shoot" in result.warnings[0].en


def test_text_only_asks_for_text_and_carries_no_media(faceid_server: FaceIdEmulator) -> None:
    outcome = provider(faceid_server).fetch(CASE_TOKENS["passed"], FetchMode.TEXT_ONLY)
    assert outcome.request["InfoType"] == "1" and outcome.mode is FetchMode.TEXT_ONLY
    assert outcome.result.media == {} and outcome.result.evidence_complete(outcome.mode) is None


def test_chosen_parts_count_only_what_was_asked(faceid_server: FaceIdEmulator) -> None:
    outcome = provider(faceid_server, parts="13").fetch(CASE_TOKENS["passed"], FetchMode.FULL)
    assert outcome.request["InfoType"] == "13"
    assert outcome.result.evidence_complete(outcome.mode) is True  # no video asked for
    assert outcome.result.video is None


@pytest.mark.parametrize("reading", list(IvReading))
@pytest.mark.parametrize("mode", ["response", "fields"])
def test_encrypted_answers_open_with_either_reading_of_the_iv(
    faceid_server: FaceIdEmulator, mode: str, reading: IvReading
) -> None:
    made = provider(faceid_server, encryption=mode)
    made = FaceIdProvider(**{**made.__dict__, "iv_reading": reading})
    outcome = made.fetch(CASE_TOKENS["encrypted"], FetchMode.FULL)
    result = outcome.result
    assert result.verdict.status == "passed" and result.identity["name"] == "欧阳演示"
    assert result.identity["id_number"] == "990101199005171231"
    assert "EncryptedBody" not in result.raw or not result.raw["EncryptedBody"]
    assert outcome.request["Encryption"]["Algorithm"] == "AES-256-CBC"
    assert "CiphertextBlob" not in outcome.request["Encryption"]  # never the key's wrapping
    assert result.video is not None


def test_the_encrypted_case_refuses_a_plain_request(faceid_server: FaceIdEmulator) -> None:
    with pytest.raises(ServiceError) as raised:
        provider(faceid_server).fetch(CASE_TOKENS["encrypted"], FetchMode.FULL)
    assert raised.value.code == "InvalidParameter" and raised.value.exit_code == 3


def test_an_expired_biz_token_is_gone(faceid_server: FaceIdEmulator) -> None:
    with pytest.raises(ServiceError) as raised:
        provider(faceid_server).fetch(CASE_TOKENS["expired"], FetchMode.FULL)
    error = raised.value
    assert error.exit_code == 3 and error.code == "InvalidParameterValue.BizTokenExpired"
    assert error.token_gone is TokenGone.DATA_EXPIRED
    assert "InvalidParameterValue.BizTokenExpired" in str(error)
    assert error.info is not None and error.info.known


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"secret_key": "not-the-secret-key"}, "AuthFailure.SignatureFailure"),
        ({"secret_id": "AKIDnobodyknowsthisone"}, "AuthFailure.SecretIdNotFound"),
        ({"rule_id": "999"}, "InvalidParameterValue.RuleIdNotExist"),
    ],
)
def test_api_errors_are_exit_3_naming_their_code(
    faceid_server: FaceIdEmulator, change: dict, code: str
) -> None:
    with pytest.raises(ServiceError) as raised:
        provider(faceid_server, **change).fetch(CASE_TOKENS["passed"], FetchMode.FULL)
    assert raised.value.exit_code == 3 and raised.value.code == code
    assert code in str(raised.value) and raised.value.info is not None and raised.value.info.known


def test_a_signature_from_a_wrong_clock_expires(make_faceid_server) -> None:
    server = make_faceid_server(clock=lambda: time.time() + 3600)
    with pytest.raises(ServiceError) as raised:
        provider(server).fetch(CASE_TOKENS["passed"], FetchMode.FULL)
    assert raised.value.code == "AuthFailure.SignatureExpire"
    assert "clock" in str(raised.value)


def test_a_key_the_service_cannot_unwrap_is_its_decrypt_error(
    faceid_server: FaceIdEmulator,
) -> None:
    other = RSA.generate(2048).public_key().export_key().decode()
    made = provider(faceid_server, encryption="response", public_key=other)
    with pytest.raises(ServiceError) as raised:
        made.fetch(CASE_TOKENS["passed"], FetchMode.FULL)
    assert raised.value.code == "FailedOperation.DecryptSystemError"
    assert raised.value.exit_code == 3


@pytest.mark.parametrize("fault", ["arrears", "json-charset"])
def test_arrears_are_said_even_where_the_sdk_does_not_check(make_faceid_server, fault: str) -> None:
    server = make_faceid_server(fault=fault)
    token = CASE_TOKENS["expired" if fault == "json-charset" else "passed"]
    with pytest.raises(ServiceError) as raised:
        provider(server).fetch(token, FetchMode.FULL)
    expected = {
        "arrears": "UnauthorizedOperation.Arrears",
        "json-charset": "InvalidParameterValue.BizTokenExpired",
    }[fault]
    assert raised.value.code == expected


@pytest.mark.parametrize(
    ("fault", "error", "exit_code"),
    [
        ("http-503", HttpStatusError, 4),
        ("reset", NetworkError, 4),
        ("non-json", MalformedResponseError, 4),
        ("sm4", DecryptionError, 5),
        ("garbled", DecryptionError, 5),
    ],
)
def test_transport_and_decryption_failures_have_their_exit_codes(
    make_faceid_server, fault: str, error: type[IauthError], exit_code: int
) -> None:
    server = make_faceid_server(fault=fault)
    encryption = "response" if fault in ("sm4", "garbled") else None
    with pytest.raises(error) as raised:
        provider(server, encryption=encryption).fetch(CASE_TOKENS["passed"], FetchMode.FULL)
    assert raised.value.exit_code == exit_code
    if fault == "sm4":
        assert "SM4-GCM" in str(raised.value)


def test_nothing_listening_is_a_network_error() -> None:
    with pytest.raises(NetworkError) as raised:
        provider("http://127.0.0.1:9/", public_key=None).fetch("X", FetchMode.FULL)
    assert raised.value.exit_code == 4


def test_cancel_returns_at_once_while_the_sdk_still_waits(make_faceid_server) -> None:
    server = make_faceid_server(fault="delay:30")
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(CancelledError):
        provider(server).fetch(CASE_TOKENS["passed"], FetchMode.FULL, cancel=cancel)
    assert time.monotonic() - started < 2


def test_the_deadline_gives_up(make_faceid_server) -> None:
    server = make_faceid_server(fault="delay:30")
    options = ClientOptions(total_timeout=0.5, retries=0, read_timeout=30)
    with pytest.raises(NetworkError, match="deadline"):
        provider(server, options=options).fetch(CASE_TOKENS["passed"], FetchMode.FULL)


def test_the_corporate_ca_bundle_reaches_the_sdk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "corporate-ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    made = provider(
        "https://faceid.tencentcloudapi.com/", options=ClientOptions(ca_bundle=str(bundle))
    )
    assert made.client.ca_bundle == str(bundle)
    sdk = made.client._sdk_client(
        __import__("iauth_desktop.core.providers.faceid.client", fromlist=["_Watch"])._Watch(1)
    )
    assert sdk.request.conn.certification == str(bundle)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
    assert provider("https://faceid.tencentcloudapi.com/").client.ca_bundle == str(bundle)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tmp_path / "missing.pem"))
    with pytest.raises(UsageError, match="CA bundle"):
        provider("https://faceid.tencentcloudapi.com/")


def test_plain_http_is_refused_off_loopback_and_paths_are_refused() -> None:
    with pytest.raises(UsageError):
        provider("http://faceid.tencentcloudapi.com/")
    with pytest.raises(UsageError, match="root"):
        provider("https://faceid.tencentcloudapi.com/some/path")


def test_missing_values_are_named_before_any_request() -> None:
    with pytest.raises(MissingCredentialsError, match="rule ID"):
        provider("http://127.0.0.1:9/", rule_id="")
    with pytest.raises(MissingCredentialsError, match="SecretKey"):
        provider("http://127.0.0.1:9/", secret_key="")
    with pytest.raises(MissingCredentialsError, match="public key"):
        get_spec("faceid").connect(
            Credentials(
                "http://127.0.0.1:9/",
                "a",
                "b",
                None,
                None,
                provider="faceid",
                rule_id="1",
                encryption="response",
            )
        )


def test_no_personal_data_reaches_the_logs(
    faceid_server: FaceIdEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        provider(faceid_server).fetch(CASE_TOKENS["passed"], FetchMode.FULL)
    assert "990101199005171231" not in caplog.text
    assert DEMO_SECRET_KEY not in caplog.text
