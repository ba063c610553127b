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
    # FaceID's demo: its own emulator and credentials; its cases listed as "FaceID · <case>"
    faceid_credentials: Credentials | None = None
    faceid_tokens: dict[str, str] = field(default_factory=dict)
    _processes: list[subprocess.Popen[str]] = field(default_factory=list)
    _dirs: tempfile.TemporaryDirectory[str] | None = None

    def spawn(self) -> None:
        """Start both emulators without waiting for them: they boot while the console loads
        (``__enter__`` waits for their greetings; it spawns them itself if this was not called)."""
        if self._processes:
            return
        self._dirs = tempfile.TemporaryDirectory(prefix="iauth-demo-")
        os.environ["IAUTH_CONFIG_DIR"] = str(Path(self._dirs.name) / "config")
        os.environ["IAUTH_DATA_DIR"] = str(Path(self._dirs.name) / "data")
        for command in (emulator_command(), [*emulator_command(), "--provider", "faceid"]):
            self._processes.append(
                subprocess.Popen(  # noqa: S603 - our own executable, fixed arguments
                    command, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True
                )
            )

    def __enter__(self) -> DemoSession:
        self.spawn()
        legacy, faceid_process = self._processes
        info = self._greeting(legacy)
        self.credentials = Credentials(
            endpoint=info["url"],
            appid=info["appid"],
            secret_key=info["secret_key"],
            aes_key=info["aes_key"],
            profile_name="demo",
            sources=MappingProxyType({"endpoint": "demo", "appid": "demo"}),
        )
        self.tokens = dict(info["tokens"])
        faceid = self._greeting(faceid_process)
        self.faceid_credentials = Credentials(
            endpoint=faceid["url"],
            appid=faceid["secret_id"],
            secret_key=faceid["secret_key"],
            aes_key=None,
            profile_name="demo-faceid",
            sources=MappingProxyType({"endpoint": "demo", "appid": "demo"}),
            rsa_public_key=faceid.get("service_public_key"),
            provider="faceid",
            rule_id=faceid["rule_id"],
        )
        self.faceid_tokens = {f"FaceID · {k}": v for k, v in faceid["tokens"].items()}
        return self

    def all_tokens(self) -> dict[str, str]:
        """Every demo case by the name the console lists it under."""
        return {**self.tokens, **self.faceid_tokens}

    def _greeting(self, process: subprocess.Popen[str]) -> dict[str, Any]:
        assert process.stdout is not None
        line = process.stdout.readline()
        try:
            info: dict[str, Any] = json.loads(line)
        except json.JSONDecodeError as exc:
            self.close()
            raise UsageError("the demo emulator did not start (no greeting line)") from exc
        return info

    def close(self) -> None:
        for process in self._processes:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            if process.stdout is not None:
                process.stdout.close()
        self._processes.clear()
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
