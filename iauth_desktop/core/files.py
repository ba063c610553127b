"""Private files, written so that a crash leaves either the old state or the new, never half.

Everything the app writes may hold personal data (evidence, reports, exports, the audit log,
the case history, profiles): files are ``PRIVATE_FILE_MODE`` and folders ``PRIVATE_DIR_MODE``,
whatever the umask. Work in progress lives in hidden ``.NAME.XXXX.partial`` files and folders
beside the target, so the final rename stays on one file system.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from iauth_desktop.core.direct_write import write_all
from iauth_desktop.core.platform_files import O_BINARY, restrict_mode

PRIVATE_FILE_MODE = 0o600  # owner only: read and write
PRIVATE_DIR_MODE = 0o700  # owner only: list, create, enter
STAGING_SUFFIX = ".partial"


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (POSIX: the directory entry itself is synced).

    Windows cannot open a folder as a file; there NTFS journals the rename itself.
    """
    if sys.platform == "win32":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private_dir(path: Path) -> None:
    """Create the folder ``path`` (not its parents, never an existing one) with mode 0700."""
    path.mkdir(mode=PRIVATE_DIR_MODE)
    path.chmod(PRIVATE_DIR_MODE)  # mkdir's mode passes through the umask


def _create_private(path: Path) -> int:
    """A descriptor on the new file ``path`` (never an existing file, never through a symlink),
    mode 0600 whatever the umask, open for writing bytes."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | O_BINARY
    fd = os.open(path, flags, PRIVATE_FILE_MODE)
    try:
        restrict_mode(fd, PRIVATE_FILE_MODE)
    except BaseException:
        os.close(fd)
        raise
    return fd


@contextmanager
def new_private_file(path: Path) -> Iterator[BinaryIO]:
    """Create ``path`` (``_create_private``) for the block to write; flushed and fsynced when the
    block ends normally."""
    with os.fdopen(_create_private(path), "wb") as handle:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())


def write_private_file(path: Path, content: bytes | bytearray | memoryview) -> int:
    """Create ``path`` (``_create_private``), write ``content`` and fsync it; a large ``content``
    goes past the page cache where the file system allows (``direct_write``). Returns how many
    bytes did."""
    fd = _create_private(path)
    try:
        direct = write_all(fd, content)
        os.fsync(fd)
    finally:
        os.close(fd)
    return direct


def staging_dir(target: Path) -> Path:
    """A new private hidden folder beside ``target`` to build it in, then rename into place."""
    folder = Path(tempfile.mkdtemp(*_staging_affixes(target), dir=target.parent))
    try:
        folder.chmod(PRIVATE_DIR_MODE)
    except BaseException:
        folder.rmdir()
        raise
    return folder


def staging_file(target: Path) -> tuple[int, Path]:
    """A new private hidden file beside ``target``: its open descriptor and its path."""
    fd, name = tempfile.mkstemp(*_staging_affixes(target), dir=target.parent)
    path = Path(name)
    try:
        restrict_mode(fd, PRIVATE_FILE_MODE)
    except BaseException:
        os.close(fd)
        path.unlink()
        raise
    return fd, path


def write_atomically(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Put ``data`` at ``path`` whole or not at all: a private staging file beside it, written
    and fsynced, renamed over ``path`` (or, without ``replace``, put there only if nothing is:
    FileExistsError otherwise), then the folder synced. The staging file never stays behind."""
    fd, staged = staging_file(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            staged.replace(path)
        else:
            link_no_clobber(staged, path)
        fsync_dir(path.parent)
    finally:
        staged.unlink(missing_ok=True)


def link_no_clobber(staged: Path, target: Path) -> None:
    """Move the file ``staged`` to ``target`` unless something is there (FileExistsError): a hard
    link fails if ``target`` exists; where the file system has no hard links, a check just before
    the rename has to do."""
    try:
        os.link(staged, target)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        staged.replace(target)
        return
    staged.unlink()


def _staging_affixes(target: Path) -> tuple[str, str]:
    """(suffix, prefix): hidden, named after the target, plainly unfinished."""
    return STAGING_SUFFIX, f".{target.name}."
