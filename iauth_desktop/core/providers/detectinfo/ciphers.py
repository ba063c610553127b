"""The three ways the service encrypts ``data`` (``crypt_type``), as block openers for the
streaming decryptor.

1 = RSA: Base64 of RSA blocks the service made with its private key; each key-length block is
opened with the integrator's public key (m = c^e mod n), its PKCS#1 v1.5 type-1 padding
(``00 01 FF…FF 00``) stripped, the plaintexts concatenated. 2 = AES-256-CBC, all-zero IV, PKCS#7.
3 = AES-256-ECB, PKCS#7 (also what an absent ``crypt_type`` means: the appid's default).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Protocol

from iauth_desktop.core.model.errors import PaddingError, UsageError, WrongKeyError
from iauth_desktop.core.pycryptodome import AES

AES_BLOCK = 16
ZERO_IV = bytes(AES_BLOCK)
_MIN_RSA_BITS = 512
_MAX_RSA_BITS = 8192
_MIN_FILL = 8  # PKCS#1 v1.5 asks for at least eight 0xFF bytes


class CryptType(enum.IntEnum):
    RSA = 1
    AES_CBC = 2
    AES_ECB = 3


def parse_crypt_type(value: object, *, source: str = "crypt_type") -> CryptType:
    """1, 2 or 3 (int or digits); UsageError naming ``source`` otherwise."""
    text = str(value).strip() if isinstance(value, int | str) else ""
    if isinstance(value, bool) or text not in ("1", "2", "3"):
        raise UsageError(
            f"{source} must be 1 (RSA), 2 (AES-256-CBC) or 3 (AES-256-ECB), not {value!r:.40}"
        )
    return CryptType(int(text))


@dataclass(frozen=True)
class RsaPublicKey:
    n: int = field(repr=False)
    e: int
    size: int  # bytes per block

    @classmethod
    def from_pem(cls, pem: str | bytes, *, source: str = "the RSA public key") -> RsaPublicKey:
        """The key from PEM (or DER) text; UsageError when it is not an RSA public key."""
        # only the RSA variant needs it: the AES answers a fetch usually gets start without
        from Crypto.PublicKey import RSA  # noqa: PLC0415

        try:
            key = RSA.import_key(pem)
        except (ValueError, IndexError, TypeError):
            raise UsageError(f"{source} is not an RSA public key in PEM form") from None
        if key.has_private():
            raise UsageError(
                f"{source} is a private key: give the public key the service handed out"
            )
        bits = key.n.bit_length()
        if not _MIN_RSA_BITS <= bits <= _MAX_RSA_BITS:
            raise UsageError(f"{source} has {bits} bits; expected {_MIN_RSA_BITS}–{_MAX_RSA_BITS}")
        return cls(int(key.n), int(key.e), (bits + 7) // 8)


class BlockOpener(Protocol):
    """Opens whole blocks of ciphertext, in order."""

    block: int  # bytes per block
    pkcs7: bool  # the concatenated plaintext ends in PKCS#7 padding

    def open(self, blocks: bytes | memoryview) -> bytes: ...


class AesOpener:
    pkcs7 = True
    block = AES_BLOCK

    def __init__(self, key: bytes, mode: CryptType) -> None:
        self._cipher: Any
        if mode is CryptType.AES_CBC:
            self._cipher = AES.new(key, AES.MODE_CBC, iv=ZERO_IV)  # chains across calls
        else:
            self._cipher = AES.new(key, AES.MODE_ECB)

    def open(self, blocks: bytes | memoryview) -> bytes:
        opened: bytes = self._cipher.decrypt(blocks)
        return opened

    def open_into(self, blocks: bytes | memoryview, out: memoryview) -> None:
        """Open ``blocks`` straight into ``out`` (the same length): nothing copied after."""
        self._cipher.decrypt(blocks, output=out)


class RsaOpener:
    """The public-key side of RSA "private-key encryption" (OpenSSL's ``rsautl -sign``)."""

    pkcs7 = False

    def __init__(self, key: RsaPublicKey) -> None:
        self._key = key
        self.block = key.size
        self._opened = 0

    def open(self, blocks: bytes | memoryview) -> bytes:
        size, n, e = self.block, self._key.n, self._key.e
        out = bytearray()
        view = memoryview(blocks)
        for start in range(0, len(view), size):
            number = int.from_bytes(view[start : start + size], "big")
            if number >= n:
                raise self._damaged()
            out += self._unpad(pow(number, e, n).to_bytes(size, "big"))
            self._opened += 1
        return bytes(out)

    def _unpad(self, block: bytes) -> bytes:
        end = block.find(b"\x00", 2)
        if block[:2] != b"\x00\x01" or end < 2 + _MIN_FILL or block[2:end].strip(b"\xff"):
            raise self._damaged()
        return block[end + 1 :]

    def _damaged(self) -> Exception:
        if self._opened == 0:
            return WrongKeyError(
                "the data does not open with the configured RSA public key (no PKCS#1 padding "
                "in its first block): the key is not the one the service gave for this appid"
            )
        return PaddingError(
            f"RSA block {self._opened + 1} of the data is damaged (bad PKCS#1 padding): "
            "the answer was altered in transit"
        )


def opener(
    crypt_type: CryptType, aes_key: bytes | None, rsa_key: RsaPublicKey | None
) -> BlockOpener:
    if crypt_type is CryptType.RSA:
        if rsa_key is None:
            raise UsageError("crypt_type 1 (RSA) needs the service's RSA public key")
        return RsaOpener(rsa_key)
    if aes_key is None:
        raise UsageError("AES decryption needs the AES result key")
    return AesOpener(aes_key, crypt_type)
