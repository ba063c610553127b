"""Is this PNG a picture of a real window? Standard library only (the smoke test runs it with the
system's python3, not with the bundle).

    python3 check_screenshot.py console.png [--min-width 1366 --min-height 768]

Decodes the PNG (8-bit RGB or RGBA, not interlaced: what QImage writes for a window grab) and
fails unless it is at least the minimum size, shows many colours, and no colour fills most of it.
"""

from __future__ import annotations

import argparse
import struct
import sys
import zlib
from collections import Counter
from pathlib import Path

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {2: 3, 6: 4}  # PNG colour type -> bytes per pixel at bit depth 8
MIN_COLOURS = 256
MAX_DOMINANT_SHARE = 0.9
ROW_STEP = 4  # colours are counted on every 4th row (rows are all unfiltered)


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _unfilter(kind: int, line: bytearray, prior: bytearray, bpp: int) -> None:
    if kind == 1:
        for i in range(bpp, len(line)):
            line[i] = (line[i] + line[i - bpp]) & 0xFF
    elif kind == 2:
        for i in range(len(line)):
            line[i] = (line[i] + prior[i]) & 0xFF
    elif kind == 3:
        for i in range(len(line)):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + ((left + prior[i]) >> 1)) & 0xFF
    elif kind == 4:
        for i in range(len(line)):
            left = line[i - bpp] if i >= bpp else 0
            upper_left = prior[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + _paeth(left, prior[i], upper_left)) & 0xFF
    elif kind != 0:
        raise ValueError(f"unknown PNG filter type {kind}")


def read_png(data: bytes) -> tuple[int, int, Counter[bytes]]:
    """(width, height, colour counts over the sampled rows)."""
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG file")
    pos, header, idat = len(SIGNATURE), b"", bytearray()
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    width, height, depth, colour, _comp, _filter, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour not in CHANNELS or interlace:
        raise ValueError(f"unsupported PNG: depth {depth}, colour {colour}, interlace {interlace}")
    bpp = CHANNELS[colour]
    raw, stride = zlib.decompress(bytes(idat)), width * bpp
    prior, colours = bytearray(stride), Counter[bytes]()
    for row in range(height):
        start = row * (stride + 1)
        line = bytearray(raw[start + 1 : start + 1 + stride])
        _unfilter(raw[start], line, prior, bpp)
        if row % ROW_STEP == 0:
            colours.update(bytes(line[i : i + 3]) for i in range(0, stride, bpp))
        prior = line
    return width, height, colours


def problems_with(path: Path, min_width: int, min_height: int) -> list[str]:
    try:
        width, height, colours = read_png(path.read_bytes())
    except (OSError, ValueError, zlib.error, struct.error) as error:
        return [f"{path}: {error}"]
    problems = []
    if width < min_width or height < min_height:
        problems.append(f"{width}x{height}, smaller than {min_width}x{min_height}")
    share = colours.most_common(1)[0][1] / colours.total()
    if len(colours) < MIN_COLOURS:
        problems.append(f"only {len(colours)} colours: not a window with content")
    if share > MAX_DOMINANT_SHARE:
        problems.append(f"one colour fills {share:.0%} of the picture")
    print(f"{path.name}: {width}x{height}, {len(colours)} colours, most common {share:.0%}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("png", type=Path)
    parser.add_argument("--min-width", type=int, default=1366)
    parser.add_argument("--min-height", type=int, default=768)
    args = parser.parse_args(argv)
    problems = problems_with(args.png, args.min_width, args.min_height)
    for problem in problems:
        print(f"check_screenshot: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
