import base64
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iauth_desktop.core.providers.detectinfo.signing import (
    API_NAME,
    SignatureExpiredError,
    SignatureForgedError,
    SignatureFormatError,
    SignatureMismatchError,
    describe_expiry,
    make_signature,
    parse_signature,
    verify_signature,
)
from tests.conftest import need_shared

ROOT = Path(__file__).resolve().parents[4]
VECTORS = json.loads((ROOT / "tests/data/vectors/signature.json").read_text("utf-8"))


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v["appid"])
def test_reproduces_node_vectors(vector: dict) -> None:
    got = make_signature(
        vector["appid"], vector["secret"], vector["api"], vector["expire"], vector["now"]
    )
    assert got == vector["signature"]


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v["appid"])
def test_parse_and_verify_vectors(vector: dict) -> None:
    info = parse_signature(vector["signature"])
    assert (info.appid, info.api_name, info.t, info.e) == (
        vector["appid"],
        vector["api"],
        vector["now"],
        vector["expire"],
    )
    assert info.expires_at == vector["now"] + vector["expire"]
    verified = verify_signature(
        vector["signature"], vector["secret"], now=vector["now"] + 1, appid=vector["appid"]
    )
    assert verified == info


def test_vector_copy_matches_shared() -> None:
    shared = need_shared(ROOT.parent / "shared" / "vectors")
    for name in ("signature.json", "aes.json"):
        assert (shared / name).read_bytes() == (ROOT / "tests/data/vectors" / name).read_bytes()


def test_forged_when_secret_differs() -> None:
    sig = make_signature("1400", "right", API_NAME, 600, 1_000)
    with pytest.raises(SignatureForgedError):
        verify_signature(sig, "wrong", now=1_000)


def test_one_byte_change_is_forged() -> None:
    sig = make_signature("1400", "secret", API_NAME, 600, 1_000)
    raw = bytearray(base64.b64decode(sig))
    raw[3] ^= 0x01
    with pytest.raises(SignatureForgedError):
        verify_signature(base64.b64encode(bytes(raw)).decode(), "secret", now=1_000)


def test_expired_is_told_from_forged() -> None:
    sig = make_signature("1400", "secret", API_NAME, 600, 1_000)
    assert verify_signature(sig, "secret", now=1_600).t == 1_000
    with pytest.raises(SignatureExpiredError, match="expired 1970-01-01T00:26:40Z, 1 s ago"):
        verify_signature(sig, "secret", now=1_601)


def test_mismatched_appid_and_api() -> None:
    sig = make_signature("1400", "secret", "auth", 600, 1_000)
    with pytest.raises(SignatureMismatchError, match="apiName"):
        verify_signature(sig, "secret", now=1_000, api_name=API_NAME)
    with pytest.raises(SignatureMismatchError, match="appid"):
        verify_signature(sig, "secret", now=1_000, appid="9999")


@pytest.mark.parametrize(
    "text", ["", "not base64 at all!", base64.b64encode(b"x" * 10).decode(), "wNWH-_z3"]
)
def test_malformed(text: str) -> None:
    with pytest.raises(SignatureFormatError):
        parse_signature(text)


def test_url_safe_base64_is_refused() -> None:
    # Find a signature whose standard Base64 holds '+' or '/', then make it URL-safe.
    for now in range(1_000, 2_000):
        sig = make_signature("1400", "secret", API_NAME, 600, now)
        if "+" in sig or "/" in sig:
            break
    urlsafe = sig.replace("+", "-").replace("/", "_")
    with pytest.raises(SignatureFormatError, match="URL-safe"):
        parse_signature(urlsafe)


def test_text_that_is_no_signature_is_called_that() -> None:
    for text in ("not-a-signature", "%%%", "c2hvcnQ=", "a_b-c_d-"):
        with pytest.raises(SignatureFormatError, match="this is not a signature") as caught:
            parse_signature(text)
        assert "URL-safe" not in str(caught.value)


def test_expiry_is_a_date_and_a_span() -> None:
    at = 1_714_552_200  # 2024-05-01T08:30:00Z
    assert describe_expiry(at, at - 599) == "expires 2024-05-01T08:30:00Z (in 9 min 59 s)"
    assert describe_expiry(at, at) == "expires 2024-05-01T08:30:00Z (in 0 s)"
    assert describe_expiry(at, at + 1) == "expired 2024-05-01T08:30:00Z, 1 s ago"
    assert describe_expiry(at, at + 7_260) == "expired 2024-05-01T08:30:00Z, 2 h 1 min ago"
    assert describe_expiry(at, at + 196_582_299).endswith(", 2275 days 6 h ago")


def test_refuses_to_sign_without_parts() -> None:
    with pytest.raises(SignatureFormatError):
        make_signature("", "secret", API_NAME, 600, 1)
    with pytest.raises(SignatureFormatError):
        make_signature("a", "secret", API_NAME, 0, 1)


@given(
    appid=st.text(
        st.characters(blacklist_characters="&", blacklist_categories=("Cs",)), min_size=1
    ),
    secret=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1),
    api=st.text(st.characters(blacklist_characters="&", blacklist_categories=("Cs",)), min_size=1),
    expire=st.integers(1, 10**9),
    now=st.integers(0, 2**40),
)
def test_sign_parse_round_trip(appid: str, secret: str, api: str, expire: int, now: int) -> None:
    sig = make_signature(appid, secret, api, expire, now)
    info = verify_signature(sig, secret, now=now, appid=appid, api_name=api)
    assert (info.appid, info.api_name, info.t, info.e) == (appid, api, now, expire)
