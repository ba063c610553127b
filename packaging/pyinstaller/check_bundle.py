"""Post-build check of the onedir bundle: what must be in it, what must not, and how big it is.

    python packaging/pyinstaller/check_bundle.py dist/iauth-desktop [--max-mb 250]

Prints the unpacked size and the ten largest files; exits 1 on a problem. Run by build.sh with
the interpreter that built the bundle (PyInstaller is then importable, and the frozen module
list is checked too).
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
from pathlib import Path

from bundle_contents import KEYRING_BACKENDS

EXECUTABLE = "iauth-desktop"
# Paths under the bundle's _internal/ folder (glob patterns): each must match at least one file.
REQUIRED = [
    "iauth_desktop/resources/icons/iauth-desktop.svg",
    *(f"iauth_desktop/resources/icons/iauth-desktop-{n}.png" for n in (16, 32, 64, 256, 512)),
    "iauth_desktop/resources/translations/iauth_desktop_zh_CN.qm",
    "iauth_desktop/resources/demo/video.mp4",
    "iauth_desktop/resources/demo/idcard-a-front.jpg",
    "iauth_desktop/resources/fonts/*.ttf",
    "iauth_desktop/resources/fonts/LICENSE-OFL-1.1.txt",
    "iauth_desktop-*.dist-info/METADATA",
    "keyring-*.dist-info/entry_points.txt",
    "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
    "PySide6/Qt/lib/libavcodec.so.*",
    "PySide6/Qt/lib/libavformat.so.*",
    "PySide6/Qt/lib/libavutil.so.*",
    "PySide6/Qt/lib/libswscale.so.*",
    "PySide6/Qt/lib/libswresample.so.*",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland*.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
]
# File names that must not be anywhere in the bundle.
FORBIDDEN = [
    "libQt6WebEngine*", "QtWebEngineProcess*", "libQt63D*", "libQt6Designer*", "libQt6Pdf*",
    "libqgtk3.so", "libgtk-*", "libgdk-*", "libgdk_pixbuf*", "libpango*", "libcairo*",
    "libatk*", "libgirepository*",
]  # fmt: skip
FORBIDDEN_DIRS = ["PySide6/Qt/qml"]


def files_of(bundle: Path) -> list[Path]:
    return [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]


def problems_in(bundle: Path, max_bytes: int) -> list[str]:
    problems = []
    internal = bundle / "_internal"
    if not (bundle / EXECUTABLE).is_file():
        problems.append(f"no executable {EXECUTABLE}")
    for pattern in REQUIRED:
        if not any(internal.glob(pattern)):
            problems.append(f"missing: _internal/{pattern}")
    for path in bundle.rglob("*"):
        if path.is_symlink() and not path.exists():
            problems.append(f"dangling symbolic link: {path.relative_to(bundle)}")
        elif any(fnmatch.fnmatchcase(path.name, pattern) for pattern in FORBIDDEN):
            problems.append(f"should have been left out: {path.relative_to(bundle)}")
    for folder in FORBIDDEN_DIRS:
        if (internal / folder).exists():
            problems.append(f"should have been left out: _internal/{folder}")
    total, limit = sum(p.stat().st_size for p in files_of(bundle)) / 2**20, max_bytes / 2**20
    if total > limit:
        problems.append(f"{total:.0f} MiB unpacked, over the {limit:.0f} MiB limit")
    problems.extend(_frozen_module_problems(bundle / EXECUTABLE))
    return problems


def _frozen_module_problems(executable: Path) -> list[str]:
    """Every keyring backend is among the frozen modules (needs PyInstaller's archive reader)."""
    try:
        from PyInstaller.archive.readers import CArchiveReader  # noqa: PLC0415 - optional
    except ImportError:
        print("check_bundle: PyInstaller not importable, frozen modules not checked")
        return []
    if not executable.is_file():
        return []
    try:
        modules = set(CArchiveReader(str(executable)).open_embedded_archive("PYZ.pyz").toc)
    except (OSError, KeyError, TypeError, RuntimeError) as error:  # PyInstaller's archive errors
        return [f"{executable.name} holds no readable PyInstaller archive ({error})"]
    return [f"keyring backend not frozen: {m}" for m in KEYRING_BACKENDS if m not in modules]


def report(bundle: Path, top: int = 10) -> None:
    files = files_of(bundle)
    total = sum(p.stat().st_size for p in files)
    print(f"bundle: {bundle} — {len(files)} files, {total / 2**20:.1f} MiB unpacked")
    print(f"largest {top} files:")
    for path in sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:top]:
        print(f"  {path.stat().st_size / 2**20:7.1f} MiB  {path.relative_to(bundle)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, nargs="?", default=Path("dist/iauth-desktop"))
    parser.add_argument("--max-mb", type=float, default=250.0, help="size limit in MiB")
    args = parser.parse_args(argv)
    report(args.bundle)
    problems = problems_in(args.bundle, int(args.max_mb * 2**20))
    for problem in problems:
        print(f"check_bundle: {problem}", file=sys.stderr)
    if not problems:
        print("check_bundle: OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
