"""Text colours read at WCAG AA (4.5:1) on the backgrounds they are drawn on, in the light and
the dark scheme: the console's text palette, the verdict banner, the endpoint badge, the message
strip — measured, not assumed (issue #17)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from iauth_desktop.ui.case import verdict_banner
from iauth_desktop.ui.shell import status_bar
from iauth_desktop.ui.theme import AA, DARK_BACKGROUNDS, LIGHT_BACKGROUNDS, TEXT, contrast, ink


@pytest.mark.parametrize("name", sorted(TEXT))
def test_text_colours_read_on_both_schemes(name: str) -> None:
    light, dark = TEXT[name]
    for background in LIGHT_BACKGROUNDS:
        assert contrast(QColor(light), QColor(background)) >= AA, (name, background)
    for background in DARK_BACKGROUNDS:
        assert contrast(QColor(dark), QColor(background)) >= AA, (name, background)


def test_the_verdict_banner_and_the_endpoint_badge_read() -> None:
    for status, (_glyph, text, background, _border) in verdict_banner._STYLE.items():
        assert contrast(QColor(text), QColor(background)) >= AA, status
    for kind, (background, text) in status_bar._KIND_COLOURS.items():
        assert contrast(QColor(text), QColor(background)) >= AA, kind


def test_the_measure_is_wcags() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_coloured_words_take_the_schemes_ink(qapp: QApplication, dark: bool) -> None:
    """Warnings and errors drawn on the window's own background (required fields, bad
    signatures, production endpoints) read on it in the scheme in use."""
    before = qapp.palette()
    palette = QPalette(before)
    window = QColor("#202124") if dark else QColor("#f5f5f5")
    palette.setColor(QPalette.ColorRole.Window, window)
    qapp.setPalette(palette)
    try:
        for name in ("bad", "good"):
            label = QLabel("x")
            label.setStyleSheet(ink(name, bold=True))
            label.ensurePolished()
            colour = label.palette().color(label.foregroundRole())
            assert colour == QColor(TEXT[name][1 if dark else 0])
            assert contrast(colour, window) >= AA, (name, colour.name())
    finally:
        qapp.setPalette(before)
