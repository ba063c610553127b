"""Test configuration shared by every test folder: headless Qt, isolated config and data dirs."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from tests.postgres_server import PostgresServer, start_postgres

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Timing-based hypothesis checks flake on a loaded 2-core CI machine; correctness checks stay.
settings.register_profile(
    "iauth", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=100
)
settings.load_profile("iauth")

TESTS_DIR = Path(__file__).resolve().parent
REPO_DIR = TESTS_DIR.parent


@pytest.fixture(autouse=True)
def _keep_away_from_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the real reviewer's config or data, even by accident."""
    base = tmp_path_factory.mktemp("iauth-home")
    monkeypatch.setenv("IAUTH_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("IAUTH_DATA_DIR", str(base / "data"))


@pytest.fixture
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Fresh config and data folders (not yet created) exported as IAUTH_CONFIG_DIR/DATA_DIR."""
    dirs = {"config": tmp_path / "config", "data": tmp_path / "data"}
    monkeypatch.setenv("IAUTH_CONFIG_DIR", str(dirs["config"]))
    monkeypatch.setenv("IAUTH_DATA_DIR", str(dirs["data"]))
    return dirs


def need_shared(path: Path) -> Path:
    """``path`` under the team's ``../shared`` folder. A fresh clone has none and skips; CI has it,
    so there (``CI=true``) its absence fails the test instead of quietly skipping it."""
    if not path.exists():
        why = f"{path} is not beside this checkout"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{why}, but CI=true: CI must provide ../shared", pytrace=False)
        pytest.skip(why)
    return path


@pytest.fixture(scope="session")
def vectors_dir() -> Path:
    """The shared test vectors: the repo's copy if present, else the team's shared folder."""
    local = TESTS_DIR / "data" / "vectors"
    return local if local.is_dir() else REPO_DIR.parent / "shared" / "vectors"


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps items in a dict: secure by priority, never on disk.

    It is removed from keyring's backend registry right after its creation so that keyring's
    own detection (and its chainer) never picks it up in place of the real Secret Service.
    """

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.reads = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.reads += 1
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("no such item")


KeyringBackend._classes.discard(MemoryKeyring)  # type: ignore[attr-defined]


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    """A fresh in-memory backend, for ``SecretStore(backend=...)``."""
    return MemoryKeyring()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A private PostgreSQL for the session. Without one installed the tests skip — except under
    CI=true, where they fail: CI installs the server, so a skip there would hide missing work."""
    try:
        server = start_postgres()
    except (FileNotFoundError, subprocess.CalledProcessError) as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required under CI=true and could not start: {exc}")
        pytest.skip(f"no PostgreSQL server here: {exc}")
    yield server
    server.stop()


# A fresh team database per test (store, queue and command-line tests share it).
from tests.team_db import team  # noqa: E402

__all__ = ["team"]
