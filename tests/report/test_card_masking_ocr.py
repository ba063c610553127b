"""Masked ID card images cannot be read (issue #10), checked with OCR like an auditor would.

A drawn specimen with a legible number (no watermark over it) is photographed in several ways
(sizes, crops, ±3° rotations, ±5% offsets, JPEG qualities). The positive control: tesseract
reads all 18 characters from every unmasked image. The rule: no more than the last four from
any masked one — neither from the covered image itself, nor from the images ``pdfimages``
extracts from the masked PDF (so a box drawn over an intact embedded image would fail), nor
from the rendered page. Needs Debian's ``tesseract-ocr`` (``install-system-deps.sh``); runs in CI.
"""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from iauth_desktop.core.model.card_layout import KEPT
from iauth_desktop.report.card_redaction import mask_card_image
from tests.report.card_specimens import (
    SPECIMEN_BIRTH,
    SPECIMEN_ID,
    TESSERACT,
    Variant,
    draw_specimen,
    hidden_digits_read,
    jpeg_bytes,
    longest_run_of,
    ocr_digits,
)
from tests.report.conftest import RenderReport
from tests.report.poppler import pdf_images

VARIANTS = (
    Variant("as drawn"),
    Variant("small 428", width=428),
    Variant("large 1400", width=1400, quality=75),
    Variant("rotated +3", rotation=3.0, margin=0.06),
    Variant("rotated -3", rotation=-3.0, margin=0.06, quality=60),
    Variant("offset +5% +5%", offset=(0.05, 0.05), margin=0.06),
    Variant("offset -5% -5%", offset=(-0.05, -0.05), margin=0.06, width=640),
    Variant("offset +5% -5% rotated -2", offset=(0.05, -0.05), margin=0.06, rotation=-2.0),
    Variant("cropped 2%", crop=0.02),
    Variant("margin 10%", margin=0.10, width=700),
    Variant("jpeg 30", quality=30),
    Variant("rotated +3 offset -5% small jpeg 40", rotation=3, offset=(-0.05, 0.05),
            margin=0.06, width=600, quality=40),
)  # fmt: skip


@pytest.fixture(scope="module", autouse=True)
def _require_tesseract() -> None:
    if TESSERACT is None:
        pytest.fail("tesseract-ocr is not installed: run packaging/linux/install-system-deps.sh")


def _ocr_all(paths: list[Path]) -> dict[Path, str]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(paths, pool.map(lambda p: ocr_digits(str(p)), paths), strict=True))


@pytest.fixture(scope="module")
def photographed(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each variant's photo (unmasked) and its masked copy, as PNG files, and their OCR."""
    folder = tmp_path_factory.mktemp("ocr")
    card = draw_specimen()
    files: dict[str, Path] = {}
    for number, variant in enumerate(VARIANTS):
        photo = variant.apply(card)
        masked = mask_card_image(photo)
        assert masked.image is not None, f"{variant.name}: {masked.refused}"
        files[f"{number}-unmasked"] = folder / f"{number}-unmasked.png"
        files[f"{number}-masked"] = folder / f"{number}-masked.png"
        assert photo.save(str(files[f"{number}-unmasked"]))
        assert masked.image.save(str(files[f"{number}-masked"]))
    return files


@pytest.fixture(scope="module")
def readings(photographed: dict[str, Path]) -> dict[str, str]:
    texts = _ocr_all(list(photographed.values()))
    return {name: texts[path] for name, path in photographed.items()}


@pytest.mark.parametrize("number", range(len(VARIANTS)), ids=[v.name for v in VARIANTS])
def test_ocr_reads_the_whole_number_unmasked_and_at_most_the_last_four_masked(
    readings: dict[str, str], number: int
) -> None:
    unmasked, masked = readings[f"{number}-unmasked"], readings[f"{number}-masked"]
    assert longest_run_of(SPECIMEN_ID, unmasked) == 18, unmasked  # positive control
    assert hidden_digits_read(masked) <= 3, masked  # 0-3 happen by chance in any noise
    assert "19900517" not in masked


def test_portrait_name_and_sex_stay_visible(qapp: object) -> None:
    """The covered boxes leave the kept parts of the layout alone (pixel for pixel)."""
    card = draw_specimen()
    masked = mask_card_image(card)
    assert masked.image is not None and masked.placement is not None
    for box in KEPT:
        rect = masked.placement.rect_of(box)
        for y in range(int(rect.top) + 1, int(rect.top + rect.height) - 1, 7):
            for x in range(int(rect.left) + 1, int(rect.left + rect.width) - 1, 7):
                assert masked.image.pixel(x, y) == card.pixel(x, y), (box.key, x, y)


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("aspect outside 1.585 ± 0.08", lambda: draw_specimen().scaled(856, 460)),
        ("no card (blank)", lambda: _blank(856, 540)),
        ("a video frame", lambda: _blank(320, 240, "#c82828")),
    ],
)
def test_an_image_that_cannot_be_placed_is_withheld(qapp: object, name: str, make: object) -> None:
    image = make()  # type: ignore[operator]
    masked = mask_card_image(image)
    assert masked.image is None, name
    assert masked.caption.startswith("withheld")


def _blank(width: int, height: int, colour: str = "#eeeeee") -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return image


# --- the PDF -------------------------------------------------------------------------------------


def _extract_images(pdf: Path, folder: Path) -> list[Path]:
    folder.mkdir()
    subprocess.run(["pdfimages", "-png", str(pdf), str(folder / "img")], check=True, timeout=60)
    return sorted(folder.glob("img-*.png"))


def _render_pages(pdf: Path, folder: Path) -> list[Path]:
    subprocess.run(
        ["pdftoppm", "-r", "200", "-f", "2", "-l", "2", "-png", str(pdf), str(folder / "page")],
        check=True,
        timeout=60,
    )
    return sorted(folder.glob("page-*.png"))


@pytest.fixture(scope="module")
def specimen_reports(
    render_report: RenderReport, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[Path]]:
    """The specimen (rotated, offset, JPEG) as the case's ID front, in a masked and an unmasked
    report: the images pdfimages extracts from each, and the masked report's ID card page."""
    photo = Variant("report", rotation=2.0, offset=(0.03, -0.03), margin=0.06, quality=70)
    front = jpeg_bytes(photo.apply(draw_specimen()), 85)
    folder = tmp_path_factory.mktemp("pdf-ocr")
    masked = render_report("pass", media={"frontpic": front})
    unmasked = render_report("pass", media={"frontpic": front}, full_ids=True)
    cards = {
        "masked": [row for row in pdf_images(masked) if int(row["width"]) > 500],
        "unmasked": [row for row in pdf_images(unmasked) if int(row["width"]) > 500],
    }
    assert len(cards["masked"]) == len(cards["unmasked"]) == 2  # front and back
    return {
        "masked": _extract_images(masked, folder / "masked"),
        "unmasked": _extract_images(unmasked, folder / "unmasked"),
        "masked page": _render_pages(masked, folder),
    }


def test_ocr_of_images_extracted_from_the_pdf(specimen_reports: dict[str, list[Path]]) -> None:
    """The masked PDF's ID front (its first large image) reads no more than chance of the
    hidden digits; nothing in it — any embedded image, the rendered page — reads 5 or more in a
    row (the page and the card's back legitimately print dates such as 2020.01.01, whose 0101
    is also in the ID's region code)."""
    masked_images = specimen_reports["masked"]
    unmasked = [p for p in specimen_reports["unmasked"] if QImage(str(p)).width() > 500]
    [front, _back] = [p for p in masked_images if QImage(str(p)).width() > 500]
    texts = _ocr_all(masked_images + unmasked + specimen_reports["masked page"])
    assert longest_run_of(SPECIMEN_ID, texts[unmasked[0]]) == 18  # control: the unmasked front
    assert hidden_digits_read(texts[front]) <= 3, texts[front]
    for path in masked_images + specimen_reports["masked page"]:
        assert hidden_digits_read(texts[path]) <= 4, (path.name, texts[path])
        assert SPECIMEN_BIRTH not in texts[path]
