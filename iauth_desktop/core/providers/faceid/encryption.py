"""Encrypted FaceID answers: the request's ``Encryption`` and opening what comes back.

The client makes a random 32-byte AES-256 key and a 16-byte IV per fetch, and sends the key
wrapped with the service's RSA public key (PKCS#1 v1.5, Base64: ``CiphertextBlob``), the IV
(``Iv``) and ``Algorithm: AES-256-CBC``. Whole-answer mode (``IsEncryptResponse``,
``EncryptList: ["EncryptionBody"]``): ``EncryptedBody`` is Base64 of AES-256-CBC/PKCS#7 over the
JSON of the fields the answer would otherwise carry. Field mode (``EncryptList`` naming Text's
``IdCard``, ``Name``, ``OcrIdCard``, ``OcrName``): each of those values is Base64 of its own
ciphertext. The key never leaves this process and is never recorded.

The SDK's model documents ``Iv`` as a 16-character string chosen by the customer: the IV is that
string's 16 ASCII bytes (``IvReading.TEXT``, the default). ``IvReading.BASE64`` sends Base64 of
16 random bytes instead, the other reading of the service's documents; the emulator accepts
both. SM4-GCM (the service's other algorithm) is refused: this version cannot open it.
"""

from __future__ import annotations

import base64
import enum
import json
import secrets
import string
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from iauth_desktop.core.pycryptodome import AES, PKCS1_v1_5

if TYPE_CHECKING:
    from Crypto.PublicKey import RSA

from iauth_desktop.core.model.errors import (
    Base64DecodeError,
    CorruptCiphertextError,
    DecryptionError,
    PaddingError,
    PayloadFormatError,
    UsageError,
    WrongKeyError,
)
from iauth_desktop.core.net.json_aside import loads_aside
from iauth_desktop.core.providers.faceid.media import decode_base64
from iauth_desktop.core.providers.faceid.wire import (
    ALGORITHM,
    CIPHERTEXT_BLOB,
    ENCRYPT_LIST,
    ENCRYPTABLE_FIELDS,
    ENCRYPTED_BODY,
    ENCRYPTION,
    IS_ENCRYPT_RESPONSE,
    IV,
    TEXT,
    WHOLE_BODY,
)

AES_CBC: Final = "AES-256-CBC"
SM4_GCM: Final = "SM4-GCM"
KEY_BYTES: Final = 32
IV_BYTES: Final = 16
_IV_ALPHABET: Final = string.ascii_letters + string.digits
_BLOCK: Final = 16
_STEP: Final = 1 << 20  # bytes decrypted per step (a multiple of the block)


class EncryptionMode(enum.StrEnum):
    RESPONSE = "response"  # the whole answer
    FIELDS = "fields"  # the name and ID number fields only


class IvReading(enum.StrEnum):
    TEXT = "text"  # 16 characters, their ASCII bytes (the SDK's model)
    BASE64 = "base64"  # Base64 of 16 bytes


def load_public_key(pem: str, *, source: str = "the service's public key") -> RSA.RsaKey:
    """The service's RSA public key from PEM; UsageError when it is not one."""
    from Crypto.PublicKey import RSA  # noqa: PLC0415 - after core.pycryptodome chose ctypes

    try:
        key = RSA.import_key(pem)
    except (ValueError, IndexError, TypeError):
        raise UsageError(f"{source} is not an RSA public key in PEM form") from None
    if key.has_private():
        raise UsageError(f"{source} is a private key: give the public key the service handed out")
    if not 1024 <= key.n.bit_length() <= 8192:
        raise UsageError(f"{source} has {key.n.bit_length()} bits; expected 1024–8192")
    return key


@dataclass(frozen=True, repr=False)
class RequestEncryption:
    """One fetch's key material and how the request asks for encryption."""

    mode: EncryptionMode
    key: bytes = field(repr=False)
    iv: bytes
    iv_sent: str
    wrapped_key: str  # Base64 of the RSA-wrapped key

    def __repr__(self) -> str:
        return f"RequestEncryption(mode={self.mode.value!r}, key=<hidden>)"

    @classmethod
    def new(
        cls,
        public_key: RSA.RsaKey,
        mode: EncryptionMode = EncryptionMode.RESPONSE,
        *,
        iv_reading: IvReading = IvReading.TEXT,
    ) -> RequestEncryption:
        key = secrets.token_bytes(KEY_BYTES)
        if iv_reading is IvReading.TEXT:
            iv_sent = "".join(secrets.choice(_IV_ALPHABET) for _ in range(IV_BYTES))
            iv = iv_sent.encode("ascii")
        else:
            iv = secrets.token_bytes(IV_BYTES)
            iv_sent = base64.b64encode(iv).decode("ascii")
        wrapped = PKCS1_v1_5.new(public_key).encrypt(key)
        return cls(mode, key, iv, iv_sent, base64.b64encode(wrapped).decode("ascii"))

    @property
    def encrypt_list(self) -> list[str]:
        return [WHOLE_BODY] if self.mode is EncryptionMode.RESPONSE else list(ENCRYPTABLE_FIELDS)

    def request_fields(self) -> dict[str, Any]:
        """The request's encryption parameters."""
        return {
            ENCRYPTION: {
                ENCRYPT_LIST: self.encrypt_list,
                CIPHERTEXT_BLOB: self.wrapped_key,
                IV: self.iv_sent,
                ALGORITHM: AES_CBC,
            },
            IS_ENCRYPT_RESPONSE: self.mode is EncryptionMode.RESPONSE,
        }

    def record(self) -> dict[str, Any]:
        """What the evidence manifest says about it: never the key or the IV."""
        return {
            ENCRYPTION: {ENCRYPT_LIST: self.encrypt_list, ALGORITHM: AES_CBC},
            IS_ENCRYPT_RESPONSE: self.mode is EncryptionMode.RESPONSE,
        }

    # --- opening -----------------------------------------------------------------------------

    def open_answer(self, answer: dict[str, Any]) -> dict[str, Any]:
        """The answer with its encrypted parts opened: in whole-answer mode the fields of
        ``EncryptedBody`` first (in their order), then the answer's other keys as sent; in field
        mode the same answer with the named Text values decrypted."""
        _check_algorithm(answer.get(ENCRYPTION))
        body = answer.get(ENCRYPTED_BODY)
        if isinstance(body, str) and body:
            opened = json_object(self.decrypt(body, "EncryptedBody"), "EncryptedBody")
            rest = {k: v for k, v in answer.items() if k != ENCRYPTED_BODY and k not in opened}
            return {**opened, **rest}
        if self.mode is EncryptionMode.RESPONSE:
            raise DecryptionError(
                "an encrypted answer was asked for, but the answer carries no EncryptedBody"
            )
        return self._open_fields(answer)

    def _open_fields(self, answer: dict[str, Any]) -> dict[str, Any]:
        text = answer.get(TEXT)
        if not isinstance(text, dict):
            return answer
        named = _named_list(answer.get(ENCRYPTION)) or list(ENCRYPTABLE_FIELDS)
        opened = dict(text)
        for key in named:
            value = text.get(key)
            if isinstance(value, str) and value:
                plain = self.decrypt(value, f"Text.{key}")
                try:
                    opened[key] = plain.decode("utf-8")
                except UnicodeDecodeError:
                    raise WrongKeyError(
                        f"Text.{key} decrypts to bytes that are not text: the answer was not "
                        "encrypted with this fetch's key"
                    ) from None
        return {k: (opened if k == TEXT else v) for k, v in answer.items()}

    def decrypt(self, text: str, what: str) -> bytearray:
        """AES-256-CBC/PKCS#7 of Base64 ``text`` with this fetch's key; typed errors (exit 5).
        Decoded and decrypted in 1 MiB steps: short GIL holds on a 90 MiB body."""
        try:
            data = decode_base64(text)
        except ValueError:
            raise Base64DecodeError(f"{what} is not valid standard Base64") from None
        if not data or len(data) % _BLOCK:
            raise CorruptCiphertextError(
                f"{what} is {len(data)} bytes, not a whole number of AES blocks: cut short or "
                "corrupted"
            )
        cipher = AES.new(self.key, AES.MODE_CBC, self.iv)
        with memoryview(data) as view:
            for start in range(0, len(view), _STEP):
                with view[start : start + _STEP] as part:
                    cipher.decrypt(part, output=part)  # in place
        pad = data[-1]
        if not 1 <= pad <= _BLOCK or data[-pad:] != bytes([pad]) * pad:
            raise PaddingError(
                f"{what} decrypts, but its PKCS#7 padding is broken: the wrong key or IV, or the "
                "data was altered"
            )
        del data[-pad:]
        return data


ASIDE_ABOVE = 1 << 20  # bytes: larger documents are parsed with their long strings aside


def json_object(data: bytes | bytearray, what: str) -> dict[str, Any]:
    if len(data) > ASIDE_ABOVE:  # a decrypted answer with media: its long strings set aside
        try:
            value = loads_aside(data)
        except PayloadFormatError:
            if not bytes(data[:1024]).lstrip().startswith(b"{"):
                raise WrongKeyError(f"{what} decrypts to bytes that are not text") from None
            raise PayloadFormatError(f"{what} decrypts, but not to JSON") from None
        if not isinstance(value, dict):
            raise PayloadFormatError(f"{what} decrypts to JSON that is not an object")
        return value
    try:
        value = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise WrongKeyError(f"{what} decrypts to bytes that are not text") from None
    except (ValueError, RecursionError):
        raise PayloadFormatError(f"{what} decrypts, but not to JSON") from None
    if not isinstance(value, dict):
        raise PayloadFormatError(f"{what} decrypts to JSON that is not an object")
    return value


def encryption_of(answer: dict[str, Any]) -> str | None:
    """The algorithm an answer says it is encrypted with, if it carries an encrypted part."""
    echo = answer.get(ENCRYPTION)
    algorithm = echo.get(ALGORITHM) if isinstance(echo, dict) else None
    return algorithm if isinstance(algorithm, str) else None


def _check_algorithm(echo: Any) -> None:
    algorithm = echo.get(ALGORITHM) if isinstance(echo, dict) else None
    if algorithm in (None, "", AES_CBC):
        return
    if algorithm == SM4_GCM:
        raise DecryptionError(
            "the answer is encrypted with SM4-GCM, which this version cannot open; ask for "
            "AES-256-CBC (the profile's encryption setting)"
        )
    raise DecryptionError(f"the answer is encrypted with an unknown algorithm {algorithm!r:.40}")


def _named_list(echo: Any) -> list[str]:
    names = echo.get(ENCRYPT_LIST) if isinstance(echo, dict) else None
    if not isinstance(names, list):
        return []
    return [n for n in names if isinstance(n, str) and n in ENCRYPTABLE_FIELDS]
