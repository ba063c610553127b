"""PrefaultedMap: populated by its thread a bounded way ahead of its writer, trimmed by take."""

from __future__ import annotations

import mmap
import os
import resource
import threading
import time
from collections.abc import Callable

import pytest

from iauth_desktop.core import prefaulted
from iauth_desktop.core.prefaulted import AHEAD, PrefaultedMap

SIZE = 64 << 20


def _kernel_at_least(major: int, minor: int) -> bool:
    release = os.uname().release.split("-")[0].split(".")
    return (int(release[0]), int(release[1])) >= (major, minor)


# MADV_POPULATE_WRITE came with Linux 5.14; before, the map works and its pages fault late
POPULATES = _kernel_at_least(5, 14)


def _until(condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    ends = time.monotonic() + seconds
    while time.monotonic() < ends:
        if condition():
            return True
        time.sleep(0.005)
    return False


def _rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * mmap.PAGESIZE


def test_the_writer_finds_its_pages_already_faulted_in() -> None:
    made = PrefaultedMap.create(SIZE)
    assert made is not None
    with made.view(0, SIZE) as out:  # the writer says how far it goes...
        assert _until(lambda: made.populated == SIZE) is POPULATES
        before = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt
        for start in range(0, SIZE, 1 << 20):  # ...and writes it
            out[start : start + (1 << 20)] = b"x" * (1 << 20)
        faults = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt - before
    if POPULATES:
        assert faults < SIZE // mmap.PAGESIZE // 10, faults  # of 16,384 pages
    taken = made.take(SIZE)
    assert taken[:3] == b"xxx"
    taken.close()


def test_an_answer_that_announces_much_and_sends_little_costs_little() -> None:
    """Only AHEAD past what was written is populated, however large the map."""
    before = _rss()
    made = PrefaultedMap.create(1 << 30)  # a gigabyte announced
    assert made is not None
    with made.view(0, 4096) as out:
        out[:5] = b"hello"
    if POPULATES:
        assert _until(lambda: made.populated >= AHEAD)
        time.sleep(0.2)  # it would go on here if it were not bounded
        assert made.populated <= AHEAD + 4096 + mmap.PAGESIZE
    assert _rss() - before < AHEAD + (16 << 20)
    made.close()
    assert not made._thread.is_alive()


def test_take_trims_to_what_was_written_and_ends_the_thread() -> None:
    made = PrefaultedMap.create(1 << 20)
    assert made is not None
    with made.view(10, 5) as out:
        out[:] = b"hello"
    taken = made.take(15)
    assert len(taken) == 15
    assert taken[10:15] == b"hello"
    assert taken.find(b"hello") == 10  # reads like bytes
    assert not made._thread.is_alive()
    assert not [t for t in threading.enumerate() if t.name == "iauth-prefault"]
    taken.close()


def test_views_outside_the_map_and_empty_takes_are_refused() -> None:
    made = PrefaultedMap.create(4096)
    assert made is not None
    with pytest.raises(ValueError):
        made.view(4000, 200)
    with pytest.raises(ValueError):
        made.take(0)
    made.close()
    assert not made._thread.is_alive()


def test_there_is_no_map_where_it_cannot_stand_in_for_a_bytearray(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(prefaulted.sys, "platform", "darwin")
    assert PrefaultedMap.create(1 << 20) is None
