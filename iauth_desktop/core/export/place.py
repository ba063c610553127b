"""Where an export is built and how it takes its place: all or nothing, never clobbering.

An export is built in a hidden ``.NAME.XXXX.partial`` folder (and, for a zip, a hidden
``.NAME.XXXX.partial`` file) beside the target, so the final rename stays on one file system.
The target is replaced only when asked (``force``): the old one is moved aside first and is
deleted only once the new one is in place and audited (``Placement.commit``); until then
``Placement.rollback`` puts everything back as it was.
"""

from __future__ import annotations

import errno
import logging
import os
import secrets
import shutil
from pathlib import Path
from types import TracebackType
from typing import IO

from iauth_desktop.core.files import fsync_dir, link_no_clobber, staging_dir, staging_file
from iauth_desktop.core.model.errors import OutputError, TargetExistsError, UsageError
from iauth_desktop.core.model.messages import said

ZIP_SUFFIX = ".zip"
_log = logging.getLogger(__name__)


def is_zip_target(target: Path) -> bool:
    return target.suffix.lower() == ZIP_SUFFIX


def check_target(target: Path, bundle_dir: Path, *, force: bool) -> None:
    """Refuse a target that cannot or must not be written, before any work is done."""
    parent = target.parent
    if not parent.is_dir():
        raise OutputError(said("export.no_folder", folder=str(parent)))
    where, bundle = target.resolve(), bundle_dir.resolve()
    if where == bundle or bundle in where.parents or where in bundle.parents:
        raise UsageError(said("export.into_bundle", bundle=str(bundle_dir)))
    if is_zip_target(target) and target.is_dir() and not target.is_symlink():
        raise OutputError(said("export.zip_is_folder", path=str(target)))
    if os.path.lexists(target) and not force and not _is_empty_dir(target):
        raise TargetExistsError(said("export.exists", path=str(target)))


class Staging:
    """The hidden folder (and temporary files) an export is built in; removed on ``close``."""

    def __init__(self, target: Path) -> None:
        self._target = target
        self._files: list[Path] = []
        try:
            self.folder = staging_dir(target)
        except OSError as exc:
            raise OutputError(
                said(
                    "export.cannot_write_to",
                    folder=str(target.parent),
                    reason=str(exc.strerror or exc),
                )
            ) from exc

    def new_file(self) -> tuple[Path, IO[bytes]]:
        """A new private temporary file beside the target, open for writing."""
        fd, path = staging_file(self._target)
        self._files.append(path)
        return path, os.fdopen(fd, "w+b")

    def forget(self, path: Path) -> None:
        """``path`` has become the export (renamed into place): no longer ours to remove."""
        if path == self.folder:
            self.folder = Path()
        else:
            self._files.remove(path)

    def close(self) -> None:
        for path in self._files:
            path.unlink(missing_ok=True)
        self._files.clear()
        if self.folder != Path():
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = Path()

    def __enter__(self) -> Staging:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class Placement:
    """``built`` renamed to ``target``; whatever was there waits aside until commit/rollback."""

    def __init__(self, built: Path, target: Path, *, force: bool) -> None:
        self.target = target
        self._aside: Path | None = None
        if os.path.lexists(target) and (force or _is_empty_dir(target)):
            self._aside = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old")
            target.rename(self._aside)
        try:
            _rename_no_clobber(built, target)
        except BaseException:
            self._restore()
            raise

    def commit(self) -> None:
        """The new export stays. It is complete and audited by now, so an old one that cannot
        be deleted is reported (logged), not raised."""
        try:
            if self._aside is not None:
                _remove(self._aside)
            fsync_dir(self.target.parent)
        except OSError as exc:
            _log.warning("the replaced export %s could not be removed: %s", self._aside, exc)
        self._aside = None

    def rollback(self) -> None:
        _remove(self.target)
        self._restore()

    def _restore(self) -> None:
        if self._aside is not None:
            self._aside.rename(self.target)
            self._aside = None


def _rename_no_clobber(built: Path, target: Path) -> None:
    """Rename unless something took the target's place meanwhile (TargetExistsError)."""
    try:
        if built.is_dir():
            built.rename(target)  # fails on an existing file or a non-empty folder
        else:
            link_no_clobber(built, target)
    except (FileExistsError, IsADirectoryError, NotADirectoryError):
        raise _appeared(target) from None
    except OSError as exc:
        if exc.errno in {errno.ENOTEMPTY, errno.EEXIST}:
            raise _appeared(target) from None
        raise


def _appeared(target: Path) -> TargetExistsError:
    return TargetExistsError(said("export.appeared", path=str(target)))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _is_empty_dir(path: Path) -> bool:
    return not path.is_symlink() and path.is_dir() and not any(path.iterdir())
