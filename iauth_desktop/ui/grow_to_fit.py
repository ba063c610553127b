"""Grow a dialog when a wrapped message gets longer, so nothing is squashed or clipped."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def grow_to_fit(window: QWidget) -> None:
    """Make ``window`` as tall as its layout needs at its current width (it never shrinks)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(window.width())
    else:
        needed = layout.totalSizeHint().height()
    needed = max(needed, layout.totalMinimumSize().height())
    if window.height() < needed:
        window.resize(window.width(), needed)
