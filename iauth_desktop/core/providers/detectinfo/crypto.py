"""Standard Base64 of encrypted blocks: the ``data`` field (AES-256-ECB by default; CBC and RSA
by ``crypt_type``, see ``ciphers``).

Responses carry whole videos, so decryption streams: Base64 text goes in chunk by chunk as it
arrives and only the plaintext is kept. Every step works on bounded chunks so a worker thread
never holds the GIL for long while the GUI thread wants to paint. The first decrypted block is
checked at once: a wrong key is reported after 16 bytes, not after decrypting 800 MiB of noise.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import mmap
from typing import Any

import pybase64

from iauth_desktop.core.model.errors import (
    Base64DecodeError,
    CorruptCiphertextError,
    KeyLengthError,
    PaddingError,
    WrongKeyError,
)
from iauth_desktop.core.model.messages import said
from iauth_desktop.core.prefaulted import PrefaultedMap
from iauth_desktop.core.providers.detectinfo.ciphers import (
    AesOpener,
    CryptType,
    RsaPublicKey,
    opener,
)
from iauth_desktop.core.pycryptodome import AES

AES_KEY_BYTES = 32
_BLOCK = 16
_WHITESPACE = b" \t\r\n\x0b\x0c"
_DEFAULT_CHUNK = 1 << 20
_ALIGN = 64  # Base64 characters per 48 bytes = 3 AES blocks
_PAD = ord("=")
MAP_AT_LEAST = 8 << 20  # Base64 characters: below this a bytearray is as quick


def aes_key_bytes(key: str | bytes) -> bytes:
    """The result key as used by the service: its UTF-8 bytes, which must be exactly 32."""
    raw = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    if len(raw) != AES_KEY_BYTES:
        raise KeyLengthError(said("crypto.key_length", bytes=AES_KEY_BYTES, length=len(raw)))
    return raw


def encrypt_payload(
    plaintext: bytes, key: str | bytes, crypt_type: CryptType = CryptType.AES_ECB
) -> str:
    """Base64(AES-256-ECB(PKCS#7(plaintext))), as the service produces ``data`` (CBC with a
    zero IV for ``crypt_type`` 2)."""
    cipher: Any
    if crypt_type is CryptType.AES_CBC:
        cipher = AES.new(aes_key_bytes(key), AES.MODE_CBC, iv=bytes(_BLOCK))
    else:
        cipher = AES.new(aes_key_bytes(key), AES.MODE_ECB)
    pad = _BLOCK - len(plaintext) % _BLOCK
    return base64.b64encode(cipher.encrypt(bytes(plaintext) + bytes([pad]) * pad)).decode("ascii")


def decrypt_payload(
    data: str | bytes,
    key: str | bytes | None,
    *,
    expect_text: bool = True,
    crypt_type: CryptType = CryptType.AES_ECB,
    rsa_key: RsaPublicKey | None = None,
) -> bytearray:
    """Decrypt a whole ``data`` value at once (small payloads, tests, saved files)."""
    decryptor = StreamingDecryptor(
        key, expect_text=expect_text, crypt_type=crypt_type, rsa_key=rsa_key
    )
    raw = data.encode("ascii", "replace") if isinstance(data, str) else data
    view = memoryview(raw)
    for start in range(0, len(view), _DEFAULT_CHUNK):
        decryptor.feed(view[start : start + _DEFAULT_CHUNK])
    out = decryptor.finish()
    return out if isinstance(out, bytearray) else bytearray(out)  # no size_hint: no map


def _strict_b64decode(text: bytes | memoryview) -> bytes:
    try:
        return pybase64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise Base64DecodeError(said("crypto.not_base64")) from exc


_BOM = b"\xef\xbb\xbf"


def _looks_like_text(block: bytes | bytearray) -> bool:
    """True when a decrypted block reads as UTF-8 text: the key was right."""
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(bytes(block), final=False)
    except UnicodeDecodeError:
        return False
    return not any(ord(ch) < 0x20 and ch not in "\t\r\n" for ch in text)


def _opens_as(head: bytes | bytearray, *, json_object: bool) -> bool:
    """True when the first decrypted bytes read as text (as a JSON object's start if asked)."""
    if not json_object:
        return _looks_like_text(head)
    text = bytes(head).removeprefix(_BOM).lstrip(b" \t\r\n")
    return _looks_like_text(head) and (not text or text[:1] == b"{")


class StreamingDecryptor:
    """Decrypts Base64 text fed in arbitrary chunks; ``finish`` checks padding and returns text.

    ``crypt_type`` picks the cipher (default AES-256-ECB); RSA needs ``rsa_key`` and no AES key.
    ``expect_object``: the plaintext is a JSON object (the service's answers), so a first block
    that does not open one is reported as a wrong key at once.
    ``size_hint``: the most Base64 text that will come (the answer's length). A large AES answer
    is then opened straight into one map of that bound, populated ahead by a second thread
    (``core.prefaulted``): the plaintext is neither appended nor copied, and ``finish`` returns
    the map, which reads like ``bytes`` and writes like a ``bytearray``.
    """

    def __init__(
        self,
        key: str | bytes | None,
        *,
        expect_text: bool = True,
        crypt_type: CryptType = CryptType.AES_ECB,
        rsa_key: RsaPublicKey | None = None,
        expect_object: bool = False,
        size_hint: int | None = None,
    ) -> None:
        aes_key = aes_key_bytes(key) if key is not None else None
        self._expect_object = expect_text and expect_object
        self._opener = opener(crypt_type, aes_key, rsa_key)
        self._block = self._opener.block
        self._expect_text = expect_text
        self._head_checked = not expect_text
        self._b64_rest = b""
        self._ct_rest = b""
        self._out = bytearray()
        self._map: PrefaultedMap | None = None
        if (
            size_hint is not None
            and size_hint >= MAP_AT_LEAST
            and isinstance(self._opener, AesOpener)
        ):
            self._map = PrefaultedMap.create(size_hint * 3 // 4 + _BLOCK)
        self._length = 0
        self._padded_end = False
        self._finished = False

    def feed(self, chunk: bytes | bytearray | memoryview) -> None:
        text: bytes | memoryview = chunk if isinstance(chunk, bytes) else bytes(chunk)
        if self._b64_rest:
            # complete the group the last chunk left open on its own, rather than copy this
            # whole chunk behind it; whitespace in that group takes the plain way
            need = _ALIGN - len(self._b64_rest)
            group = self._b64_rest + bytes(text[:need])
            if len(group) < _ALIGN or not _plain_group(group):
                text = group + bytes(text[need:])
                self._b64_rest = b""
            else:
                self._b64_rest = b""
                self._feed_aligned(group)
                text = memoryview(text)[need:]
        self._feed_aligned(text)

    def _feed_aligned(self, text: bytes | memoryview) -> None:
        """Decode ``text`` (nothing held back before it) whole groups at a time."""
        # 64 Base64 characters are 48 bytes, three AES blocks: decoding whole groups of 64 keeps
        # the ciphertext block-aligned, so nothing is copied to stitch blocks together.
        whole = len(text) - len(text) % _ALIGN
        if not whole:
            self._b64_rest = bytes(text)
            return
        if self._padded_end:
            raise Base64DecodeError(said("crypto.after_end"))
        try:
            ciphertext = pybase64.b64decode(memoryview(text)[:whole], validate=True)
        except (binascii.Error, ValueError):
            # Rare path: line-wrapped Base64 (or garbage, which the strict decode reports).
            text = bytes(text).translate(None, _WHITESPACE)
            whole = len(text) - len(text) % _ALIGN
            if not whole:
                self._b64_rest = text
                return
            ciphertext = _strict_b64decode(memoryview(text)[:whole])
        self._b64_rest = bytes(text[whole:])
        if text[whole - 1] == _PAD:
            self._padded_end = True
        self._decrypt(ciphertext)

    def _decrypt(self, ciphertext: bytes) -> None:
        if self._ct_rest:
            ciphertext = self._ct_rest + ciphertext
        whole = len(ciphertext) - len(ciphertext) % self._block
        self._ct_rest = ciphertext[whole:]
        if whole:
            blocks = ciphertext if whole == len(ciphertext) else memoryview(ciphertext)[:whole]
            self._open(blocks, whole)
        # With PKCS#7, a lone first block may end in padding: judge it once a second one came.
        if not self._head_checked and self._length > (_BLOCK if self._opener.pkcs7 else 0):
            self._check_head()

    def _open(self, blocks: bytes | memoryview, size: int) -> None:
        opener_ = self._opener
        if self._map is not None and self._length + size > self._map.capacity:
            self._leave_map()  # more than the answer's length allowed for: never, yet safe
        if self._map is not None and isinstance(opener_, AesOpener):
            with self._map.view(self._length, size) as out:
                opener_.open_into(blocks, out)
            self._length += size
            return
        opened = opener_.open(blocks)
        self._out += opened
        self._length += len(opened)

    def _leave_map(self) -> None:
        """Go on in a bytearray with what the map holds."""
        assert self._map is not None
        if self._length:
            held = self._map.take(self._length)
            self._out = bytearray(held)
            held.close()
        else:
            self._map.close()
        self._map = None

    def _head(self) -> bytes:
        if self._map is not None:
            return self._map.head(min(_BLOCK, self._length))
        return bytes(self._out[:_BLOCK])

    def _check_head(self) -> None:
        """Stop at the first block when it is noise: the key does not belong to this data."""
        self._head_checked = True
        if not _opens_as(self._head(), json_object=self._expect_object):
            raise self._wrong_key()

    def _wrong_key(self) -> WrongKeyError:
        if self._opener.pkcs7:
            return WrongKeyError(said("crypto.wrong_key"))
        return WrongKeyError(said("crypto.wrong_rsa_key"))

    def close(self) -> None:
        """Let go of the map when the answer will not be finished (an error, a cancel)."""
        if self._map is not None:
            self._map.close()
            self._map = None

    def finish(self) -> bytearray | mmap.mmap:
        if self._finished:
            raise RuntimeError("StreamingDecryptor.finish() called twice")
        self._finished = True
        try:
            return self._finish()
        finally:
            self.close()

    def _finish(self) -> bytearray | mmap.mmap:
        rest = self._b64_rest.translate(None, _WHITESPACE)
        if rest:
            if self._padded_end:
                raise Base64DecodeError(said("crypto.after_end"))
            if len(rest) % 4 == 1:
                raise Base64DecodeError(said("crypto.cut_short"))
            if len(rest) % 4:  # tolerate Base64 written without its '=' padding
                rest += b"=" * (-len(rest) % 4)
            self._decrypt(_strict_b64decode(rest))
        if self._ct_rest or not self._length:
            raise CorruptCiphertextError(said("crypto.not_blocks"))
        out: bytearray | mmap.mmap
        if self._map is not None:
            out, self._map = self._map.take(self._length), None
        else:
            out, self._out = self._out, bytearray()
        if not self._opener.pkcs7:  # RSA: each block carried its own padding
            if self._expect_text and not _opens_as(out[:_BLOCK], json_object=False):
                raise self._wrong_key()
            return out
        return self._unpad(out)

    def _unpad(self, out: bytearray | mmap.mmap) -> bytearray | mmap.mmap:
        """``out`` without its PKCS#7 padding; a wrong key or damaged padding raises."""
        pad = out[-1]
        padding_ok = 1 <= pad <= _BLOCK and out[-pad:] == bytes([pad]) * pad
        head = out[: min(_BLOCK, len(out) - pad)] if padding_ok else out[:_BLOCK]
        text_ok = not self._expect_text or _looks_like_text(head)
        if not text_ok:
            raise self._wrong_key()
        if not padding_ok:
            raise PaddingError(said("crypto.padding"))
        if not isinstance(out, mmap.mmap):
            del out[-pad:]
        elif len(out) > pad:
            out.resize(len(out) - pad)
        else:  # nothing but padding: a map cannot be empty
            out.close()
            return bytearray()
        return out


def _plain_group(group: bytes) -> bool:
    """True when ``group`` holds no whitespace (the fast path decodes it as it stands)."""
    return not any(char in group for char in _WHITESPACE)


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
