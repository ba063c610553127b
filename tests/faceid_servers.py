"""FaceID emulators on 127.0.0.1 and SDK clients pointed at them: fixtures shared by the
provider's tests and the emulator's (each folder's conftest imports them)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from tencentcloud.common.credential import Credential
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.faceid.v20180301.faceid_client import FaceidClient

from iauth_desktop.emulator.faceid.demo import DEMO_SECRET_ID, DEMO_SECRET_KEY
from iauth_desktop.emulator.faceid.server import FaceIdConfig, FaceIdEmulator


def sdk_client(
    server: FaceIdEmulator, secret_id: str = DEMO_SECRET_ID, secret_key: str = DEMO_SECRET_KEY
) -> FaceidClient:
    """The official SDK's client, as an integrator would set it up, aimed at the emulator."""
    http = HttpProfile(protocol="http", endpoint=f"127.0.0.1:{server.port}")
    client = FaceidClient(Credential(secret_id, secret_key), "", ClientProfile(httpProfile=http))
    client.request.conn.proxy = None
    client.request.conn._session.trust_env = False
    return client


@pytest.fixture(scope="module")
def faceid_server() -> Iterator[FaceIdEmulator]:
    with FaceIdEmulator() as running:
        yield running


@pytest.fixture
def make_faceid_server() -> Iterator[Callable[..., FaceIdEmulator]]:
    started: list[FaceIdEmulator] = []

    def start(**options: Any) -> FaceIdEmulator:
        running = FaceIdEmulator(FaceIdConfig(**options)).start()
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()
