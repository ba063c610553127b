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


def test_font_file_is_small_and_licensed() -> None:
    font = resource_path("fonts", FONT_FILE)
    assert 500_000 < font.stat().st_size < 2_000_000
    license_text = resource_path("fonts", "LICENSE-Apache-2.0.txt").read_text(encoding="utf-8")
    assert "Apache License" in license_text
    assert "Version 2.0" in license_text
    assert "WenQuanYi" in resource_path("fonts", "README.md").read_text(encoding="utf-8")


def test_every_fixed_text_has_glyphs(qapp: object) -> None:
    family = report_font_family()
    assert family == "iauth WenQuanYi Micro Hei GB2312"
    raw = QRawFont.fromFont(QFont(family))
    assert raw.familyName() == family  # the bundled file, not a system fallback
    text = "".join(path.read_text(encoding="utf-8") for path in SOURCES)
    text += "".join(str(v) for case in CASES.values() for v in case.fields.values())
    wanted = {ch for ch in text if ord(ch) > 0x7E and not re.match(r"\s", ch)}
    assert len(wanted) > 300
    missing = sorted(ch for ch in wanted if not raw.supportsCharacter(ord(ch)))
    assert missing == []
