"""The emulator in its own process for one benchmark size: started, primed, always terminated."""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_child import sign

TOKEN_NAME = "pass"


class Emulator:
    """``python -m iauth_desktop.emulator --fault huge-video:N``; SIGTERM to its group ends it."""

    def __init__(self, size_mib: float, *, timeout: float, python: str) -> None:
        self.size_mib = size_mib
        self._timeout = timeout
        self._python = python
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self.announcement: dict[str, Any] = {}

    def __enter__(self) -> Emulator:
        self._stderr = tempfile.TemporaryFile()
        cmd = [
            self._python,
            "-m",
            "iauth_desktop.emulator",
            "--fault",
            f"huge-video:{self.size_mib:g}",
        ]
        self._proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            start_new_session=True,
        )
        try:
            self.announcement = json.loads(self._first_line())
        except BaseException:
            self.stop()
            raise
        assert self._proc.stdout is not None
        # Whatever it prints later must never fill the pipe and stall it.
        threading.Thread(target=self._proc.stdout.read, daemon=True).start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _first_line(self) -> bytes:
        assert self._proc is not None
        assert self._proc.stdout is not None
        deadline = time.monotonic() + self._timeout
        with selectors.DefaultSelector() as sel:
            sel.register(self._proc.stdout, selectors.EVENT_READ)
            while time.monotonic() < deadline:
                if sel.select(timeout=0.2):
                    line = self._proc.stdout.readline()
                    if line:
                        return line
                if self._proc.poll() is not None:
                    raise RuntimeError(f"emulator exited {self._proc.returncode}: {self._errors()}")
        raise TimeoutError(f"emulator printed nothing within {self._timeout:g} s")

    def _errors(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return self._stderr.read().decode(errors="replace")[-800:]

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.killpg(proc.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    proc.wait(timeout=10)
                    break
                except subprocess.TimeoutExpired:
                    continue
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    @property
    def url(self) -> str:
        return str(self.announcement["url"])

    @property
    def appid(self) -> str:
        return str(self.announcement["appid"])

    @property
    def secret_key(self) -> str:
        return str(self.announcement["secret_key"])

    @property
    def aes_key(self) -> str:
        return str(self.announcement["aes_key"])

    @property
    def token(self) -> str:
        return str(self.announcement["tokens"][TOKEN_NAME])


def prime(emu: Emulator, *, timeout: float) -> int:
    """One unmeasured request so the emulator builds and caches the answer; its body size."""
    import requests

    headers = {"signature": sign(emu.appid, emu.secret_key, int(time.time()))}
    body = {"token": emu.token, "appid": emu.appid, "info_type": 0}
    with requests.post(
        emu.url, json=body, headers=headers, stream=True, timeout=(10, timeout)
    ) as response:
        response.raise_for_status()
        size = 0
        head = b""
        for chunk in response.iter_content(1 << 20):
            if not head:
                head = chunk[:40]
            size += len(chunk)
    if not head.lstrip().startswith(b'{"errorcode": 0') and b'"errorcode":0' not in head:
        raise RuntimeError(f"the emulator's answer does not start like a success: {head!r}")
    return size
