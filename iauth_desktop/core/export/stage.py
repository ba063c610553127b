"""Building an export's files in its staging folder: the bundle copied and checked, the report.

``Steps`` carries the caller's progress callback and cancel event through the export: every
finished step is reported, and a cancelled export stops at the next step.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from iauth_desktop.core.evidence.format import MANIFEST_FILE
from iauth_desktop.core.evidence.read import LoadedBundle, verify_bundle, verify_bundle_pinned
from iauth_desktop.core.export.files import FileDigest, copy_private, file_digest
from iauth_desktop.core.export.record import bundle_member
from iauth_desktop.core.files import PRIVATE_FILE_MODE, fsync_dir, make_private_dir
from iauth_desktop.core.model.errors import CancelledError, IntegrityError, OutputError, UsageError
from iauth_desktop.core.model.messages import said

ProgressCallback = Callable[[int, int], None]


class WrittenReport(Protocol):
    """What a report writer returns (``report.pdf_writer.ReportWritten`` fits)."""

    @property
    def path(self) -> Path: ...

    @property
    def sha256(self) -> str: ...


class Steps:
    """Counts finished steps for ``progress`` and stops at the next one once cancelled."""

    def __init__(self, progress: ProgressCallback | None, cancel: threading.Event | None) -> None:
        self.total = 0
        self.count = 0
        self._progress = progress
        self._cancel = cancel

    def check(self) -> None:
        if self._cancel is not None and self._cancel.is_set():
            raise CancelledError("the export was cancelled; nothing was written")

    def done(self) -> None:
        self.check()
        self.count += 1
        if self._progress is not None:
            self._progress(self.count, self.total)


def verified_source(bundle_dir: Path) -> tuple[LoadedBundle, str]:
    """The bundle, every file matching its manifest, and the SHA-256 of manifest.json."""
    loaded, raw = verify_bundle_pinned(bundle_dir)
    return loaded, hashlib.sha256(raw).hexdigest()


def stage_bundle(
    loaded: LoadedBundle, manifest_sha256: str, copy: Path, steps: Steps
) -> dict[str, FileDigest]:
    """Copy the bundle byte for byte, each file checked as it is copied, then the copy as a
    whole (verify_bundle: nothing missing, nothing extra)."""
    make_private_dir(copy)
    listed: dict[str, dict[str, Any]] = loaded.manifest["files"]
    files: dict[str, FileDigest] = {}
    for name in sorted(listed):
        digest = copy_private(loaded.path / name, copy / name)
        if digest != FileDigest(listed[name]["sha256"], listed[name]["bytes"]):
            raise IntegrityError(said("export.file_changed", name=name))
        files[bundle_member(name)] = digest
        steps.done()
    digest = copy_private(loaded.path / MANIFEST_FILE, copy / MANIFEST_FILE)
    if digest.sha256 != manifest_sha256:
        raise IntegrityError(said("export.manifest_changed", file=MANIFEST_FILE))
    files[bundle_member(MANIFEST_FILE)] = digest
    fsync_dir(copy)
    steps.done()
    verify_bundle(copy)
    steps.done()
    return files


def stage_manifest(loaded: LoadedBundle, manifest_sha256: str, copy: Path) -> FileDigest:
    """The bundle's manifest.json alone, byte for byte (a summary export's evidence manifest)."""
    digest = copy_private(loaded.path / MANIFEST_FILE, copy)
    if digest.sha256 != manifest_sha256:
        raise IntegrityError(f"the bundle's {MANIFEST_FILE} changed while it was being exported")
    return digest


def stage_report(report: Callable[[Path], WrittenReport] | Path, out: Path) -> FileDigest:
    if isinstance(report, os.PathLike):
        source = Path(report)
        if not source.is_file():
            raise UsageError(said("export.report_not_file", path=str(source)))
        return copy_private(source.resolve(), out)
    written = report(out)
    if Path(written.path).absolute() != out.absolute():
        raise OutputError(said("export.report_elsewhere", written=str(written.path), path=str(out)))
    digest = file_digest(out)
    if digest.sha256 != written.sha256:
        raise IntegrityError(said("export.report_changed"))
    out.chmod(PRIVATE_FILE_MODE)
    return digest
