"""The build and smoke-test scripts, and the checks they run, without building a bundle."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QColor, QImage

from .conftest import PACKAGING, ROOT, Loader

SCRIPTS = [
    PACKAGING / "build.sh",
    PACKAGING / "smoke-test.sh",
    PACKAGING / "ci-build-and-smoke.sh",
]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_shell_script_parses(script: Path) -> None:
    result = subprocess.run(
        ["bash", "-n", str(script)], capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not shutil.which("shellcheck"), reason="shellcheck not installed")
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_shellcheck_finds_nothing(script: Path) -> None:
    result = subprocess.run(
        ["shellcheck", str(script)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout


def test_smoke_test_refuses_a_missing_bundle(tmp_path: Path) -> None:
    result = subprocess.run(
        ["bash", str(PACKAGING / "smoke-test.sh"), str(tmp_path / "nothing-here")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "run packaging/build.sh" in result.stderr


@pytest.fixture
def screenshot_check(packaging_module: Loader) -> ModuleType:
    return packaging_module("check_screenshot")


def _png(path: Path, width: int, height: int, *, busy: bool) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#f0f0f0"))
    if busy:
        for y in range(height):
            for x in range(0, width, 3):
                image.setPixel(x, y, QColor.fromHsv((x * 7 + y) % 360, 200, 200).rgb())
    assert image.save(str(path), "PNG")
    return path


def test_a_busy_window_sized_picture_passes(screenshot_check: ModuleType, tmp_path: Path) -> None:
    picture = _png(tmp_path / "window.png", 1280, 800, busy=True)
    assert screenshot_check.problems_with(picture, 1280, 800) == []


def test_a_blank_picture_fails(screenshot_check: ModuleType, tmp_path: Path) -> None:
    picture = _png(tmp_path / "blank.png", 1280, 800, busy=False)
    problems = screenshot_check.problems_with(picture, 1280, 800)
    assert any("colours" in p for p in problems) and any("fills" in p for p in problems)


def test_a_small_picture_fails(screenshot_check: ModuleType, tmp_path: Path) -> None:
    picture = _png(tmp_path / "small.png", 640, 400, busy=True)
    assert screenshot_check.problems_with(picture, 1280, 800) == ["640x400, smaller than 1280x800"]


def test_a_file_that_is_no_png_fails(screenshot_check: ModuleType, tmp_path: Path) -> None:
    not_png = tmp_path / "fake.png"
    not_png.write_bytes(b"GIF89a" + bytes(100))
    (problem,) = screenshot_check.problems_with(not_png, 1, 1)
    assert "not a PNG" in problem


def test_the_pngs_decoder_agrees_with_qt(screenshot_check: ModuleType) -> None:
    icon = ROOT / "resources" / "icons" / "iauth-desktop-64.png"
    width, height, colours = screenshot_check.read_png(icon.read_bytes())
    image = QImage(str(icon)).convertToFormat(QImage.Format.Format_RGBA8888)
    assert (width, height) == (64, 64)
    step = screenshot_check.ROW_STEP
    expected = {
        bytes(image.pixelColor(x, y).getRgb()[:3]) for y in range(0, 64, step) for x in range(64)
    }
    assert set(colours) == expected


@pytest.fixture
def bundle_check(packaging_module: Loader) -> ModuleType:
    return packaging_module("check_bundle")


def test_bundle_check_lists_what_is_missing_and_what_should_not_be_there(
    bundle_check: ModuleType, tmp_path: Path
) -> None:
    bundle = tmp_path / "iauth-desktop"
    internal = bundle / "_internal"
    (internal / "PySide6/Qt/qml").mkdir(parents=True)
    (bundle / "iauth-desktop").write_bytes(b"\x7fELF")
    (internal / "libgtk-3.so.0").write_bytes(bytes(2048))
    (internal / "libgone.so.1").symlink_to("PySide6/Qt/lib/libgone.so.1")
    problems = bundle_check.problems_in(bundle, max_bytes=1024)
    assert "missing: _internal/PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so" in problems
    assert "missing: _internal/keyring-*.dist-info/entry_points.txt" in problems
    assert "should have been left out: _internal/libgtk-3.so.0" in problems
    assert "should have been left out: _internal/PySide6/Qt/qml" in problems
    assert "dangling symbolic link: _internal/libgone.so.1" in problems
    assert any("over the" in p for p in problems)
    assert any("holds no readable PyInstaller archive" in p for p in problems)
    assert len([p for p in problems if p.startswith("missing:")]) == len(bundle_check.REQUIRED)
