"""What goes into the bundle beyond what PyInstaller finds by itself, and what it leaves out:
Python modules the app never imports, plugins it never loads, and the shared libraries that only
those plugins needed.

Used by ``iauth-desktop.spec``; plain Python without PyInstaller, so the tests can exercise it.
PyInstaller's Qt hooks collect every plugin of a plugin type and then every library those plugins
link, from wherever the build machine has it (GTK through the GTK 3 platform theme, for one).
``keep_entry`` drops the unwanted plugins and data; ``prune_unreachable`` then drops each shared
library that no kept extension module, plugin or libpython links, directly or indirectly.
"""

from __future__ import annotations

import fnmatch
import posixpath
import struct
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

# (destination inside the bundle, source path, PyInstaller typecode)
TocEntry = tuple[str, str, str]

# keyring finds its backends through entry points at run time, so PyInstaller cannot see them:
# every platform's backend is named here, and keyring's metadata ships with the bundle.
KEYRING_BACKENDS = [
    "keyring.backends.SecretService",  # Linux: GNOME Keyring, KWallet 5.97+, KeePassXC
    "keyring.backends.kwallet",  # Linux: older KWallet (needs dbus-python where installed)
    "keyring.backends.libsecret",  # Linux: libsecret through PyGObject where installed
    "keyring.backends.macOS",  # macOS: the login Keychain
    "keyring.backends.macOS.api",
    "keyring.backends.Windows",  # Windows: Credential Manager
    "keyring.backends.chainer",
    "keyring.backends.fail",
    "keyring.backends.null",
]

# Qt for Python modules the app does not import (it uses QtCore, QtGui, QtWidgets, QtMultimedia,
# and QtCharts for the supervisor's dashboard).
# (QtNetwork stays: the QtMultimedia bindings import it.)
# Their libraries still come along where a used library needs them (the FFmpeg plugin links
# Qt6Quick, Qt6Qml, Qt6Network and Qt6OpenGL), but not their bindings, plugins or QML files.
_UNUSED_QT = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtConcurrent",
    "QtDataVisualization", "QtDBus", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp",
    "QtHttpServer", "QtLocation", "QtNetworkAuth", "QtNfc", "QtOpenGL",
    "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtPrintSupport", "QtQml",
    "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
    "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort",
    "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest",
    "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
]  # fmt: skip

EXCLUDED_MODULES = [
    *(f"PySide6.{name}" for name in _UNUSED_QT),
    # Tooling and test-only packages that share the build venv.
    "_pytest", "pytest", "pytestqt", "hypothesis", "mypy", "mypyc", "av", "fontTools",
    "hatchling", "build", "pip", "setuptools", "pkg_resources", "PyInstaller", "numpy", "PIL",
    "IPython",
    # Standard-library parts the app never uses.
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc_data", "test",
    "distutils",
    # GTK through PyGObject (keyring's libsecret backend uses gi only where it is installed).
    "gi",
]  # fmt: skip

# Files dropped by their path inside the bundle.
DROPPED_FILES = [
    # The GTK 3 platform theme links the whole GTK stack (gtk, gdk, pango, cairo, atk, ...).
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    # Embedded and framebuffer platforms: the console runs on xcb, Wayland or offscreen.
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqminimalegl.so",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/egldeviceintegrations/*",
    # Evidence is JPEG and PNG: no PDF-as-image plugin (it links Qt6Pdf), no on-screen keyboard.
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    # QtNetwork is there for the QtMultimedia bindings only: the app speaks HTTP with requests,
    # so no network-reachability plugins (they link GLib's gio) and no QtNetwork TLS backends.
    "PySide6/Qt/plugins/networkinformation/*",
    "PySide6/Qt/plugins/tls/*",
    # QML modules: nothing in the app is QML (the FFmpeg plugin needs the libraries only).
    "PySide6/Qt/qml/*",
]

# Qt's own translations: the interface speaks zh_CN and en only.
QT_TRANSLATIONS_DIR = "PySide6/Qt/translations/"
KEPT_TRANSLATION_SUFFIXES = ("_zh_CN.qm", "_en.qm")


def keep_entry(dest: str) -> bool:
    """Whether a collected file (by its path inside the bundle) stays in it."""
    path = dest.replace("\\", "/")
    if any(fnmatch.fnmatchcase(path, pattern) for pattern in DROPPED_FILES):
        return False
    if path.startswith(QT_TRANSLATIONS_DIR):
        return path.endswith(KEPT_TRANSLATION_SUFFIXES)
    return True


def _basename(dest: str) -> str:
    return dest.replace("\\", "/").rsplit("/", 1)[-1]


def is_root(entry: TocEntry) -> bool:
    """Loaded by Python or Qt on their own: extension modules, Qt plugins, libpython.

    pycryptodome's and cryptography's native parts are ``*.abi3.so`` files loaded by path, so
    they count as extension modules here even where PyInstaller files them as BINARY.
    """
    dest, _src, kind = entry
    name = _basename(dest)
    return (
        kind == "EXTENSION"
        or ".cpython-" in name
        or name.endswith(".abi3.so")
        or dest.replace("\\", "/").startswith("PySide6/Qt/plugins/")
        or name.startswith("libpython")
    )


def prune_unreachable(
    binaries: Iterable[TocEntry], imports_of: Callable[[str], Iterable[str]]
) -> tuple[list[TocEntry], list[TocEntry]]:
    """Split ``binaries`` into (kept, dropped): a shared library stays only while a root links it.

    ``imports_of(src)`` names the libraries a file links (sonames or file names). A library is
    matched by its file name, and a reached symbolic link reaches its target too.
    """
    entries = list(binaries)
    by_name: dict[str, list[TocEntry]] = {}
    for entry in entries:
        by_name.setdefault(_basename(entry[0]), []).append(entry)
    reached: set[str] = set()
    queue: list[TocEntry] = []
    names = [_basename(entry[0]) for entry in entries if is_root(entry)]
    while names or queue:
        if not names:
            names = [_basename(needed) for needed in imports_of(queue.pop()[1])]
            continue
        name = names.pop()
        if name in reached:
            continue
        reached.add(name)
        for entry in by_name.get(name, []):
            if entry[2] == "SYMLINK":
                names.append(_basename(_symlink_target(entry)))
            else:
                queue.append(entry)
    kept, dropped = [], []
    for entry in entries:
        name = _basename(entry[0])
        is_library = ".so" in name or name.endswith((".dll", ".dylib"))
        (kept if name in reached or not is_library else dropped).append(entry)
    return kept, dropped


def _symlink_target(entry: TocEntry) -> str:
    """Destination path a SYMLINK entry points at (its source is relative to its folder)."""
    dest, target, _kind = entry
    folder = dest.replace("\\", "/").rpartition("/")[0]
    return posixpath.normpath(posixpath.join(folder, target.replace("\\", "/")))


def without_dangling_symlinks(
    entries: Iterable[TocEntry], dropped: Iterable[TocEntry]
) -> list[TocEntry]:
    """``entries`` less the SYMLINK entries that point at a dropped file."""
    gone = {entry[0].replace("\\", "/") for entry in dropped}
    return [
        entry for entry in entries if entry[2] != "SYMLINK" or _symlink_target(entry) not in gone
    ]


# Libraries from the Qt for Python wheels have had their RUNPATH rewritten; strip(1) damages
# such files (the FFmpeg plugin then fails to load), so they are never touched.
NEVER_STRIPPED = ("PySide6/", "shiboken6/")


def has_debug_info(path: Path) -> bool:
    """Whether a 64-bit little-endian ELF file carries a ``.debug_info`` section."""
    with path.open("rb") as elf:
        header = elf.read(64)
        if len(header) < 64 or header[:6] != b"\x7fELF\x02\x01":
            return False
        (section_table,) = struct.unpack_from("<Q", header, 0x28)
        entry_size, count, names_index = struct.unpack_from("<HHH", header, 0x3A)
        elf.seek(section_table)
        table = elf.read(entry_size * count)
        if names_index >= count or len(table) < entry_size * count:
            return False
        names_offset, names_size = struct.unpack_from("<QQ", table, names_index * entry_size + 0x18)
        elf.seek(names_offset)
        names = elf.read(names_size)
    for index in range(count):
        (name_at,) = struct.unpack_from("<I", table, index * entry_size)
        if names[name_at : names.find(b"\0", name_at)] == b".debug_info":
            return True
    return False


def strip_debug_info(binaries: Iterable[TocEntry], workdir: Path, strip: str) -> list[TocEntry]:
    """``binaries`` with each file that has debug information replaced by a copy without it
    (``strip --strip-debug``: symbols stay, so nothing that loads the file notices)."""
    result = []
    for dest, src, kind in binaries:
        path = dest.replace("\\", "/")
        source = src
        if kind != "SYMLINK" and not path.startswith(NEVER_STRIPPED) and has_debug_info(Path(src)):
            target = workdir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(  # noqa: S603 - binutils' strip on a file of our own build
                [strip, "--strip-debug", "-o", str(target), src], check=True
            )
            source = str(target)
        result.append((dest, source, kind))
    return result
