"""A memory map of known size whose pages a second thread faults in ahead of its writer.

Decrypting a 50 MiB case writes 67 MB of plaintext into fresh memory. Faulting in its 16,000 pages
costs ~45 ms on a virtual machine, and appended to a growing ``bytearray`` they fault on the
decrypting thread, under the GIL (the append copies while holding it). Here the whole size is
mapped at once (the answer's length bounds it); a thread asks the kernel to populate it
(``madvise(MADV_POPULATE_WRITE)``, Linux 5.14 and later, through ctypes, which releases the GIL)
while the writer fills it from the front through ``view`` (a cipher's ``output=``); ``take`` ends
the thread and trims the map to what was written. The map works like ``bytes`` for reading
(``find``, slices, regular expressions) and like a ``bytearray`` for writing in place.

``PrefaultedMap.create`` answers ``None`` where this cannot work (not Linux, no ``mremap``):
callers then keep their ``bytearray``. A kernel without ``MADV_POPULATE_WRITE`` only loses the
head start: its pages fault as they are written, as a ``bytearray``'s would.
"""

from __future__ import annotations

import mmap
import sys
import threading
from typing import Final

MADV_POPULATE_WRITE: Final = 23  # <linux/mman.h>, Linux 5.14
AHEAD: Final = 32 << 20  # populated at most this far past what was written
STEP: Final = 8 << 20  # populated this much per call


class PrefaultedMap:
    """``capacity`` bytes, populated by a thread; write with ``view``, finish with ``take``.

    The thread keeps at most ``AHEAD`` bytes populated past the furthest ``view``: an answer
    that announces a gigabyte and sends little costs the memory of what it sent, not of what it
    announced.
    """

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.populated = 0  # bytes the kernel populated so far
        self._map = mmap.mmap(-1, capacity)
        self._written = 0  # the end of the furthest view handed out
        self._done = False
        self._moved = threading.Condition()
        self._thread = threading.Thread(target=self._populate, name="iauth-prefault", daemon=True)
        self._thread.start()

    @classmethod
    def create(cls, capacity: int) -> PrefaultedMap | None:
        """A new map, or ``None`` where a map cannot stand in for a ``bytearray`` here."""
        if not sys.platform.startswith("linux") or capacity <= 0:
            return None
        return cls(capacity)

    def _populate(self) -> None:
        import ctypes  # noqa: PLC0415 - this thread only

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            madvise = libc.madvise
        except (OSError, AttributeError):
            return
        madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
        madvise.restype = ctypes.c_int
        pages = (ctypes.c_char * self.capacity).from_buffer(self._map)
        try:
            base = ctypes.addressof(pages)
            while (end := self._next_end()) is not None:
                # failing (an older kernel: EINVAL) only means the pages fault as written
                if madvise(base + self.populated, end - self.populated, MADV_POPULATE_WRITE):
                    return
                self.populated = end
        finally:
            del pages  # the export: the map can be resized once it is gone

    def _next_end(self) -> int | None:
        """Where the next step ends; waits while far enough ahead; None once finished."""
        with self._moved:
            while not self._done and self.populated >= min(self._written + AHEAD, self.capacity):
                if self.populated >= self.capacity:
                    return None
                self._moved.wait()
            if self._done:
                return None
            limit = min(self._written + AHEAD, self.populated + STEP)
            return min(-(-limit // mmap.PAGESIZE) * mmap.PAGESIZE, self.capacity)  # whole pages

    def view(self, start: int, length: int) -> memoryview:
        """A writable view of ``length`` bytes at ``start`` (release it before ``take``)."""
        if start < 0 or length < 0 or start + length > self.capacity:
            raise ValueError(f"{start}+{length} lies outside the map's {self.capacity} bytes")
        if start + length > self._written:
            with self._moved:
                self._written = start + length
                self._moved.notify()
        return memoryview(self._map)[start : start + length]

    def head(self, length: int) -> bytes:
        return self._map[:length]

    def _stop(self) -> None:
        with self._moved:
            self._done = True
            self._moved.notify()
        self._thread.join()

    def take(self, length: int) -> mmap.mmap:
        """The map trimmed to its first ``length`` bytes (at least 1); this object is done."""
        if not 0 < length <= self.capacity:
            raise ValueError(f"cannot keep {length} of the map's {self.capacity} bytes")
        self._stop()
        if length < self.capacity:
            self._map.resize(length)  # mremap: nothing copied; the unused tail goes back
        return self._map

    def close(self) -> None:
        """Drop the map unused (an error ended the writing)."""
        self._stop()
        self._map.close()
