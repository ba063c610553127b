"""The emulator's own check of TC3-HMAC-SHA256 signatures, written from Tencent Cloud's
signature document (v3) — not the SDK's code, so the tests that feed it the SDK's signatures
show the two agree.

``Authorization: TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request,
SignedHeaders=<h1;h2>, Signature=<hex>``; the string to sign is the algorithm, the timestamp,
the credential scope and the SHA-256 of the canonical request (method, URI, query, the signed
headers lower-cased ``name:value`` lines, their names, the body's SHA-256).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

ALGORITHM = "TC3-HMAC-SHA256"
MAX_CLOCK_SKEW = 300  # seconds, as the service allows
_AUTHORIZATION = re.compile(
    r"TC3-HMAC-SHA256 Credential=(?P<id>[^/\s,]+)/(?P<date>\d{4}-\d{2}-\d{2})/(?P<service>[a-z]+)"
    r"/tc3_request, ?SignedHeaders=(?P<headers>[a-z0-9;-]+), ?Signature=(?P<sig>[0-9a-f]{64})"
)


@dataclass(frozen=True)
class Verdict:
    """``None`` code: the signature holds; else the API's error code and message."""

    code: str | None
    message: str = ""
    secret_id: str = ""


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()


def signature(
    secret_key: str,
    *,
    method: str,
    uri: str,
    query: str,
    headers: Mapping[str, str],
    signed: list[str],
    body: bytes,
    timestamp: int,
    service: str,
) -> str:
    """The hex signature of a request."""
    date = datetime.fromtimestamp(timestamp, tz=UTC).strftime("%Y-%m-%d")
    # the document: header names and values lower-cased, surrounding spaces trimmed
    lines = "".join(f"{name}:{headers.get(name, '').strip().lower()}\n" for name in signed)
    canonical = "\n".join(
        (method, uri, query, lines, ";".join(signed), hashlib.sha256(body).hexdigest())
    )
    scope = f"{date}/{service}/tc3_request"
    to_sign = "\n".join(
        (ALGORITHM, str(timestamp), scope, hashlib.sha256(canonical.encode("utf-8")).hexdigest())
    )
    key = _hmac(_hmac(_hmac(("TC3" + secret_key).encode("utf-8"), date), service), "tc3_request")
    return hmac.new(key, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()


def verify(  # noqa: PLR0911 - one return per rejection the document names
    headers: Mapping[str, str],
    body: bytes,
    *,
    secrets: Mapping[str, str],
    service: str,
    now: float,
    method: str = "POST",
    uri: str = "/",
    query: str = "",
) -> Verdict:
    """Check a request's signature: headers by lower-cased name; ``secrets`` SecretId -> key."""
    auth = headers.get("authorization", "")
    match = _AUTHORIZATION.fullmatch(auth.strip())
    if match is None:
        if not auth:
            return Verdict("AuthFailure.SignatureFailure", "请求未携带签名 (no Authorization)")
        return Verdict("AuthFailure.InvalidAuthorization", "Authorization 格式不正确")
    secret_id = match["id"]
    stamp_text = headers.get("x-tc-timestamp", "")
    if not stamp_text.isdigit():
        return Verdict("MissingParameter", "X-TC-Timestamp 缺失或格式不正确", secret_id)
    timestamp = int(stamp_text)
    if abs(now - timestamp) > MAX_CLOCK_SKEW:
        return Verdict("AuthFailure.SignatureExpire", "签名过期", secret_id)
    if match["service"] != service:
        return Verdict("AuthFailure.SignatureFailure", "签名的服务名不匹配", secret_id)
    if datetime.fromtimestamp(timestamp, tz=UTC).strftime("%Y-%m-%d") != match["date"]:
        return Verdict("AuthFailure.SignatureFailure", "签名的日期与时间戳不符", secret_id)
    if secret_id not in secrets:
        return Verdict("AuthFailure.SecretIdNotFound", "密钥不存在", secret_id)
    signed = match["headers"].split(";")
    if "host" not in signed or "content-type" not in signed:
        return Verdict("AuthFailure.SignatureFailure", "签名须包含 content-type 与 host", secret_id)
    expected = signature(
        secrets[secret_id],
        method=method,
        uri=uri,
        query=query,
        headers=headers,
        signed=signed,
        body=body,
        timestamp=timestamp,
        service=service,
    )
    if not hmac.compare_digest(expected, match["sig"]):
        return Verdict("AuthFailure.SignatureFailure", "签名验证失败", secret_id)
    return Verdict(None, "", secret_id)
