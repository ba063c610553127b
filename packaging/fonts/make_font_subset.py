"""Build resources/fonts/WenQuanYiMicroHei-GB2312.ttf: the report's CJK font, subset.

A development tool, never imported by the application. Needs fontTools (``pip install fonttools``)
and Debian's ``fonts-wqy-microhei`` (WenQuanYi Micro Hei 0.2.0-beta, Apache-2.0 or GPL-3+ with the
font exception; we redistribute under Apache-2.0, see resources/fonts/README.md).

Kept: every character of GB 2312 (level-1 and level-2 hanzi, and rows 1-9: CJK punctuation,
full-width forms, Greek, Cyrillic, kana, pinyin, box drawing), ASCII, Latin-1, General
Punctuation, CJK Symbols and Punctuation, Halfwidth and Fullwidth Forms. Hinting is dropped (PDF
viewers do not use it) and the family is renamed so the application always loads this file,
never a system copy of the full font.

    /work/venv/bin/python packaging/fonts/make_font_subset.py [--source TTC] [--out TTF]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

SOURCE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "resources" / "fonts" / "WenQuanYiMicroHei-GB2312.ttf"
FAMILY = "iauth WenQuanYi Micro Hei GB2312"
POSTSCRIPT = "iauthWenQuanYiMicroHei-GB2312"
VERSION_NOTE = "subset to GB 2312 + Latin-1 + CJK punctuation for iauth-desktop"

RANGES = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0xFF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation (– — ‘ ’ “ ” … ‰)
    (0x2190, 0x2193),  # arrows
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
    (0xFFFD, 0xFFFD),  # replacement character
)


def gb2312_characters() -> set[int]:
    """Every character GB 2312 encodes (rows 0xA1-0xF7, cells 0xA1-0xFE)."""
    found: set[int] = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                found.add(ord(bytes((row, cell)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return found


def wanted_codepoints() -> set[int]:
    wanted = gb2312_characters()
    for first, last in RANGES:
        wanted.update(range(first, last + 1))
    return wanted


def rename(font: TTFont) -> None:
    """A family name of our own, English only, so no system font can stand in for it."""
    names = font["name"]
    names.names = [n for n in names.names if n.nameID not in (1, 2, 3, 4, 6, 16, 17, 18, 21, 22)]
    for name_id, text in (
        (1, FAMILY),
        (2, "Regular"),
        (3, f"{POSTSCRIPT};{VERSION_NOTE}"),
        (4, FAMILY),
        (6, POSTSCRIPT),
    ):
        names.setName(text, name_id, 3, 1, 0x409)
        names.setName(text, name_id, 1, 0, 0)


def build(source: Path, out: Path) -> None:
    collection = TTCollection(str(source))
    face = next(f for f in collection.fonts if f["name"].getDebugName(6) == "WenQuanYiMicroHei")
    available = set(face.getBestCmap())
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.drop_tables += ["FFTM"]  # FontForge timestamps: fontTools cannot subset them
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted_codepoints() & available))
    subsetter.subset(face)
    rename(face)
    out.parent.mkdir(parents=True, exist_ok=True)
    face.save(str(out))
    kept = len(face.getBestCmap())
    print(f"{out}: {out.stat().st_size} bytes, {kept} characters")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    build(args.source, args.out)


if __name__ == "__main__":
    main()
