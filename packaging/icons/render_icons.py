"""Render the application icon's PNG sizes from its SVG source with QtSvg.

    python packaging/icons/render_icons.py            # rewrite resources/icons/*.png
    python packaging/icons/render_icons.py --check    # exit 1 if a size is missing or wrong

The PNGs are committed so that the window, the ``.desktop`` file and a frozen bundle need no SVG
icon engine at run time; rerun this after editing ``resources/icons/iauth-desktop.svg``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[2]
ICON_DIR = ROOT / "resources" / "icons"
SVG_NAME = "iauth-desktop.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_name(size: int) -> str:
    return f"iauth-desktop-{size}.png"


def render(svg: Path, out_dir: Path, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Draw ``svg`` at each size on a transparent square and save it as PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = out_dir / png_name(size)
        if not image.convertToFormat(QImage.Format.Format_ARGB32).save(str(target), "PNG"):
            raise SystemExit(f"render_icons: could not write {target}")
        written.append(target)
    return written


def check(out_dir: Path, sizes: tuple[int, ...] = SIZES) -> list[str]:
    """Problems with the rendered set: missing files or wrong dimensions."""
    problems = []
    for size in sizes:
        path = out_dir / png_name(size)
        image = QImage(str(path))
        if image.isNull():
            problems.append(f"{path.name}: missing or unreadable")
        elif (image.width(), image.height()) != (size, size):
            problems.append(f"{path.name}: {image.width()}x{image.height()}, not {size}x{size}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=ICON_DIR / SVG_NAME)
    parser.add_argument("--out-dir", type=Path, default=ICON_DIR)
    parser.add_argument("--check", action="store_true", help="only check the committed PNGs")
    args = parser.parse_args(argv)
    if args.check:
        problems = check(args.out_dir)
        for problem in problems:
            print(f"render_icons: {problem}", file=sys.stderr)
        return 1 if problems else 0
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for path in render(args.svg, args.out_dir):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
