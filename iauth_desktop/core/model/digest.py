"""SHA-256 computed on a second core while the data is still being decoded.

A decoder hands each decoded part to ``ThreadedDigest.add`` and goes on with the next; a thread
hashes the parts in order (``hashlib`` releases the GIL on large updates), so a 50 MiB video's
30 ms of hashing overlaps its decoding instead of following it. At most ``MAX_QUEUED`` parts wait
(the decoder pauses if the hashing falls behind), so the memory it holds stays bounded.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from typing import Final

MAX_QUEUED: Final = 4


class ThreadedDigest:
    """``add`` parts in order, then ``hexdigest``; ``close`` ends it early (always safe)."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self._parts: queue.Queue[bytes | bytearray | memoryview | None] = queue.Queue(MAX_QUEUED)
        self._thread = threading.Thread(target=self._run, name="iauth-digest", daemon=True)
        self._thread.start()
        self._closed = False

    def _run(self) -> None:
        while (part := self._parts.get()) is not None:
            self._hash.update(part)

    def add(self, part: bytes | bytearray | memoryview) -> None:
        """Queue ``part`` (it must not change afterwards); empty parts are skipped."""
        if self._closed:
            raise RuntimeError("ThreadedDigest.add() after it was closed")
        if len(part):
            self._parts.put(part)

    def close(self) -> None:
        """Stop the thread once the queued parts are hashed."""
        if not self._closed:
            self._closed = True
            self._parts.put(None)
            self._thread.join()

    def hexdigest(self) -> str:
        self.close()
        return self._hash.hexdigest()
