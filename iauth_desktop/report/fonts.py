"""The CJK font of the report and the console, loaded once from resources/fonts so every
machine prints and shows alike.

It covers GB 18030's mandatory Han (U+4E00–U+9FA5, Extension A U+3400–U+4DB5) and the rest of
GB 2312. ``outside_font`` names the characters of a text it cannot draw (Extension B and beyond):
Qt draws them from a system font if one has them, and the report flags them.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from iauth_desktop.core.config.resources import resource_path
from iauth_desktop.core.model.errors import OutputError

FONT_FILE = "iauthSansSC-GB18030.ttf"


@cache
def report_font_family() -> str:
    """The family name of the bundled font (needs a QGuiApplication); OutputError if the file
    is missing or unreadable: printing with whatever the system has would not be the same
    report everywhere."""
    path = resource_path("fonts", FONT_FILE)
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise OutputError(f"the report font {path} is missing or damaged: reinstall iauth-desktop")
    return families[0]


def report_font(point_size: float, *, bold: bool = False) -> QFont:
    font = QFont(report_font_family())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


@cache
def _raw_font() -> QRawFont:
    return QRawFont(str(resource_path("fonts", FONT_FILE)), 12.0)


def outside_font(text: str) -> list[str]:
    """The distinct characters of ``text`` the bundled font has no glyph for, in order (line
    breaks, tabs and other controls aside)."""
    raw = _raw_font()
    found: dict[str, None] = {}
    for char in text:
        if ord(char) >= 0x20 and char not in found and not raw.supportsCharacter(ord(char)):
            found[char] = None
    return list(found)


def register_console_font() -> str:
    """Register the bundled font for the console too (needs a QGuiApplication): the widgets'
    own font stays, and a character it lacks — a rare hanzi of a name or an address — is drawn
    from this font before any system font. The family name."""
    family = report_font_family()
    default = QFont().family()
    substitutes = QFont.substitutes(default)
    if family.lower() not in (name.lower() for name in substitutes):
        QFont.insertSubstitutions(default, [family, *substitutes])
    return family
