"""What the PyInstaller spec adds to and leaves out of the bundle (bundle_contents.py), checked
without building: the filters on made-up file lists, the names against the installed packages."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import PYINSTALLER_DIR, ROOT, Loader

PLUGINS = "PySide6/Qt/plugins"
QT_LIB = "PySide6/Qt/lib"


@pytest.fixture
def contents(packaging_module: Loader) -> ModuleType:
    return packaging_module("bundle_contents")


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        (f"{PLUGINS}/platformthemes/libqgtk3.so", False),
        (f"{PLUGINS}/platforms/libqvnc.so", False),
        (f"{PLUGINS}/imageformats/libqpdf.so", False),
        (f"{PLUGINS}/networkinformation/libqglib.so", False),
        ("PySide6/Qt/qml/QtQuick/Controls/libqtquickcontrols2plugin.so", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        (f"{PLUGINS}/platforms/libqxcb.so", True),
        (f"{PLUGINS}/platforms/libqwayland.so", True),
        (f"{PLUGINS}/platforms/libqoffscreen.so", True),
        (f"{PLUGINS}/multimedia/libffmpegmediaplugin.so", True),
        (f"{PLUGINS}/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("iauth_desktop/resources/icons/iauth-desktop-256.png", True),
        (f"{QT_LIB}/libavcodec.so.61", True),
    ],
)
def test_keep_entry(contents: ModuleType, dest: str, kept: bool) -> None:
    assert contents.keep_entry(dest) is kept


def test_libraries_only_a_dropped_plugin_linked_go_with_it(contents: ModuleType) -> None:
    links = {
        "/src/libqxcb.so": ["libQt6XcbQpa.so.6", "libxcb.so.1"],
        "/src/libQt6XcbQpa.so.6": ["libQt6Gui.so.6"],
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libfreetype.so.6"],
        "/src/libffmpegmediaplugin.so": ["libavcodec.so.61"],
        "/src/libavcodec.so.61": ["libswresample.so.5"],
        "/src/libgtk-3.so.0": ["libcairo.so.2"],
    }
    binaries = [
        (f"{PLUGINS}/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        (f"{PLUGINS}/multimedia/libffmpegmediaplugin.so", "/src/libffmpegmediaplugin.so", "BINARY"),
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        (f"{QT_LIB}/libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6", "BINARY"),
        (f"{QT_LIB}/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("libQt6Gui.so.6", f"{QT_LIB}/libQt6Gui.so.6", "SYMLINK"),
        (f"{QT_LIB}/libavcodec.so.61", "/src/libavcodec.so.61", "BINARY"),
        (f"{QT_LIB}/libswresample.so.5", "/src/libswresample.so.5", "BINARY"),
        ("libxcb.so.1", "/src/libxcb.so.1", "BINARY"),
        ("libfreetype.so.6", "/src/libfreetype.so.6", "BINARY"),
        # Left behind by the GTK 3 theme plugin, which keep_entry already dropped:
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
        (f"{QT_LIB}/libQt6Pdf.so.6", "/src/libQt6Pdf.so.6", "BINARY"),
        ("libQt6Pdf.so.6", f"{QT_LIB}/libQt6Pdf.so.6", "SYMLINK"),
    ]
    kept, dropped = contents.prune_unreachable(binaries, lambda src: links.get(src, []))
    assert {dest for dest, _, _ in dropped} == {
        "libgtk-3.so.0",
        "libcairo.so.2",
        f"{QT_LIB}/libQt6Pdf.so.6",
        "libQt6Pdf.so.6",
    }
    assert len(kept) + len(dropped) == len(binaries)

    datas = [
        ("libQt6Pdf.so.6", f"{QT_LIB}/libQt6Pdf.so.6", "SYMLINK"),
        ("libQt6Gui.so.6", f"{QT_LIB}/libQt6Gui.so.6", "SYMLINK"),
        ("iauth_desktop/resources/demo/video.mp4", "/src/video.mp4", "DATA"),
    ]
    assert [d for d, _, _ in contents.without_dangling_symlinks(datas, dropped)] == [
        "libQt6Gui.so.6",
        "iauth_desktop/resources/demo/video.mp4",
    ]


def test_a_reached_symlink_keeps_its_differently_named_target(contents: ModuleType) -> None:
    binaries = [
        ("PySide6/QtCore.abi3.so", "/src/QtCore.abi3.so", "EXTENSION"),
        ("libfoo.so.1", "libfoo.so.1.2.3", "SYMLINK"),
        ("libfoo.so.1.2.3", "/src/libfoo.so.1.2.3", "BINARY"),
    ]
    links = {"/src/QtCore.abi3.so": ["libfoo.so.1"]}
    kept, dropped = contents.prune_unreachable(binaries, lambda src: links.get(src, []))
    assert dropped == [] and len(kept) == 3


def _qt_modules_the_app_imports() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "iauth_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            found.update(n for n in names if re.fullmatch(r"PySide6\.Qt\w+", n))
    return found


def test_no_qt_module_the_app_imports_is_excluded(contents: ModuleType) -> None:
    used = _qt_modules_the_app_imports()
    assert "PySide6.QtWidgets" in used and "PySide6.QtMultimedia" in used
    assert used.isdisjoint(contents.EXCLUDED_MODULES)
    # Not imported by the app, but by the QtMultimedia bindings themselves:
    assert "PySide6.QtNetwork" not in contents.EXCLUDED_MODULES
    assert {"PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtQuick"} <= set(
        contents.EXCLUDED_MODULES
    )


def test_every_keyring_backend_is_named_and_exists(contents: ModuleType) -> None:
    backends = set(contents.KEYRING_BACKENDS)
    for name in ("SecretService", "kwallet", "libsecret", "macOS", "Windows", "chainer"):
        assert f"keyring.backends.{name}" in backends
    assert {"keyring.backends.fail", "keyring.backends.null"} <= backends
    for module in backends:
        assert importlib.util.find_spec(module) is not None, module


def test_debug_information_is_found_only_in_elf_files(contents: ModuleType, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not an ELF file")
    assert contents.has_debug_info(text) is False
    truncated = tmp_path / "truncated.so"
    truncated.write_bytes(b"\x7fELF\x02\x01" + bytes(10))
    assert contents.has_debug_info(truncated) is False


def test_the_qt_wheel_libraries_are_never_stripped(contents: ModuleType, tmp_path: Path) -> None:
    qt_lib = tmp_path / "libQt6Core.so.6"
    qt_lib.write_bytes(b"not really a library")
    entries = [(f"{QT_LIB}/libQt6Core.so.6", str(qt_lib), "BINARY")]
    assert contents.strip_debug_info(entries, tmp_path / "out", "/bin/false") == entries


def test_the_spec_is_python_and_bundles_resources_where_the_helper_looks() -> None:
    spec = (PYINSTALLER_DIR / "iauth-desktop.spec").read_text(encoding="utf-8")
    ast.parse(spec)
    # core/config/resources.py: importlib.resources.files("iauth_desktop") / "resources"
    assert '"iauth_desktop/resources"' in spec
    assert 'copy_metadata("iauth-desktop")' in spec and 'copy_metadata("keyring")' in spec
    assert "hiddenimports=KEYRING_BACKENDS" in spec and "excludes=EXCLUDED_MODULES" in spec
