"""The demo media files, and the spoiled variants some fault modes send."""

from __future__ import annotations

import random
import struct
from functools import cache

from iauth_desktop.core.config.resources import resource_path

MIB = 1 << 20
JPEG_SOI = b"\xff\xd8\xff"
JPEG_EOI = b"\xff\xd9"
_GARBLED_HEAD = 600  # bytes after SOI overwritten: the quantisation/Huffman tables and frame header
_MAX_BOX = (1 << 32) - 1


@cache
def demo_file(name: str) -> bytes:
    """Bytes of ``resources/demo/<name>`` (read once per process)."""
    return resource_path("demo", name).read_bytes()


def broken_jpeg(jpeg: bytes) -> bytes:
    """Still sniffed as a JPEG (starts with FF D8 FF) but cannot be decoded.

    The segment headers after SOI are replaced by seeded noise and the last 40 % is cut off, so
    there is no frame header to read and no end-of-image marker.
    """
    noise = random.Random(602).randbytes(_GARBLED_HEAD)  # noqa: S311 - filler, not crypto
    body = JPEG_SOI + noise + jpeg[len(JPEG_SOI) + _GARBLED_HEAD :]
    cut = body[: max(len(JPEG_SOI) + _GARBLED_HEAD, len(body) * 6 // 10)]
    while cut.endswith(JPEG_EOI):
        cut = cut[:-1]
    return cut


def padded_mp4(mp4: bytes, total_bytes: int) -> bytes:
    """``mp4`` followed by a top-level ``free`` box so the whole is at least ``total_bytes``.

    Players skip ``free`` boxes, so the result is still the same playable clip. The filler is cheap
    seeded noise (not zeros) so nothing along the way can compress it away.
    """
    box_size = max(8, total_bytes - len(mp4))
    if box_size > _MAX_BOX:
        raise ValueError(f"a free box cannot hold {box_size} bytes")
    filler = random.Random(total_bytes).randbytes(box_size - 8)  # noqa: S311 - filler
    return b"".join((mp4, struct.pack(">I4s", box_size, b"free"), filler))
