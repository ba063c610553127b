"""The application icon: an SVG source, PNGs rendered from it at every size, set on the window."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from iauth_desktop.app import ICON_SIZES, application_icon, build_window
from iauth_desktop.core.config.resources import resource_path
from iauth_desktop.core.config.secrets import KeyringStatus

from .conftest import ICON_DIR, PACKAGING, Loader

SVG = ICON_DIR / "iauth-desktop.svg"


def png_header(path: Path) -> tuple[int, int, int, int]:
    """(width, height, bit depth, colour type) from the IHDR chunk."""
    data = path.read_bytes()[:29]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, depth, colour


def test_svg_source_is_a_square_svg() -> None:
    root = ET.parse(SVG).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 512 512"
    assert root.get("width") == root.get("height") == "512"


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_exists_at_its_size_with_a_transparent_background(size: int) -> None:
    path = ICON_DIR / f"iauth-desktop-{size}.png"
    assert png_header(path) == (size, size, 8, 6)  # 8-bit RGBA
    image = QImage(str(path))
    assert image.pixelColor(0, 0).alpha() == 0, "the corners are transparent"
    assert image.pixelColor(size // 2, size // 2).alpha() == 255, "the middle is opaque"
    colours = {image.pixel(x, y) for x in range(size) for y in range(0, size, 2)}
    assert len(colours) > 8, "a drawing, not a flat square"


def test_the_render_script_makes_the_sizes_the_app_loads(
    qapp: object, packaging_module: Loader
) -> None:
    render_icons = packaging_module("render_icons", PACKAGING / "icons")
    assert render_icons.SIZES == ICON_SIZES
    assert render_icons.check(ICON_DIR) == []


def test_committed_pngs_are_rendered_from_the_current_svg(
    qapp: object,  # the script makes its own QGuiApplication only when there is none
    tmp_path: Path,
    packaging_module: Loader,
) -> None:
    render_icons = packaging_module("render_icons", PACKAGING / "icons")
    for fresh in render_icons.render(SVG, tmp_path, (48, 256)):
        committed = QImage(str(ICON_DIR / fresh.name))
        again = QImage(str(fresh))
        assert (again.width(), again.height()) == (committed.width(), committed.height())
        step = max(1, again.width() // 64)
        diffs = [
            abs(a - b)
            for x in range(0, again.width(), step)
            for y in range(0, again.height(), step)
            for a, b in zip(
                again.pixelColor(x, y).getRgb(), committed.pixelColor(x, y).getRgb(), strict=True
            )
        ]
        assert sum(diffs) / len(diffs) < 4, f"{fresh.name}: rerun packaging/icons/render_icons.py"


def test_icons_are_reachable_through_resource_path() -> None:
    assert resource_path("icons", "iauth-desktop.svg").is_file()
    for size in ICON_SIZES:
        assert resource_path("icons", f"iauth-desktop-{size}.png").is_file()


def test_application_icon_has_every_size(qapp: object) -> None:
    sizes = {(s.width(), s.height()) for s in application_icon().availableSizes()}
    assert sizes == {(n, n) for n in ICON_SIZES}


def test_the_window_carries_the_application_icon(qtbot: QtBot) -> None:
    keyring = KeyringStatus("Test Keyring", True, "secrets are kept in Test Keyring")
    window = build_window(None, keyring, problem="missing credentials: appid")
    qtbot.addWidget(window)
    icon = window.windowIcon()
    assert not icon.isNull()
    assert {(s.width(), s.height()) for s in icon.availableSizes()} >= {(16, 16), (256, 256)}
    assert not icon.pixmap(32, 32).toImage().isNull()


@pytest.mark.parametrize("ratio", [1.0, 1.5, 2.0])
@pytest.mark.parametrize("logical", [16, 24, 32, 48])
def test_the_icon_is_drawn_from_pixels_enough_on_high_dpi_screens(
    qapp: object, ratio: float, logical: int
) -> None:
    """At 150 % and 200 % the icon is drawn from a picture at least that many device pixels
    (never a small one blown up): the sizes ship, and Qt picks the right one."""
    pixmap = application_icon().pixmap(QSize(logical, logical), ratio)
    assert pixmap.width() >= int(logical * ratio)
    assert pixmap.devicePixelRatio() == pytest.approx(ratio)
    source = min(n for n in ICON_SIZES if n >= logical * ratio)
    original = QImage(str(resource_path("icons", f"iauth-desktop-{source}.png")))
    assert not original.isNull() and original.width() == source
