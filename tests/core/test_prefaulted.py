"""PrefaultedMap: populated by its thread, written through views, trimmed by take."""

from __future__ import annotations

import mmap
import os
import resource
import threading

import pytest

from iauth_desktop.core import prefaulted
from iauth_desktop.core.prefaulted import PrefaultedMap

SIZE = 32 << 20


def _kernel_at_least(major: int, minor: int) -> bool:
    release = os.uname().release.split("-")[0].split(".")
    return (int(release[0]), int(release[1])) >= (major, minor)


def test_its_pages_are_faulted_in_by_its_thread_not_by_the_writer() -> None:
    made = PrefaultedMap.create(SIZE)
    assert made is not None
    made._thread.join()
    # MADV_POPULATE_WRITE came with Linux 5.14; before, the map still works, pages fault late
    assert made.populated is _kernel_at_least(5, 14)
    before = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt
    with made.view(0, SIZE) as out:
        for start in range(0, SIZE, 1 << 20):
            out[start : start + (1 << 20)] = b"x" * (1 << 20)
    faults = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt - before
    if made.populated:
        assert faults < SIZE // mmap.PAGESIZE // 10, faults  # the 8,192 pages were ready
    taken = made.take(SIZE)
    assert taken[:3] == b"xxx"
    taken.close()


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
