"""Issue #12, "what real integrations send": apiName from the endpoint, crypt_type 1/2/3,
errorcode as a string, no data beside an error code, null media. Over HTTP to the emulator."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from iauth_desktop.core.config.resolve import Credentials
from iauth_desktop.core.model.errors import (
    DecryptionError,
    MissingCredentialsError,
    ServiceError,
    WrongKeyError,
)
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.detectinfo.ciphers import CryptType, RsaPublicKey
from iauth_desktop.core.providers.detectinfo.client import DetectInfoClient
from iauth_desktop.core.providers.detectinfo.crypto import (
    StreamingDecryptor,
    decrypt_payload,
    encrypt_payload,
)
from iauth_desktop.core.providers.detectinfo.provider import SPEC
from iauth_desktop.core.providers.detectinfo.signing import (
    api_name_of,
    make_signature,
    parse_signature,
)
from iauth_desktop.emulator.detectinfo.demo import (
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
    DEMO_TOKENS,
)
from iauth_desktop.emulator.detectinfo.rsa_demo import demo_public_key_pem, rsa_private_encrypt
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer

FAST = ClientOptions(backoff=0.01, connect_timeout=5, read_timeout=30)


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(EmulatorConfig()) as server:
        yield server


def client(url: str, **kwargs: object) -> DetectInfoClient:
    return DetectInfoClient(url, DEMO_APPID, DEMO_SECRET_KEY, DEMO_AES_KEY, FAST, **kwargs)  # type: ignore[arg-type]


# --- apiName from the endpoint ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "api"),
    [
        ("https://iauth-test.wecity.qq.com/new/cgi-bin/getdetectinfo.php", "getdetectinfo"),
        ("https://iauth.wecity.qq.com/new/cgi-bin/api_getdetectinfo.php", "api_getdetectinfo"),
        ("https://example.com/new/cgi-bin/api_getdetectinfo.php?x=1", "api_getdetectinfo"),
        ("https://example.com/", "getdetectinfo"),
    ],
)
def test_api_name_is_the_script_name(url: str, api: str) -> None:
    assert api_name_of(url) == api


def test_fetch_through_api_getdetectinfo_signs_its_name(emulator: EmulatorServer) -> None:
    url = emulator.url.replace("/getdetectinfo.php", "/api_getdetectinfo.php")
    fetcher = client(url)
    assert fetcher.api_name == "api_getdetectinfo"
    outcome = fetcher.fetch(DEMO_TOKENS["pass"], 1)
    assert outcome.result.verdict.status == "passed"


def test_emulator_refuses_a_signature_for_the_other_script(emulator: EmulatorServer) -> None:
    url = emulator.url.replace("/getdetectinfo.php", "/api_getdetectinfo.php")
    fetcher = client(url)
    fetcher.api_name = "getdetectinfo"  # what the old client signed whatever the endpoint
    with pytest.raises(ServiceError) as info:
        fetcher.fetch(DEMO_TOKENS["pass"], 1)
    assert info.value.code == 3
    signed = make_signature(DEMO_APPID, DEMO_SECRET_KEY, api_name_of(url), 600, 1)
    assert parse_signature(signed).api_name == "api_getdetectinfo"


# --- crypt_type: RSA, AES-256-CBC, AES-256-ECB -----------------------------------------------

PLAIN = json.dumps(
    {"name": "欧阳演示", "ID": "990101199005171231", "yt_errorcode": 0, "note": "x" * 400},
    ensure_ascii=False,
).encode()
AES_KEY = "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6"


def openssl(*args: str, data: bytes = b"") -> bytes:
    tool = shutil.which("openssl")
    if tool is None:
        pytest.fail("openssl is needed for this test (Debian package openssl)")
    return subprocess.run([tool, *args], input=data, capture_output=True, check=True).stdout


def rsa_sign_raw(private: Path, block: bytes) -> bytes:
    """OpenSSL's private-key "encryption" of one block: PKCS#1 v1.5 type 1, no digest."""
    return openssl("rsautl", "-sign", "-inkey", str(private), data=block)


@pytest.fixture(scope="module")
def rsa_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("rsa")
    private, public = folder / "private.pem", folder / "public.pem"
    openssl("genrsa", "-out", str(private), "1024")
    openssl("rsa", "-in", str(private), "-pubout", "-out", str(public))
    return private, public


def test_rsa_data_made_by_openssl_opens_with_the_public_key(rsa_pair: tuple[Path, Path]) -> None:
    private, public = rsa_pair
    size = 128
    blocks = b"".join(
        rsa_sign_raw(private, PLAIN[i : i + size - 11]) for i in range(0, len(PLAIN), size - 11)
    )
    assert len(blocks) % size == 0 and len(blocks) > size  # several blocks
    key = RsaPublicKey.from_pem(public.read_text())
    data = base64.b64encode(blocks)
    assert decrypt_payload(data, None, crypt_type=CryptType.RSA, rsa_key=key) == PLAIN
    # streamed in odd pieces, as the body arrives
    decryptor = StreamingDecryptor(None, crypt_type=CryptType.RSA, rsa_key=key, expect_object=True)
    for start in range(0, len(data), 37):
        decryptor.feed(data[start : start + 37])
    assert decryptor.finish() == PLAIN


def test_rsa_with_another_public_key_is_a_wrong_key(
    rsa_pair: tuple[Path, Path], tmp_path: Path
) -> None:
    other = tmp_path / "other.pem"
    openssl("genrsa", "-out", str(other), "1024")
    public = openssl("rsa", "-in", str(other), "-pubout")
    data = base64.b64encode(rsa_sign_raw(rsa_pair[0], PLAIN[:100]))
    with pytest.raises(WrongKeyError, match="RSA public key"):
        decrypt_payload(data, None, crypt_type=CryptType.RSA, rsa_key=RsaPublicKey.from_pem(public))


def test_emulator_rsa_blocks_are_what_openssl_recovers(tmp_path: Path) -> None:
    public = tmp_path / "demo.pem"
    public.write_text(demo_public_key_pem())
    raw = base64.b64decode(rsa_private_encrypt(PLAIN))
    recovered = b"".join(
        openssl(
            "pkeyutl",
            "-verifyrecover",
            "-pubin",
            "-inkey",
            str(public),
            "-pkeyopt",
            "rsa_padding_mode:pkcs1",
            data=raw[i : i + 128],
        )
        for i in range(0, len(raw), 128)
    )
    assert recovered == PLAIN


def test_cbc_data_made_by_openssl_decrypts(tmp_path: Path) -> None:
    data = openssl(
        "enc", "-aes-256-cbc", "-K", AES_KEY.encode().hex(), "-iv", "0" * 32, "-a", "-A", data=PLAIN
    )
    assert decrypt_payload(data.strip(), AES_KEY, crypt_type=CryptType.AES_CBC) == PLAIN
    ours = encrypt_payload(PLAIN, AES_KEY, CryptType.AES_CBC)
    back = openssl(
        "enc",
        "-d",
        "-aes-256-cbc",
        "-K",
        AES_KEY.encode().hex(),
        "-iv",
        "0" * 32,
        "-a",
        "-A",
        data=ours.encode() + b"\n",
    )
    assert back == PLAIN
    with pytest.raises(DecryptionError):  # the same data read as ECB: noise after block one
        decrypt_payload(data.strip(), AES_KEY, crypt_type=CryptType.AES_ECB)


@pytest.mark.parametrize(("crypt_type", "info_type"), [(1, 1), (2, 0), (3, 1)])
def test_fetch_with_each_crypt_type(
    emulator: EmulatorServer, crypt_type: int, info_type: int
) -> None:
    key = RsaPublicKey.from_pem(emulator.rsa_public_key) if crypt_type == 1 else None
    aes = "" if crypt_type == 1 else DEMO_AES_KEY
    fetcher = DetectInfoClient(
        emulator.url,
        DEMO_APPID,
        DEMO_SECRET_KEY,
        aes,
        FAST,
        crypt_type=CryptType(crypt_type),
        rsa_public_key=key,
    )
    outcome = fetcher.fetch(DEMO_TOKENS["pass"], info_type)
    assert outcome.result.verdict.status == "passed"
    assert bool(outcome.result.media) == (info_type == 0)


def test_rsa_without_its_key_names_it() -> None:
    with pytest.raises(MissingCredentialsError, match="RSA public key"):
        DetectInfoClient(
            "https://example.com/getdetectinfo.php", "a", "s", "", crypt_type=CryptType.RSA
        )


def test_crypt_type_is_sent_and_recorded(emulator: EmulatorServer) -> None:
    creds = Credentials(emulator.url, DEMO_APPID, DEMO_SECRET_KEY, DEMO_AES_KEY, None, crypt_type=2)
    outcome = SPEC.connect(creds, FAST).fetch(DEMO_TOKENS["pass"], FetchMode.TEXT_ONLY)
    assert outcome.request == {"info_type": 1, "crypt_type": 2}
    assert outcome.result.verdict.status == "passed"


# --- what real answers look like beside the documented one -----------------------------------


@pytest.fixture
def hostile() -> Iterator[Callable[[str], EmulatorServer]]:
    started: list[EmulatorServer] = []

    def start(fault: str) -> EmulatorServer:
        server = EmulatorServer(EmulatorConfig(fault=fault)).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def test_errorcode_as_a_string(hostile: Callable[[str], EmulatorServer]) -> None:
    server = hostile("string-errorcode")
    assert client(server.url).fetch(DEMO_TOKENS["pass"], 1).result.verdict.status == "passed"


@pytest.mark.parametrize("fault", ["error-data-object", "error-data-empty"])
def test_no_data_beside_an_error_code(hostile: Callable[[str], EmulatorServer], fault: str) -> None:
    server = hostile(fault)
    with pytest.raises(ServiceError) as info:
        client(server.url).fetch(DEMO_TOKENS["pass"], 1)
    assert info.value.code == 12


def test_null_media(hostile: Callable[[str], EmulatorServer]) -> None:
    server = hostile("null-media")
    outcome = client(server.url).fetch(DEMO_TOKENS["pass"])
    assert outcome.result.media == {}
    assert outcome.result.verdict.status == "passed"
