"""``FaceIdClient``: one ``GetDetectInfoEnhanced`` call through the official SDK.

The SDK signs (TC3-HMAC-SHA256), sends and reports errors; it is called through its JSON
interface (``call_json``), so the answer stays whole — its typed models would drop, with a
warning, every field they do not know. What the SDK lacks is added around it:

- cancel and a deadline: the call runs in a thread of its own that the caller abandons (and
  whose connection it closes) on Cancel or when the deadline passes;
- the corporate CA: the SDK passes its own CA bundle to ``requests``, so the project's setting
  (``ClientOptions.ca_bundle``, else ``REQUESTS_CA_BUNDLE`` / ``CURL_CA_BUNDLE``) is handed to it;
- loopback: the emulator is never reached through a proxy;
- quiet logs: the SDK logs whole requests and answers at debug level; its logger is held at
  WARNING so decrypted personal data never reaches a log.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from tencentcloud.common.credential import Credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.faceid.v20180301.faceid_client import FaceidClient

from iauth_desktop.core.model.errors import (
    CancelledError,
    HttpStatusError,
    MalformedResponseError,
    MissingCredentialsError,
    NetworkError,
    PayloadFormatError,
    ResponseTooLargeError,
    ServiceError,
    TokenGone,
    UsageError,
)
from iauth_desktop.core.net.excerpt import safe_excerpt
from iauth_desktop.core.net.json_aside import AsideDocument, set_aside
from iauth_desktop.core.net.options import ClientOptions, backoff_delay
from iauth_desktop.core.providers.faceid import codes
from iauth_desktop.core.providers.faceid.endpoints import SdkEndpoint, sdk_endpoint
from iauth_desktop.core.providers.faceid.wire import ACTION, ERROR, REQUEST_ID, RESPONSE

__all__ = ["FaceIdClient", "SdkCall"]

SDK_LOGGER = "tencentcloud_sdk_common"
logging.getLogger(SDK_LOGGER).setLevel(logging.WARNING)  # never the bodies it logs at debug

_log = logging.getLogger(__name__)
RETRY_STATUSES = frozenset({502, 503, 504})
_POLL = 0.05  # seconds between looks at the cancel event
ASIDE_ABOVE = 1 << 20  # bytes: a larger answer reaches the SDK with its long strings aside
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class SdkCall:
    """What one call brought back: the ``Response`` object and how many bytes carried it."""

    answer: dict[str, Any]
    response_bytes: int
    attempts: int


class _Watch:
    """What the SDK's session saw of the last answer (a requests response hook)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.response: requests.Response | None = None
        self.too_large = False
        self.received = 0
        self.aside: AsideDocument | None = None

    def __call__(self, response: requests.Response, *_args: Any, **_kwargs: Any) -> None:
        self.response = response
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self.limit:
            self.too_large = True
            response.close()
            raise ResponseTooLargeError(self.limit)
        body = response.content  # read here (the socket reads let other threads run)
        self.received = len(body)
        if response.status_code == 200 and len(body) > ASIDE_ABOVE:
            # The SDK parses the body twice with json.loads (its error check, then call_json):
            # it gets the skeleton, the media strings are put back afterwards.
            try:
                self.aside = set_aside(body)
            except PayloadFormatError:
                return  # the SDK's own parse names the problem
            response._content = self.aside.skeleton

    def close(self) -> None:
        if self.response is not None:
            self.response.close()


class FaceIdClient:
    """One SecretId's calls to one endpoint; each call gets an SDK client of its own."""

    def __init__(
        self,
        endpoint: str,
        secret_id: str,
        secret_key: str,
        options: ClientOptions | None = None,
    ) -> None:
        missing = tuple(
            name
            for name, value in (("SecretId", secret_id), ("SecretKey", secret_key))
            if not value
        )
        if missing:
            raise MissingCredentialsError(missing)
        for name, value in (("SecretId", secret_id), ("SecretKey", secret_key)):
            if value.strip() != value or any(ch.isspace() for ch in value):
                raise UsageError(f"the {name} must not contain spaces")
        self.target: SdkEndpoint = sdk_endpoint(endpoint)
        self.endpoint = self.target.url
        self.secret_id = secret_id
        self._secret_key = secret_key
        self.options = options or ClientOptions()
        self.ca_bundle = _ca_bundle(self.options)

    def __repr__(self) -> str:
        return f"FaceIdClient({self.endpoint!r}, secret_id={self.secret_id!r})"

    def call(
        self,
        params: dict[str, Any],
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> SdkCall:
        """``GetDetectInfoEnhanced`` with ``params``; retried where nothing was served
        (connection failures, HTTP 502/503/504). Typed errors otherwise."""
        deadline = time.monotonic() + self.options.total_timeout
        allowed = self.options.retries + 1
        if progress is not None:
            progress(0, None)
        for attempt in range(1, allowed + 1):
            _check(cancel)
            try:
                answer, received = self._attempt(params, cancel, deadline)
            except (NetworkError, HttpStatusError) as error:
                retryable = isinstance(error, NetworkError) or error.status in RETRY_STATUSES
                if not retryable or attempt == allowed:
                    raise
                delay = backoff_delay(self.options.backoff, attempt)
                _log.info(
                    "%s; trying again in %.2f s (attempt %d of %d)", error, delay, attempt, allowed
                )
                _sleep(delay, cancel, deadline)
                continue
            if progress is not None:
                progress(received, received)
            return SdkCall(answer, received, attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    # --- one attempt -------------------------------------------------------------------------

    def _attempt(
        self, params: dict[str, Any], cancel: threading.Event | None, deadline: float
    ) -> tuple[dict[str, Any], int]:
        watch = _Watch(self.options.max_response_bytes)
        client = self._sdk_client(watch)
        outcome: dict[str, Any] = {}
        done = threading.Event()

        def run() -> None:
            try:
                outcome["answer"] = client.call_json(ACTION, params)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                outcome["error"] = exc
            finally:
                done.set()

        worker = threading.Thread(target=run, name="faceid-call", daemon=True)
        worker.start()
        try:
            while not done.wait(_POLL):
                self._still_wanted(cancel, deadline)
        except BaseException:
            watch.close()  # the abandoned call ends on a closed connection, not a timeout
            raise
        response, watch.response = watch.response, None
        received = watch.received
        if response is not None:
            response.close()
            response._content = None
        del response
        if "error" in outcome:
            raise self._error(outcome["error"], watch)
        answer = outcome["answer"]
        if watch.aside is not None:
            answer = watch.aside.restore(answer)
            watch.aside = None
        return _response_object(answer), received

    def _still_wanted(self, cancel: threading.Event | None, deadline: float) -> None:
        _check(cancel)
        if time.monotonic() > deadline:
            raise NetworkError(
                f"gave up after {self.options.total_timeout:g} s (the fetch's deadline)"
            )

    def _sdk_client(self, watch: _Watch) -> FaceidClient:
        options = self.options
        http = HttpProfile(
            protocol=self.target.scheme,
            endpoint=self.target.host,
            reqTimeout=options.read_timeout,  # requests takes floats
            proxy=options.proxy,
            certification=self.ca_bundle,
        )
        try:
            credential = Credential(self.secret_id, self._secret_key)
        except TencentCloudSDKException as exc:
            raise UsageError(f"the credentials are not usable: {exc.message}") from None
        client = FaceidClient(credential, "", ClientProfile(httpProfile=http))
        session: requests.Session = client.request.conn._session
        session.hooks["response"].append(watch)
        if self.target.loopback and not options.proxy:
            client.request.conn.proxy = None  # the emulator is never behind a proxy
            session.trust_env = False
        return client

    def _error(self, error: BaseException, watch: _Watch) -> Exception:
        """The SDK's (or the body's) failure as a typed error of the core."""
        if isinstance(error, ResponseTooLargeError) or watch.too_large:
            return ResponseTooLargeError(self.options.max_response_bytes)
        if isinstance(error, TencentCloudSDKException):
            return self._sdk_error(error, watch)
        if isinstance(error, ValueError | KeyError | TypeError | RecursionError):
            status = watch.response.status_code if watch.response is not None else None
            return MalformedResponseError(
                "the answer is not the JSON object the API describes", status
            )
        if isinstance(error, Exception):
            return NetworkError(f"the call failed: {type(error).__name__}")
        raise error

    def _sdk_error(self, error: TencentCloudSDKException, watch: _Watch) -> Exception:
        code = str(error.code or "")
        message = error.message if isinstance(error.message, str) else ""
        host = self.target.host
        if code == "ClientNetworkError":
            return NetworkError(f"cannot reach {host}: {safe_excerpt(message.encode(), ())}")
        if code == "ServerNetworkError":
            status = watch.response.status_code if watch.response is not None else 0
            body = error.message if isinstance(error.message, bytes) else message.encode()
            return HttpStatusError(status, safe_excerpt(body[:2048], (self._secret_key,)))
        if code in ("ClientError", "ClientParamsError", "InvalidCredential"):
            return UsageError(f"the SDK refused the call: {message}")
        return service_error(code, message, error.requestId)


def service_error(code: str, message: str, request_id: str | None = None) -> ServiceError:
    """An API error (``Response.Error``) explained; exit 3, naming the code."""
    info = codes.api_error(code, message or None)
    said = message if not request_id else f"{message} (RequestId {request_id})"
    gone = TokenGone.DATA_EXPIRED if code in codes.TOKEN_GONE_ERRORS else None
    return ServiceError(code, info.zh, info.en, said, info=info, token_gone=gone)


def _response_object(document: Any) -> dict[str, Any]:
    """The ``Response`` object; a ``Response.Error`` the SDK let through (it checks only exact
    JSON content types) raised as the service error it is."""
    if not isinstance(document, dict) or not isinstance(document.get(RESPONSE), dict):
        raise MalformedResponseError("the answer has no Response object")
    answer: dict[str, Any] = document[RESPONSE]
    error = answer.get(ERROR)
    if isinstance(error, dict):
        request_id = answer.get(REQUEST_ID)
        raise service_error(
            str(error.get("Code") or "unknown"),
            str(error.get("Message") or ""),
            request_id if isinstance(request_id, str) else None,
        )
    return answer


def _ca_bundle(options: ClientOptions) -> str | None:
    """The CA bundle to verify with: the setting, else what requests itself would take from the
    environment (the SDK passes certifi's bundle otherwise, ignoring those variables)."""
    chosen = options.ca_bundle
    if chosen is None:
        chosen = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or None
    if chosen is not None and not Path(chosen).exists():
        raise UsageError(f"the CA bundle {chosen!r} does not exist")
    return chosen


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise CancelledError("the fetch was cancelled")


def _sleep(seconds: float, cancel: threading.Event | None, deadline: float) -> None:
    end = min(time.monotonic() + seconds, deadline)
    while time.monotonic() < end:
        _check(cancel)
        time.sleep(min(_POLL, max(0.0, end - time.monotonic())))
