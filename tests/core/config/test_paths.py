from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from iauth_desktop.core.config.paths import config_dir, data_dir, ensure_private_dir


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_environment_overrides_are_used_and_created_private(
    isolated_dirs: dict[str, Path],
) -> None:
    assert not isolated_dirs["config"].exists()
    assert config_dir() == isolated_dirs["config"]
    assert data_dir() == isolated_dirs["data"]
    assert isolated_dirs["config"].is_dir()
    assert isolated_dirs["data"].is_dir()
    if sys.platform != "win32":
        assert _mode(isolated_dirs["config"]) == 0o700
        assert _mode(isolated_dirs["data"]) == 0o700


def test_create_false_only_names_the_folder(isolated_dirs: dict[str, Path]) -> None:
    assert config_dir(create=False) == isolated_dirs["config"]
    assert data_dir(create=False) == isolated_dirs["data"]
    assert not isolated_dirs["config"].exists()
    assert not isolated_dirs["data"].exists()


def test_nested_override_is_created_with_parents(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "config"
    assert config_dir(environ={"IAUTH_CONFIG_DIR": str(target)}) == target
    assert target.is_dir()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    assert ensure_private_dir(shared) == shared
    assert _mode(shared) == 0o755


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_umask_does_not_weaken_or_change_the_mode(tmp_path: Path) -> None:
    import os

    old = os.umask(0o077)
    try:
        ensure_private_dir(tmp_path / "x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "x") == 0o700


def test_relative_and_home_relative_overrides_become_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert data_dir(create=False, environ={"IAUTH_DATA_DIR": "rel/data"}) == tmp_path / "rel/data"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert config_dir(create=False, environ={"IAUTH_CONFIG_DIR": "~/cfg"}) == (
        tmp_path / "home" / "cfg"
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_without_override_the_platform_folders_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    # An empty or blank override counts as unset.
    env = {"IAUTH_CONFIG_DIR": "", "IAUTH_DATA_DIR": "  "}
    assert config_dir(create=False, environ=env) == tmp_path / "xdg-config" / "iauth-desktop"
    assert data_dir(create=False, environ=env) == tmp_path / "xdg-data" / "iauth-desktop"


def test_process_environment_is_read_at_call_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IAUTH_CONFIG_DIR", str(tmp_path / "one"))
    first = config_dir(create=False)
    monkeypatch.setenv("IAUTH_CONFIG_DIR", str(tmp_path / "two"))
    assert (first, config_dir(create=False)) == (tmp_path / "one", tmp_path / "two")


def test_scratch_is_private_and_cleared(tmp_path, monkeypatch) -> None:
    from iauth_desktop.core.config.paths import clear_scratch, scratch_dir

    monkeypatch.setenv("IAUTH_DATA_DIR", str(tmp_path / "data"))
    assert clear_scratch() == 0
    scratch = scratch_dir()
    assert scratch == tmp_path / "data" / "scratch"
    assert scratch.stat().st_mode & 0o777 == 0o700
    (scratch / "export-x").mkdir()
    (scratch / "export-x" / "frontpic.jpg").write_bytes(b"evidence")
    (scratch / "stray").write_bytes(b"x")
    assert clear_scratch() == 2
    assert list(scratch.iterdir()) == []
