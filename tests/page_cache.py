"""What the page cache holds of a file, and whether a folder's file system takes direct I/O: how
the tests see that a large file went past the cache (``core/direct_write.py``)."""

from __future__ import annotations

import ctypes
import mmap
import os
from pathlib import Path


def takes_direct_io(folder: Path) -> bool:
    """Whether files in ``folder`` can be opened with ``O_DIRECT``."""
    probe = folder / ".direct-io-probe"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_DIRECT, 0o600)
    except OSError:
        return False
    os.close(fd)
    probe.unlink()
    return True


def resident_pages(path: Path) -> int:
    """How many of the file's pages the page cache holds (``mincore`` over a private map)."""
    libc = ctypes.CDLL(None, use_errno=True)
    size = path.stat().st_size
    vector = (ctypes.c_ubyte * -(-size // mmap.PAGESIZE))()
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), size, access=mmap.ACCESS_COPY) as m:
        start = ctypes.c_char.from_buffer(m)
        try:
            if libc.mincore(
                ctypes.c_void_p(ctypes.addressof(start)), ctypes.c_size_t(size), vector
            ):
                raise OSError(ctypes.get_errno(), "mincore")
        finally:
            del start
    return sum(byte & 1 for byte in vector)
