"""The files of a case export: private (0600), fsynced, and hashed while they are written.

Every byte that goes into an export — a copied evidence file, the audit lines, ``export.json``,
a zip member — passes through ``stream``, so the hash recorded for a file is the hash of exactly
what was written, never of a second read that could see something else.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from iauth_desktop.core.files import new_private_file
from iauth_desktop.core.platform_files import O_BINARY

CHUNK = 1 << 20


class Source(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class Sink(Protocol):
    def write(self, data: bytes, /) -> object: ...


@dataclass(frozen=True)
class FileDigest:
    sha256: str
    size: int

    def as_json(self) -> dict[str, Any]:
        """The form used in ``export.json``, the same as the bundle manifest's entries."""
        return {"sha256": self.sha256, "bytes": self.size}


def stream(source: Source, sink: Sink) -> FileDigest:
    """Copy ``source`` to ``sink`` in bounded chunks; the hash and size of what was copied."""
    hasher = hashlib.sha256()
    size = 0
    while chunk := source.read(CHUNK):
        sink.write(chunk)
        hasher.update(chunk)
        size += len(chunk)
    return FileDigest(hasher.hexdigest(), size)


def write_private(path: Path, source: Source) -> FileDigest:
    """Create ``path`` (never an existing file, never through a symlink), fill it, fsync it."""
    with new_private_file(path) as handle:
        return stream(source, handle)


def write_bytes_private(path: Path, data: bytes) -> FileDigest:
    return write_private(path, io.BytesIO(data))


def copy_private(source: Path, target: Path) -> FileDigest:
    """Copy a regular file (a symlink put in its place is refused) to a new private file."""
    with open_regular(source) as handle:
        return write_private(target, handle)


def open_regular(path: Path) -> IO[bytes]:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | O_BINARY)
    return os.fdopen(fd, "rb")


def file_digest(path: Path) -> FileDigest:
    with open_regular(path) as handle:
        return hash_stream(handle)


def hash_stream(source: Source) -> FileDigest:
    """Hashing is copying to nowhere."""
    return stream(source, _Discard())


class _Discard:
    def write(self, data: bytes, /) -> int:
        return len(data)
