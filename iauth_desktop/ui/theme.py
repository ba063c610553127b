"""The console's colours for text on the system's own background, in its light and its dark
scheme (Qt's colour scheme, else the palette's lightness). Every pair reads at WCAG AA (4.5:1)
on either scheme's background — a test measures them — and colour is never the only carrier of
a meaning: a glyph and a word stand beside it."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

# name -> (on a light background, on a dark background)
TEXT: dict[str, tuple[str, str]] = {
    "good": ("#0b5d1e", "#81c995"),
    "bad": ("#8c1d18", "#f28b82"),
    "neutral": ("#5f6368", "#bdc1c6"),
    "urgent": ("#a33a0c", "#ff9e6d"),  # a token expiring within hours
    "soon": ("#7a5200", "#f6c453"),  # within a day
}
LIGHT_BACKGROUNDS = ("#ffffff", "#efefef", "#f5f5f5")
DARK_BACKGROUNDS = ("#1e1e1e", "#2b2b2b", "#353535")
AA = 4.5


class Spacing(NamedTuple):
    """Gaps and margins, in device-independent pixels (Qt scales them on high-DPI screens)."""

    tight: int = 2  # between the lines of one table or list
    snug: int = 4  # inside a tile or a bar
    normal: int = 6  # between controls; a pane's margin
    wide: int = 12  # between groups; inside a coloured panel


class TypeScale(NamedTuple):
    """Type sizes as multiples of the system font (the reviewer's own size setting stays the
    base): only the verdict's word and the digits read aloud are larger; everything else is
    the system font, bold for titles."""

    verdict: float = 1.4
    heading: float = 1.4  # a dialog's one-line warning (a saved case modified since export)
    digits: float = 2.2


SPACING = Spacing()
TYPE = TypeScale()


def dark_scheme() -> bool:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    scheme = app.styleHints().colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def text_colour(name: str, *, dark: bool | None = None) -> QColor:
    light, on_dark = TEXT[name]
    return QColor(on_dark if (dark_scheme() if dark is None else dark) else light)


def contrast(one: QColor, other: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink(name: str, *, bold: bool = False) -> str:
    """A style sheet for text in one of the palette's colours, for the scheme in use now (on
    the window's own background; a panel with its own tint sets its own ink)."""
    weight = " font-weight: bold;" if bold else ""
    return f"color: {text_colour(name).name()};{weight}"
