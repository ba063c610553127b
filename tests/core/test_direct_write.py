"""Large files past the page cache: whole and private either way, direct where the file takes it,
the ordinary way where it does not (refused, another alignment, an unaligned offset)."""

from __future__ import annotations

import errno
import fcntl
import mmap
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from iauth_desktop.core import direct_write
from iauth_desktop.core.direct_write import ALIGNMENT, BOUNCE_BYTES, DIRECT_FROM_BYTES, write_all
from iauth_desktop.core.files import PRIVATE_FILE_MODE, write_private_file
from tests.page_cache import resident_pages, takes_direct_io

LARGE = os.urandom(1 << 20) * 9 + os.urandom(1234)  # 9 MiB and a tail under one alignment
ALIGNED_PART = len(LARGE) // ALIGNMENT * ALIGNMENT


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)  # a mode that only came from the umask would show as 0644
    yield
    os.umask(old)


@pytest.mark.usefixtures("loose_umask")
def test_a_large_file_goes_past_the_page_cache_and_reads_back_whole(tmp_path: Path) -> None:
    out = tmp_path / "video.mp4"
    direct = write_private_file(out, LARGE)
    if takes_direct_io(tmp_path):
        assert direct == ALIGNED_PART
        # the buffered tail is one page; a buffered write of it all would leave 2,305
        assert resident_pages(out) <= 1
    else:  # a file system without direct I/O still gets the whole file
        assert direct == 0
    assert stat.S_IMODE(out.stat().st_mode) == PRIVATE_FILE_MODE
    assert out.read_bytes() == LARGE


def test_small_files_are_written_the_ordinary_way(tmp_path: Path) -> None:
    out = tmp_path / "case.json"
    content = os.urandom(DIRECT_FROM_BYTES - 1)
    assert write_private_file(out, content) == 0
    assert resident_pages(out) == -(-len(content) // mmap.PAGESIZE)  # all in the cache
    assert out.read_bytes() == content


def test_an_existing_file_or_a_symlink_is_never_written_through(tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    kept.write_bytes(b"kept")
    link = tmp_path / "link"
    link.symlink_to(kept)
    for target in (kept, link):
        with pytest.raises(OSError):
            write_private_file(target, LARGE)
    assert kept.read_bytes() == b"kept"


def _refusing_direct_writes(after: int, code: int = errno.EINVAL) -> object:
    """An ``os.write`` that fails with ``code`` (EINVAL: as a device wanting another alignment
    refuses) every direct write after the first ``after`` ones."""
    real_write = os.write
    direct_writes = 0

    def write(fd: int, data: object) -> int:
        nonlocal direct_writes
        if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_DIRECT:
            direct_writes += 1
            if direct_writes > after:
                raise OSError(code, os.strerror(code))
        return real_write(fd, data)  # type: ignore[arg-type]

    return write


def _new_file(path: Path) -> int:
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)


@pytest.mark.parametrize(
    ("after", "code"), [(0, errno.EINVAL), (1, errno.EINVAL), (1, errno.EOPNOTSUPP)]
)
def test_a_refused_direct_write_is_finished_the_ordinary_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after: int, code: int
) -> None:
    if not takes_direct_io(tmp_path):
        pytest.fail(f"{tmp_path} takes no direct I/O: this test needs a file system that does")
    monkeypatch.setattr(direct_write.os, "write", _refusing_direct_writes(after, code))
    out = tmp_path / "video.mp4"
    fd = _new_file(out)
    try:
        assert write_all(fd, LARGE) == after * BOUNCE_BYTES
        assert not fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_DIRECT  # the descriptor as it was
    finally:
        os.close(fd)
    assert out.read_bytes() == LARGE


def test_a_full_disk_is_an_error_not_a_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a refusal of direct I/O falls back; ENOSPC in a direct write reaches the caller (the
    bundle then says the disk is full and leaves nothing behind)."""
    if not takes_direct_io(tmp_path):
        pytest.fail(f"{tmp_path} takes no direct I/O: this test needs a file system that does")
    monkeypatch.setattr(direct_write.os, "write", _refusing_direct_writes(1, errno.ENOSPC))
    with pytest.raises(OSError) as raised:
        write_private_file(tmp_path / "video.mp4", LARGE)
    assert raised.value.errno == errno.ENOSPC


def test_an_unaligned_offset_is_written_the_ordinary_way(tmp_path: Path) -> None:
    out = tmp_path / "appended"
    out.write_bytes(b"head")
    fd = os.open(out, os.O_WRONLY | os.O_APPEND)
    try:
        assert write_all(fd, LARGE) == 0
    finally:
        os.close(fd)
    assert out.read_bytes() == b"head" + LARGE


def test_any_buffer_shape_is_written_as_its_bytes(tmp_path: Path) -> None:
    words = memoryview(bytearray(LARGE[: 9 << 20])).cast("I")  # 4-byte items, not bytes
    out = tmp_path / "words"
    fd = _new_file(out)
    try:
        write_all(fd, words)
    finally:
        os.close(fd)
    assert out.read_bytes() == LARGE[: 9 << 20]
