"""``DetectInfoClient``: fetch one verification case from ``getdetectinfo.php``.

Each attempt is freshly signed and runs in its own producer thread (``transport``); the body is
parsed (``envelope``), Base64-decoded and decrypted chunk by chunk as it arrives, in the calling
thread, so a 50 MiB video never sits in memory as text and Cancel takes effect within 0.1 s.
Retries only where nothing was served: connection failures and HTTP 502/503/504.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import requests

from iauth_desktop.core.model.errors import (
    HttpStatusError,
    MalformedResponseError,
    MissingCredentialsError,
    NetworkError,
    ResponseTooLargeError,
    TransportError,
    TruncatedResponseError,
    UsageError,
)
from iauth_desktop.core.model.messages import said
from iauth_desktop.core.model.result import VerificationResult
from iauth_desktop.core.net.endpoints import check_endpoint, is_loopback_host
from iauth_desktop.core.net.errors import HeadFailure
from iauth_desktop.core.net.excerpt import safe_excerpt
from iauth_desktop.core.net.options import ClientOptions, backoff_delay
from iauth_desktop.core.net.transport import Deadline, Exchange, Request
from iauth_desktop.core.providers.detectinfo.ciphers import CryptType, RsaPublicKey
from iauth_desktop.core.providers.detectinfo.crypto import StreamingDecryptor, aes_key_bytes
from iauth_desktop.core.providers.detectinfo.envelope import EnvelopeParser
from iauth_desktop.core.providers.detectinfo.payload import parse_payload
from iauth_desktop.core.providers.detectinfo.signing import api_name_of, make_signature

__all__ = ["ClientOptions", "DetectInfoClient", "FetchOutcome"]

_log = logging.getLogger(__name__)
RETRY_STATUSES = frozenset({502, 503, 504})
_EXCERPT_SOURCE_BYTES = 2048
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class _Call:
    token: str
    info_type: int
    progress: Progress | None
    cancel: Deadline


@dataclass(frozen=True)
class FetchOutcome:
    result: VerificationResult
    token: str
    endpoint: str
    info_type: int
    fetched_at: datetime  # UTC
    response_bytes: int
    attempts: int


class DetectInfoClient:
    """Talks to one endpoint with one appid's credentials; safe to share between threads."""

    def __init__(
        self,
        endpoint: str,
        appid: str,
        secret_key: str,
        aes_key: str,
        options: ClientOptions | None = None,
        *,
        clock: Callable[[], float] = time.time,
        crypt_type: CryptType | None = None,
        rsa_public_key: RsaPublicKey | None = None,
    ) -> None:
        rsa = crypt_type is CryptType.RSA
        missing = tuple(
            name
            for name, value in (
                ("appid", appid),
                ("secret key", secret_key),
                ("RSA public key" if rsa else "AES key", rsa_public_key if rsa else aes_key),
            )
            if not value
        )
        if missing:
            raise MissingCredentialsError(missing)
        self.endpoint = check_endpoint(endpoint)
        self.appid = appid
        self._secret_key = secret_key
        # KeyLengthError now, not after a download
        self._aes_key = aes_key_bytes(aes_key) if aes_key and not rsa else None
        self.crypt_type = crypt_type  # None: not sent, the appid's default (AES-256-ECB)
        self._rsa_key = rsa_public_key
        self.options = options or ClientOptions()
        if self.options.ca_bundle is not None and not Path(self.options.ca_bundle).exists():
            raise UsageError(said("client.ca_missing", path=repr(self.options.ca_bundle)))
        self._clock = clock
        self._loopback = is_loopback_host(urlsplit(self.endpoint).hostname or "")
        self.api_name = api_name_of(self.endpoint)  # api_getdetectinfo.php: m=api_getdetectinfo

    def __repr__(self) -> str:
        return f"DetectInfoClient({self.endpoint!r}, appid={self.appid!r})"

    def fetch(
        self,
        token: str,
        info_type: int = 0,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> FetchOutcome:
        """Fetch, decrypt and parse one case; typed errors from ``core.errors`` otherwise."""
        token = token.strip()
        if not token:
            raise UsageError(said("client.token_empty"))
        if type(info_type) is not int or info_type not in (0, 1):
            raise UsageError(said("client.mode", field="info_type", value=repr(info_type)))
        deadline = Deadline(self.options.total_timeout, cancel)
        with requests.Session() as session:
            session.trust_env = True  # HTTPS_PROXY, NO_PROXY, REQUESTS_CA_BUNDLE, ...
            return self._fetch(session, _Call(token, info_type, progress, deadline))

    def _fetch(self, session: requests.Session, call: _Call) -> FetchOutcome:
        cancel = call.cancel
        allowed = self.options.retries + 1
        for attempt in range(1, allowed + 1):
            cancel.check()
            _log.debug("attempt %d of %d: POST %s", attempt, allowed, self.endpoint)
            outcome = self._attempt(session, call, attempt)
            if isinstance(outcome, FetchOutcome):
                return outcome
            if attempt == allowed:
                raise self._gave_up(outcome, attempt)
            delay = backoff_delay(self.options.backoff, attempt)
            _log.info(
                "%s; trying again in %.2f s (attempt %d of %d)", outcome, delay, attempt, allowed
            )
            cancel.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _attempt(
        self, session: requests.Session, call: _Call, attempt: int
    ) -> FetchOutcome | TransportError:
        """One signed request: the outcome, a retryable error (returned), or raises."""
        signature = make_signature(
            self.appid,
            self._secret_key,
            self.api_name,
            self.options.signature_expire,
            int(self._clock()),
        )
        aes_text = self._aes_key.decode("utf-8") if self._aes_key is not None else ""
        secrets = (self._secret_key, aes_text, signature)
        exchange = Exchange(session, self._request(call, signature)).start()
        try:
            head = exchange.head(call.cancel)
            if isinstance(head, HeadFailure):
                if head.retryable:
                    return head.error
                raise head.error
            status = head.status_code
            if not 200 <= status < 300:
                error = HttpStatusError(
                    status, _error_excerpt(exchange, head, call.cancel, secrets)
                )
                if status in RETRY_STATUSES:
                    return error
                raise error
            total = _content_length(head)
            received, result = self._read_body(exchange, status, total, secrets, call)
        finally:
            exchange.close()
        return FetchOutcome(
            result=result,
            token=call.token,
            endpoint=self.endpoint,
            info_type=call.info_type,
            fetched_at=datetime.fromtimestamp(self._clock(), tz=UTC),
            response_bytes=received,
            attempts=attempt,
        )

    def _read_body(
        self,
        exchange: Exchange,
        status: int,
        total: int | None,
        secrets: tuple[str, ...],
        call: _Call,
    ) -> tuple[int, VerificationResult]:
        cancel, progress = call.cancel, call.progress
        limit = self.options.max_response_bytes
        if total is not None and total > limit:
            raise ResponseTooLargeError(limit)
        decryptor = StreamingDecryptor(
            self._aes_key,
            crypt_type=self.crypt_type or CryptType.AES_ECB,
            rsa_key=self._rsa_key,
            expect_object=True,
            size_hint=total,  # the data string is part of the answer: never longer
        )
        try:
            parser = EnvelopeParser(decryptor.feed, status=status, secrets=secrets)
            received = 0
            for chunk in exchange.chunks(cancel):
                received += len(chunk)
                if received > limit:
                    raise ResponseTooLargeError(limit)
                parser.feed(chunk)
                if progress is not None:
                    progress(received, total)
            parser.finish()
            exchange.close()
            plaintext = decryptor.finish()
        finally:
            decryptor.close()
        cancel.check()
        return received, parse_payload(plaintext, cancel=cancel.event)

    def _request(self, call: _Call, signature: str) -> Request:
        fields: dict[str, str | int] = {
            "token": call.token,
            "appid": self.appid,
            "info_type": call.info_type,
        }
        if self.crypt_type is not None:
            fields["crypt_type"] = int(self.crypt_type)
        if self.options.body_encoding == "form":
            body = urlencode(fields).encode("ascii")
            content_type = "application/x-www-form-urlencoded"
        else:
            body = json.dumps(fields, ensure_ascii=False).encode("utf-8")
            content_type = "application/json; charset=utf-8"
        headers = {
            "signature": signature,
            "Content-Type": content_type,
            "Accept": "application/json",
            "User-Agent": self.options.user_agent,
        }
        options = self.options
        if options.proxy:
            proxies = {"http": options.proxy, "https": options.proxy}
        elif self._loopback:
            proxies = {"http": "", "https": ""}  # the emulator is never behind a proxy
        else:
            proxies = {}  # the environment's, through trust_env
        timeout = (options.connect_timeout, options.read_timeout)
        verify: bool | str = options.ca_bundle or True  # never False
        return Request(self.endpoint, headers, body, timeout, verify, proxies)

    def _gave_up(self, error: TransportError, attempts: int) -> TransportError:
        if isinstance(error, HttpStatusError):
            return HttpStatusError(error.status, error.excerpt, attempts=attempts)
        host = urlsplit(self.endpoint).netloc
        if attempts == 1:
            return NetworkError(said("net.gave_up_once", host=host, reason=error.detail))
        return NetworkError(said("net.gave_up", host=host, count=attempts, reason=error.detail))


def _content_length(response: requests.Response) -> int | None:
    """The body's size when the header states it for the bytes we count (not compressed)."""
    if response.headers.get("Content-Encoding", "identity").lower() != "identity":
        return None
    text = response.headers.get("Content-Length", "")
    return int(text) if text.isdigit() else None


def _error_excerpt(
    exchange: Exchange,
    response: requests.Response,
    cancel: Deadline,
    secrets: tuple[str, ...],
) -> str:
    """A short, secret-free excerpt of an error answer (or where a redirect pointed)."""
    if response.is_redirect:
        location = response.headers.get("Location", "")
        return safe_excerpt(f"redirected to {location}".encode(), secrets)
    head = bytearray()
    try:
        for chunk in exchange.chunks(cancel):
            head += chunk
            if len(head) >= _EXCERPT_SOURCE_BYTES:
                break
    except (TruncatedResponseError, MalformedResponseError):
        pass  # what arrived is excerpt enough
    exchange.close()
    excerpt = safe_excerpt(bytes(head[:_EXCERPT_SOURCE_BYTES]), secrets)
    # the reason phrase is the server's text too: printable and short, like the excerpt
    return excerpt or safe_excerpt((response.reason or "").encode("utf-8", "replace"), secrets)
