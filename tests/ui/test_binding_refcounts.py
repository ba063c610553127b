"""Guard against a binding that corrupts reference counts (PySide6 6.12.0 on CPython 3.11).

That release took one reference off ``None`` on every call of a Qt method returning nothing, so a
long review session ended in ``Fatal Python error: none_dealloc``. pyproject excludes it; this test
fails on any other release that does the same.
"""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(bool)


def test_void_calls_keep_none_alive() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        obj.setObjectName("x")
    assert sys.getrefcount(None) - before > -100


def test_signal_delivery_keeps_bools_alive() -> None:
    emitter = _Emitter()
    seen: list[bool] = []
    emitter.changed.connect(seen.append)
    before_true, before_false = sys.getrefcount(True), sys.getrefcount(False)
    for index in range(2000):
        emitter.changed.emit(index % 2 == 0)
    del seen[:]
    assert sys.getrefcount(True) - before_true > -100
    assert sys.getrefcount(False) - before_false > -100
