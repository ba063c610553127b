"""``python -m iauth_desktop.emulator`` in a subprocess: JSON line first, stops on signals."""

from __future__ import annotations

import json
import os
import selectors
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from iauth_desktop.core.providers.detectinfo.signing import make_signature
from iauth_desktop.emulator.detectinfo.demo import DEMO_APPID, DEMO_TOKENS

from .conftest import decrypted


def first_line(process: subprocess.Popen[str], timeout: float = 20) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if selector.select(timeout=0.2):
                return process.stdout.readline()
            assert process.poll() is None, f"emulator exited {process.returncode}"
    raise AssertionError("the emulator printed nothing")


@pytest.fixture
def launch() -> Iterator[Any]:
    processes: list[subprocess.Popen[str]] = []

    def start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
        environment = {k: v for k, v in os.environ.items() if not k.startswith("IAUTH_EMULATOR")}
        process = subprocess.Popen(
            [sys.executable, "-m", "iauth_desktop.emulator", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**environment, **(env or {})},
        )
        processes.append(process)
        return process

    yield start
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


def test_prints_json_first_serves_and_exits_0_on_sigterm(launch: Any) -> None:
    process = launch()
    info = json.loads(first_line(process))
    assert set(info) >= {"url", "appid", "secret_key", "aes_key", "tokens"}
    assert info["url"].startswith("http://127.0.0.1:")
    assert info["url"].endswith("/new/cgi-bin/getdetectinfo.php")
    assert info["appid"] == DEMO_APPID
    assert info["tokens"] == dict(DEMO_TOKENS)
    signature = make_signature(info["appid"], info["secret_key"], "getdetectinfo", 600, time.time())
    response = requests.post(
        info["url"],
        json={"token": info["tokens"]["pass"], "appid": info["appid"], "info_type": 1},
        headers={"signature": signature},
        timeout=10,
    )
    assert decrypted(response, info["aes_key"])["yt_errorcode"] == 0
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=10) == 0
    _, stderr = process.communicate(timeout=5)
    assert stderr == ""  # quiet: no request log


def test_sigint_exits_130(launch: Any) -> None:
    process = launch()
    first_line(process)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=10) == 130


def test_secrets_come_from_the_environment(launch: Any) -> None:
    env = {"IAUTH_EMULATOR_SECRET_KEY": "env-secret", "IAUTH_EMULATOR_AES_KEY": "E" * 32}
    process = launch("--appid", "app-from-argv", "--fault", "http-502", env=env)
    info = json.loads(first_line(process))
    assert (info["appid"], info["secret_key"], info["aes_key"]) == (
        "app-from-argv",
        "env-secret",
        "E" * 32,
    )
    assert info["fault"] == "http-502"
    assert requests.post(info["url"], json={}, timeout=10).status_code == 502
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=10) == 0


@pytest.mark.parametrize("provider", ["detectinfo", "faceid"])
def test_serves_on_a_listening_socket_handed_down(provider: str) -> None:
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen(8)
        port = listening.getsockname()[1]
        fd = listening.fileno()
        command = [sys.executable, "-m", "iauth_desktop.emulator", "--provider", provider]
        process = subprocess.Popen(
            [*command, "--listen-fd", str(fd)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            text=True,
            pass_fds=(fd,),
        )
    try:
        info = json.loads(first_line(process))
        assert info["url"].startswith(f"http://127.0.0.1:{port}/")
        assert requests.get(info["url"], timeout=10).status_code < 500  # it answers there
    finally:
        process.terminate()
        process.communicate(timeout=10)


def test_a_socket_handed_down_must_be_loopback_too() -> None:
    with socket.socket() as listening:
        listening.bind(("0.0.0.0", 0))  # not loopback: the point of the test
        listening.listen(8)
        fd = listening.fileno()
        done = subprocess.run(
            [sys.executable, "-m", "iauth_desktop.emulator", "--listen-fd", str(fd)],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            pass_fds=(fd,),
            timeout=30,
            check=False,
        )
    assert done.returncode == 2
    assert "loopback" in done.stderr


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--secret-key", "x"], {}),  # secrets never via argv
        (["--fault", "sunspots"], {}),
        (["--host", "192.0.2.10"], {}),
        ([], {"IAUTH_EMULATOR_AES_KEY": "short"}),
    ],
    ids=["secret-in-argv", "unknown-fault", "remote-host", "short-aes-key"],
)
def test_configuration_errors_exit_2(launch: Any, args: list[str], env: dict[str, str]) -> None:
    process = launch(*args, env=env)
    assert process.wait(timeout=20) == 2
    stdout, stderr = process.communicate(timeout=5)
    assert stdout == ""
    assert stderr.strip()
