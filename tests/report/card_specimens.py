"""Drawn ID card specimens with a legible number (no watermark over it), and the ways a real
photo of a card differs: size, crop, small rotation, offset in the frame, JPEG quality.

The layout is that of the demo cards (``tests/tools/make_demo_media.py``: the resident ID card's
standard layout on 856×540); the identity is synthetic (area code 99 belongs to no region).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen

from iauth_desktop.report.fonts import report_font_family

CARD_W, CARD_H = 856, 540
SPECIMEN_ID = "990101199005171231"
SPECIMEN_BIRTH = "19900517"


def _font(family: str, pixels: int, *, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def draw_specimen(id_number: str = SPECIMEN_ID) -> QImage:
    """The portrait side, 856×540, the number in a plain monospaced face."""
    image = QImage(CARD_W, CARD_H, QImage.Format.Format_RGB32)
    image.fill(QColor("#eef3f5"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addRoundedRect(QRectF(2, 2, CARD_W - 4, CARD_H - 4), 28, 28)
    painter.setPen(QPen(QColor("#a9b8c0"), 2))
    painter.drawPath(path)
    family = report_font_family()
    label, value = _font(family, 22), _font(family, 26)
    rows = [
        ("姓  名", "欧阳演示", 70),
        ("性  别", "男        民  族  汉", 130),
        ("出  生", "1990  年  5  月  17  日", 190),
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
    painter.drawText(
        QRectF(170, 254, 380, 110),
        int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
        "演示省样本市虚构区示例路1号演示小区8栋",
    )
    painter.setPen(QColor("#2a6f97"))
    painter.setFont(label)
    painter.drawText(QRectF(60, 420, 200, 50), Qt.AlignmentFlag.AlignVCenter, "公民身份号码")
    painter.setPen(QColor("#111111"))
    painter.setFont(_font("DejaVu Sans Mono", 34, bold=True))
    painter.drawText(QRectF(250, 420, 580, 50), Qt.AlignmentFlag.AlignVCenter, id_number)
    photo = QRectF(600, 70, 200, 250)
    painter.fillRect(photo, QColor("#f7f7f2"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#2f6f9f"))
    painter.drawEllipse(QPointF(700, 330), 90, 70)
    painter.setBrush(QColor("#f2c9a0"))
    painter.drawEllipse(QPointF(700, 170), 55, 70)
    painter.end()
    return image


@dataclass(frozen=True)
class Variant:
    """How a photo of the card differs from the drawn card."""

    name: str
    width: int = CARD_W  # the card's width in the photo, pixels
    rotation: float = 0.0  # degrees
    offset: tuple[float, float] = (0.0, 0.0)  # of the card's size, within a frame with margin
    margin: float = 0.0  # background around the card, of its size (0: a tight crop)
    crop: float = 0.0  # cut off the card's right and bottom edges, of its size
    quality: int = 90  # JPEG

    def apply(self, card: QImage) -> QImage:
        scale = self.width / card.width()
        cw, ch = card.width() * scale, card.height() * scale
        fw = round(cw * (1 + 2 * self.margin) * (1 - self.crop))
        fh = round(ch * (1 + 2 * self.margin) * (1 - self.crop))
        frame = QImage(fw, fh, QImage.Format.Format_RGB32)
        frame.fill(QColor("#5b4a3c") if self.margin else QColor("#eef3f5"))
        painter = QPainter(frame)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(
            cw * (0.5 + self.margin + self.offset[0]), ch * (0.5 + self.margin + self.offset[1])
        )
        painter.translate(centre)
        painter.rotate(self.rotation)
        painter.drawImage(QRectF(-cw / 2, -ch / 2, cw, ch), card)
        painter.end()
        return jpeg_round_trip(frame, self.quality)


def jpeg_bytes(image: QImage, quality: int = 90) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "JPEG", quality)
    buffer.close()
    return bytes(data.data())


def jpeg_round_trip(image: QImage, quality: int) -> QImage:
    return QImage.fromData(jpeg_bytes(image, quality))


# --- OCR ----------------------------------------------------------------------------------------

TESSERACT = shutil.which("tesseract")


def ocr_digits(path: str) -> str:
    """Every digit (and X) tesseract reads in the image at ``path``, line by line."""
    assert TESSERACT is not None, "tesseract-ocr is not installed"
    done = subprocess.run(
        [TESSERACT, path, "-", "--psm", "11", "-c", "tessedit_char_whitelist=0123456789X"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return "\n".join(re.sub(r"[^0-9X]", "", line) for line in done.stdout.splitlines())


def longest_run_of(secret: str, text: str) -> int:
    """The longest piece of ``secret`` found in ``text``."""
    best = 0
    for start in range(len(secret)):
        for end in range(start + best + 1, len(secret) + 1):
            if secret[start:end] in text:
                best = end - start
            else:
                break
    return best


def hidden_digits_read(text: str, id_number: str = SPECIMEN_ID) -> int:
    """How many consecutive characters of the ID number's hidden part (all but the last 4)
    appear in ``text`` — 0 to 3 happen by chance in any noise; 4 or more would be a leak."""
    return longest_run_of(id_number[:-4], text)
