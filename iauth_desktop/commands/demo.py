"""The demo: the emulators in their own processes, the demo profile in memory, data in a temp
dir."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType, TracebackType

from iauth_desktop.core.config.credentials import Credentials

LOOPBACK = "127.0.0.1"
LISTEN_BACKLOG = 64
EMULATOR_SECRETS = "IAUTH_EMULATOR_"  # the emulators' own key variables: not for the demo's


def emulator_command() -> list[str]:
    """How to start this program's emulator: frozen bundles are their own interpreter."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "emulator"]
    return [sys.executable, "-m", "iauth_desktop", "emulator"]


@dataclass
class DemoSession:
    """Runs ``iauth-desktop emulator`` (legacy and FaceID) as child processes for as long as the
    demo lives.

    ``reserve`` opens the emulators' listening sockets here, so their addresses, and with the
    demo's fixed credentials and tokens everything the console needs, are known before either
    emulator runs; ``spawn`` starts them on those sockets (the console does it once its window
    is painted: they do not compete with its start-up for the CPU). A request made before an
    emulator is up waits in its socket's queue.
    """

    credentials: Credentials | None = None
    tokens: dict[str, str] = field(default_factory=dict)
    # FaceID's demo: its own emulator and credentials; its cases listed as "FaceID · <case>"
    faceid_credentials: Credentials | None = None
    faceid_tokens: dict[str, str] = field(default_factory=dict)
    _processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    _sockets: list[socket.socket] = field(default_factory=list)
    _dirs: tempfile.TemporaryDirectory[str] | None = None

    def reserve(self) -> None:
        """Listen on two loopback ports and fill in the credentials and tokens (no emulator
        runs yet: see ``spawn``)."""
        if self._sockets or self._processes:
            return
        from iauth_desktop.emulator.detectinfo import demo as legacy  # noqa: PLC0415
        from iauth_desktop.emulator.faceid import demo as faceid  # noqa: PLC0415

        self._dirs = tempfile.TemporaryDirectory(prefix="iauth-demo-")
        os.environ["IAUTH_CONFIG_DIR"] = str(Path(self._dirs.name) / "config")
        os.environ["IAUTH_DATA_DIR"] = str(Path(self._dirs.name) / "data")
        self._sockets = [_listening_socket(), _listening_socket()]
        legacy_port, faceid_port = (sock.getsockname()[1] for sock in self._sockets)
        self.credentials = Credentials(
            endpoint=f"http://{LOOPBACK}:{legacy_port}{legacy.ENDPOINT_PATH}",
            appid=legacy.DEMO_APPID,
            secret_key=legacy.DEMO_SECRET_KEY,
            aes_key=legacy.DEMO_AES_KEY,
            profile_name="demo",
            sources=MappingProxyType({"endpoint": "demo", "appid": "demo"}),
        )
        self.tokens = dict(legacy.DEMO_TOKENS)
        self.faceid_credentials = Credentials(
            endpoint=f"http://{LOOPBACK}:{faceid_port}/",
            appid=faceid.DEMO_SECRET_ID,
            secret_key=faceid.DEMO_SECRET_KEY,
            aes_key=None,
            profile_name="demo-faceid",
            sources=MappingProxyType({"endpoint": "demo", "appid": "demo"}),
            rsa_public_key=faceid.DEMO_PUBLIC_KEY,
            provider="faceid",
            rule_id=faceid.DEMO_RULE_ID,
        )
        self.faceid_tokens = {f"FaceID · {k}": v for k, v in faceid.CASE_TOKENS.items()}

    def spawn(self) -> None:
        """Start both emulators on the reserved sockets (reserving them first if need be)."""
        if self._processes:
            return
        self.reserve()
        # the emulators serve the demo's own keys, which are the ones reserve() announced
        env = {k: v for k, v in os.environ.items() if not k.startswith(EMULATOR_SECRETS)}
        for sock, extra in zip(self._sockets, ([], ["--provider", "faceid"]), strict=True):
            fd = sock.fileno()
            self._processes.append(
                subprocess.Popen(  # noqa: S603 - our own executable, fixed arguments
                    [*emulator_command(), *extra, "--listen-fd", str(fd)],
                    stdout=subprocess.DEVNULL,  # its greeting says what reserve() already knows
                    stdin=subprocess.DEVNULL,
                    env=env,
                    pass_fds=(fd,),
                )
            )
            sock.close()  # the emulator's now: when it ends, a request is refused, not held
        self._sockets.clear()

    def __enter__(self) -> DemoSession:
        self.spawn()
        return self

    def all_tokens(self) -> dict[str, str]:
        """Every demo case by the name the console lists it under."""
        return {**self.tokens, **self.faceid_tokens}

    def close(self) -> None:
        for process in self._processes:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        self._processes.clear()
        for sock in self._sockets:
            sock.close()
        self._sockets.clear()
        if self._dirs is not None:
            self._dirs.cleanup()
            self._dirs = None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _listening_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((LOOPBACK, 0))
        sock.listen(LISTEN_BACKLOG)
    except OSError:
        sock.close()
        raise
    return sock
