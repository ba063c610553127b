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
from datetime import UTC, datetime
from urllib.parse import urlsplit

from iauth_desktop.core.model.errors import IauthError
from iauth_desktop.core.model.messages import said

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
        raise SignatureFormatError(said("signature.needs_all"))
    if expire <= 0:
        raise SignatureFormatError(said("signature.expire"))
    original = _original(appid, api_name, int(now), int(expire)).encode("utf-8")
    return base64.b64encode(_digest(secret, original) + original).decode("ascii")


def _is_url_safe_signature(text: str) -> bool:
    """A real signature written in URL-safe Base64, as some clients do."""
    if "-" not in text and "_" not in text:
        return False
    try:
        raw = base64.b64decode(text, altchars=b"-_", validate=True)
        return _ORIGINAL.fullmatch(raw[_DIGEST_BYTES:].decode("utf-8")) is not None
    except (binascii.Error, ValueError):
        return False


def describe_expiry(expires_at: int, now: int) -> str:
    """``expires 2024-05-01T08:30:00Z (in 9 min 59 s)`` or ``expired 2018-…Z, 2275 days 8 h
    ago``: a date and a span a person reads, not a count of seconds."""
    try:
        when = datetime.fromtimestamp(expires_at, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (OverflowError, OSError, ValueError):  # a year past 9999 or before 1
        when = "beyond the calendar"
    left = expires_at - now
    if left >= 0:
        return f"expires {when} (in {_span(left)})"
    return f"expired {when}, {_span(-left)} ago"


def _span(seconds: int) -> str:
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days} day{'s' if days != 1 else ''} {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


def parse_signature(signature: str) -> SignatureInfo:
    """Decode a signature someone else made, without checking it."""
    text = signature.strip()
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        if _is_url_safe_signature(text):
            raise SignatureFormatError(said("signature.url_safe")) from exc
        raise SignatureFormatError(said("signature.not_base64")) from exc
    if len(raw) <= _DIGEST_BYTES:
        raise SignatureFormatError(said("signature.too_short"))
    try:
        original = raw[_DIGEST_BYTES:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SignatureFormatError(said("signature.not_utf8")) from exc
    match = _ORIGINAL.fullmatch(original)
    if match is None:
        raise SignatureFormatError(said("signature.bad_form"))
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
        raise SignatureForgedError(said("signature.forged"))
    if info.expired(now):
        raise SignatureExpiredError(
            f"the signature {describe_expiry(info.expires_at, now)} (t={info.t}, e={info.e})"
        )
    if appid is not None and info.appid != appid:
        raise SignatureMismatchError(f"the signature is for appid {info.appid!r}, not {appid!r}")
    if api_name is not None and info.api_name != api_name:
        raise SignatureMismatchError(
            f"the signature is for apiName {info.api_name!r}, not {api_name!r}"
        )
    return info
