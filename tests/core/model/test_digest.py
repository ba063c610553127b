"""ThreadedDigest: the same SHA-256 as hashlib over the parts in order, however they are cut."""

from __future__ import annotations

import hashlib
import os
import threading

import pytest

from iauth_desktop.core.model.digest import MAX_QUEUED, ThreadedDigest


@pytest.mark.parametrize(
    ("size", "cut"), [(9001, 1), (70001, 7), (3 << 20, 4096), (3 << 20, 1 << 20)]
)
def test_the_digest_of_the_parts_is_the_digest_of_the_whole(size: int, cut: int) -> None:
    data = os.urandom(size + 5)
    digest = ThreadedDigest()
    for start in range(0, len(data), cut):
        digest.add(memoryview(data)[start : start + cut])
    assert digest.hexdigest() == hashlib.sha256(data).hexdigest()


def test_empty_parts_change_nothing_and_end_nothing() -> None:
    digest = ThreadedDigest()
    digest.add(b"")
    digest.add(b"abc")
    digest.add(bytearray())
    assert digest.hexdigest() == hashlib.sha256(b"abc").hexdigest()  # hexdigest ends its thread


def test_close_stops_its_thread_and_add_after_it_is_refused() -> None:
    digest = ThreadedDigest()
    digest.add(b"part")
    digest.close()
    digest.close()  # twice is harmless
    assert not digest._thread.is_alive()
    assert digest.hexdigest() == hashlib.sha256(b"part").hexdigest()
    with pytest.raises(RuntimeError):
        digest.add(b"more")


def test_no_more_than_max_queued_parts_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    gate = threading.Event()
    digest = ThreadedDigest()
    real_update = digest._hash.update
    hashed: list[int] = []

    class SlowHash:
        def update(self, part: bytes) -> None:
            gate.wait(5)
            hashed.append(len(part))
            real_update(part)

    monkeypatch.setattr(digest, "_hash", SlowHash())
    adder = threading.Thread(target=lambda: [digest.add(b"x") for _ in range(MAX_QUEUED + 3)])
    adder.start()
    adder.join(0.3)
    assert adder.is_alive()  # blocked: the hashing thread holds one, MAX_QUEUED wait
    assert digest._parts.qsize() == MAX_QUEUED
    gate.set()
    adder.join(5)
    digest.close()
    assert hashed == [1] * (MAX_QUEUED + 3)
