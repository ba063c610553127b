"""Reopening a case from its last export: the ``bundle/`` folder of an export folder, or of an
export zip (unpacked into a private temporary folder that is removed once the case is read;
the password of an encrypted zip is asked for and never kept).
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

import pyzipper  # type: ignore[import-untyped, unused-ignore]
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from iauth_desktop.core.config.paths import scratch_dir
from iauth_desktop.core.export.record import BUNDLE_FOLDER
from iauth_desktop.core.files import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE
from iauth_desktop.ui.case.open_case import open_case_path
from iauth_desktop.ui.case.prepared_case import PreparedCase

_ZIP_ERRORS = (RuntimeError, OSError, zipfile.BadZipFile, pyzipper.BadZipFile, ValueError)


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
        try:
            _extract(path, temp, password)
            return temp / BUNDLE_FOLDER
        except _ZIP_ERRORS as exc:
            if not _encrypted(path) or (password is not None and "password" not in str(exc)):
                _explain(parent, path, str(exc))
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


def _extract(path: Path, temp: Path, password: bytes | None) -> None:
    """Only the ``bundle/`` members, and only to names inside ``temp`` (no ``..`` escapes)."""
    with pyzipper.AESZipFile(path) as archive:
        if password is not None:
            archive.setpassword(password)
        for info in archive.infolist():
            name = PurePosixPath(info.filename)
            if name.parts[:1] != (BUNDLE_FOLDER,) or info.is_dir():
                continue
            if ".." in name.parts or name.is_absolute():
                raise ValueError(f"unsafe name in the export: {info.filename}")
            target = temp.joinpath(*name.parts)
            target.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
            with archive.open(info) as source, target.open("xb") as sink:
                while chunk := source.read(1 << 20):
                    sink.write(chunk)
            target.chmod(PRIVATE_FILE_MODE)


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
