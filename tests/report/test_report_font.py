"""The bundled CJK font: small, licensed, loaded, and covering every fixed text of the report."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QFont, QRawFont

import iauth_desktop
from iauth_desktop.core.config.resources import resource_path
from iauth_desktop.emulator.detectinfo.demo import CASES
from iauth_desktop.report.fonts import FONT_FILE, report_font_family

PACKAGE = Path(iauth_desktop.__file__).parent
# Every source whose Chinese text the report prints: codes, checks, the report's own wording.
SOURCES = [
    PACKAGE / "core" / "providers" / "detectinfo" / "codes.py",
    PACKAGE / "core" / "model" / "consistency.py",
    *sorted((PACKAGE / "report").glob("*.py")),
]


def test_font_file_is_sized_and_licensed() -> None:
    """Issue #10: a font (at most 20 MB) covering GB 18030 mandatory Han, licence beside it."""
    font = resource_path("fonts", FONT_FILE)
    assert 5_000_000 < font.stat().st_size < 20_000_000
    license_text = resource_path("fonts", "LICENSE-OFL-1.1.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in license_text
    assert "Adobe" in license_text
    readme = resource_path("fonts", "README.md").read_text(encoding="utf-8")
    assert "Noto Sans CJK SC" in readme and "OFL" in readme


def test_every_fixed_text_has_glyphs(qapp: object) -> None:
    family = report_font_family()
    assert family == "iauth Sans SC GB18030"
    raw = QRawFont.fromFont(QFont(family))
    assert raw.familyName() == family  # the bundled file, not a system fallback
    text = "".join(path.read_text(encoding="utf-8") for path in SOURCES)
    text += "".join(str(v) for case in CASES.values() for v in case.fields.values())
    wanted = {ch for ch in text if ord(ch) > 0x7E and not re.match(r"\s", ch)}
    assert len(wanted) > 300
    missing = sorted(ch for ch in wanted if not raw.supportsCharacter(ord(ch)))
    assert missing == []


def test_the_font_covers_gb18030_mandatory_han(qapp: object) -> None:
    """U+4E00-U+9FA5 and Extension A U+3400-U+4DB5, every one (GB 2312 alone lacks 喆 堃 ...)."""
    raw = QRawFont(str(resource_path("fonts", FONT_FILE)), 12.0)
    missing = [
        cp
        for first, last in ((0x4E00, 0x9FA5), (0x3400, 0x4DB5))
        for cp in range(first, last + 1)
        if not raw.supportsCharacter(cp)
    ]
    assert missing == []
    assert all(raw.supportsCharacter(ord(ch)) for ch in "喆堃昇玥珺镕赟烜䶮")
    assert not raw.supportsCharacter(0x20000)  # Extension B: flagged in the report instead
