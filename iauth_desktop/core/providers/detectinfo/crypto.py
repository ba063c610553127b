"""AES-256-ECB + PKCS#7 under standard Base64: the encryption of the service's ``data`` field.

Responses carry whole videos, so decryption streams: Base64 text goes in chunk by chunk as it
arrives and only the plaintext is kept. Every step works on bounded chunks so a worker thread
never holds the GIL for long while the GUI thread wants to paint.
"""

from __future__ import annotations

import base64
import binascii
import codecs

import pybase64
from Crypto.Cipher import AES

from iauth_desktop.core.model.errors import (
    Base64DecodeError,
    CorruptCiphertextError,
    KeyLengthError,
    PaddingError,
    WrongKeyError,
)
from iauth_desktop.core.model.messages import said

AES_KEY_BYTES = 32
_BLOCK = 16
_WHITESPACE = b" \t\r\n\x0b\x0c"
_DEFAULT_CHUNK = 1 << 20
_ALIGN = 64  # Base64 characters per 48 bytes = 3 AES blocks


def aes_key_bytes(key: str | bytes) -> bytes:
    """The result key as used by the service: its UTF-8 bytes, which must be exactly 32."""
    raw = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    if len(raw) != AES_KEY_BYTES:
        raise KeyLengthError(said("crypto.key_length", bytes=AES_KEY_BYTES, length=len(raw)))
    return raw


def encrypt_payload(plaintext: bytes, key: str | bytes) -> str:
    """Base64(AES-256-ECB(PKCS#7(plaintext))), as the service produces ``data``."""
    cipher = AES.new(aes_key_bytes(key), AES.MODE_ECB)
    pad = _BLOCK - len(plaintext) % _BLOCK
    return base64.b64encode(cipher.encrypt(bytes(plaintext) + bytes([pad]) * pad)).decode("ascii")


def decrypt_payload(data: str | bytes, key: str | bytes, *, expect_text: bool = True) -> bytearray:
    """Decrypt a whole ``data`` value at once (small payloads, tests, saved files)."""
    decryptor = StreamingDecryptor(key, expect_text=expect_text)
    raw = data.encode("ascii", "replace") if isinstance(data, str) else data
    view = memoryview(raw)
    for start in range(0, len(view), _DEFAULT_CHUNK):
        decryptor.feed(view[start : start + _DEFAULT_CHUNK])
    return decryptor.finish()


def _strict_b64decode(text: bytes | memoryview) -> bytes:
    try:
        return pybase64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise Base64DecodeError(said("crypto.not_base64")) from exc


def _looks_like_text(block: bytes | bytearray) -> bool:
    """True when a decrypted block reads as UTF-8 text: the key was right."""
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(bytes(block), final=False)
    except UnicodeDecodeError:
        return False
    return not any(ord(ch) < 0x20 and ch not in "\t\r\n" for ch in text)


class StreamingDecryptor:
    """Decrypts Base64 text fed in arbitrary chunks; ``finish`` checks padding and returns text."""

    def __init__(self, key: str | bytes, *, expect_text: bool = True) -> None:
        self._cipher = AES.new(aes_key_bytes(key), AES.MODE_ECB)
        self._expect_text = expect_text
        self._b64_rest = b""
        self._ct_rest = b""
        self._out = bytearray()
        self._padded_end = False
        self._finished = False

    def feed(self, chunk: bytes | bytearray | memoryview) -> None:
        text = chunk if isinstance(chunk, bytes) else bytes(chunk)
        if self._b64_rest:
            text = self._b64_rest + text
        # 64 Base64 characters are 48 bytes, three AES blocks: decoding whole groups of 64 keeps
        # the ciphertext block-aligned, so nothing is copied to stitch blocks together.
        whole = len(text) - len(text) % _ALIGN
        if not whole:
            self._b64_rest = text
            return
        if self._padded_end:
            raise Base64DecodeError(said("crypto.after_end"))
        try:
            ciphertext = pybase64.b64decode(memoryview(text)[:whole], validate=True)
        except (binascii.Error, ValueError):
            # Rare path: line-wrapped Base64 (or garbage, which the strict decode reports).
            text = text.translate(None, _WHITESPACE)
            whole = len(text) - len(text) % _ALIGN
            if not whole:
                self._b64_rest = text
                return
            ciphertext = _strict_b64decode(memoryview(text)[:whole])
        self._b64_rest = text[whole:]
        if text[whole - 1 : whole] == b"=":
            self._padded_end = True
        self._decrypt(ciphertext)

    def _decrypt(self, ciphertext: bytes) -> None:
        if self._ct_rest:
            ciphertext = self._ct_rest + ciphertext
        whole = len(ciphertext) - len(ciphertext) % _BLOCK
        self._ct_rest = ciphertext[whole:]
        if whole == len(ciphertext):
            self._out += self._cipher.decrypt(ciphertext)
        elif whole:
            self._out += self._cipher.decrypt(memoryview(ciphertext)[:whole])

    def finish(self) -> bytearray:
        if self._finished:
            raise RuntimeError("StreamingDecryptor.finish() called twice")
        self._finished = True
        rest = self._b64_rest.translate(None, _WHITESPACE)
        if rest:
            if self._padded_end:
                raise Base64DecodeError(said("crypto.after_end"))
            if len(rest) % 4 == 1:
                raise Base64DecodeError(said("crypto.cut_short"))
            if len(rest) % 4:  # tolerate Base64 written without its '=' padding
                rest += b"=" * (-len(rest) % 4)
            self._decrypt(_strict_b64decode(rest))
        if self._ct_rest or not self._out:
            raise CorruptCiphertextError(said("crypto.not_blocks"))
        out = self._out
        self._out = bytearray()
        pad = out[-1]
        padding_ok = 1 <= pad <= _BLOCK and out[-pad:] == bytes([pad]) * pad
        head = out[: min(_BLOCK, len(out) - pad)] if padding_ok else out[:_BLOCK]
        text_ok = not self._expect_text or _looks_like_text(head)
        if not text_ok:
            raise WrongKeyError(said("crypto.wrong_key"))
        if not padding_ok:
            raise PaddingError(said("crypto.padding"))
        del out[-pad:]
        return out


def decode_base64_chunked(
    data: bytes | bytearray | memoryview, chunk: int = _DEFAULT_CHUNK
) -> bytearray:
    """Strict standard Base64 → bytes, whitespace ignored, in bounded chunks (short GIL holds).

    Returns a bytearray filled in place, so a 50 MB video is never held twice.
    """
    view = memoryview(data).cast("B")
    out = bytearray(len(view) * 3 // 4 + 3)
    written = 0
    rest = b""
    ended = False
    step = max(4, chunk - chunk % 4)
    for start in range(0, len(view), step):
        text = rest + bytes(view[start : start + step]).translate(None, _WHITESPACE)
        whole = len(text) - len(text) % 4
        rest = text[whole:]
        if not whole:
            continue
        if ended:
            raise Base64DecodeError(said("base64.after_end"))
        ended = text[whole - 1 : whole] == b"="
        part = _strict_b64decode(text[:whole])
        out[written : written + len(part)] = part
        written += len(part)
    if rest:
        raise Base64DecodeError(said("base64.cut_short"))
    del out[written:]
    return out
