"""Clips and pixel checks shared by the video tests (real FFmpeg decoding, nothing mocked)."""

from __future__ import annotations

import io
import math
import struct

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QColor, QImage

from iauth_desktop.core.config.resources import resource_path

# resources/demo/README.md: background after H.264 decode, +-8; we allow a little more.
RED = (198, 39, 38)  # frames 0-9, 0.0-0.9 s
BLUE = (38, 39, 199)  # frames 10-19, 1.0-1.9 s
TOLERANCE = 12
DEMO_DURATION_MS = 2000
DEMO_FRAME_MS = 100  # 10 fps

# Harmless messages of Qt Multimedia on a headless box with no GPU, VA-API, PipeWire or sound.
MULTIMEDIA_NOISE = (
    r"^Couldn't (load|resolve) .* (library|symbols)$",
    r"^PulseAudioService: pa_context_connect\(\) failed$",
    r"No RHI backend\. Using CPU conversion",
)


def demo_clip() -> QByteArray:
    return QByteArray(resource_path("demo", "video.mp4").read_bytes())


def padded_clip(padding: int) -> QByteArray:
    """The demo clip plus a top-level ``free`` box of ``padding`` zero bytes (players skip it)."""
    data = QByteArray(resource_path("demo", "video.mp4").read_bytes())
    data.append(struct.pack(">I", padding + 8) + b"free")
    data.append(QByteArray(padding, 0))
    return data


def corner_colour(image: QImage) -> tuple[int, int, int]:
    """Mean RGB of the four 16x16 corner squares (pure background in every demo frame)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = rgb.width(), rgb.height()
    total = [0, 0, 0]
    count = 0
    for left, top in ((0, 0), (width - 16, 0), (0, height - 16), (width - 16, height - 16)):
        for y in range(top + 2, top + 14, 2):
            for x in range(left + 2, left + 14, 2):
                colour = rgb.pixelColor(x, y)
                total[0] += colour.red()
                total[1] += colour.green()
                total[2] += colour.blue()
                count += 1
    return (total[0] // count, total[1] // count, total[2] // count)


def matches(colour: tuple[int, int, int], expected: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= TOLERANCE for a, b in zip(colour, expected, strict=True))


def clip_with_sound(seconds: float = 1.0, *, picture: bool = True) -> QByteArray:
    """A green H.264 + AAC clip (AAC only without ``picture``) made in memory with PyAV."""
    import av  # optional: the caller skips without it

    rate, width, height, fps = 48000, 160, 120, 10
    out = io.BytesIO()
    with av.open(out, "w", format="mp4") as container:
        streams = []
        if picture:
            video = container.add_stream("libx264", rate=fps)
            video.width, video.height, video.pix_fmt = width, height, "yuv420p"
            streams.append(video)
            green = bytes((40, 200, 40)) * (width * height)
            for index in range(int(seconds * fps)):
                frame = av.VideoFrame(width, height, "rgb24")
                frame.planes[0].update(green)
                frame.pts = index
                for packet in video.encode(frame.reformat(format="yuv420p")):
                    container.mux(packet)
        audio = container.add_stream("aac", rate=rate, layout="mono")
        streams.append(audio)
        block = 1024
        for start in range(0, int(rate * seconds), block):
            tone = (0.2 * math.sin(2 * math.pi * 440 * (start + k) / rate) for k in range(block))
            samples = av.AudioFrame(format="flt", layout="mono", samples=block)
            samples.planes[0].update(struct.pack(f"<{block}f", *tone))
            samples.sample_rate, samples.pts = rate, start
            for packet in audio.encode(samples):
                container.mux(packet)
        for stream in streams:
            for packet in stream.encode():
                container.mux(packet)
    return QByteArray(out.getvalue())


def test_padded_clip_appends_one_top_level_free_box() -> None:
    plain = demo_clip()
    padded = padded_clip(1000)
    assert padded.size() == plain.size() + 8 + 1000
    tail = padded.data()[plain.size() :]
    assert struct.unpack(">I", tail[:4])[0] == 1008
    assert tail[4:8] == b"free"
    assert set(tail[8:]) == {0}


def test_corner_colour_reads_the_background() -> None:
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor(*BLUE))
    image.setPixelColor(160, 120, QColor(255, 255, 255))  # the centre does not count
    assert corner_colour(image) == BLUE
    assert matches(corner_colour(image), (40, 40, 200))
    assert not matches(corner_colour(image), RED)
