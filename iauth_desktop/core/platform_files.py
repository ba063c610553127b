"""File locking and permissions that work on POSIX and on Windows.

POSIX: ``flock`` (whole-file, shared or exclusive) and ``fchmod``. Windows: ``msvcrt.locking`` on
the file's first byte (always exclusive; it blocks, retrying, until the lock is granted) and no
mode bits — there the user's profile folder's ACL keeps the files private.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

# Windows opens a descriptor in text mode unless told: "\n" written becomes "\r\n", and a read
# stops at the first Ctrl-Z. Every file the app opens by descriptor holds bytes (0 elsewhere).
O_BINARY: int = getattr(os, "O_BINARY", 0)


def restrict_mode(fd: int, mode: int) -> None:
    """``fchmod`` where the platform has it (not on Windows before Python 3.13)."""
    if hasattr(os, "fchmod") and sys.platform != "win32":
        os.fchmod(fd, mode)


if sys.platform == "win32":
    import msvcrt

    @contextmanager
    def locked_then_closed(fd: int, *, exclusive: bool) -> Iterator[None]:
        """Hold a lock on ``fd`` for the block, then close it (which also releases the lock)."""
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
            yield
        finally:
            os.close(fd)

else:
    import fcntl

    @contextmanager
    def locked_then_closed(fd: int, *, exclusive: bool) -> Iterator[None]:
        """Hold a lock on ``fd`` for the block, then close it (which also releases the lock)."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            yield
        finally:
            os.close(fd)
