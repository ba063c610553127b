"""A provider's fetch in a child process, so its Python bytecode never competes for the GIL.

The console's GUI thread and a fetch worker thread share one interpreter lock: every chunk the
worker parses, decrypts and decodes is time the GUI thread may wait for (a 50 MiB video is
~90 MiB of Base64 and AES). ``ChildFetcher`` runs ``Provider.fetch`` in a small persistent
worker process (``multiprocessing`` *spawn*, started on first use and reused; a frozen build
supports it through ``multiprocessing.freeze_support`` at its entry point). The parent thread
that waits only moves bytes: the neutral result comes back pickled with its media set aside,
then each medium's raw bytes, which the kernel reads straight into a buffer the caller may
provide (``allocate``; the console's is the ``QByteArray`` it shows, see
``ui/case/prepared_case.py``), by default an anonymous private mapping, so the parent never
copies them while holding the GIL.

Secrets go to the child only through its pipe, after it started — never on its command line,
in its environment (secret variables are withheld from the spawn), in named shared memory or
in a file. Typed errors come back as themselves (``IauthError`` pickles with its attributes);
Cancel is a message to the child, and a child that does not answer within a second is killed.

Protocol (one duplex ``Pipe``; the child answers one request at a time):
    parent → child: ``("fetch", credentials fields, options, token, mode)``, ``("cancel",)``
    child → parent: ``("progress", received, total)``, ``("error", IauthError)``,
    ``("internal", type name)``, ``("done", outcome, media lengths)`` then the media's raw bytes.
"""

from __future__ import annotations

import copyreg
import dataclasses
import logging
import mmap
import multiprocessing
import multiprocessing.connection
import os
import queue
import signal
import socket
import threading
from collections.abc import Callable, Mapping
from multiprocessing.process import BaseProcess
from types import MappingProxyType
from typing import Any

from iauth_desktop.core.allocator import recycle_freed_memory
from iauth_desktop.core.config.credentials import Credentials
from iauth_desktop.core.model.errors import CancelledError, IauthError, NetworkError
from iauth_desktop.core.model.messages import plain
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.base import FetchOutcome, Progress
from iauth_desktop.core.providers.registry import get_spec

__all__ = ["ChildFetcher", "ChildProvider", "default_fetcher", "shutdown_default"]

_log = logging.getLogger(__name__)
PIECE = 1 << 20  # progress is sent at most once per this many bytes received
READ_PIECE = 4 << 20  # the parent reads a medium this much at a time
POLL_S = 0.05  # how often the waiting parent looks at its cancel event
CANCEL_GRACE_S = 1.0  # a cancelled child that has not answered by then is killed
START_TIMEOUT_S = 30.0
# Never handed to the child process's environment: its secrets come through the pipe.
SECRET_ENVIRONMENT = ("IAUTH_SECRET_KEY", "IAUTH_AES_KEY")
# A writable buffer of exactly that many bytes, whose pages need not be touched yet (a medium
# is read into it by the kernel); its ``memoryview`` becomes the medium's ``data``.
Allocate = Callable[[int], Any]


def _rebuild_mapping(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(items)


def _reduce_mapping(mapping: MappingProxyType[Any, Any]) -> tuple[Any, tuple[dict[Any, Any]]]:
    return _rebuild_mapping, (dict(mapping),)


# The core's read-only mappings (a message's parameters, a result's extras) must cross the pipe.
copyreg.pickle(MappingProxyType, _reduce_mapping)


class ChildFetcher:
    """One worker process, started lazily and reused; one fetch at a time (others wait)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._proc: BaseProcess | None = None
        self._conn: multiprocessing.connection.Connection | None = None

    @property
    def pid(self) -> int | None:
        """The worker's process id while it runs (tests look at its command line)."""
        proc = self._proc
        return proc.pid if proc is not None and proc.is_alive() else None

    def start(self) -> None:
        """Start the worker now (else the first fetch does): spawning costs ~0.3 s."""
        with self._lock:
            self._ensure()

    def fetch(
        self,
        credentials: Credentials,
        options: ClientOptions | None,
        token: str,
        mode: FetchMode,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        allocate: Allocate | None = None,
    ) -> FetchOutcome:
        """``get_spec(credentials.provider).connect(credentials, options).fetch(...)`` in the
        worker; the same outcome or typed error as in-process (each medium read into a buffer
        of ``allocate``'s when given)."""
        with self._lock:
            if cancel is not None and cancel.is_set():
                raise CancelledError("the fetch was cancelled")
            fields = {f.name: getattr(credentials, f.name) for f in dataclasses.fields(credentials)}
            fields["sources"] = dict(credentials.sources)
            # A worker that died while idle (killed, out of memory) is found only when spoken
            # to: start a new one and ask once more (a fetch only reads, so asking again is safe).
            for attempt in (1, 2):
                conn = self._ensure()
                try:
                    conn.send(("fetch", fields, options, token, mode))
                    return self._await(conn, progress, cancel, allocate)
                except (OSError, EOFError) as exc:
                    self._stop()
                    if cancel is not None and cancel.is_set():
                        raise CancelledError("the fetch was cancelled") from None
                    if attempt == 2:
                        why = plain(f"the fetch process stopped ({type(exc).__name__})")
                        raise NetworkError(why) from None
                except BaseException:
                    self._stop()  # in the middle of a message: this pipe cannot be trusted
                    raise
            raise AssertionError("unreachable")  # pragma: no cover

    def close(self) -> None:
        """Stop the worker (it is started again on the next fetch)."""
        with self._lock:
            self._stop()

    def _ensure(self) -> multiprocessing.connection.Connection:
        proc, conn = self._proc, self._conn
        # idle, a live worker has nothing to say: anything readable is its end of the pipe closing
        if proc is not None and conn is not None and proc.is_alive() and not conn.poll(0):
            return conn
        self._stop()
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe(duplex=True)
        proc = context.Process(target=_child_main, args=(theirs,), name="iauth-fetch", daemon=True)
        with _secrets_withheld():
            proc.start()
        theirs.close()
        if not ours.poll(START_TIMEOUT_S):
            proc.kill()
            raise NetworkError(plain("the fetch process did not start"))
        ours.recv()  # "ready": its imports are done
        self._proc, self._conn = proc, ours
        return ours

    def _stop(self) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if conn is not None:
            conn.close()
        if proc is not None:
            proc.kill()
            proc.join(5)

    def _await(
        self,
        conn: multiprocessing.connection.Connection,
        progress: Progress | None,
        cancel: threading.Event | None,
        allocate: Allocate | None = None,
    ) -> FetchOutcome:
        cancelled_at: float | None = None
        waited = 0.0
        while True:
            if cancel is not None and cancel.is_set() and cancelled_at is None:
                conn.send(("cancel",))
                cancelled_at = waited
            if not conn.poll(POLL_S):
                waited += POLL_S
                if cancelled_at is not None and waited - cancelled_at > CANCEL_GRACE_S:
                    self._stop()
                    raise CancelledError("the fetch was cancelled")
                continue
            message = conn.recv()
            kind = message[0]
            if kind == "progress":
                if progress is not None and cancelled_at is None:
                    progress(message[1], message[2])
            elif kind == "error":
                error: IauthError = message[1]
                raise error
            elif kind == "internal":
                raise RuntimeError(f"internal error in the fetch process: {message[1]}")
            elif kind == "done":
                return _receive_media(conn, message[1], message[2], allocate or _mapping)
            else:  # pragma: no cover - a protocol mistake
                raise RuntimeError(f"unexpected message from the fetch process: {kind!r}")


def _mapping(length: int) -> mmap.mmap:
    """An anonymous private mapping: no 50 MiB of zeroing, its pages arrive as the bytes do."""
    return mmap.mmap(-1, max(length, 1))


def _receive_media(
    conn: multiprocessing.connection.Connection,
    outcome: FetchOutcome,
    lengths: Mapping[str, int],
    allocate: Allocate = _mapping,
) -> FetchOutcome:
    """Each medium's raw bytes, read by the kernel straight into a buffer of ``allocate``'s:
    no Python-side copy, so this thread holds the GIL only between reads."""
    media = dict(outcome.result.media)
    with socket.socket(fileno=os.dup(conn.fileno())) as sock:
        for name, length in lengths.items():
            view = memoryview(allocate(length)).cast("B")[:length]
            at = 0
            while at < length:
                got = sock.recv_into(view[at:], min(length - at, READ_PIECE))
                if not got:
                    raise EOFError
                at += got
            media[name] = dataclasses.replace(media[name], data=view)
    result = dataclasses.replace(outcome.result, media=media)
    return dataclasses.replace(outcome, result=result)


class _secrets_withheld:
    """The spawn inherits the process environment: leave the secret variables out of it.

    Only the C environment is changed, for the moment of the spawn; ``os.environ`` (what the
    app reads) keeps them."""

    def __enter__(self) -> None:
        self._held = {name: os.environ[name] for name in SECRET_ENVIRONMENT if name in os.environ}
        for name in self._held:
            os.unsetenv(name)

    def __exit__(self, *exc: object) -> None:
        for name, value in self._held.items():
            os.putenv(name, value)


# --- the child ------------------------------------------------------------------------------


def _child_main(conn: multiprocessing.connection.Connection) -> None:
    """The worker: a reader thread takes every message (so Cancel arrives mid-fetch); this
    thread runs the fetches one after another."""
    # Ctrl+C in the terminal reaches the whole process group: the console decides (it closes
    # its window, which stops this worker through its pipe); the worker does not die mid-fetch
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    recycle_freed_memory()  # this process only fetches: see core.allocator
    requests: queue.Queue[tuple[Any, ...] | None] = queue.Queue()
    current: list[threading.Event] = [threading.Event()]
    send_lock = threading.Lock()

    def send(message: tuple[Any, ...]) -> None:
        with send_lock:
            conn.send(message)

    def read() -> None:
        try:
            while True:
                message = conn.recv()
                if message[0] == "cancel":
                    current[0].set()
                else:
                    requests.put(message)
        except (EOFError, OSError):
            current[0].set()
            requests.put(None)  # the parent is gone

    threading.Thread(target=read, name="iauth-fetch-reader", daemon=True).start()
    send(("ready",))
    while (request := requests.get()) is not None:
        _, fields, options, token, mode = request
        cancel = threading.Event()
        current[0] = cancel
        progress = _ProgressSender(send)
        try:
            fields["sources"] = MappingProxyType(fields["sources"])
            creds = Credentials(**fields)
            provider = get_spec(creds.provider).connect(creds, options)
            outcome = provider.fetch(token, mode, progress=progress, cancel=cancel)
        except IauthError as exc:
            exc.__traceback__ = None
            exc.__context__ = exc.__cause__ = None
            send(("error", exc))
            continue
        except Exception as exc:  # noqa: BLE001 - the type only: a message may quote data
            _log.error("internal error in the fetch process: %s", type(exc).__name__)
            send(("internal", type(exc).__name__))
            continue
        _send_outcome(send, conn, send_lock, outcome)
        del outcome


class _ProgressSender:
    """Progress as pipe messages, at most one per piece received."""

    def __init__(self, send: Any) -> None:
        self._send = send
        self._last = -PIECE

    def __call__(self, received: int, total: int | None) -> None:
        if received - self._last >= PIECE or received == total:
            self._last = received
            self._send(("progress", received, total))


def _send_outcome(
    send: Any,
    conn: multiprocessing.connection.Connection,
    send_lock: threading.Lock,
    outcome: FetchOutcome,
) -> None:
    media = outcome.result.media
    lengths = {name: len(item.data) for name, item in media.items() if item.data is not None}
    bare = {
        name: dataclasses.replace(item, data=b"") if name in lengths else item
        for name, item in media.items()
    }
    light = dataclasses.replace(outcome, result=dataclasses.replace(outcome.result, media=bare))
    with send_lock, socket.socket(fileno=os.dup(conn.fileno())) as sock:
        conn.send(("done", light, lengths))
        for name in lengths:
            data = media[name].data
            assert data is not None
            sock.sendall(memoryview(data).cast("B"))


# --- the console's provider -----------------------------------------------------------------

_default: dict[str, ChildFetcher] = {}  # the process's one worker, once asked for
_default_lock = threading.Lock()


def default_fetcher() -> ChildFetcher:
    """The process's one worker (started on its first fetch)."""
    with _default_lock:
        return _default.setdefault("fetcher", ChildFetcher())


def shutdown_default() -> None:
    """Stop the process's worker, if it was started."""
    with _default_lock:
        fetcher = _default.get("fetcher")
    if fetcher is not None:
        fetcher.close()


@dataclasses.dataclass(frozen=True)
class ChildProvider:
    """A ``Provider`` whose fetch runs in ``fetcher``'s process; ``inner`` (connected in this
    process, which checks the credentials at once) answers everything else."""

    inner: Any  # Provider
    credentials: Credentials
    options: ClientOptions | None
    fetcher: ChildFetcher
    allocate: Allocate | None = None  # where each medium's bytes are read (see ``fetch``)

    @property
    def spec(self) -> Any:
        return self.inner.spec

    @property
    def endpoint(self) -> str:
        return str(self.inner.endpoint)

    def fetch(
        self,
        token: str,
        mode: FetchMode,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> FetchOutcome:
        return self.fetcher.fetch(
            self.credentials,
            self.options,
            token,
            mode,
            progress=progress,
            cancel=cancel,
            allocate=self.allocate,
        )
