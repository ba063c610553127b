"""Issue #12: a profile, the environment and the command line say which crypt_type an appid
uses (and, for RSA, the service's public key, which is not a secret)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from iauth_desktop.core.config.profiles import Profile, ProfileStore
from iauth_desktop.core.config.resolve import resolve_credentials
from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.core.model.errors import MissingCredentialsError, UsageError
from iauth_desktop.emulator.detectinfo.rsa_demo import demo_public_key_pem

PEM = demo_public_key_pem()
ENDPOINT = "https://iauth.wecity.qq.com/new/cgi-bin/getdetectinfo.php"


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    return ProfileStore(tmp_path / "profiles.json")


@pytest.fixture
def secrets(memory_keyring: Any) -> SecretStore:
    store = SecretStore(backend=memory_keyring)
    store.set("rsa", "secret_key", "profile-secret")
    return store


def test_profile_keeps_crypt_type_and_public_key(store: ProfileStore) -> None:
    store.add(Profile.create("rsa", ENDPOINT, "app", crypt_type=1, rsa_public_key=PEM))
    again = store.get("rsa")
    assert (again.crypt_type, again.rsa_public_key) == (1, PEM.strip() + "\n")
    entry = json.loads(store.path.read_text())["profiles"]["rsa"]
    assert entry["crypt_type"] == 1 and "BEGIN PUBLIC KEY" in entry["rsa_public_key"]


@pytest.mark.parametrize(
    ("crypt_type", "pem"),
    [(4, None), (True, None), (1, "-----BEGIN RSA PRIVATE KEY-----\nPUBLIC KEY-----\n"), (1, "x")],
)
def test_profile_refuses_bad_values(crypt_type: object, pem: object) -> None:
    with pytest.raises(UsageError):
        Profile.create("p", ENDPOINT, "app", crypt_type=crypt_type, rsa_public_key=pem)


def test_rsa_profile_needs_no_aes_key(store: ProfileStore, secrets: SecretStore) -> None:
    store.add(Profile.create("rsa", ENDPOINT, "app", crypt_type=1, rsa_public_key=PEM))
    creds = resolve_credentials(
        endpoint=None, profile="rsa", environ={}, profiles=store, secrets=secrets
    )
    assert creds.crypt_type == 1 and creds.rsa_public_key and creds.aes_key is None
    assert creds.sources["crypt_type"] == "profile:rsa"


def test_precedence_option_environment_profile(
    store: ProfileStore, secrets: SecretStore, tmp_path: Path
) -> None:
    store.add(Profile.create("rsa", ENDPOINT, "app", crypt_type=1, rsa_public_key=PEM))
    secrets.set("rsa", "aes_key", "k" * 32)
    environ = {"IAUTH_CRYPT_TYPE": "2"}
    from_env = resolve_credentials(
        endpoint=None, profile="rsa", environ=environ, profiles=store, secrets=secrets
    )
    assert (from_env.crypt_type, from_env.sources["crypt_type"]) == (2, "environment")
    from_option = resolve_credentials(
        endpoint=None,
        profile="rsa",
        environ=environ,
        profiles=store,
        secrets=secrets,
        crypt_type=3,
    )
    assert (from_option.crypt_type, from_option.sources["crypt_type"]) == (3, "option")


def test_rsa_without_a_key_names_it(store: ProfileStore) -> None:
    with pytest.raises(MissingCredentialsError, match="rsa_public_key"):
        resolve_credentials(
            endpoint=None,
            profile=None,
            environ={"IAUTH_APPID": "a", "IAUTH_SECRET_KEY": "s", "IAUTH_CRYPT_TYPE": "1"},
            profiles=store,
            secrets=None,
        )


def test_key_file_from_the_environment(store: ProfileStore, tmp_path: Path) -> None:
    pem = tmp_path / "service.pem"
    pem.write_text(PEM)
    creds = resolve_credentials(
        endpoint=None,
        profile=None,
        environ={
            "IAUTH_APPID": "a",
            "IAUTH_SECRET_KEY": "s",
            "IAUTH_CRYPT_TYPE": "1",
            "IAUTH_RSA_PUBLIC_KEY_FILE": str(pem),
        },
        profiles=store,
        secrets=None,
    )
    assert creds.rsa_public_key is not None and "PUBLIC KEY" in creds.rsa_public_key
