"""Ask glibc's allocator to recycle the memory a large fetch streams through, not refault it.

A fetch streams a ~90 MB answer through buffers of a few hundred KiB: the received chunks, their
Base64 decoded, the decrypted text. With glibc's defaults such buffers keep being mapped fresh
from the kernel and handed back when freed, so every page of every buffer is faulted in again: a
50 MiB fetch took 72,000 page faults (about 2 µs each on a virtual machine), two thirds of them
for memory it had just freed. With buffers under 4 MiB taken from the heap and up to 64 MiB of
freed heap kept for reuse it takes 25,000, and the peak memory stays the same (the large
decrypted text is still mapped on its own and returned whole). ``tests/benchmarks`` measures it.
"""

from __future__ import annotations

import sys

M_TRIM_THRESHOLD = -1  # glibc's <malloc.h>
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 4 << 20  # buffers smaller than this come from the heap
TRIM_THRESHOLD = 64 << 20  # freed heap kept for reuse before any is given back


def recycle_freed_memory() -> bool:
    """Set glibc's thresholds for this process; False where the C library is not glibc."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # noqa: PLC0415 - only here: the command line's start-up is measured

    try:
        libc = ctypes.CDLL(None)
        libc.gnu_get_libc_version  # noqa: B018 - glibc only (musl has a mallopt that does nothing)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
        mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    )
