"""Bodies the emulator sends: the encrypted case, error envelopes, and the gateways' HTML pages.

The payload is assembled as bytes rather than through one ``json.dumps`` of the whole case, so a
50 MiB video is not copied more often than the encryption itself needs.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from typing import Any, Final

from iauth_desktop.core.providers.detectinfo.ciphers import CryptType
from iauth_desktop.core.providers.detectinfo.crypto import encrypt_payload
from iauth_desktop.emulator.detectinfo.demo import ENVELOPE_CODE_NAMES, DemoCase
from iauth_desktop.emulator.detectinfo.rsa_demo import rsa_private_encrypt

_WRAP_COLUMNS = 76
_ESCAPED_CRLF = b"\\r\\n"  # CR LF as they appear inside a JSON string


def _json(value: Any, *, ascii_only: bool) -> bytes:
    text = json.dumps(value, ensure_ascii=ascii_only, separators=(",", ":"))
    return text.encode("utf-8")


def build_plaintext(case: DemoCase, media: Mapping[str, bytes], *, php_style: bool) -> bytes:
    """UTF-8 JSON of the case; media (standard Base64) follow ``validatedata`` as documented.

    ``php_style`` imitates PHP's json_encode defaults: ``\\uXXXX`` for non-ASCII, ``\\/`` for ``/``.
    """
    media_pairs = [
        _json(name, ascii_only=True) + b':"' + base64.b64encode(data) + b'"'
        for name, data in media.items()
    ]
    pairs: list[bytes] = []
    for key, value in case.fields.items():
        pairs.append(_json(key, ascii_only=php_style) + b":" + _json(value, ascii_only=php_style))
        if key == "validatedata":
            pairs.extend(media_pairs)
            media_pairs = []
    pairs.extend(media_pairs)
    plaintext = b"{" + b",".join(pairs) + b"}"
    # json.dumps never writes "\/", and "/" only occurs inside strings: replacing is safe.
    return plaintext.replace(b"/", b"\\/") if php_style else plaintext


def encrypted_envelope(
    plaintext: bytes,
    aes_key: str,
    *,
    wrap: bool = False,
    php_style: bool = False,
    garble: bool = False,
    crypt_type: int | None = None,
    rsa_private_pem: str | None = None,
) -> bytes:
    """``{"errorcode":0,"errormsg":"success","data":"<Base64(AES-256-ECB)>"}`` (CBC or RSA
    blocks for ``crypt_type`` 2 or 1)."""
    data = encrypted_data(plaintext, aes_key, crypt_type, rsa_private_pem)
    if garble:  # characters outside the Base64 alphabet, and a length that is not a multiple of 4
        middle = len(data) // 2 - len(data) // 2 % 4
        data = data[:middle] + b"!*%" + data[middle:]
    if wrap:  # as PHP's chunk_split(base64_encode(...)) does: CRLF after every 76 characters
        lines = [data[i : i + _WRAP_COLUMNS] for i in range(0, len(data), _WRAP_COLUMNS)]
        data = b"".join(line + _ESCAPED_CRLF for line in lines)
    if php_style:
        data = data.replace(b"/", b"\\/")
    return b'{"errorcode":0,"errormsg":"success","data":"' + data + b'"}'


def encrypted_data(
    plaintext: bytes, aes_key: str, crypt_type: int | None, rsa_private_pem: str | None
) -> bytes:
    """The Base64 ``data`` text for the asked ``crypt_type`` (None: the default, ECB)."""
    if crypt_type == CryptType.RSA and rsa_private_pem is not None:
        return rsa_private_encrypt(plaintext, rsa_private_pem).encode("ascii")
    mode = CryptType.AES_CBC if crypt_type == CryptType.AES_CBC else CryptType.AES_ECB
    return encrypt_payload(plaintext, aes_key, mode).encode("ascii")


def error_envelope(code: int) -> bytes:
    """``{"errorcode":N,"errormsg":"NAME"}`` with no data, as the service answers its errors."""
    name = ENVELOPE_CODE_NAMES.get(code, "ERROR_SYSTEM")
    return _json({"errorcode": code, "errormsg": name}, ascii_only=True)


_GATEWAY_REASONS: Final = {
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Temporarily Unavailable",
}


def gateway_page(status: int) -> bytes:
    """The HTML page a reverse proxy in front of the service shows with an HTTP error."""
    reason = _GATEWAY_REASONS.get(status, "Error")
    return (
        f"<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n"
        f"<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n"
        "</body>\r\n</html>\r\n"
    ).encode("ascii")


NON_JSON_PAGE: Final = (
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head><meta charset="utf-8">'
    "<title>系统繁忙</title></head>\n<body>\n<h1>系统繁忙，请稍后再试</h1>\n"
    "<p>The service is busy. Please try again later.</p>\n<br />\n"
    "<b>Warning</b>: mysqli_connect(): (HY000/2002): Connection timed out in "
    "<b>/data/www/cgi-bin/common.php</b> on line <b>42</b><br />\n</body>\n</html>\n"
).encode()
