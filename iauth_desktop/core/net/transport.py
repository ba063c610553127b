"""One HTTP exchange run in a daemon thread, so the caller can give up on it at any moment.

``requests`` blocks in socket reads (up to the read timeout) and only the main thread receives
Ctrl+C. The exchange therefore runs in a small producer thread that hands the response head and
body chunks over a bounded queue; the calling thread waits in 0.1 s slices and checks its cancel
event between them. On cancel the caller simply walks away: the producer notices at its next
step, closes the response and exits. Decoding stays in the calling thread.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import requests

from iauth_desktop.core.model.errors import CancelledError, NetworkError
from iauth_desktop.core.net.errors import HeadFailure, body_failure, head_failure

CHUNK_BYTES = 1024 * 1024
_QUEUE_CHUNKS = 4  # at most 4 MiB in flight between the threads
_POLL_SECONDS = 0.1


@dataclass(frozen=True)
class Request:
    url: str
    headers: Mapping[str, str]
    body: bytes
    timeout: tuple[float, float]
    verify: bool | str
    proxies: Mapping[str, str]


class Deadline:
    """Cancel and the overall deadline of one fetch, checked at every wait.

    Timeouts in ``requests`` are per read: a server sending one byte every 50 s never trips a
    60 s read timeout, so the whole fetch (every attempt and back-off) also has a deadline.
    """

    def __init__(
        self,
        seconds: float,
        event: threading.Event | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.seconds = seconds
        self.event = event
        self._clock = clock
        self._ends = clock() + seconds

    def left(self) -> float:
        return self._ends - self._clock()

    def check(self) -> None:
        """CancelledError when cancelled, NetworkError (exit 4) when the deadline passed."""
        if self.event is not None and self.event.is_set():
            raise CancelledError("the fetch was cancelled")
        if self.left() <= 0:
            raise NetworkError(
                f"no complete answer within {self.seconds:g} s (the fetch's overall deadline): "
                "the server or the link is too slow"
            )

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` unless cancelled or past the deadline first (then raises)."""
        wait = min(seconds, max(self.left(), 0.0))
        if self.event is not None:
            self.event.wait(wait)
        else:
            time.sleep(wait)
        self.check()


class _End:
    """The body ended normally."""


@dataclass(frozen=True)
class _Failed:
    """The producer raised; the calling thread turns it into a typed error."""

    error: BaseException


class Exchange:
    """POST ``request`` in a daemon thread; ``head()`` then ``chunks()`` from the caller."""

    def __init__(self, session: requests.Session, request: Request) -> None:
        self._session = session
        self._request = request
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=_QUEUE_CHUNKS)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._produce, name="iauth-fetch", daemon=True)

    def start(self) -> Exchange:
        self._thread.start()
        return self

    def close(self) -> None:
        """Ask the producer to stop; it closes the response itself. Never blocks."""
        self._stop.set()

    # --- calling thread ----------------------------------------------------------------------

    def head(self, cancel: Deadline) -> requests.Response | HeadFailure:
        item = self._next(cancel)
        if isinstance(item, requests.Response):
            return item
        if isinstance(item, _Failed):
            return head_failure(item.error, self._request.timeout)
        raise TypeError(f"unexpected {type(item).__name__} from the fetch thread")

    def chunks(self, cancel: Deadline) -> Iterator[bytes]:
        """The body in chunks; a broken connection ends in TruncatedResponseError."""
        received = 0
        while True:
            item = self._next(cancel)
            if isinstance(item, bytes):
                received += len(item)
                yield item
            elif isinstance(item, _End):
                return
            elif isinstance(item, _Failed):
                raise body_failure(item.error, received) from None
            else:
                raise TypeError(f"unexpected {type(item).__name__} from the fetch thread")

    def _next(self, cancel: Deadline) -> Any:
        while True:
            try:
                cancel.check()
            except (CancelledError, NetworkError):
                self.close()
                raise
            try:
                return self._queue.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if not self._thread.is_alive() and self._queue.empty():
                    raise RuntimeError("the fetch thread ended without a word") from None

    # --- producer thread ---------------------------------------------------------------------

    def _put(self, item: Any) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=_POLL_SECONDS)
            except queue.Full:
                continue
            return True
        return False

    def _produce(self) -> None:
        request = self._request
        try:
            response = self._session.post(
                request.url,
                data=request.body,
                headers=dict(request.headers),
                timeout=request.timeout,
                verify=request.verify,
                proxies=dict(request.proxies),
                stream=True,
                allow_redirects=False,
            )
        except Exception as exc:  # noqa: BLE001 - handed to the calling thread, raised there
            self._put(_Failed(exc))
            return
        with response:
            if not self._put(response):
                return
            try:
                for chunk in _body_chunks(response):
                    if not self._put(chunk):
                        return
            except Exception as exc:  # noqa: BLE001 - handed to the calling thread, raised there
                self._put(_Failed(exc))
                return
            self._put(_End())


def _body_chunks(response: requests.Response) -> Iterator[bytes]:
    """The body in ``CHUNK_BYTES`` pieces. Without a content encoding they come straight from
    urllib3 (``decode_content=False``): ``iter_content`` passes every piece through a decoding
    buffer that copies it twice more, the whole answer under the GIL. A compressed answer (the
    client accepts gzip and deflate) goes through ``iter_content`` and is decompressed."""
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    if encoding in ("", "identity"):
        return response.raw.stream(CHUNK_BYTES, decode_content=False)
    return response.iter_content(CHUNK_BYTES)
