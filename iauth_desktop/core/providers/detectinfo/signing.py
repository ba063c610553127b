"""The service's request signature: Base64(HMAC-SHA1(secret, original) + original).

``original`` is ``a=<appid>&m=<apiName>&t=<now>&e=<expire>`` (the integration document's 签名算法).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from iauth_desktop.core.model.errors import IauthError

API_NAME = "getdetectinfo"
SCRIPT_SUFFIX = ".php"
DEFAULT_EXPIRE = 600
_DIGEST_BYTES = 20  # SHA-1
# t and e: at most 19 digits (a signed 64-bit number, as the service's PHP reads them), so
# nothing downstream meets int()'s 4,300-digit limit or a number no clock could hold.
MAX_NUMBER_DIGITS = 19
_ORIGINAL = re.compile(r"a=(?P<a>[^&]*)&m=(?P<m>[^&]*)&t=(?P<t>[0-9]+)&e=(?P<e>[0-9]+)")


class SignatureError(IauthError):
    """A signature that cannot be used; the subclasses say why."""

    exit_code = 5


class SignatureFormatError(SignatureError):
    """Not a signature of this scheme at all."""


class SignatureForgedError(SignatureError):
    """The HMAC does not match: another secret made it, or it was altered."""


class SignatureExpiredError(SignatureError):
    """Genuine, but past t + e."""


class SignatureMismatchError(SignatureError):
    """Genuine, but for another appid or apiName."""


@dataclass(frozen=True)
class SignatureInfo:
    appid: str
    api_name: str
    t: int
    e: int
    digest: bytes
    original: str

    @property
    def expires_at(self) -> int:
        return self.t + self.e

    def expired(self, now: int) -> bool:
        return now > self.expires_at


def api_name_of(endpoint: str) -> str:
    """The apiName an endpoint is signed for: its script name without ``.php``.

    ``…/getdetectinfo.php`` signs ``m=getdetectinfo``, ``…/api_getdetectinfo.php`` (the H5 and app
    flows) ``m=api_getdetectinfo``; an endpoint that names no script signs the default.
    """
    path = urlsplit(endpoint.strip()).path
    script = path.rsplit("/", 1)[-1]
    name = script.removesuffix(SCRIPT_SUFFIX) if script.endswith(SCRIPT_SUFFIX) else ""
    return name or API_NAME


def _original(appid: str, api_name: str, now: int, expire: int) -> str:
    return f"a={appid}&m={api_name}&t={now}&e={expire}"


def _digest(secret: str, original: bytes) -> bytes:
    return hmac.new(secret.encode("utf-8"), original, hashlib.sha1).digest()


def make_signature(appid: str, secret: str, api_name: str, expire: int, now: int) -> str:
    """Sign exactly as the document's Node reference code does (standard Base64)."""
    if not appid or not secret or not api_name:
        raise SignatureFormatError("appid, secret key and apiName are all needed to sign")
    if expire <= 0:
        raise SignatureFormatError("the signature's validity (expire) must be a positive number")
    original = _original(appid, api_name, int(now), int(expire)).encode("utf-8")
    return base64.b64encode(_digest(secret, original) + original).decode("ascii")


def parse_signature(signature: str) -> SignatureInfo:
    """Decode a signature someone else made, without checking it."""
    text = signature.strip()
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise SignatureFormatError(
            "the signature is not standard Base64 (URL-safe '-' or '_' is not accepted)"
        ) from exc
    if len(raw) <= _DIGEST_BYTES:
        raise SignatureFormatError("the signature is too short to hold an HMAC and its text")
    try:
        original = raw[_DIGEST_BYTES:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SignatureFormatError("the signed text inside the signature is not UTF-8") from exc
    match = _ORIGINAL.fullmatch(original)
    if match is None:
        raise SignatureFormatError("the signed text is not of the form a=…&m=…&t=…&e=…")
    for name in ("t", "e"):
        if len(match[name]) > MAX_NUMBER_DIGITS:
            raise SignatureFormatError(
                f"the signature's {name} has {len(match[name])} digits; "
                f"at most {MAX_NUMBER_DIGITS} make sense"
            )
    return SignatureInfo(
        appid=match["a"],
        api_name=match["m"],
        t=int(match["t"]),
        e=int(match["e"]),
        digest=raw[:_DIGEST_BYTES],
        original=original,
    )


def verify_signature(
    signature: str,
    secret: str,
    *,
    now: int,
    appid: str | None = None,
    api_name: str | None = None,
) -> SignatureInfo:
    """Check HMAC (constant time), then expiry, then that appid/apiName are the expected ones."""
    info = parse_signature(signature)
    expected = _digest(secret, info.original.encode("utf-8"))
    if not hmac.compare_digest(expected, info.digest):
        raise SignatureForgedError("the signature does not verify against this secret key")
    if info.expired(now):
        raise SignatureExpiredError(
            f"the signature expired {now - info.expires_at} s ago (t={info.t}, e={info.e})"
        )
    if appid is not None and info.appid != appid:
        raise SignatureMismatchError(f"the signature is for appid {info.appid!r}, not {appid!r}")
    if api_name is not None and info.api_name != api_name:
        raise SignatureMismatchError(
            f"the signature is for apiName {info.api_name!r}, not {api_name!r}"
        )
    return info
