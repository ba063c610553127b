"""The one private, atomic file-writing helper: modes, replacing, never clobbering, no leftovers."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from iauth_desktop.core import files
from iauth_desktop.core.files import (
    PRIVATE_DIR_MODE,
    PRIVATE_FILE_MODE,
    make_private_dir,
    new_private_file,
    staging_dir,
    write_atomically,
)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _loose_umask() -> object:
    old = os.umask(0o022)  # a mode that only came from the umask would show as 0644/0755
    yield
    os.umask(old)


def test_write_atomically_replaces_privately_and_leaves_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "settings.json"
    out.write_bytes(b"old")
    write_atomically(out, b"new")
    assert out.read_bytes() == b"new"
    assert _mode(out) == PRIVATE_FILE_MODE
    assert os.listdir(tmp_path) == ["settings.json"]


def test_write_atomically_without_replace_never_clobbers(tmp_path: Path) -> None:
    out = tmp_path / "case.pdf"
    write_atomically(out, b"first", replace=False)
    with pytest.raises(FileExistsError):
        write_atomically(out, b"second", replace=False)
    assert out.read_bytes() == b"first"
    assert os.listdir(tmp_path) == ["case.pdf"]


def test_a_failed_write_keeps_the_old_file_and_no_staging_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "profiles.json"
    out.write_bytes(b"old")

    def broken_fsync(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        write_atomically(out, b"new")
    assert out.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["profiles.json"]


def test_new_private_file_is_0600_and_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    with new_private_file(path) as handle:
        handle.write(b"{}")
    assert path.read_bytes() == b"{}"
    assert _mode(path) == PRIVATE_FILE_MODE
    with pytest.raises(FileExistsError), new_private_file(path):
        pass


def test_private_folders_are_0700(tmp_path: Path) -> None:
    make_private_dir(tmp_path / "copy")
    staged = staging_dir(tmp_path / "bundle")
    assert _mode(tmp_path / "copy") == PRIVATE_DIR_MODE
    assert _mode(staged) == PRIVATE_DIR_MODE
    assert staged.name.startswith(".bundle.") and staged.name.endswith(".partial")
