from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iauth_desktop.core.config.profiles import Profile, ProfileStore
from iauth_desktop.core.config.resolve import Credentials, resolve_credentials
from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.core.model.errors import (
    InsecureEndpointError,
    MissingCredentialsError,
    UsageError,
)
from iauth_desktop.core.providers.detectinfo.endpoints import (
    PRODUCTION_ENDPOINT,
    SANDBOX_ENDPOINT,
    TEST_ENDPOINT,
)

LOCAL = "http://127.0.0.1:8080/new/cgi-bin/getdetectinfo.php"
ENV_SECRET = "env-secret-5b7c"
ENV_AES = "env-aes-key-0123456789abcdef0123"
KR_SECRET = "keyring-secret-91ad"
KR_AES = "keyring-aes-key-0123456789abcdef"
FULL_ENV = {"IAUTH_APPID": "env-app", "IAUTH_SECRET_KEY": ENV_SECRET, "IAUTH_AES_KEY": ENV_AES}


@pytest.fixture
def profiles(tmp_path: Path) -> ProfileStore:
    return ProfileStore(tmp_path / "profiles.json")


@pytest.fixture
def secrets(memory_keyring: Any) -> SecretStore:
    return SecretStore(backend=memory_keyring)


@pytest.fixture
def prod(profiles: ProfileStore, secrets: SecretStore) -> Profile:
    """A default profile 'prod' whose secrets are in the keyring."""
    profile = profiles.add(Profile("prod", PRODUCTION_ENDPOINT, "prod-app"))
    secrets.set("prod", "secret_key", KR_SECRET)
    secrets.set("prod", "aes_key", KR_AES)
    return profile


def resolve(profiles: ProfileStore, secrets: SecretStore | None, **kwargs: Any) -> Credentials:
    options: dict[str, Any] = {"endpoint": None, "profile": None, "environ": {}}
    options.update(kwargs)
    return resolve_credentials(profiles=profiles, secrets=secrets, **options)


def test_environment_alone_with_the_test_endpoint_as_fallback(
    profiles: ProfileStore, secrets: SecretStore
) -> None:
    creds = resolve(profiles, secrets, environ=FULL_ENV)
    assert (creds.endpoint, creds.appid, creds.secret_key, creds.aes_key) == (
        TEST_ENDPOINT,
        "env-app",
        ENV_SECRET,
        ENV_AES,
    )
    assert creds.profile_name is None
    assert dict(creds.sources) == {
        "endpoint": "default",
        "appid": "environment",
        "secret_key": "environment",
        "aes_key": "environment",
    }


def test_default_profile_with_keyring_secrets(
    profiles: ProfileStore, secrets: SecretStore, prod: Profile
) -> None:
    creds = resolve(profiles, secrets)
    assert (creds.endpoint, creds.appid, creds.secret_key, creds.aes_key) == (
        PRODUCTION_ENDPOINT,
        "prod-app",
        KR_SECRET,
        KR_AES,
    )
    assert creds.profile_name == "prod"
    assert set(creds.sources.values()) == {"profile:prod"}


def test_endpoint_precedence(profiles: ProfileStore, secrets: SecretStore, prod: Profile) -> None:
    env = {"IAUTH_ENDPOINT": SANDBOX_ENDPOINT}
    by_option = resolve(profiles, secrets, endpoint=LOCAL, environ=env)
    assert (by_option.endpoint, by_option.sources["endpoint"]) == (LOCAL, "option")
    by_env = resolve(profiles, secrets, environ=env)
    assert (by_env.endpoint, by_env.sources["endpoint"]) == (SANDBOX_ENDPOINT, "environment")
    by_profile = resolve(profiles, secrets)
    assert (by_profile.endpoint, by_profile.sources["endpoint"]) == (
        PRODUCTION_ENDPOINT,
        "profile:prod",
    )


def test_a_chosen_profile_beats_the_default(
    profiles: ProfileStore, secrets: SecretStore, prod: Profile
) -> None:
    profiles.add(Profile("emu", LOCAL, "demo"))
    secrets.set("emu", "secret_key", "emu-secret")
    secrets.set("emu", "aes_key", "emu-aes")
    creds = resolve(profiles, secrets, profile="emu")
    assert (creds.endpoint, creds.appid, creds.secret_key, creds.profile_name) == (
        LOCAL,
        "demo",
        "emu-secret",
        "emu",
    )
    assert creds.sources["secret_key"] == "profile:emu"


def test_environment_beats_the_profile_value_by_value(
    profiles: ProfileStore, secrets: SecretStore, prod: Profile
) -> None:
    creds = resolve(profiles, secrets, environ={"IAUTH_AES_KEY": ENV_AES})
    assert (creds.secret_key, creds.aes_key) == (KR_SECRET, ENV_AES)
    assert dict(creds.sources) == {
        "endpoint": "profile:prod",
        "appid": "profile:prod",
        "secret_key": "profile:prod",
        "aes_key": "environment",
    }


def test_a_foreign_appid_never_signs_with_the_profiles_secret(
    profiles: ProfileStore, secrets: SecretStore, prod: Profile
) -> None:
    with pytest.raises(MissingCredentialsError) as info:
        resolve(profiles, secrets, environ={"IAUTH_APPID": "other-app"})
    assert info.value.missing == ("secret_key", "aes_key")
    assert "IAUTH_SECRET_KEY" in str(info.value)
    assert "IAUTH_APPID names another appid" in str(info.value)
    assert KR_SECRET not in str(info.value)


def test_the_same_appid_from_the_environment_keeps_the_profiles_secrets(
    profiles: ProfileStore, secrets: SecretStore, prod: Profile
) -> None:
    creds = resolve(profiles, secrets, environ={"IAUTH_APPID": "prod-app"})
    assert (creds.secret_key, creds.sources["appid"]) == (KR_SECRET, "environment")


def test_keyring_is_not_read_when_the_environment_has_the_values(
    profiles: ProfileStore, secrets: SecretStore, prod: Profile, memory_keyring: Any
) -> None:
    before = memory_keyring.reads
    creds = resolve(profiles, secrets, environ=FULL_ENV | {"IAUTH_APPID": "prod-app"})
    assert (creds.secret_key, creds.aes_key) == (ENV_SECRET, ENV_AES)
    assert memory_keyring.reads == before


def test_nothing_configured_names_everything_missing(
    profiles: ProfileStore, secrets: SecretStore
) -> None:
    with pytest.raises(MissingCredentialsError) as info:
        resolve(profiles, secrets)
    assert info.value.missing == ("appid", "secret_key", "aes_key")
    assert info.value.exit_code == 2
    message = str(info.value)
    assert "set IAUTH_APPID, IAUTH_SECRET_KEY, IAUTH_AES_KEY, or add a profile" in message


@pytest.mark.parametrize(
    ("env", "missing", "variable"),
    [
        ({"IAUTH_APPID": "a", "IAUTH_SECRET_KEY": "s"}, ("aes_key",), "IAUTH_AES_KEY"),
        ({"IAUTH_APPID": "a", "IAUTH_AES_KEY": "k"}, ("secret_key",), "IAUTH_SECRET_KEY"),
        ({"IAUTH_SECRET_KEY": "s", "IAUTH_AES_KEY": "k"}, ("appid",), "IAUTH_APPID"),
        (
            {"IAUTH_APPID": "a", "IAUTH_SECRET_KEY": " ", "IAUTH_AES_KEY": "k"},
            ("secret_key",),
            "IAUTH_SECRET_KEY",
        ),
    ],
)
def test_a_partial_environment_names_what_is_missing(
    profiles: ProfileStore,
    secrets: SecretStore,
    env: dict[str, str],
    missing: tuple[str, ...],
    variable: str,
) -> None:
    with pytest.raises(MissingCredentialsError) as info:
        resolve(profiles, secrets, environ=env)
    assert info.value.missing == missing
    assert f"set {variable}, or add a profile" in str(info.value)


def test_only_what_is_needed_is_required(profiles: ProfileStore, secrets: SecretStore) -> None:
    decrypt_only = resolve(profiles, secrets, environ={"IAUTH_AES_KEY": ENV_AES}, need_sign=False)
    assert (decrypt_only.appid, decrypt_only.secret_key, decrypt_only.aes_key) == (
        None,
        None,
        ENV_AES,
    )
    assert "secret_key" not in decrypt_only.sources
    sign_only = resolve(profiles, secrets, environ=FULL_ENV, need_decrypt=False)
    assert (sign_only.secret_key, sign_only.aes_key) == (ENV_SECRET, None)
    assert "aes_key" not in sign_only.sources


def test_a_profile_without_stored_secrets_points_at_the_keyring(
    profiles: ProfileStore, secrets: SecretStore
) -> None:
    profiles.add(Profile("prod", PRODUCTION_ENDPOINT, "prod-app"))
    secrets.set("prod", "secret_key", KR_SECRET)
    with pytest.raises(MissingCredentialsError) as info:
        resolve(profiles, secrets)
    assert info.value.missing == ("aes_key",)
    assert "store the secrets of profile 'prod' in the keyring" in str(info.value)
    assert "IAUTH_AES_KEY" in str(info.value)


def test_without_a_keyring_the_profile_gives_only_appid_and_endpoint(
    profiles: ProfileStore, prod: Profile
) -> None:
    with pytest.raises(MissingCredentialsError, match="keyring is not used") as info:
        resolve(profiles, None)
    assert info.value.missing == ("secret_key", "aes_key")
    creds = resolve(profiles, None, environ={"IAUTH_SECRET_KEY": ENV_SECRET}, need_decrypt=False)
    assert (creds.appid, creds.secret_key) == ("prod-app", ENV_SECRET)


def test_an_unknown_profile_is_a_usage_error_naming_it(
    profiles: ProfileStore, secrets: SecretStore, prod: Profile
) -> None:
    with pytest.raises(UsageError, match="no profile named 'staging'"):
        resolve(profiles, secrets, profile="staging", environ=FULL_ENV)


@pytest.mark.parametrize("where", ["option", "environment"])
def test_the_endpoint_is_checked(profiles: ProfileStore, secrets: SecretStore, where: str) -> None:
    bad = "http://iauth.wecity.qq.com/new/cgi-bin/getdetectinfo.php"
    kwargs: dict[str, Any] = (
        {"endpoint": bad, "environ": FULL_ENV}
        if where == "option"
        else {"environ": FULL_ENV | {"IAUTH_ENDPOINT": bad}}
    )
    with pytest.raises(InsecureEndpointError):
        resolve(profiles, secrets, **kwargs)


def test_the_endpoint_comes_back_normalized(profiles: ProfileStore, secrets: SecretStore) -> None:
    creds = resolve(profiles, secrets, endpoint=" HTTP://LOCALHOST:9/x ", environ=FULL_ENV)
    assert creds.endpoint == "http://localhost:9/x"


def test_repr_and_str_never_show_secrets(profiles: ProfileStore, secrets: SecretStore) -> None:
    creds = resolve(profiles, secrets, environ=FULL_ENV)
    for text in (repr(creds), str(creds), f"{creds}", repr([creds])):
        assert ENV_SECRET not in text
        assert ENV_AES not in text
        assert "secret_key=<hidden>" in text
        assert "env-app" in text
    partial = resolve(profiles, secrets, environ=FULL_ENV, need_decrypt=False)
    assert "aes_key=<unset>" in repr(partial)


def test_credentials_are_frozen(profiles: ProfileStore, secrets: SecretStore) -> None:
    creds = resolve(profiles, secrets, environ=FULL_ENV)
    with pytest.raises(AttributeError):
        creds.appid = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        creds.sources["appid"] = "option"  # type: ignore[index]
