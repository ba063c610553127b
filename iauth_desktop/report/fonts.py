"""The report's own CJK font, loaded once from resources/fonts so every machine prints alike."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from iauth_desktop.core.config.resources import resource_path
from iauth_desktop.core.model.errors import OutputError

FONT_FILE = "WenQuanYiMicroHei-GB2312.ttf"


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
