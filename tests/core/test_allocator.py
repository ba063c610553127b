"""The allocator tuning a fetch applies: fewer pages faulted for the same churn, same result."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from iauth_desktop.core import allocator

# A fetch's pattern in small: a received chunk, its unescaped copy, its decoded text appended
# to a growing buffer; each freed before the next chunk comes. Prints the page faults it took.
CHURN = textwrap.dedent(
    """
    import ctypes, resource, sys
    from iauth_desktop.core.allocator import M_MMAP_THRESHOLD, recycle_freed_memory
    if sys.argv[1] == "tuned":
        assert recycle_freed_memory()
    else:  # glibc's starting threshold, held: what it does before it has seen large frees
        assert ctypes.CDLL(None).mallopt(M_MMAP_THRESHOLD, 128 * 1024) == 1
    text = bytearray()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for i in range(300):
        chunk = bytes(262144 + i)
        unescaped = chunk.replace(b"x", b"y") + b"1"
        del chunk
        decoded = bytes(196608)
        text += decoded
        del unescaped, decoded
    print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
    """
)


def _faults(mode: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", CHURN, mode], capture_output=True, text=True, timeout=60, check=True
    )
    return int(done.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator: Linux only")
def test_recycling_freed_memory_faults_far_fewer_pages_for_the_same_work() -> None:
    """glibc adapts its threshold to what a process frees, so what an untuned process faults
    depends on its history (42,000 here, 15,000 where its start-up had freed a large block);
    held at glibc's starting 128 KiB it churns every time, and tuned it never does."""
    churning, tuned = _faults("churning"), _faults("tuned")
    text = (300 * 196608) // 4096  # the growing text's pages: faulted whatever the tuning
    assert text < tuned < text + 4_000, tuned  # the chunks' memory faulted once, then reused
    assert tuned * 2 < churning, (churning, tuned)


def test_it_does_nothing_where_the_c_library_is_not_glibc(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(allocator.sys, "platform", "darwin")
    assert allocator.recycle_freed_memory() is False
