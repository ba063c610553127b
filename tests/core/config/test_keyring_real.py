"""The credential facade against real keyring backends.

``test_round_trip_through_the_real_secret_service`` needs a Secret Service on the session bus:
``bash tests/run-tests.sh`` starts gnome-keyring under dbus-run-session for it. Without one the
test skips locally, and fails when CI is set (in CI a skip of this test is a failure). The other
tests use keyring's own fail and null backends, and a real low-priority backend, to prove that
nothing is ever stored in a store that is not a secure OS keyring.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, chainer, fail, null

from iauth_desktop.core.config.secrets import SecretStore, keyring_status
from iauth_desktop.core.model.errors import InsecureKeyringError


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def _secret_service_problem() -> str | None:
    if shutil.which("secret-tool") is None:
        return "secret-tool (libsecret-tools) is not installed"
    try:
        SecretService.Keyring.priority  # noqa: B018 - raises when no Secret Service answers
    except RuntimeError as exc:
        return f"no Secret Service on the session bus: {exc}"
    return None


def _lookup(username: str) -> subprocess.CompletedProcess[str]:
    command = ["secret-tool", "lookup", "service", "iauth-desktop", "username", username]
    return subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)


@pytest.mark.keyring
def test_round_trip_through_the_real_secret_service() -> None:
    problem = _secret_service_problem()
    if problem is not None:
        if _in_ci():
            pytest.fail(f"in CI a skip of this test is a failure: {problem}")
        pytest.skip(f"{problem} (run it through tests/run-tests.sh)")

    store = SecretStore()
    backend = store.backend
    assert isinstance(backend, SecretService.Keyring), f"active backend: {backend!r}"
    assert store.status().secure
    assert store.status().backend == "SecretService Keyring"
    # keyring's SecretService backend names its attributes by its scheme: check which.
    assert backend.schemes[backend.scheme] == {"username": "username", "service": "service"}

    profile = f"kr-test-{uuid.uuid4().hex[:12]}"
    secret_key = f"sk-{uuid.uuid4().hex}"
    aes_key = uuid.uuid4().hex  # 32 characters, like a real result key
    try:
        store.set(profile, "secret_key", secret_key)
        store.set(profile, "aes_key", aes_key)
        assert store.get(profile, "secret_key") == secret_key
        assert store.get(profile, "aes_key") == aes_key

        found = _lookup(SecretStore.username(profile, "secret_key"))
        assert found.returncode == 0, found.stderr
        assert found.stdout.rstrip("\n") == secret_key
        found = _lookup(SecretStore.username(profile, "aes_key"))
        assert found.stdout.rstrip("\n") == aes_key
    finally:
        removed = store.delete(profile)
    assert removed == 2
    assert store.get(profile, "secret_key") is None
    assert _lookup(SecretStore.username(profile, "secret_key")).stdout == ""


# --- insecure backends are refused ----------------------------------------------------------


@pytest.fixture
def active_backend() -> Iterator[Any]:
    """Set keyring's global backend for one test; the previous one is restored afterwards."""
    previous = keyring.get_keyring()

    def use(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield use
    keyring.set_keyring(previous)


class LowPriorityKeyring(KeyringBackend):
    """A real backend keyring itself would not recommend (priority 0), that keeps items."""

    priority = 0  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.items[(service, username)]


class UnavailableKeyring(LowPriorityKeyring):
    """A backend whose priority check fails, as SecretService's does without a D-Bus service."""

    @property  # type: ignore[misc]
    def priority(self) -> float:  # type: ignore[override]
        raise RuntimeError("The Secret Service daemon is neither running nor activatable")


# Keep the test backends out of keyring's own detection and out of its chainer.
KeyringBackend._classes.difference_update({LowPriorityKeyring, UnavailableKeyring})  # type: ignore[attr-defined]


def _plaintext_backend() -> KeyringBackend:
    try:
        from keyrings.alt.file import PlaintextKeyring  # type: ignore[import-not-found]
    except ImportError:
        return LowPriorityKeyring()
    return PlaintextKeyring()  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (fail.Keyring, "no OS keyring was found"),
        (null.Keyring, "the keyring is disabled"),
        (_plaintext_backend, "file on disk|not recommended"),
        (LowPriorityKeyring, "not recommended"),
        (UnavailableKeyring, "not available"),
    ],
)
def test_insecure_backends_are_refused_with_a_way_out(
    active_backend: Any, make: Any, words: str
) -> None:
    backend = active_backend(make())
    status = keyring_status()
    assert status.secure is False
    assert status.backend == backend.name
    assert re.search(words, status.explanation)
    assert "IAUTH_SECRET_KEY" in status.explanation  # the one-run way out is named
    if sys.platform.startswith("linux"):
        assert "gnome-keyring" in status.explanation.lower()

    store = SecretStore()
    assert store.backend is backend
    with pytest.raises(InsecureKeyringError) as info:
        store.set("prod", "secret_key", "never-stored-3c1f")
    assert status.explanation in str(info.value)
    assert info.value.exit_code == 2
    if isinstance(backend, LowPriorityKeyring):
        assert backend.items == {}  # refused before the backend saw the value

    # Reading does not raise: it answers None and says why.
    assert store.get("prod", "secret_key") is None
    assert store.last_error == status.explanation
    assert store.delete("prod") == 0


def test_the_fail_backend_would_raise_but_the_facade_does_not(active_backend: Any) -> None:
    active_backend(fail.Keyring())
    with pytest.raises(keyring.errors.NoKeyringError):
        keyring.get_password("iauth-desktop", "prod/secret_key")
    assert SecretStore().get("prod", "secret_key") is None


def test_a_forced_backend_is_named_in_the_explanation(
    active_backend: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    active_backend(null.Keyring())
    assert "PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring" in keyring_status().explanation


@pytest.mark.parametrize(
    ("members", "secure"),
    [
        ([], False),
        ([LowPriorityKeyring], False),
        ([LowPriorityKeyring, "memory"], False),  # writes would go to the first member
        (["memory", LowPriorityKeyring], True),
        (["memory"], True),
    ],
)
def test_a_chainer_is_as_secure_as_the_member_it_writes_to(
    monkeypatch: pytest.MonkeyPatch, memory_keyring: Any, members: list[Any], secure: bool
) -> None:
    backends = [memory_keyring if m == "memory" else m() for m in members]
    monkeypatch.setattr(chainer.ChainerBackend, "backends", backends)
    status = keyring_status(chainer.ChainerBackend())
    assert status.secure is secure
    assert status.backend.startswith("chainer (")
    if not secure:
        with pytest.raises(InsecureKeyringError):
            SecretStore(backend=chainer.ChainerBackend()).set("p", "aes_key", "x" * 32)
