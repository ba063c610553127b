"""FaceID's values by precedence; profiles that carry their provider."""

from __future__ import annotations

from pathlib import Path

import pytest

from iauth_desktop.core.config.faceid_credentials import FaceIdOptions
from iauth_desktop.core.config.profiles import Profile, ProfileStore
from iauth_desktop.core.config.resolve import resolve_credentials
from iauth_desktop.core.model.errors import MissingCredentialsError, UsageError


class Secrets:
    def __init__(self, values: dict[tuple[str, str], str]) -> None:
        self.values = values
        self.last_error = None

    def get(self, profile: str, kind: str) -> str | None:
        return self.values.get((profile, kind))


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    store = ProfileStore(tmp_path / "profiles.json")
    store.add(Profile.create("legacy", "https://iauth-test.wecity.qq.com/x.php", "1400"))
    store.add(
        Profile.create(
            "face",
            "http://127.0.0.1:8/",
            "AKIDprofile",
            provider="faceid",
            rule_id="7",
            info_parts="13",
            best_frames=4,
        )
    )
    return store


def resolve(store: ProfileStore, **kw: object):
    defaults: dict = {
        "endpoint": None,
        "profile": None,
        "environ": {},
        "profiles": store,
        "secrets": Secrets({("face", "secret_key"): "from-keyring"}),
    }
    return resolve_credentials(**{**defaults, **kw})


def test_a_faceid_profile_round_trips_and_needs_no_provider_option(store: ProfileStore) -> None:
    creds = resolve(store, profile="face")
    assert (creds.provider, creds.appid, creds.secret_key) == (
        "faceid",
        "AKIDprofile",
        "from-keyring",
    )
    assert (creds.rule_id, creds.info_parts, creds.best_frames) == ("7", "13", 4)
    assert creds.sources["secret_key"] == "profile:face"
    assert store.get("face").provider == "faceid" and store.get("legacy").provider == "detectinfo"


def test_the_environment_and_options_come_first(store: ProfileStore) -> None:
    env = {"TENCENTCLOUD_SECRET_ID": "AKIDenv", "TENCENTCLOUD_SECRET_KEY": "env-key"}
    creds = resolve(
        store,
        profile="face",
        environ=env,
        faceid=FaceIdOptions(rule_id="9", info_parts="1", best_frames=0),
    )
    assert (creds.appid, creds.secret_key, creds.rule_id) == ("AKIDenv", "env-key", "9")
    assert (creds.info_parts, creds.best_frames) == ("1", 0)


def test_a_foreign_secret_id_never_signs_with_the_profiles_key(store: ProfileStore) -> None:
    with pytest.raises(MissingCredentialsError, match="SecretKey"):
        resolve(store, profile="face", environ={"TENCENTCLOUD_SECRET_ID": "AKIDother"})


def test_a_contradicting_provider_is_refused(store: ProfileStore) -> None:
    with pytest.raises(UsageError, match="faceid profile"):
        resolve(store, profile="face", provider="detectinfo")


def test_the_default_profile_of_the_other_provider_is_not_used(store: ProfileStore) -> None:
    # "legacy" is the default (added first): --provider faceid does not borrow from it
    with pytest.raises(MissingCredentialsError, match="SecretId"):
        resolve(store, provider="faceid", faceid=FaceIdOptions(rule_id="1"))
    env = {"TENCENTCLOUD_SECRET_ID": "AKIDenv", "TENCENTCLOUD_SECRET_KEY": "k"}
    creds = resolve(store, provider="faceid", environ=env, faceid=FaceIdOptions(rule_id="1"))
    assert creds.endpoint == "https://faceid.tencentcloudapi.com/" and creds.profile_name is None


def test_faceid_settings_are_checked(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        Profile.create("x", "https://a.example/", "id", provider="faceid")  # no rule ID
    with pytest.raises(UsageError):
        Profile.create("x", "https://a.example/", "id", rule_id="1")  # not a FaceID profile
    with pytest.raises(UsageError):
        Profile.create(
            "x", "https://a.example/", "id", provider="faceid", rule_id="1", best_frames=11
        )
    with pytest.raises(UsageError):
        Profile.create(
            "x", "https://a.example/", "id", provider="faceid", rule_id="1", encryption="response"
        )
