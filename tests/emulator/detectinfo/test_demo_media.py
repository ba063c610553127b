"""The committed demo media: present, of the documented sizes, and the clip as documented."""

from __future__ import annotations

import importlib.util
import json
import struct
import subprocess
import sys
import textwrap

import pytest

from iauth_desktop.core.config.resources import resource_path
from iauth_desktop.emulator.detectinfo.demo import CASES

DEMO = resource_path("demo")
CARD = (856, 540)
FRAME = (320, 240)
SIZES = {
    "idcard-a-front.jpg": CARD,
    "idcard-a-back.jpg": CARD,
    "idcard-b-front.jpg": CARD,
    "idcard-b-back.jpg": CARD,
    "videopic1.jpg": FRAME,
    "videopic2.jpg": FRAME,
    "videopic3.jpg": FRAME,
    **{f"videopic{n}{suffix}.jpg": FRAME for n in (1, 2, 3) for suffix in ("-5921", "-action")},
}
CLIPS = ("video.mp4", "video-5921.mp4", "video-action.mp4")
_SOF_MARKERS = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def jpeg_size(data: bytes) -> tuple[int, int]:
    """(width, height) from the JPEG's SOF segment, walking the marker segments."""
    assert data[:2] == b"\xff\xd8", "no SOI"
    offset = 2
    while offset + 4 <= len(data):
        assert data[offset] == 0xFF, f"no marker at {offset}"
        marker = data[offset + 1]
        (length,) = struct.unpack(">H", data[offset + 2 : offset + 4])
        if marker in _SOF_MARKERS:
            height, width = struct.unpack(">HH", data[offset + 5 : offset + 9])
            return width, height
        offset += 2 + length
    raise AssertionError("no SOF segment")


def boxes(data: bytes) -> list[bytes]:
    kinds, offset = [], 0
    while offset + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        kinds.append(kind)
        offset += size
    return kinds


@pytest.mark.parametrize(("name", "size"), SIZES.items())
def test_images_have_the_documented_size(name: str, size: tuple[int, int]) -> None:
    data = (DEMO / name).read_bytes()
    assert jpeg_size(data) == size
    assert data.endswith(b"\xff\xd9")


@pytest.mark.parametrize("name", CLIPS)
def test_clip_is_a_faststart_mp4(name: str) -> None:
    kinds = boxes((DEMO / name).read_bytes())
    assert kinds[0] == b"ftyp"
    assert kinds.index(b"moov") < kinds.index(b"mdat")


def test_every_case_medium_exists_and_the_whole_stays_small() -> None:
    names = {name for case in CASES.values() for name in case.media.values()}
    assert names == set(SIZES) | set(CLIPS)
    total = sum(p.stat().st_size for p in DEMO.iterdir() if p.is_file())
    assert total < 1_000_000
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    for name in names:
        assert f"`{name}`" in readme


_DECODE = textwrap.dedent(
    """
    import json, sys
    import av
    samples = []
    with av.open(sys.argv[1]) as container:
        stream = container.streams.video[0]
        info = [stream.codec_context.name, stream.width, stream.height, stream.format.name]
        for frame in container.decode(stream):
            rgb = frame.reformat(format="rgb24")
            plane = bytes(rgb.planes[0])
            line = rgb.planes[0].line_size
            samples.append([float(frame.time), list(plane[8 * line + 24 : 8 * line + 27])])
    print(json.dumps({"info": info, "samples": samples}))
    """
)


@pytest.mark.skipif(importlib.util.find_spec("av") is None, reason="PyAV (dev extra) not installed")
@pytest.mark.parametrize("name", CLIPS)
def test_clip_content_after_decoding(name: str) -> None:
    # PyAV runs in a child process: its FFmpeg must never meet Qt's in the test process.
    done = subprocess.run(
        [sys.executable, "-c", _DECODE, str(DEMO / name)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result = json.loads(done.stdout)
    assert result["info"] == ["h264", 320, 240, "yuv420p"]
    samples = result["samples"]
    assert len(samples) == 20
    assert samples[-1][0] == pytest.approx(1.9)
    for time, colour in samples:
        expected = (200, 40, 40) if time < 1.0 else (40, 40, 200)
        assert all(abs(a - b) <= 8 for a, b in zip(colour, expected, strict=True)), (time, colour)
