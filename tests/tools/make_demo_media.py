"""Draw the synthetic demo media of the emulator into ``resources/demo/``.

A development tool, never imported by the app: it needs PySide6 (QtGui, offscreen) for drawing and
PyAV for the H.264 clip. Everything is drawn from shapes and text — no photograph, no real person,
no real document. Run it from the repository root:

    QT_QPA_PLATFORM=offscreen /work/venv/bin/python tests/tools/make_demo_media.py

The sizes, colours and identities drawn here are documented in ``resources/demo/README.md`` and
checked by ``tests/emulator/detectinfo/test_demo_media.py``; change them together.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import av
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "demo"
FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")

CARD_SIZE = (856, 540)
FRAME_SIZE = (320, 240)
CLIP_FPS = 10
CLIP_SECONDS = 2
CLIP_COLOURS = ((200, 40, 40), (40, 40, 200))  # background of second 0 and second 1
CLIP_DIGITS = "3344"
# One clip per kind of liveness the demo cases show: (file suffix, digits read aloud or None for
# action liveness). Each agrees with its cases' ``validatedata``.
CLIPS = (("", CLIP_DIGITS), ("-5921", "5921"), ("-action", None))
ACTION_WORDS = "动作活体 · 眨眼 · 张嘴"  # the action_sequence blink,mouth
JPEG_QUALITY = 80


@dataclass(frozen=True)
class Identity:
    """One synthetic identity; must match the case fields in ``emulator/detectinfo/demo.py``."""

    tag: str
    name: str
    sex: str
    nation: str
    birth: tuple[int, int, int]
    address: str
    id_number: str
    authority: str
    valid: str
    palette: tuple[str, str]  # hair and shirt colour of the drawn figure


IDENTITIES = (
    Identity(
        "a",
        "欧阳演示",
        "男",
        "汉",
        (1990, 5, 17),
        "演示省样本市虚构区示例路1号演示小区8栋",
        "990101199005171231",
        "样本市公安局虚构分局",
        "2020.01.01-2040.01.01",
        ("#3b2f2f", "#2f6f9f"),
    ),
    Identity(
        "b",
        "司马样本",
        "女",
        "汉",
        (1962, 8, 9),
        "演示省示例县假想镇测试村18号",
        "990203196208090460",
        "示例县公安局",
        "2015.03.01-长期",
        ("#7a7a7a", "#9f2f6f"),
    ),
)


def font(family: str, pixel_size: int, *, bold: bool = False) -> QFont:
    result = QFont(family)
    result.setPixelSize(pixel_size)
    result.setBold(bold)
    return result


def draw_figure(painter: QPainter, box: QRectF, hair: str, shirt: str) -> None:
    """A geometric cartoon bust: circles and polygons, deliberately nobody."""
    cx = box.center().x()
    unit = box.width() / 10
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(shirt))
    shoulders = QPolygonF(
        [
            QPointF(box.left() + unit * 0.5, box.bottom()),
            QPointF(box.left() + unit * 2, box.bottom() - unit * 3),
            QPointF(box.right() - unit * 2, box.bottom() - unit * 3),
            QPointF(box.right() - unit * 0.5, box.bottom()),
        ]
    )
    painter.drawPolygon(shoulders)
    head = QRectF(cx - unit * 2.6, box.top() + unit * 2.2, unit * 5.2, unit * 6)
    painter.setBrush(QColor(hair))
    painter.drawEllipse(head.adjusted(-unit * 0.4, -unit * 0.6, unit * 0.4, -unit * 1.5))
    painter.setBrush(QColor("#f2c9a0"))
    painter.drawEllipse(head)
    painter.setBrush(QColor("#222222"))
    eye_y = head.top() + head.height() * 0.42
    for dx in (-1.1, 1.1):
        painter.drawEllipse(QPointF(cx + dx * unit, eye_y), unit * 0.35, unit * 0.35)
    painter.setPen(QPen(QColor("#8a3a2a"), max(2.0, unit * 0.25)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    mouth = QRectF(cx - unit * 1.2, head.top() + head.height() * 0.52, unit * 2.4, unit * 1.4)
    painter.drawArc(mouth, 200 * 16, 140 * 16)


def draw_watermark(painter: QPainter, size: tuple[int, int]) -> None:
    painter.save()
    painter.setPen(QColor(200, 0, 0, 90))
    painter.setFont(font("WenQuanYi Micro Hei", 54, bold=True))
    painter.translate(size[0] / 2, size[1] / 2)
    painter.rotate(-18)
    for row in (-1, 0, 1):
        rect = QRectF(-size[0], row * 170 - 45, size[0] * 2, 90)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "样本 SPECIMEN   样本 SPECIMEN")
    painter.restore()


def card_canvas() -> tuple[QImage, QPainter]:
    width, height = CARD_SIZE
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#d9d9d9"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    gradient = QLinearGradient(0, 0, width, height)
    gradient.setColorAt(0, QColor("#eef4f7"))
    gradient.setColorAt(1, QColor("#dfe9e2"))
    path = QPainterPath()
    path.addRoundedRect(QRectF(14, 14, width - 28, height - 28), 28, 28)
    painter.fillPath(path, QBrush(gradient))
    painter.setPen(QPen(QColor("#a9b8c0"), 2))
    painter.drawPath(path)
    return image, painter


def draw_front(person: Identity) -> QImage:
    image, painter = card_canvas()
    family = "WenQuanYi Micro Hei"
    label, value = font(family, 22), font(family, 26)
    year, month, day = person.birth
    rows = [
        ("姓  名", person.name, 70),
        ("性  别", f"{person.sex}        民  族  {person.nation}", 130),
        ("出  生", f"{year}  年  {month}  月  {day}  日", 190),
    ]
    for caption, text, y in rows:
        painter.setPen(QColor("#2a6f97"))
        painter.setFont(label)
        painter.drawText(QRectF(60, y, 110, 40), Qt.AlignmentFlag.AlignVCenter, caption)
        painter.setPen(QColor("#111111"))
        painter.setFont(value)
        painter.drawText(QRectF(170, y, 420, 40), Qt.AlignmentFlag.AlignVCenter, text)
    painter.setPen(QColor("#2a6f97"))
    painter.setFont(label)
    painter.drawText(QRectF(60, 250, 110, 40), Qt.AlignmentFlag.AlignVCenter, "住  址")
    painter.setPen(QColor("#111111"))
    painter.setFont(value)
    flags = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
    painter.drawText(QRectF(170, 254, 380, 110), flags | Qt.TextFlag.TextWordWrap, person.address)
    painter.setPen(QColor("#2a6f97"))
    painter.setFont(label)
    painter.drawText(QRectF(60, 420, 200, 50), Qt.AlignmentFlag.AlignVCenter, "公民身份号码")
    painter.setPen(QColor("#111111"))
    painter.setFont(font("DejaVu Sans Mono", 34, bold=True))
    painter.drawText(QRectF(250, 420, 560, 50), Qt.AlignmentFlag.AlignVCenter, person.id_number)
    photo = QRectF(600, 70, 200, 250)
    painter.fillRect(photo, QColor("#f7f7f2"))
    draw_figure(painter, photo, *person.palette)
    draw_watermark(painter, CARD_SIZE)
    painter.end()
    return image


def draw_back(person: Identity) -> QImage:
    image, painter = card_canvas()
    family = "WenQuanYi Micro Hei"
    centre = QPointF(140, 140)
    painter.setPen(QPen(QColor("#b03030"), 6))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, 80, 80)
    painter.drawRect(QRectF(centre.x() - 40, centre.y() - 40, 80, 80))
    painter.setFont(font(family, 44, bold=True))
    painter.setPen(QColor("#222222"))
    painter.drawText(QRectF(260, 80, 560, 60), Qt.AlignmentFlag.AlignCenter, "演示用证件样本")
    painter.setFont(font(family, 56, bold=True))
    painter.drawText(QRectF(260, 150, 560, 80), Qt.AlignmentFlag.AlignCenter, "居民身份证")
    rows = [("签发机关", person.authority, 360), ("有效期限", person.valid, 420)]
    for caption, text, y in rows:
        painter.setPen(QColor("#2a6f97"))
        painter.setFont(font(family, 22))
        painter.drawText(QRectF(160, y, 130, 44), Qt.AlignmentFlag.AlignVCenter, caption)
        painter.setPen(QColor("#111111"))
        painter.setFont(font(family, 26))
        painter.drawText(QRectF(300, y, 500, 44), Qt.AlignmentFlag.AlignVCenter, text)
    draw_watermark(painter, CARD_SIZE)
    painter.end()
    return image


def draw_scene(index: int, digits: str | None = CLIP_DIGITS) -> QImage:
    """Frame ``index`` (0-based, at CLIP_FPS) of a clip: solid background, figure, and the
    digits read aloud — or, for action liveness (``digits`` None), the action asked for."""
    width, height = FRAME_SIZE
    colour = CLIP_COLOURS[min(index // CLIP_FPS, len(CLIP_COLOURS) - 1)]
    image = QImage(width, height, QImage.Format.Format_RGBA8888)
    image.fill(QColor(*colour))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(100, 60, 120, 120), QColor("#f7f7f2"))
    draw_figure(painter, QRectF(100, 60, 120, 120), *IDENTITIES[0].palette)
    painter.setPen(QColor("#ffffff"))
    if digits is not None:
        painter.setFont(font("DejaVu Sans Mono", 40, bold=True))
        painter.drawText(QRectF(60, 184, 200, 50), Qt.AlignmentFlag.AlignCenter, digits)
    else:
        painter.setFont(font("WenQuanYi Micro Hei", 18))
        painter.drawText(QRectF(20, 190, 280, 40), Qt.AlignmentFlag.AlignCenter, ACTION_WORDS)
    painter.setFont(font("DejaVu Sans Mono", 12))
    painter.drawText(QRectF(240, 60, 70, 20), Qt.AlignmentFlag.AlignRight, f"#{index:02d}")
    painter.end()
    return image


def jpeg_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "JPEG", JPEG_QUALITY):
        raise RuntimeError("Qt could not encode a JPEG")
    buffer.close()
    return bytes(data.data())


def write_clip(path: Path, digits: str | None = CLIP_DIGITS) -> None:
    width, height = FRAME_SIZE
    with av.open(str(path), "w", format="mp4", options={"movflags": "+faststart"}) as container:
        stream = container.add_stream("libx264", rate=CLIP_FPS)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"profile": "baseline", "preset": "medium", "crf": "28"}
        stream.codec_context.time_base = Fraction(1, CLIP_FPS)
        for index in range(CLIP_FPS * CLIP_SECONDS):
            image = draw_scene(index, digits)
            rgba = image.constBits().tobytes()[: width * height * 4]
            frame = av.VideoFrame.from_bytes(rgba, width, height, format="rgba")
            frame = frame.reformat(format="yuv420p")
            frame.pts = index
            frame.time_base = Fraction(1, CLIP_FPS)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    if QFontDatabase.addApplicationFont(str(FONT_FILE)) < 0:
        print(f"cannot load {FONT_FILE}: install fonts-wqy-microhei", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    for person in IDENTITIES:
        (OUT / f"idcard-{person.tag}-front.jpg").write_bytes(jpeg_bytes(draw_front(person)))
        (OUT / f"idcard-{person.tag}-back.jpg").write_bytes(jpeg_bytes(draw_back(person)))
    for suffix, digits in CLIPS:
        for number, index in enumerate((2, 8, 15), start=1):  # 0.2 s, 0.8 s (red), 1.5 s (blue)
            frame = jpeg_bytes(draw_scene(index, digits))
            (OUT / f"videopic{number}{suffix}.jpg").write_bytes(frame)
        write_clip(OUT / f"video{suffix}.mp4", digits)
    del app
    total = sum(p.stat().st_size for p in OUT.iterdir() if p.is_file())
    print(f"wrote demo media to {OUT} ({total} bytes in total)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
