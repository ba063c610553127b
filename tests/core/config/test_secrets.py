"""SecretStore logic against an in-memory backend (see tests/conftest.py: MemoryKeyring)."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked

from iauth_desktop.core.config.secrets import KINDS, SERVICE, SecretStore, keyring_status
from iauth_desktop.core.model.errors import InsecureKeyringError, UsageError

SECRET = "canary-secret-9d2f41"
AES = "canary-aes-key-0123456789abcdef!"


def test_kinds_and_service_name() -> None:
    assert KINDS == ("secret_key", "aes_key")
    assert SERVICE == "iauth-desktop"
    assert SecretStore().service == "iauth-desktop"


def test_round_trip_and_item_names(memory_keyring: Any) -> None:
    store = SecretStore(backend=memory_keyring)
    store.set("prod", "secret_key", SECRET)
    store.set("prod", "aes_key", AES)
    assert store.get("prod", "secret_key") == SECRET
    assert store.get("prod", "aes_key") == AES
    assert store.get("other", "secret_key") is None
    assert set(memory_keyring.items) == {
        ("iauth-desktop", "prod/secret_key"),
        ("iauth-desktop", "prod/aes_key"),
    }
    assert SecretStore.username("prod", "aes_key") == "prod/aes_key"
    assert store.last_error is None


def test_set_replaces_the_old_value(memory_keyring: Any) -> None:
    store = SecretStore(backend=memory_keyring)
    store.set("prod", "secret_key", "old-value")
    store.set("prod", "secret_key", SECRET)
    assert store.get("prod", "secret_key") == SECRET
    assert len(memory_keyring.items) == 1


def test_delete_removes_both_and_counts(memory_keyring: Any) -> None:
    store = SecretStore(backend=memory_keyring)
    store.set("prod", "secret_key", SECRET)
    store.set("prod", "aes_key", AES)
    store.set("keep", "aes_key", AES)
    assert store.delete("prod") == 2
    assert store.delete("prod") == 0
    assert store.get("prod", "secret_key") is None
    assert store.get("keep", "aes_key") == AES


def test_a_separate_service_name_keeps_items_apart(memory_keyring: Any) -> None:
    SecretStore("iauth-desktop-test", backend=memory_keyring).set("p", "aes_key", AES)
    assert SecretStore(backend=memory_keyring).get("p", "aes_key") is None


@pytest.mark.parametrize(
    ("profile", "kind", "value", "words"),
    [
        ("prod", "password", SECRET, "unknown secret kind"),
        ("bad name", "secret_key", SECRET, "profile name"),
        ("prod", "secret_key", "", "empty"),
    ],
)
def test_bad_arguments_are_usage_errors(
    memory_keyring: Any, profile: str, kind: Any, value: str, words: str
) -> None:
    with pytest.raises(UsageError, match=words):
        SecretStore(backend=memory_keyring).set(profile, kind, value)
    assert memory_keyring.items == {}


def test_status_of_a_secure_backend(memory_keyring: Any) -> None:
    status = keyring_status(memory_keyring)
    assert status.secure is True
    assert status.backend == memory_keyring.name
    assert memory_keyring.name in status.explanation
    assert SecretStore(backend=memory_keyring).status() == status


def test_a_locked_keyring_reads_as_none_and_says_why(memory_keyring: Any) -> None:
    class LockedKeyring(type(memory_keyring)):  # type: ignore[misc]
        def get_password(self, service: str, username: str) -> str | None:
            raise KeyringLocked("Failed to unlock the collection!")

        def set_password(self, service: str, username: str, password: str) -> None:
            raise KeyringLocked("Failed to unlock the collection!")

        def delete_password(self, service: str, username: str) -> None:
            raise KeyringLocked("Failed to unlock the collection!")

    KeyringBackend._classes.discard(LockedKeyring)  # keep it out of keyring's own detection
    store = SecretStore(backend=LockedKeyring())
    assert store.get("prod", "secret_key") is None
    assert store.last_error is not None
    assert "unlock" in store.last_error
    with pytest.raises(InsecureKeyringError, match="refused to store the secret key"):
        store.set("prod", "secret_key", SECRET)
    with pytest.raises(InsecureKeyringError, match="refused to delete"):
        store.delete("prod")


def test_values_never_reach_the_log(memory_keyring: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    store = SecretStore(backend=memory_keyring)
    store.set("prod", "secret_key", SECRET)
    store.set("prod", "aes_key", AES)
    store.get("prod", "secret_key")
    store.delete("prod")
    assert "prod/secret_key" in caplog.text  # the log does say what happened ...
    assert SECRET not in caplog.text  # ... but never with what value
    assert AES not in caplog.text


def test_the_default_backend_is_keyrings_own_choice(
    memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring

    monkeypatch.setattr(keyring, "get_keyring", lambda: memory_keyring)
    store = SecretStore()
    assert store.backend is memory_keyring
    store.set("prod", "aes_key", AES)
    assert memory_keyring.items[("iauth-desktop", "prod/aes_key")] == AES
