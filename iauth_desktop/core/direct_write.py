"""Write a large new file past the page cache (``O_DIRECT``), the way a bundle's video is written.

A buffered write copies every byte into cache pages the kernel has to find first. A bundle's
50 MiB video is written once and not read back by this process, so those pages buy nothing, and
finding them is not always cheap: on the virtual machine the benchmarks ran on, the buffered
write took ~12 ms in ``write()`` right after another had freed its pages and 60–120 ms once the
machine had sat idle for a while (that machine hands freed memory back to its host). With direct
I/O the device reads the data from a small aligned buffer of ours: 30–40 ms either way, and no
second copy of the evidence in memory.

Direct I/O is a request, never a requirement: where the platform, the file system or the device
refuses it (no ``O_DIRECT``, ``EINVAL``, ``EOPNOTSUPP``), the rest is written the ordinary way.
Either way the caller fsyncs.
"""

from __future__ import annotations

import errno
import mmap
import os

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

DIRECT_FROM_BYTES = 8 << 20  # smaller files are written the ordinary way
ALIGNMENT = 4096  # offsets, lengths, the buffer's address: a page (a device wanting more refuses)
BOUNCE_BYTES = 4 << 20  # the aligned buffer the device reads from
O_DIRECT: int = getattr(os, "O_DIRECT", 0)
# what a direct write is refused with where the buffered one would do (not ENOSPC, EIO, ...)
REFUSALS = frozenset({errno.EINVAL, errno.EOPNOTSUPP})


def write_all(fd: int, data: bytes | bytearray | memoryview) -> int:
    """Write all of ``data`` at ``fd``'s offset; how many of its bytes went past the page cache.

    The aligned bulk of a large ``data`` goes direct when the file takes it; what remains (the
    tail under one ``ALIGNMENT``, or everything after a refusal) is written buffered."""
    with memoryview(data) as whole, whole.cast("B") as view:
        direct = _write_direct(fd, view) if len(view) >= DIRECT_FROM_BYTES else 0
        done = direct
        while done < len(view):
            done += os.write(fd, view[done:])
    return direct


def _write_direct(fd: int, view: memoryview) -> int:
    """Write the aligned bulk of ``view`` with ``O_DIRECT`` set on ``fd`` for the while; the bytes
    written so (0 when refused). ``fd``'s flags are as they were when it returns."""
    if fcntl is None or not O_DIRECT or os.lseek(fd, 0, os.SEEK_CUR) % ALIGNMENT:
        return 0
    flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    try:
        fcntl.fcntl(fd, fcntl.F_SETFL, flags | O_DIRECT)
    except OSError:  # this file system does not do direct I/O
        return 0
    try:
        return _copy_through_bounce(fd, view, len(view) // ALIGNMENT * ALIGNMENT)
    finally:
        fcntl.fcntl(fd, fcntl.F_SETFL, flags)


def _copy_through_bounce(fd: int, view: memoryview, end: int) -> int:
    """Write ``view[:end]`` piece by piece from a page-aligned buffer (an anonymous map is one);
    stop early at the first refusal or short write, whose remainder the caller writes.

    Every view of the buffer is released explicitly: one kept alive by an error's traceback
    would make closing the map fail, and that error would hide the real one (a full disk)."""
    done = 0
    with mmap.mmap(-1, min(BOUNCE_BYTES, end)) as bounce:
        room = memoryview(bounce)
        try:
            while done < end:
                size = min(len(room), end - done)
                room[:size] = view[done : done + size]
                piece = room[:size]
                try:
                    written = os.write(fd, piece)
                except OSError as exc:
                    if exc.errno in REFUSALS:  # e.g. the device wants another alignment
                        return done
                    raise
                finally:
                    piece.release()
                done += written
                if written != size:  # the offset may be unaligned now: no more direct writes
                    return done
        finally:
            room.release()
    return done
