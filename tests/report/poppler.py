"""What poppler's command-line tools say about a PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=30).stdout


def pdf_text(pdf: Path) -> str:
    return _run("pdftotext", "-enc", "UTF-8", str(pdf), "-")


def flat(text: str) -> str:
    """Text with all whitespace removed: long values wrapped over lines compare whole."""
    return "".join(text.split())


def pdf_images(pdf: Path) -> list[dict[str, str]]:
    """``pdfimages -list`` rows as dicts keyed by its column names."""
    lines = _run("pdfimages", "-list", str(pdf)).splitlines()
    header = lines[0].split()
    return [dict(zip(header, line.split(), strict=False)) for line in lines[2:]]


def pdf_fonts(pdf: Path) -> list[dict[str, str]]:
    """``pdffonts`` rows: name, and the emb/sub/uni flags (the type column holds spaces)."""
    rows = []
    for line in _run("pdffonts", str(pdf)).splitlines()[2:]:
        parts = line.split()
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows
