"""Reopening a case from its last export: the ``bundle/`` folder of an export folder, or of an
export zip (unpacked into a private temporary folder that is removed once the case is read;
the password of an encrypted zip is asked for and never kept).

Unpacking runs off the GUI thread and is bounded by the bundle's own manifest: each listed file
at most its listed size, anything unlisted at most ``UNLISTED_BYTES``, so a 3 MB zip cannot
expand into gigabytes in the scratch folder.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

import pyzipper  # type: ignore[import-untyped, unused-ignore]
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from iauth_desktop.core.config.paths import scratch_dir
from iauth_desktop.core.evidence.format import MANIFEST_FILE, MAX_MANIFEST_BYTES, valid_file_entry
from iauth_desktop.core.export.record import BUNDLE_FOLDER
from iauth_desktop.core.files import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE
from iauth_desktop.core.model.errors import CancelledError
from iauth_desktop.ui.case.open_case import open_case_path, run_busy
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.tasks import Progress

_ZIP_ERRORS = (RuntimeError, OSError, zipfile.BadZipFile, pyzipper.BadZipFile, ValueError)
UNLISTED_BYTES = 64 * 1024  # files the manifest does not list: kept (reported), but small
MAX_UNLISTED = 100
_CHUNK = 1 << 20


def export_available(path: Path) -> bool:
    """Whether ``path`` still holds an export this console can reopen."""
    if path.is_dir():
        return (path / BUNDLE_FOLDER).is_dir()
    return path.is_file() and zipfile.is_zipfile(path)


def open_export(parent: QWidget | None, path: Path) -> PreparedCase | None:
    """The case saved in the export at ``path``; None when it could not be opened (said in a
    message box) or the reviewer cancelled."""
    if path.is_dir():
        return open_case_path(parent, path / BUNDLE_FOLDER)
    with tempfile.TemporaryDirectory(prefix="reopen-", dir=scratch_dir()) as temp:
        folder = _unpack_bundle(parent, path, Path(temp))
        if folder is None:
            return None
        prepared = open_case_path(parent, folder)
    if prepared is not None:
        prepared.case.bundle_path = None  # the unpacked copy is gone: an export writes anew
    return prepared


def _unpack_bundle(parent: QWidget | None, path: Path, temp: Path) -> Path | None:
    password: bytes | None = None
    while True:
        shutil.rmtree(temp / BUNDLE_FOLDER, ignore_errors=True)  # a wrong password's leftovers
        outcome = _extract_in_background(parent, path, temp, password)
        if outcome is True:
            return temp / BUNDLE_FOLDER
        if outcome is None:  # cancelled
            return None
        reason = str(outcome)
        if not _encrypted(path) or (password is not None and "password" not in reason):
            _explain(parent, path, reason)
            return None
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("ExportReopen", "Encrypted export"),
            QCoreApplication.translate(
                "ExportReopen", "Password of {name} (wrong password: asked again):"
            ).format(name=path.name),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return None
        password = text.encode("utf-8")


def _extract_in_background(
    parent: QWidget | None, path: Path, temp: Path, password: bytes | None
) -> bool | str | None:
    """True when unpacked, the reason (str) when not, None when the reviewer cancelled."""

    def work(_progress: Progress, cancel: threading.Event) -> bool | str:
        try:
            extract_bundle(path, temp, password, cancel)
        except _ZIP_ERRORS as exc:
            return str(exc) or type(exc).__name__
        return True

    title = QCoreApplication.translate("ExportReopen", "Reopen from export")
    label = QCoreApplication.translate("ExportReopen", "Unpacking {name}…").format(name=path.name)
    outcome: Any = run_busy(parent, title, label, work)
    return outcome  # type: ignore[no-any-return]


def extract_bundle(
    path: Path, temp: Path, password: bytes | None, cancel: threading.Event | None = None
) -> int:
    """Unpack the ``bundle/`` members into ``temp`` within the sizes its manifest lists; the
    bytes written. Only flat names inside ``bundle/`` (no ``..``, no sub-folders)."""
    with pyzipper.AESZipFile(path) as archive:
        if password is not None:
            archive.setpassword(password)
        members = {}
        for info in archive.infolist():
            name = PurePosixPath(info.filename)
            if name.parts[:1] != (BUNDLE_FOLDER,) or info.is_dir():
                continue
            if ".." in name.parts or name.is_absolute() or len(name.parts) != 2:
                raise ValueError(f"unsafe name in the export: {info.filename[:200]}")
            members[name.parts[1]] = info
        folder = temp / BUNDLE_FOLDER
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
        manifest_info = members.pop(MANIFEST_FILE, None)
        if manifest_info is None:
            return 0  # opening says: not a bundle
        raw = bytearray()
        written = _copy(
            archive, manifest_info, folder / MANIFEST_FILE, MAX_MANIFEST_BYTES, cancel, kept=raw
        )
        limits = _listed_sizes(bytes(raw))
        unlisted = [name for name in members if name not in limits]
        if len(unlisted) > MAX_UNLISTED:
            raise ValueError(f"the export holds {len(unlisted)} files its manifest does not list")
        budget = UNLISTED_BYTES  # for all unlisted files together
        for name, info in members.items():
            limit = limits.get(name)
            if limit is None:
                copied = _copy(archive, info, folder / name, budget, cancel)
                budget = max(budget - copied, 0)
            else:
                copied = _copy(archive, info, folder / name, limit, cancel)
            written += copied
        return written


def _listed_sizes(raw: bytes) -> dict[str, int]:
    """File name -> size, from the manifest's ``files`` (nothing when it cannot be read)."""
    try:
        files = json.loads(raw.decode("utf-8")).get("files")
    except (UnicodeDecodeError, ValueError, RecursionError, AttributeError):
        return {}
    if not isinstance(files, dict):
        return {}
    return {n: e["bytes"] for n, e in files.items() if valid_file_entry(n, e)}


def _copy(
    archive: Any,
    info: Any,
    target: Path,
    limit: int,
    cancel: threading.Event | None,
    *,
    kept: bytearray | None = None,
) -> int:
    """Copy one member, stopping one byte past ``limit`` (the reader then sees the size differ);
    the bytes written, also appended to ``kept`` when given."""
    copied = 0
    with archive.open(info) as source, target.open("xb") as sink:
        while copied <= limit:
            if cancel is not None and cancel.is_set():
                raise CancelledError("unpacking the export was cancelled")
            chunk = source.read(min(_CHUNK, limit + 1 - copied))
            if not chunk:
                break
            sink.write(chunk)
            copied += len(chunk)
            if kept is not None:
                kept += chunk
    target.chmod(PRIVATE_FILE_MODE)
    return copied


def _encrypted(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return any(info.flag_bits & 0x1 for info in archive.infolist())
    except _ZIP_ERRORS:
        return False


def _explain(parent: QWidget | None, path: Path, reason: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(QCoreApplication.translate("ExportReopen", "Reopen from export"))
    box.setText(
        QCoreApplication.translate("ExportReopen", "The export {path} could not be opened.").format(
            path=path
        )
    )
    box.setInformativeText(reason)
    box.exec()
