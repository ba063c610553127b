import base64
import contextlib
import json
import mmap
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iauth_desktop.core.model.errors import (
    Base64DecodeError,
    CorruptCiphertextError,
    KeyLengthError,
    PaddingError,
    WrongKeyError,
)
from iauth_desktop.core.providers.detectinfo import crypto as crypto_module
from iauth_desktop.core.providers.detectinfo.crypto import (
    StreamingDecryptor,
    aes_key_bytes,
    decode_base64_chunked,
    decrypt_payload,
    encrypt_payload,
)

ROOT = Path(__file__).resolve().parents[4]
VECTORS = json.loads((ROOT / "tests/data/vectors/aes.json").read_text("utf-8"))
KEY = "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6"


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v["plaintext"][:12])
def test_reproduces_node_vectors(vector: dict) -> None:
    assert encrypt_payload(vector["plaintext"].encode("utf-8"), vector["key"]) == vector["data"]
    assert decrypt_payload(vector["data"], vector["key"]).decode("utf-8") == vector["plaintext"]


def test_decrypts_what_openssl_enc_produced(tmp_path: Path) -> None:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.fail("openssl is needed for this test (Debian package openssl)")
    plaintext = '{"name":"欧阳演示","validatedata":"3344","yt_errorcode":0}'.encode()
    source = tmp_path / "plain.json"
    source.write_bytes(plaintext)
    hex_key = KEY.encode().hex()
    out = subprocess.run(
        [openssl, "enc", "-aes-256-ecb", "-K", hex_key, "-a", "-A", "-in", str(source)],
        check=True,
        capture_output=True,
    ).stdout
    assert decrypt_payload(out.strip(), KEY) == plaintext
    # and openssl decrypts ours
    ours = tmp_path / "ours.b64"
    ours.write_text(encrypt_payload(plaintext, KEY) + "\n")
    back = subprocess.run(
        [openssl, "enc", "-d", "-aes-256-ecb", "-K", hex_key, "-a", "-A", "-in", str(ours)],
        check=True,
        capture_output=True,
    ).stdout
    assert back == plaintext


def test_whitespace_in_base64_is_ignored() -> None:
    data = VECTORS[0]["data"]
    wrapped = "\r\n".join(data[i : i + 76] for i in range(0, len(data), 76)) + "\n"
    assert decrypt_payload(" " + wrapped, KEY).decode() == VECTORS[0]["plaintext"]


@pytest.mark.parametrize("key", ["short", "x" * 33, "é" * 32])
def test_key_length(key: str) -> None:
    with pytest.raises(KeyLengthError, match="32"):
        aes_key_bytes(key)


def test_key_length_error_is_a_configuration_error() -> None:
    assert KeyLengthError.exit_code == 2


def test_bad_base64() -> None:
    with pytest.raises(Base64DecodeError):
        decrypt_payload("P/qgXIy/t6Dp%%%KVr2qq9uelN9s2Y7tO8BHKvI8SA0=", KEY)
    with pytest.raises(Base64DecodeError):
        decrypt_payload("P-qgXIy_t6DpGW9KVr2qq9uelN9s2Y7tO8BHKvI8SA0=", KEY)  # URL-safe
    with pytest.raises(Base64DecodeError):
        decrypt_payload("AAAAAAAAAAAAAAAAAAAAAA==AAAA", KEY)


def test_not_whole_blocks() -> None:
    good = base64.b64decode(encrypt_payload(b'{"name":"demo"}', KEY))
    with pytest.raises(CorruptCiphertextError):
        decrypt_payload(base64.b64encode(good + os.urandom(4)), KEY)
    with pytest.raises(CorruptCiphertextError):
        decrypt_payload("", KEY)


def test_wrong_key_is_told_from_bad_padding() -> None:
    data = encrypt_payload(b'{"name":"demo","yt_errorcode":0,"padding":"x"}', KEY)
    with pytest.raises(WrongKeyError, match="AES result key"):
        decrypt_payload(data, "z" * 32)
    raw = bytearray(base64.b64decode(data))
    raw[-1] ^= 0xFF  # damage only the last block: the text is right, its end is not
    with pytest.raises(PaddingError):
        decrypt_payload(base64.b64encode(bytes(raw)), KEY)


@given(plaintext=st.text(min_size=1).map(str.encode), cut=st.lists(st.integers(1, 50)))
def test_round_trip_streamed_in_any_chunks(plaintext: bytes, cut: list[int]) -> None:
    data = encrypt_payload(plaintext, KEY).encode()
    decryptor = StreamingDecryptor(KEY, expect_text=False)
    pos = 0
    for size in cut:
        decryptor.feed(data[pos : pos + size])
        pos += size
    decryptor.feed(data[pos:])
    assert decryptor.finish() == plaintext


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1))
def test_text_round_trip_passes_the_key_check(text: str) -> None:
    assert decrypt_payload(encrypt_payload(text.encode(), KEY), KEY) == text.encode()


@given(st.binary(max_size=300))
def test_arbitrary_input_only_raises_typed_errors(blob: bytes) -> None:
    # Only the typed errors may escape; anything else fails the test.
    with contextlib.suppress(
        Base64DecodeError, CorruptCiphertextError, WrongKeyError, PaddingError
    ):
        decrypt_payload(blob, KEY)


@given(st.binary(max_size=5000), st.integers(4, 64))
def test_chunked_base64_decode(blob: bytes, chunk: int) -> None:
    assert decode_base64_chunked(base64.encodebytes(blob), chunk) == blob


def test_chunked_base64_rejects_bad_input() -> None:
    with pytest.raises(Base64DecodeError):
        decode_base64_chunked(b"QUJD*")
    with pytest.raises(Base64DecodeError):
        decode_base64_chunked(b"QUI=QUJD", chunk=4)
    with pytest.raises(Base64DecodeError):
        decode_base64_chunked(b"QUJDR")


# --- a large answer decrypted straight into a prefaulted map (core.prefaulted) ---------------


@pytest.fixture
def map_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every answer with a size hint takes the map path, however small (it starts at 8 MiB)."""
    monkeypatch.setattr(crypto_module, "MAP_AT_LEAST", 1)


def _fed(data: bytes, cut: list[int], **options: object) -> bytearray | mmap.mmap:
    decryptor = StreamingDecryptor(KEY, expect_text=False, **options)  # type: ignore[arg-type]
    pos = 0
    for size in cut:
        decryptor.feed(data[pos : pos + size])
        pos += size
    decryptor.feed(data[pos:])
    return decryptor.finish()


@given(
    plaintext=st.binary(min_size=1, max_size=3000),
    cut=st.lists(st.integers(1, 200)),
    wrapped=st.booleans(),
)
def test_the_map_gives_the_same_plaintext_in_any_chunks(
    plaintext: bytes, cut: list[int], wrapped: bool
) -> None:
    data = encrypt_payload(plaintext, KEY).encode()
    if wrapped:  # line-wrapped Base64: the stitched groups meet whitespace
        data = base64.encodebytes(base64.b64decode(data))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(crypto_module, "MAP_AT_LEAST", 1)  # the map however small the answer
        out = _fed(data, cut, size_hint=len(data))
    assert isinstance(out, mmap.mmap)
    assert out[:] == plaintext
    assert _fed(data, cut) == plaintext  # and the bytearray way agrees


def test_a_size_hint_too_small_goes_on_in_a_bytearray(map_always: None) -> None:
    plaintext = os.urandom(5000)
    data = encrypt_payload(plaintext, KEY).encode()
    out = _fed(data, [700] * 8, size_hint=1000)  # the answer said less than came
    assert isinstance(out, bytearray)
    assert out == plaintext


def test_a_map_holding_only_padding_gives_empty_text(map_always: None) -> None:
    data = encrypt_payload(b"", KEY).encode()
    assert _fed(data, [], size_hint=len(data)) == bytearray()


def test_a_wrong_key_is_told_at_once_and_leaves_no_thread(map_always: None) -> None:
    data = encrypt_payload(b'{"yt_errorcode":0,"video":"' + b"A" * 4000 + b'"}', KEY).encode()
    decryptor = StreamingDecryptor("z" * 32, expect_object=True, size_hint=len(data))
    with pytest.raises(WrongKeyError):
        decryptor.feed(data[:128])
    decryptor.close()
    assert not [t for t in threading.enumerate() if t.name == "iauth-prefault"]


def test_a_50_mib_answer_fills_one_map_of_its_size() -> None:
    """The real threshold (no monkeypatch): a large answer is opened into the map and the map
    is trimmed to the plaintext, nothing copied beside it."""
    plaintext = b'{"video":"' + base64.b64encode(os.urandom(9 << 20)) + b'"}'
    data = encrypt_payload(plaintext, KEY).encode()
    decryptor = StreamingDecryptor(KEY, expect_object=True, size_hint=len(data) + 200)
    for start in range(0, len(data), 1 << 20):
        decryptor.feed(data[start : start + (1 << 20)])
    out = decryptor.finish()
    assert isinstance(out, mmap.mmap)
    assert len(out) == len(plaintext)
    assert out[:] == plaintext
