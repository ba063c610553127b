"""The console shows names beyond GB 2312 in the bundled font (issue #10)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF, QRawFont

from iauth_desktop.report.fonts import register_console_font
from iauth_desktop.ui.shell.main_window import MainWindow


def test_the_bundled_font_is_registered_for_the_console(console: MainWindow) -> None:
    family = register_console_font()  # done by build_window: idempotent
    assert family == "iauth Sans SC GB18030"
    substitutes = [name.lower() for name in QFont.substitutes(QFont().family())]
    assert substitutes.count(family.lower()) == 1
    raw = QRawFont.fromFont(QFont(family))
    assert raw.familyName() == family
    assert all(raw.supportsCharacter(ord(ch)) for ch in "喆堃昇玥珺镕赟烜䶮")
    metrics = QFontMetricsF(QFont(family))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "喆䶮")
