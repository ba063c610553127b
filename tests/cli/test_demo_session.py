"""The demo's session: its emulators' addresses and credentials are known before either runs,
agree with what the emulators announce themselves, and a request made before they start is
answered once they do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from iauth_desktop.commands.demo import DemoSession
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.base import FetchOutcome
from iauth_desktop.core.providers.registry import get_spec

OPTIONS = ClientOptions(retries=0, connect_timeout=5.0, read_timeout=30.0)


@pytest.fixture
def session() -> Iterator[DemoSession]:
    saved = {name: os.environ.get(name) for name in ("IAUTH_CONFIG_DIR", "IAUTH_DATA_DIR")}
    demo = DemoSession()
    yield demo
    demo.close()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def announced(*args: str) -> dict[str, object]:
    """What an emulator started on its own says about itself (its greeting line)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("IAUTH_EMULATOR_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "iauth_desktop.emulator", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        info: dict[str, object] = json.loads(process.stdout.readline())
    finally:
        process.terminate()
        process.communicate(timeout=10)
    return info


def test_reserved_credentials_are_what_the_emulators_announce(session: DemoSession) -> None:
    session.reserve()
    assert session._processes == []  # nothing runs yet
    legacy, faceid = session.credentials, session.faceid_credentials
    assert legacy is not None and faceid is not None
    info = announced()
    assert (legacy.appid, legacy.secret_key, legacy.aes_key) == (
        info["appid"],
        info["secret_key"],
        info["aes_key"],
    )
    assert urlsplit(legacy.endpoint).path == urlsplit(str(info["url"])).path  # its own port
    assert session.tokens == info["tokens"]
    info = announced("--provider", "faceid")
    assert (faceid.appid, faceid.secret_key, faceid.rule_id, faceid.rsa_public_key) == (
        info["secret_id"],
        info["secret_key"],
        info["rule_id"],
        info["service_public_key"],
    )
    assert {name.removeprefix("FaceID · ") for name in session.faceid_tokens} == set(
        info["tokens"]  # type: ignore[arg-type]
    )


def test_a_request_made_before_the_emulators_start_is_answered(session: DemoSession) -> None:
    session.reserve()
    creds = session.credentials
    assert creds is not None
    outcome: list[FetchOutcome] = []
    provider = get_spec().connect(creds, OPTIONS)
    early = threading.Thread(
        target=lambda: outcome.append(provider.fetch(session.tokens["pass"], FetchMode.TEXT_ONLY))
    )
    early.start()  # connects at once (the socket listens); waits for an answer
    session.spawn()
    early.join(timeout=60)
    assert outcome and outcome[0].result.verdict.status == "passed"
    faceid = session.faceid_credentials
    assert faceid is not None
    token = session.faceid_tokens["FaceID · passed"]
    fetched = get_spec("faceid").connect(faceid, OPTIONS).fetch(token, FetchMode.TEXT_ONLY)
    assert fetched.result.verdict.status == "passed"
    processes = list(session._processes)
    session.close()
    assert len(processes) == 2 and all(p.poll() is not None for p in processes)
