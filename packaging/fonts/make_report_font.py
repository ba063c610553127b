"""Build resources/fonts/iauthSansSC-GB18030.ttf: the CJK font of the report and the console.

A development tool, never imported by the application. Needs fontTools (the ``dev`` extra) and
Debian's ``fonts-noto-cjk`` (Noto Sans CJK, SIL Open Font License 1.1; see
resources/fonts/README.md). From the face "Noto Sans CJK SC" Regular it keeps:

- all of GB 18030's mandatory Han: the CJK Unified Ideographs U+4E00–U+9FA5 (and the rest of
  the block the font has) and Extension A U+3400–U+4DB5 — the 喆 堃 昇 玥 珺 镕 赟 烜 䶮 of given
  names and addresses that GB 2312 lacks;
- every other character of GB 2312 (punctuation, full-width forms, Greek, Cyrillic, kana,
  pinyin, box drawing), ASCII, Latin-1, General Punctuation, CJK Symbols and Punctuation,
  CJK Compatibility Ideographs, Halfwidth and Fullwidth Forms;

drops glyph substitution (GSUB: ligatures and localised forms would not map back to text in a
PDF), converts the CFF outlines to TrueType (quadratic, within 1 unit) — Qt's PDF engine embeds a
TrueType subset as a CID font that ``pdftotext`` reads — drops hinting, and renames the family to
"iauth Sans SC GB18030": a Modified Version under the OFL 1.1 must not use the Reserved Font Name
("Source"), and a name of our own keeps a system copy of Noto from standing in for it. The
licence (LICENSE-OFL-1.1.txt) stays beside the font.

    /work/main/.venv/bin/python packaging/fonts/make_report_font.py [--source TTC] [--out TTF]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "resources" / "fonts" / "iauthSansSC-GB18030.ttf"
FAMILY = "iauth Sans SC GB18030"
POSTSCRIPT = "iauthSansSC-GB18030"
VERSION_NOTE = "Noto Sans CJK SC subset to GB 18030 Han + Ext-A, TrueType, for iauth-desktop"

RANGES = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0xFF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation (– — ‘ ’ “ ” … ‰)
    (0x2190, 0x2193),  # arrows
    (0x2460, 0x24FF),  # enclosed numbers
    (0x25A0, 0x25FF),  # geometric shapes
    (0x2600, 0x26FF),  # miscellaneous symbols (⚠)
    (0x2713, 0x2714),  # check marks
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3400, 0x4DBF),  # CJK Extension A (GB 18030: U+3400-U+4DB5)
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs (GB 18030: U+4E00-U+9FA5)
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms
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
    """A family name of our own, English only, so no system font can stand in for it (and the
    derivative does not go by the original's name)."""
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


def to_truetype(font: TTFont) -> None:
    """CFF (cubic) outlines to TrueType ``glyf`` (quadratic), as fontTools' otf2ttf does."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    quadratic = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        quadratic[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = quadratic
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        width, _ = hmtx[name]
        hmtx[name] = (width, getattr(glyph, "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attribute in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attribute, 1 if attribute == "maxZones" else 0)
    maxp.compile(font)
    post = font["post"]
    post.formatType = 3.0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def build(source: Path, out: Path) -> None:
    collection = TTCollection(str(source))
    face = next(f for f in collection.fonts if f["name"].getDebugName(6) == "NotoSansCJKsc-Regular")
    available = set(face.getBestCmap())
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    # No glyph substitution: a ligature (fi) or a localised digit is a glyph without a character
    # of its own, which Qt's PDF engine cannot map back to text (pdftotext would lose it).
    options.layout_features = ["kern"]
    options.drop_tables += ["VORG", "vhea", "vmtx", "GSUB"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted_codepoints() & available))
    subsetter.subset(face)
    to_truetype(face)
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
