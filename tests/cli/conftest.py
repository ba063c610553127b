import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class RunningEmulator:
    url: str
    appid: str
    secret_key: str
    aes_key: str
    tokens: dict[str, str]
    process: subprocess.Popen
    rsa_public_key: str = ""

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("IAUTH_") or key in ("IAUTH_CONFIG_DIR", "IAUTH_DATA_DIR")
        }
        env.update(
            IAUTH_ENDPOINT=self.url,
            IAUTH_APPID=self.appid,
            IAUTH_SECRET_KEY=self.secret_key,
            IAUTH_AES_KEY=self.aes_key,
        )
        env.update(extra)
        return env


def start_emulator(*args: str, env: dict[str, str] | None = None) -> RunningEmulator:
    process = subprocess.Popen(
        [sys.executable, "-m", "iauth_desktop", "emulator", *args],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    info = json.loads(process.stdout.readline())
    return RunningEmulator(
        info["url"],
        info["appid"],
        info["secret_key"],
        info["aes_key"],
        info["tokens"],
        process,
        info.get("rsa_public_key", ""),
    )


def stop_emulator(emulator: RunningEmulator) -> None:
    emulator.process.terminate()
    emulator.process.wait(timeout=10)
    if emulator.process.stdout is not None:
        emulator.process.stdout.close()


@pytest.fixture(scope="module")
def emulator() -> Iterator[RunningEmulator]:
    running = start_emulator()
    yield running
    stop_emulator(running)


def run_cli(
    *args: str, env: dict[str, str], stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iauth_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin if stdin is not None else "",
        timeout=90,
        check=False,
        cwd=cwd,
    )
