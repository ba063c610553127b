"""What ``requests`` raised, said in plain words as the core's typed errors.

Before any answer: connection failures may be retried (nothing was served), a read timeout or a
TLS failure may not (the request may have been served, or retrying cannot help). After the answer
began, any failure means the body is incomplete.
"""

from __future__ import annotations

import http.client
import socket
from dataclasses import dataclass

import requests
import urllib3

from iauth_desktop.core.model.errors import (
    MalformedResponseError,
    NetworkError,
    TransportError,
    TruncatedResponseError,
)
from iauth_desktop.core.model.messages import Detail, said


@dataclass(frozen=True)
class HeadFailure:
    """No answer came: the typed error, and whether trying again may help."""

    error: TransportError
    retryable: bool


def _chain(error: BaseException) -> list[BaseException]:
    """The error, its causes and every exception nested in their args (urllib3 nests them)."""
    seen: list[BaseException] = []
    todo = [error]
    while todo and len(seen) < 20:
        current = todo.pop()
        if any(current is done for done in seen):
            continue
        seen.append(current)
        todo.extend(arg for arg in current.args if isinstance(arg, BaseException))
        todo.extend(e for e in (current.__cause__, current.__context__) if e is not None)
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException):
            todo.append(reason)
    return seen


def reason_in_words(error: BaseException) -> Detail:
    """The most telling low-level cause, as a reviewer would say it."""
    chain = _chain(error)
    words = (
        (socket.gaierror, "net.reason.dns"),
        (ConnectionRefusedError, "net.reason.refused"),
        (ConnectionResetError, "net.reason.reset"),
        (ConnectionAbortedError, "net.reason.aborted"),
        (http.client.RemoteDisconnected, "net.reason.closed"),
        (http.client.IncompleteRead, "net.reason.closed_mid_answer"),
        (TimeoutError, "net.reason.timed_out"),
        (BrokenPipeError, "net.reason.broken_pipe"),
    )
    for kind, key in words:
        if any(isinstance(item, kind) for item in chain):
            return said(key)
    read_timeouts = requests.exceptions.ReadTimeout | urllib3.exceptions.ReadTimeoutError
    if any(isinstance(item, read_timeouts) for item in chain):
        return said("net.reason.read_timeout")
    return said("net.reason.failed")


def _malformed_head(error: BaseException) -> http.client.HTTPException | None:
    """The parse error when the server did answer, but with an HTTP head no client reads (over
    100 header lines, a line over 64 KiB, a status line that is not HTTP)."""
    for item in _chain(error):
        if isinstance(item, http.client.HTTPException) and not isinstance(
            item, http.client.RemoteDisconnected | http.client.IncompleteRead
        ):
            return item
    return None


def head_failure(  # noqa: PLR0911 - one return per kind of failure reads best
    error: BaseException, timeout: tuple[float, float]
) -> HeadFailure:
    """Map an error raised before any answer arrived; unknown errors are raised as they are."""
    bad_head = _malformed_head(error)
    if bad_head is not None:  # an answer came, and asking again gets the same one: no retry
        kind = type(bad_head).__name__
        return HeadFailure(
            MalformedResponseError(f"the answer's HTTP head is malformed ({kind})"),
            retryable=False,
        )
    if isinstance(error, requests.exceptions.SSLError):
        return HeadFailure(
            NetworkError(said("net.tls")),
            retryable=False,
        )
    if isinstance(error, requests.exceptions.ProxyError):
        return HeadFailure(NetworkError(said("net.proxy", reason=reason_in_words(error))), True)
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return HeadFailure(
            NetworkError(said("net.connect_timeout", seconds=f"{timeout[0]:g}")), retryable=True
        )
    if isinstance(error, requests.exceptions.ReadTimeout):
        return HeadFailure(
            NetworkError(said("net.read_timeout", seconds=f"{timeout[1]:g}")), retryable=False
        )
    if isinstance(error, requests.exceptions.ConnectionError):
        return HeadFailure(NetworkError(reason_in_words(error)), retryable=True)
    if isinstance(error, requests.RequestException | OSError):
        return HeadFailure(
            NetworkError(said("net.request_failed", reason=reason_in_words(error))), False
        )
    raise error


def body_failure(error: BaseException, received: int) -> TransportError:
    """Map an error raised while the body streamed in; unknown errors are raised as they are."""
    # requests' own, or urllib3's (an answer without content encoding is read from it directly)
    if isinstance(error, requests.exceptions.ContentDecodingError | urllib3.exceptions.DecodeError):
        return MalformedResponseError(said("net.decompress"))
    if isinstance(error, requests.RequestException | urllib3.exceptions.HTTPError | OSError):
        reason = reason_in_words(error)
        for item in _chain(error):
            if isinstance(item, urllib3.exceptions.IncompleteRead):
                return TruncatedResponseError(
                    said(
                        "net.broke_off_announced",
                        received=item.partial,
                        expected=item.expected,
                        reason=reason,
                    )
                )
        return TruncatedResponseError(said("net.broke_off", received=received, reason=reason))
    raise error
