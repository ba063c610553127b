"""The export as a zip file: plain, or WinZip AES-256 encrypted for sending to an auditor.

Members carry the export's relative names (``export.json``, ``report.pdf``, ``audit.jsonl``,
``bundle/…``), mode 0600 and the export's time. Files that are compressed already (JPEG, PNG,
MP4, PDF) are stored, the rest deflated. Encryption is WinZip's AE-2 with AES-256 (PBKDF2-SHA1
key derivation and an HMAC-SHA1 over each member, as 7-Zip, WinZip and ``pyzipper`` read it);
member names stay readable, which is why no name holds personal data. Once written, every member
is read back (decrypted when encrypted) and checked against the hash recorded for it.
"""

from __future__ import annotations

import stat
import zipfile
import zlib
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Literal

import pyzipper  # type: ignore[import-untyped, unused-ignore]

from iauth_desktop.core.export.files import FileDigest, hash_stream, open_regular, stream
from iauth_desktop.core.files import PRIVATE_FILE_MODE
from iauth_desktop.core.model.errors import IntegrityError
from iauth_desktop.core.model.messages import said

AES_BITS = 256
_DateTime = tuple[int, int, int, int, int, int]
_STORED_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".mp4", ".mov", ".webm", ".pdf")


def write_zip(
    handle: IO[bytes],
    staged: Path,
    members: Mapping[str, FileDigest],
    *,
    password: bytes | None,
    when: datetime,
    after_member: Callable[[], None],
) -> None:
    """Write each of ``members`` (relative names under ``staged``) into the zip on ``handle``.

    A staged file whose bytes no longer match its recorded digest stops the export
    (IntegrityError): the zip must hold what ``export.json`` describes.
    """
    local = when.astimezone()  # zip times are local, without a zone
    date_time = (local.year, local.month, local.day, local.hour, local.minute, local.second)
    with _open_zip(handle, "w", password) as archive:
        for name, expected in members.items():
            info = _member_info(archive, name, expected.size, date_time)
            with open_regular(staged / name) as source, archive.open(info, "w") as sink:
                written = stream(source, sink)
            if written != expected:
                raise IntegrityError(said("export.member_changed", name=name))
            after_member()
    handle.flush()


def check_zip(path: Path, members: Mapping[str, FileDigest], *, password: bytes | None) -> None:
    """Read every member back and compare it with its digest; IntegrityError on any difference
    (a missing, extra, reordered, unreadable or changed member)."""
    try:
        with path.open("rb") as handle, _open_zip(handle, "r", password) as archive:
            names = [info.filename for info in archive.infolist()]
            if names != list(members):
                raise IntegrityError(said("export.zip_incomplete", path=str(path)))
            for name, expected in members.items():
                with archive.open(name) as member:
                    found = hash_stream(member)
                if found != expected:
                    raise IntegrityError(said("export.zip_differs", name=name))
    except (RuntimeError, zipfile.BadZipFile, pyzipper.BadZipFile, zlib.error) as exc:
        raise IntegrityError(
            said("export.zip_unreadable", path=str(path), reason=str(exc))
        ) from exc


def _open_zip(handle: IO[bytes], mode: Literal["r", "w"], password: bytes | None) -> Any:
    if password is None:
        return zipfile.ZipFile(handle, mode, allowZip64=True)
    archive = pyzipper.AESZipFile(handle, mode, allowZip64=True)
    archive.setpassword(password)
    if mode == "w":
        archive.setencryption(pyzipper.WZ_AES, nbits=AES_BITS)
    return archive


def _member_info(archive: Any, name: str, size: int, date_time: _DateTime) -> Any:
    info_class = getattr(archive, "zipinfo_cls", zipfile.ZipInfo)  # pyzipper's AESZipInfo
    info = info_class(name, date_time=date_time)
    stored = name.lower().endswith(_STORED_SUFFIXES)
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | PRIVATE_FILE_MODE) << 16
    info.file_size = size  # lets the writer choose ZIP64 up front for a very large member
    return info
