"""Where the resident ID card's portrait side shows the number, birth date and address.

Masked output covers these parts of an ID card image solid, by the card's standard layout
(GA 450: 85.6 × 54 mm; name, sex and ethnicity, birth, address in the left column, the portrait
on the right, the 18-digit number along the bottom). This module finds the card in a small
greyscale copy of the image and says which pixel rectangles to cover; drawing is left to the
caller (QtGui in ``report/``). An image that cannot be placed on the layout with confidence —
the card's aspect ratio outside 1.585 ± 0.08, no card-sized region, no writing where the number
belongs — is refused, and masked output then withholds it: it is never shown whole.

The boxes are generous: they still cover the number, birth line and address of a card rotated
by up to 3°, found a few per cent off, or cropped a little, while the portrait, name, sex and
ethnicity stay visible.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

CARD_ASPECT = 85.6 / 54.0  # 1.585
ASPECT_TOLERANCE = 0.08
MIN_CARD_AREA = 0.35  # of the image: a smaller light region is not taken for the card
BACKGROUND_DIFFERENCE = 28  # grey levels between the border ring and the card's own colour
INK_DIFFERENCE = 70  # a pixel this much darker than the card's colour is writing
MIN_NUMBER_INK = 0.02  # share of the number band's pixels that must be writing


@dataclass(frozen=True)
class LayoutBox:
    """A part of the portrait side, in fractions of the card's width and height."""

    key: str
    left: float
    top: float
    right: float
    bottom: float
    label: str  # English
    label_zh: str


# Covered in masked output. Birth line and address stop left of the portrait (x 0.70);
# the number band runs the whole width from just below the address to the card's edge.
COVERED: tuple[LayoutBox, ...] = (
    LayoutBox("birth_date", 0.0, 0.33, 0.69, 0.47, "birth date", "出生日期"),
    LayoutBox("address", 0.0, 0.47, 0.69, 0.73, "address", "住址"),
    LayoutBox("id_number", 0.0, 0.73, 1.0, 1.0, "ID number", "公民身份号码"),
)
# Kept visible (the tests check the boxes above leave them alone).
KEPT: tuple[LayoutBox, ...] = (
    LayoutBox("name", 0.06, 0.12, 0.55, 0.21, "name", "姓名"),
    LayoutBox("sex_nation", 0.06, 0.23, 0.55, 0.31, "sex and ethnicity", "性别民族"),
    LayoutBox("portrait", 0.71, 0.14, 0.92, 0.58, "portrait", "照片"),
)
# Where the number's digits sit on a card found square in the frame (for the ink check).
_NUMBER_DIGITS = LayoutBox("digits", 0.30, 0.76, 0.95, 0.90, "", "")

COVERED_CAPTION = "ID number, birth date and address covered 公民身份号码、出生日期、住址已遮盖"


@dataclass(frozen=True)
class Rect:
    """A rectangle in image pixels (floats; the caller rounds outwards)."""

    left: float
    top: float
    width: float
    height: float


@dataclass(frozen=True)
class CardPlacement:
    """Where the card lies in the image and the rectangles to cover, in image pixels."""

    card: Rect
    covered: tuple[tuple[LayoutBox, Rect], ...]

    def rect_of(self, box: LayoutBox) -> Rect:
        return _box_rect(self.card, box)


@dataclass(frozen=True)
class PlacementRefused:
    reason: str  # English, for captions and logs
    reason_zh: str


@dataclass(frozen=True)
class GreyGrid:
    """A small greyscale copy of the image (row-major, one byte per pixel) and the size of
    the image it stands for."""

    pixels: bytes
    width: int
    height: int
    image_width: int
    image_height: int

    def at(self, x: int, y: int) -> int:
        return self.pixels[y * self.width + x]


def place_card(grid: GreyGrid) -> CardPlacement | PlacementRefused:
    """The card's place in the image, or why it cannot be placed with confidence."""
    if grid.width < 8 or grid.height < 8 or len(grid.pixels) < grid.width * grid.height:
        return PlacementRefused(
            "the image is too small to find a card in", "图片太小，无法定位证件"
        )
    found = _card_bounds(grid)
    if found is None:
        return PlacementRefused("no card found in the image", "图片中未找到证件")
    left, top, right, bottom, fill = found
    width, height = right - left, bottom - top
    if width * height < MIN_CARD_AREA * grid.width * grid.height:
        return PlacementRefused("no card-sized region in the image", "图片中没有证件大小的区域")
    aspect = (width / grid.width * grid.image_width) / (height / grid.height * grid.image_height)
    if abs(aspect - CARD_ASPECT) > ASPECT_TOLERANCE:
        return PlacementRefused(
            f"the card's aspect ratio {aspect:.3f} is outside {CARD_ASPECT:.3f} ± "
            f"{ASPECT_TOLERANCE}",
            f"证件宽高比 {aspect:.3f} 不在 {CARD_ASPECT:.3f} ± {ASPECT_TOLERANCE} 之内",
        )
    sx, sy = grid.image_width / grid.width, grid.image_height / grid.height
    card = Rect(left * sx, top * sy, width * sx, height * sy)
    if _ink_share(grid, _box_rect(Rect(left, top, width, height), _NUMBER_DIGITS), fill) < (
        MIN_NUMBER_INK
    ):
        return PlacementRefused(
            "no writing where the card's number belongs", "证件号码位置没有文字，无法确认版式"
        )
    return CardPlacement(card, tuple((box, _box_rect(card, box)) for box in COVERED))


def _box_rect(card: Rect, box: LayoutBox) -> Rect:
    return Rect(
        card.left + box.left * card.width,
        card.top + box.top * card.height,
        (box.right - box.left) * card.width,
        (box.bottom - box.top) * card.height,
    )


def _card_bounds(grid: GreyGrid) -> tuple[int, int, int, int, float] | None:
    """(left, top, right, bottom) of the card in grid pixels, and the card's own grey level.

    The card's colour is the median of the middle of the image; the background's, the median
    of the outermost ring. When they are alike the card fills the frame (a tight crop). Else
    the card is the run of rows (columns) at least half of whose pixels differ from the
    background — half, so that a card rotated a few degrees is measured at its middle.
    """
    w, h, pixels = grid.width, grid.height, grid.pixels
    centre = b"".join(
        pixels[y * w + w // 4 : y * w + w - w // 4] for y in range(h // 4, h - h // 4)
    )
    ring = pixels[: 2 * w] + pixels[(h - 2) * w : h * w]
    ring += b"".join(
        bytes(pixels[y * w + x] for x in (0, 1, w - 2, w - 1)) for y in range(2, h - 2)
    )
    fill, background = float(median(centre)), float(median(ring))
    if abs(fill - background) < BACKGROUND_DIFFERENCE:
        return 0, 0, w, h, fill
    # One byte per grey level: 1 where it differs enough from the background (counted in C).
    card_like = bytes(int(abs(v - background) >= BACKGROUND_DIFFERENCE) for v in range(256))
    rows = [pixels[y * w : (y + 1) * w].translate(card_like).count(1) / w for y in range(h)]
    columns = [pixels[x : w * h : w].translate(card_like).count(1) / h for x in range(w)]
    vertical, horizontal = _longest_run(rows), _longest_run(columns)
    if vertical is None or horizontal is None:
        return None
    return horizontal[0], vertical[0], horizontal[1], vertical[1], fill


def _longest_run(profile: list[float]) -> tuple[int, int] | None:
    """The longest run of entries at least half the profile's largest (start, end exclusive)."""
    peak = max(profile, default=0.0)
    if peak < 0.3:
        return None
    best: tuple[int, int] | None = None
    start: int | None = None
    for index, value in enumerate([*profile, 0.0]):
        if value >= peak / 2 and start is None:
            start = index
        elif value < peak / 2 and start is not None:
            if best is None or index - start > best[1] - best[0]:
                best = (start, index)
            start = None
    return best


def _ink_share(grid: GreyGrid, rect: Rect, fill: float) -> float:
    left, top = max(0, int(rect.left)), max(0, int(rect.top))
    right = min(grid.width, int(rect.left + rect.width + 0.5))
    bottom = min(grid.height, int(rect.top + rect.height + 0.5))
    if right <= left or bottom <= top:
        return 0.0
    ink = bytes(int(fill - v >= INK_DIFFERENCE) for v in range(256))
    w = grid.width
    dark = sum(
        grid.pixels[y * w + left : y * w + right].translate(ink).count(1)
        for y in range(top, bottom)
    )
    return dark / ((right - left) * (bottom - top))
