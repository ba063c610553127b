from __future__ import annotations

import json
import os
import stat
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iauth_desktop.core.config.profiles import Profile, ProfileStore, validate_profile_name
from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.core.model.errors import InsecureEndpointError, UsageError
from iauth_desktop.core.providers.detectinfo.endpoints import PRODUCTION_ENDPOINT, TEST_ENDPOINT

LOCAL = "http://127.0.0.1:8080/new/cgi-bin/getdetectinfo.php"


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    return ProfileStore(tmp_path / "config" / "profiles.json")


def _document(store: ProfileStore) -> Any:
    return json.loads(store.path.read_text(encoding="utf-8"))


def test_an_empty_store_reads_without_creating_anything(store: ProfileStore) -> None:
    assert store.list() == []
    assert store.default() is None
    assert "prod" not in store
    assert not store.path.parent.exists()


def test_add_get_list_and_the_file_format(store: ProfileStore) -> None:
    store.add(Profile("prod", PRODUCTION_ENDPOINT, "appid-1"))
    store.add(Profile("emu", LOCAL, "demo"))
    assert [p.name for p in store.list()] == ["emu", "prod"]
    assert store.get("emu") == Profile("emu", LOCAL, "demo")
    assert "emu" in store
    assert _document(store) == {
        "version": 1,
        "default": "prod",
        "profiles": {
            "emu": {"endpoint": LOCAL, "appid": "demo"},
            "prod": {"endpoint": PRODUCTION_ENDPOINT, "appid": "appid-1"},
        },
    }


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_file_is_0600_in_a_0700_folder(store: ProfileStore) -> None:
    store.add(Profile("prod", PRODUCTION_ENDPOINT, "appid-1"))
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700


def test_the_first_profile_becomes_default_and_later_ones_do_not(store: ProfileStore) -> None:
    store.add(Profile("first", TEST_ENDPOINT, "a"))
    store.add(Profile("second", TEST_ENDPOINT, "b"))
    default = store.default()
    assert default is not None
    assert default.name == "first"
    store.set_default("second")
    assert _document(store)["default"] == "second"
    store.set_default(None)
    assert store.default() is None


def test_duplicates_need_replace(store: ProfileStore) -> None:
    store.add(Profile("prod", PRODUCTION_ENDPOINT, "old"))
    with pytest.raises(UsageError, match="already exists"):
        store.add(Profile("prod", PRODUCTION_ENDPOINT, "new"))
    assert store.get("prod").appid == "old"
    store.add(Profile("prod", PRODUCTION_ENDPOINT, "new"), replace=True)
    assert store.get("prod").appid == "new"


def test_remove_clears_the_default_when_it_was_the_default(store: ProfileStore) -> None:
    store.add(Profile("a", TEST_ENDPOINT, "1"))
    store.add(Profile("b", TEST_ENDPOINT, "2"))
    assert store.remove("a").name == "a"
    assert store.default() is None
    assert [p.name for p in store.list()] == ["b"]
    store.set_default("b")
    store.add(Profile("c", TEST_ENDPOINT, "3"))
    store.remove("c")
    assert _document(store)["default"] == "b"


def test_unknown_names_are_named_in_the_error(store: ProfileStore) -> None:
    store.add(Profile("prod", TEST_ENDPOINT, "1"))
    for action in (store.get, store.remove, store.set_default):
        with pytest.raises(
            UsageError, match=r"no profile named 'staging' \(known profiles: prod\)"
        ):
            action("staging")


def test_profiles_are_validated_on_add(store: ProfileStore) -> None:
    with pytest.raises(InsecureEndpointError):
        store.add(Profile("prod", "http://iauth.wecity.qq.com/x", "1"))
    with pytest.raises(UsageError, match="appid"):
        store.add(Profile("prod", TEST_ENDPOINT, "  "))
    with pytest.raises(UsageError, match="appid"):
        store.add(Profile("prod", TEST_ENDPOINT, "a b"))
    with pytest.raises(UsageError, match="profile name"):
        store.add(Profile("a b", TEST_ENDPOINT, "1"))
    assert not store.path.exists()


def test_add_stores_the_normalized_values(store: ProfileStore) -> None:
    saved = store.add(
        Profile("prod", " HTTPS://IAUTH.wecity.qq.com/new/cgi-bin/getdetectinfo.php", " id ")
    )
    assert saved == Profile("prod", PRODUCTION_ENDPOINT, "id")
    assert store.get("prod") == saved


def test_no_secret_ever_reaches_the_file(store: ProfileStore, memory_keyring: Any) -> None:
    secret, aes = "S3cret-canary-7f1e9d", "A" * 16 + "aes-canary-0c4b2a"
    secrets = SecretStore(backend=memory_keyring)
    store.add(Profile("prod", PRODUCTION_ENDPOINT, "appid-1"))
    secrets.set("prod", "secret_key", secret)
    secrets.set("prod", "aes_key", aes)
    store.add(Profile("prod", PRODUCTION_ENDPOINT, "appid-1"), replace=True)
    store.set_default("prod")
    folder_bytes = b"".join(p.read_bytes() for p in store.path.parent.iterdir())
    assert secret.encode() not in folder_bytes
    assert aes.encode() not in folder_bytes
    assert set(_document(store)["profiles"]["prod"]) == {"endpoint", "appid"}
    assert secrets.get("prod", "secret_key") == secret


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(
    store: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add(Profile("prod", PRODUCTION_ENDPOINT, "1"))
    before = store.path.read_bytes()

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(UsageError, match="No space left"):
        store.add(Profile("other", TEST_ENDPOINT, "2"))
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["profiles.json"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "format 1"),
        ('{"version": 2, "profiles": {}}', "format 1"),
        ('{"version": 1, "profiles": []}', "format 1"),
        ('{"version": 1, "profiles": {"p": {"endpoint": 3, "appid": "x"}}}', "format 1"),
        (
            '{"version": 1, "profiles": {"p": {"endpoint": "http://example.com", "appid": "x"}}}',
            "profile 'p'",
        ),
        (
            '{"version": 1, "profiles": {"bad name": {"endpoint": "https://a.b", "appid": "x"}}}',
            "profile 'bad name'",
        ),
    ],
)
def test_a_broken_file_is_a_usage_error(store: ProfileStore, content: str, words: str) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=words):
        store.list()


def test_a_default_naming_no_profile_is_ignored(store: ProfileStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text('{"version": 1, "default": "gone", "profiles": {}}', encoding="utf-8")
    assert store.default() is None


def test_default_location_honours_the_config_dir(isolated_dirs: dict[str, Path]) -> None:
    store = ProfileStore.default_location()
    assert store.path == isolated_dirs["config"] / "profiles.json"


@pytest.mark.parametrize(
    "name", ["prod", "a", "Prod-2.eu_west", "测试环境", "审核-01", "x" * 64, "7"]
)
def test_valid_profile_names(name: str) -> None:
    assert validate_profile_name(name) == name


@pytest.mark.parametrize(
    "name",
    [
        "",
        "x" * 65,
        "a b",
        "a/b",
        "a:b",
        "a\\b",
        "a\x00",
        "a\n",
        "tab\there",
        "-prod",
        ".hidden",
        "_x",
        "a@b",
        "a,b",
        "👍",
    ],
)
def test_invalid_profile_names(name: str) -> None:
    with pytest.raises(UsageError, match="profile name"):
        validate_profile_name(name)


def test_names_are_compared_in_nfc(store: ProfileStore) -> None:
    decomposed = unicodedata.normalize("NFD", "café")
    store.add(Profile(decomposed, TEST_ENDPOINT, "1"))
    assert store.get("café").name == "café"
    assert "café" in store


@given(st.text(max_size=80))
def test_validation_either_accepts_or_raises_usage_error(name: str) -> None:
    try:
        accepted = validate_profile_name(name)
    except UsageError:
        return
    assert 1 <= len(accepted) <= 64
    assert all(ch.isalnum() or ch in "-_." for ch in accepted)
    assert accepted.isprintable()
