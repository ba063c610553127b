"""``FaceIdEmulator``: a real HTTP server answering ``GetDetectInfoEnhanced`` on 127.0.0.1."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType

from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.emulator.faceid.answers import AnswerBuilder
from iauth_desktop.emulator.faceid.demo import DEMO_RULE_ID, DEMO_SECRET_ID, DEMO_SECRET_KEY
from iauth_desktop.emulator.faceid.faults import Fault, parse_fault
from iauth_desktop.emulator.faceid.handler import FaceIdHandler
from iauth_desktop.emulator.faceid.keys import demo_public_key_pem
from iauth_desktop.emulator.server import HttpServer, is_loopback_listen


@dataclass(frozen=True)
class FaceIdConfig:
    host: str = "127.0.0.1"
    port: int = 0
    secret_id: str = DEMO_SECRET_ID
    secret_key: str = field(default=DEMO_SECRET_KEY, repr=False)
    rule_id: str = DEMO_RULE_ID
    fault: str | None = None
    clock: Callable[[], float] = field(default=time.time, compare=False)
    verbose: bool = False
    allow_remote: bool = False


class FaceIdEmulator:
    """The emulator; use as ``with FaceIdEmulator(config) as server: ... server.url ...``."""

    def __init__(self, config: FaceIdConfig | None = None) -> None:
        self.config = config or FaceIdConfig()
        if not self.config.secret_id or not self.config.secret_key:
            raise UsageError("the emulator needs a non-empty SecretId and SecretKey")
        if not (self.config.allow_remote or is_loopback_listen(self.config.host)):
            raise UsageError(
                f"refusing to listen on {self.config.host!r}, which is not a loopback address: "
                "the emulator serves demo secrets to anyone (use --allow-remote to insist)"
            )
        self.fault: Fault | None = parse_fault(self.config.fault) if self.config.fault else None
        huge = self.fault.value if self.fault is not None and self.fault.name == "huge-video" else 0
        self.answers = AnswerBuilder(int(huge) or None)
        self.stopping = threading.Event()
        self._httpd: HttpServer | None = None
        self._thread: threading.Thread | None = None

    secret_id = property(lambda self: self.config.secret_id)
    secret_key = property(lambda self: self.config.secret_key)
    rule_id = property(lambda self: self.config.rule_id)
    verbose = property(lambda self: self.config.verbose)

    @property
    def public_key(self) -> str:
        """PEM of the service's public key, as its console shows it."""
        return demo_public_key_pem()

    def now(self) -> float:
        return self.config.clock()

    def start(self) -> FaceIdEmulator:
        if self._httpd is not None:
            raise RuntimeError("the emulator is already running")
        self.stopping.clear()
        self._httpd = HttpServer((self.config.host, self.config.port), self, FaceIdHandler)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"iauth-faceid-emulator:{self.port}",
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
        host = self.config.host
        if host in ("0.0.0.0", "::"):  # noqa: S104 - listening everywhere: loopback reaches it
            host = "127.0.0.1" if host == "0.0.0.0" else "::1"  # noqa: S104
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}/"

    def stop(self) -> None:
        httpd, thread = self._httpd, self._thread
        if httpd is None:
            return
        self.stopping.set()
        httpd.shutdown()
        httpd.close_connections()
        httpd.server_close()
        if thread is not None:
            thread.join(timeout=5)
        self._httpd = self._thread = None

    def __enter__(self) -> FaceIdEmulator:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with contextlib.suppress(OSError):
            self.stop()
