"""The demo: the emulator in its own process, the demo profile in memory, data in a temp dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Any

from iauth_desktop.core.config.resolve import Credentials
from iauth_desktop.core.model.errors import UsageError


def emulator_command() -> list[str]:
    """How to start this program's emulator: frozen bundles are their own interpreter."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "emulator"]
    return [sys.executable, "-m", "iauth_desktop", "emulator"]


@dataclass
class DemoSession:
    """Runs ``iauth-desktop emulator`` as a child process for as long as the demo lives."""

    credentials: Credentials | None = None
    tokens: dict[str, str] = field(default_factory=dict)
    _process: subprocess.Popen[str] | None = None
    _dirs: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> DemoSession:
        self._dirs = tempfile.TemporaryDirectory(prefix="iauth-demo-")
        os.environ["IAUTH_CONFIG_DIR"] = str(Path(self._dirs.name) / "config")
        os.environ["IAUTH_DATA_DIR"] = str(Path(self._dirs.name) / "data")
        self._process = subprocess.Popen(  # noqa: S603 - our own executable, fixed arguments
            emulator_command(), stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        try:
            info: dict[str, Any] = json.loads(line)
        except json.JSONDecodeError as exc:
            self.close()
            raise UsageError("the demo emulator did not start (no greeting line)") from exc
        self.credentials = Credentials(
            endpoint=info["url"],
            appid=info["appid"],
            secret_key=info["secret_key"],
            aes_key=info["aes_key"],
            profile_name="demo",
            sources=MappingProxyType({"endpoint": "demo", "appid": "demo"}),
        )
        self.tokens = dict(info["tokens"])
        return self

    def close(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._process is not None and self._process.stdout is not None:
            self._process.stdout.close()
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
