"""The console's pictures in the README and docs show a workstation as a reviewer's would be: the
status bar names a real Secret Service keyring, not "fail Keyring (NOT secure)", which is what
a picture made on a machine without one shows (read back by OCR, tesseract)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage

from tests.report.card_specimens import TESSERACT

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
STATUS_BAR_PX = 26  # the window's last rows: the status bar's height at 100 % scaling


def _console_pictures() -> list[Path]:
    found: set[Path] = set()
    for page in PAGES:
        for link in re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", page.read_text("utf-8")):
            picture = (page.parent / link).resolve()
            if picture.name.startswith("console-"):
                found.add(picture)
    return sorted(found)


PICTURES = _console_pictures()


def test_the_pages_show_the_console() -> None:
    assert len(PICTURES) >= 5  # the case in two sizes, FaceID, queue, dashboard
    assert all(picture.is_file() for picture in PICTURES)


@pytest.mark.parametrize("picture", PICTURES, ids=lambda path: path.name)
def test_the_status_bar_names_a_secure_keyring(picture: Path, tmp_path: Path) -> None:
    assert TESSERACT is not None, "tesseract-ocr is not installed"
    image = QImage(str(picture))
    assert not image.isNull()
    width = image.width()
    bar = image.copy(
        QRect(width // 2, image.height() - STATUS_BAR_PX, width - width // 2, STATUS_BAR_PX)
    )
    enlarged = bar.scaled(
        bar.width() * 3, bar.height() * 3, mode=Qt.TransformationMode.SmoothTransformation
    )
    strip = tmp_path / "status.png"
    assert enlarged.save(str(strip))
    read = subprocess.run(
        [TESSERACT, str(strip), "-", "--psm", "7"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert "Keyring" in read, read  # the OCR reads the bar at all
    assert "SecretService" in read.replace(" ", ""), read
    assert "NOT secure" not in read and "fail" not in read, read
