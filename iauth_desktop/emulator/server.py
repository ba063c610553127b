"""A real HTTP server speaking the protocol of ``getdetectinfo.php`` on a real TCP socket.

``EmulatorServer(EmulatorConfig()).start()`` listens on 127.0.0.1 (a free port by default) and
serves from a daemon thread until ``stop()``. Quiet unless ``verbose``; never logs a body.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Protocol, Self

from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.providers.registry import get_spec
from iauth_desktop.emulator.detectinfo.answers import AnswerBuilder
from iauth_desktop.emulator.detectinfo.demo import DEMO_AES_KEY, DEMO_APPID, DEMO_SECRET_KEY
from iauth_desktop.emulator.detectinfo.faults import Fault, parse_fault
from iauth_desktop.emulator.detectinfo.handler import ENDPOINT_PATH, ServiceHandler
from iauth_desktop.emulator.detectinfo.rsa_demo import demo_public_key_pem

__all__ = ["ENDPOINT_PATH", "EmulatorConfig", "EmulatorServer", "ServedEmulator"]


@dataclass(frozen=True)
class EmulatorConfig:
    host: str = "127.0.0.1"
    port: int = 0
    appid: str = DEMO_APPID
    secret_key: str = field(default=DEMO_SECRET_KEY, repr=False)
    aes_key: str = field(default=DEMO_AES_KEY, repr=False)
    fault: str | None = None  # "NAME[:ARG]", applied to every request
    clock: Callable[[], float] = field(default=time.time, compare=False)
    verbose: bool = False
    allow_remote: bool = False
    listen_fd: int | None = None  # serve on this listening socket (inherited) instead


def is_loopback_listen(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class HttpServer(ThreadingHTTPServer):
    """The listening socket of an emulator (``emulator`` is what its handlers serve)."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        emulator: Any,
        handler: type[BaseHTTPRequestHandler] = ServiceHandler,
        listen_fd: int | None = None,
    ) -> None:
        """``listen_fd``: a socket already bound and listening (handed down by the process that
        started this one, which knew its address before this process even started)."""
        self.emulator = emulator
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, handler, bind_and_activate=listen_fd is None)
        if listen_fd is not None:
            self.socket.close()
            self.socket = socket.socket(fileno=listen_fd)
            self.server_address = self.socket.getsockname()
            self.server_name = str(self.server_address[0])
            self.server_port = int(self.server_address[1])

    def server_bind(self) -> None:
        # HTTPServer.server_bind would look the host up in DNS (getfqdn): not needed, can be slow.
        socketserver.TCPServer.server_bind(self)
        self.server_name = str(self.server_address[0])
        self.server_port = int(self.server_address[1])

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """End idle keep-alive connections too, so nothing answers after ``stop()``."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, OSError) and not self.emulator.verbose:
            return  # the client went away: its business, not ours
        super().handle_error(request, client_address)


class Listening(Protocol):
    """What an emulator's configuration says of where it listens (both emulators' have it)."""

    @property
    def host(self) -> str: ...
    @property
    def port(self) -> int: ...
    @property
    def allow_remote(self) -> bool: ...
    @property
    def listen_fd(self) -> int | None: ...


class ServedEmulator:
    """What every emulator does with its socket: refuse a non-loopback address unless asked,
    start serving from a daemon thread, say its URL, stop (waking handlers that sleep in a
    delay fault) — as ``with Emulator(config) as server: ... server.url ...``. A subclass names
    its handler, its URL path and its thread."""

    handler: type[BaseHTTPRequestHandler] = ServiceHandler
    url_path = "/"
    thread_name = "iauth-emulator"

    def __init__(self, config: Listening) -> None:
        """Where ``config`` says to listen (``listen_fd``: on that listening socket, at its own
        address, instead)."""
        host, port, listen_fd = config.host, config.port, config.listen_fd
        if listen_fd is not None:
            with socket.socket(fileno=socket.dup(listen_fd)) as listening:
                host, port = listening.getsockname()[:2]
        if not (config.allow_remote or is_loopback_listen(host)):
            raise UsageError(
                f"refusing to listen on {host!r}, which is not a loopback address: "
                "the emulator serves demo secrets to anyone (use --allow-remote to insist)"
            )
        self._listen = (host, port)
        self._listen_fd = listen_fd
        self.stopping = threading.Event()
        self._httpd: HttpServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> Self:
        if self._httpd is not None:
            raise RuntimeError("the emulator is already running")
        self.stopping.clear()
        self._httpd = HttpServer(self._listen, self, self.handler, self._listen_fd)
        self._listen_fd = None  # the server owns it now (and closes it when stopped)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"{self.thread_name}:{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the emulator is not running")
        return self._httpd.server_port

    @property
    def url(self) -> str:
        host = self._listen[0]
        with contextlib.suppress(ValueError):
            address = ipaddress.ip_address(host)
            if address.is_unspecified:  # listening everywhere: loopback reaches it too
                host = "::1" if address.version == 6 else "127.0.0.1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}{self.url_path}"

    def stop(self) -> None:
        httpd, thread = self._httpd, self._thread
        if httpd is None:
            return
        self.stopping.set()  # wakes handlers sleeping in the delay fault
        httpd.shutdown()
        httpd.close_connections()
        httpd.server_close()
        if thread is not None:
            thread.join(timeout=5)
        self._httpd = self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with contextlib.suppress(OSError):
            self.stop()


class EmulatorServer(ServedEmulator):
    """The legacy service's emulator (``getdetectinfo.php``)."""

    url_path = ENDPOINT_PATH

    def __init__(self, config: EmulatorConfig | None = None) -> None:
        self.config = config or EmulatorConfig()
        # KeyLengthError now rather than at the first request
        get_spec("detectinfo").check_secret("aes_key", self.config.aes_key)
        if not self.config.appid or not self.config.secret_key:
            raise UsageError("the emulator needs a non-empty appid and secret key")
        super().__init__(self.config)
        self.fault: Fault | None = parse_fault(self.config.fault) if self.config.fault else None
        self.answers = AnswerBuilder(self.config.aes_key)

    @property
    def appid(self) -> str:
        return self.config.appid

    @property
    def secret_key(self) -> str:
        return self.config.secret_key

    @property
    def rsa_public_key(self) -> str:
        """PEM of the public key an integrator gets for crypt_type 1."""
        return demo_public_key_pem()

    @property
    def verbose(self) -> bool:
        return self.config.verbose

    def now(self) -> float:
        return self.config.clock()
