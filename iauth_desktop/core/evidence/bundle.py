"""Write a fetched case to an evidence bundle atomically; read and verify one back.

Everything is written into a hidden temporary folder beside the target, each file fsynced, then
the folder is renamed into place: a reader never sees half a bundle, and a failure leaves nothing
behind. Replacing an existing bundle (``force``) moves the old one aside first and puts it back if
the new one cannot take its place.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from iauth_desktop import __version__
from iauth_desktop.core.evidence.format import (
    CASE_FILE,
    FORMAT_VERSION,
    MANIFEST_FILE,
    RAW_TEXT_EXT,
    format_timestamp,
)
from iauth_desktop.core.evidence.read import BundleCheck, LoadedBundle, read_bundle, verify_bundle
from iauth_desktop.core.files import fsync_dir, staging_dir, write_private_file
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.errors import OutputError, TargetExistsError
from iauth_desktop.core.model.messages import said
from iauth_desktop.core.model.result import FetchMode, VerificationResult

# How case.json differs from the decrypted bytes, said once in every manifest. The parser refuses
# what could change a meaning (duplicate keys, NaN, Infinity, numbers beyond a float), so only
# spelling differs.
CASE_JSON_NOTE = (
    "the decrypted object re-encoded: the same keys in the same order with the same values; "
    "whitespace, string escapes and the spelling of numbers (1.0E2 is written 100.0) are this "
    "tool's; each media value is replaced by the name of its file"
)

__all__ = [
    "BundleCheck",
    "LoadedBundle",
    "check_bundle_target",
    "read_bundle",
    "verify_bundle",
    "write_bundle",
    "write_case_bundle",
]


def write_bundle(
    result: VerificationResult,
    target: Path,
    *,
    token: str,
    endpoint: str,
    mode: FetchMode,
    request: Mapping[str, Any],
    fetched_at: datetime,
    tool_version: str,
    force: bool = False,
    fetch_id: str | None = None,
) -> Path:
    """Write ``result`` as a bundle folder at ``target`` (whose parent must exist).

    Raises TargetExistsError when ``target`` exists and is not an empty folder, unless ``force``.
    File-system failures raise OutputError (exit code 2), with nothing left behind.
    """
    target = Path(target)
    _check_target(target, force=force)
    meta = {
        "provider": result.provider,
        "token": token,
        "endpoint": endpoint,
        "mode": mode.value,
        "request": dict(request),
        "fetched_at": format_timestamp(fetched_at),
        "tool_version": tool_version,
    }
    if fetch_id is not None:
        meta["fetch_id"] = fetch_id
    try:
        staging = staging_dir(target)
    except OSError as exc:
        raise OutputError(
            said(
                "bundle.cannot_write_in", folder=str(target.parent), reason=str(exc.strerror or exc)
            )
        ) from exc
    placed = False
    try:
        _write_contents(result, staging, meta)
        fsync_dir(staging)
        _move_into_place(staging, target)
        placed = True
    except OSError as exc:
        raise OutputError(
            said("bundle.write_failed", path=str(target), reason=str(exc.strerror or exc))
        ) from exc
    finally:
        if not placed:
            shutil.rmtree(staging, ignore_errors=True)
    fsync_dir(target.parent)
    return target


def write_case_bundle(case: ReviewCase, target: Path, *, force: bool = False) -> Path:
    """``write_bundle`` for a case under review: its result and where it came from."""
    return write_bundle(
        case.result,
        target,
        token=case.token,
        endpoint=case.endpoint,
        mode=case.mode,
        request=case.request,
        fetched_at=case.fetched_at,
        tool_version=__version__,
        force=force,
        fetch_id=case.fetch_id,
    )


def check_bundle_target(target: Path, *, force: bool = False) -> None:
    """Refuse, before anything is fetched, a place a bundle could not be written to: a missing
    or unwritable parent folder (OutputError), or a non-empty target without ``force``
    (TargetExistsError)."""
    target = Path(target)
    parent = target.absolute().parent
    if not parent.is_dir():
        raise OutputError(said("bundle.no_folder", folder=str(parent)))
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(said("bundle.folder_read_only", folder=str(parent)))
    _check_target(target, force=force)


def _check_target(target: Path, *, force: bool) -> None:
    if not os.path.lexists(target) or force:
        return
    if not target.is_symlink() and target.is_dir() and not any(target.iterdir()):
        return
    raise TargetExistsError(said("bundle.exists", path=str(target)))


def _write_contents(result: VerificationResult, folder: Path, meta: dict[str, Any]) -> None:
    files, manifest = bundle_contents(result, meta)
    for name, content in files:
        _write_file(folder / name, content)
    _write_file(folder / MANIFEST_FILE, manifest)


def _write_file(path: Path, content: bytes | bytearray | memoryview) -> None:
    """Create ``path`` (0600, never an existing file), write, fsync; the video past the page
    cache. Nothing is hashed here: ``bundle_contents`` made the manifest's entries (a 50 MiB
    video hashed again cost 30 ms)."""
    write_private_file(path, content)


Content = bytes | bytearray | memoryview


def bundle_contents(
    result: VerificationResult, meta: Mapping[str, Any]
) -> tuple[list[tuple[str, Content]], bytes]:
    """The bundle's files (name, content) and its manifest's bytes, computed in memory: what
    ``write_bundle`` writes, and what ``evidence_digest`` hashes without writing anything."""
    files: list[tuple[str, Content]] = []
    listed: dict[str, dict[str, Any]] = {}
    problems: list[dict[str, Any]] = []
    names: dict[str, str] = {}
    for slot in result.media_slots:
        name = slot.key
        item = result.media.get(name)
        if result.has_media_file(name):
            if item is None:
                raise ValueError(f"the result's {name} has no media item")
            content: Content
            if item.data is not None:
                file_name, content = f"{name}.{item.ext}", item.data
            else:
                file_name = f"{name}.{RAW_TEXT_EXT}"
                content = (item.raw_text or "").encode("utf-8")
            files.append((file_name, content))
            # a decoded medium was hashed once, when decoded (its bytes never change after):
            # 50 MiB hashed a second time cost a whole-process fetch 60 ms
            listed[file_name] = (
                {"sha256": item.sha256, "bytes": len(content)}
                if item.data is not None and item.sha256
                else _entry(content)
            )
            names[name] = file_name
            if item.error is not None:
                problems.append({"field": name, "file": file_name, "reason": item.error})
        elif item is not None and item.error is not None:  # the value stays in case.json
            problems.append({"field": name, "file": None, "reason": item.error})
    # allow_nan=False: never the non-standard NaN/Infinity (the payload parser refuses them too)
    case = json.dumps(result.case_object(names), ensure_ascii=False, indent=2, allow_nan=False)
    case_bytes = case.encode("utf-8") + b"\n"
    files.append((CASE_FILE, case_bytes))
    listed[CASE_FILE] = _entry(case_bytes)
    manifest = {"format": FORMAT_VERSION, "files": dict(sorted(listed.items())), **meta}
    manifest["problems"] = problems
    manifest["case_json"] = CASE_JSON_NOTE
    text = json.dumps(manifest, ensure_ascii=False, indent=2)
    return files, text.encode("utf-8") + b"\n"


def bundle_meta(case: ReviewCase) -> dict[str, Any]:
    """What a case's manifest says of where and how it was fetched."""
    meta = {
        "provider": case.result.provider,
        "token": case.token,
        "endpoint": case.endpoint,
        "mode": case.mode.value,
        "request": dict(case.request),
        "fetched_at": format_timestamp(case.fetched_at),
        "tool_version": __version__,
    }
    if case.fetch_id is not None:
        meta["fetch_id"] = case.fetch_id
    return meta


def evidence_digest(case: ReviewCase) -> str:
    """SHA-256 of the manifest a bundle of ``case`` has: the fingerprint a decision records of
    the evidence it was made on (the same as ``sha256sum manifest.json`` of its bundle)."""
    return hashlib.sha256(bundle_contents(case.result, bundle_meta(case))[1]).hexdigest()


def _entry(content: Content) -> dict[str, Any]:
    return {"sha256": hashlib.sha256(content).hexdigest(), "bytes": len(content)}


def _move_into_place(staging: Path, target: Path) -> None:
    """Rename ``staging`` to ``target``; an existing target is moved aside, then deleted."""
    if not os.path.lexists(target) or _is_empty_dir(target):
        staging.rename(target)  # replaces an empty folder; refuses a non-empty one
        return
    aside = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old")
    target.rename(aside)
    swapped = False
    try:
        staging.rename(target)
        swapped = True
    finally:
        if not swapped:
            aside.rename(target)
    if aside.is_dir() and not aside.is_symlink():
        shutil.rmtree(aside)
    else:
        aside.unlink()


def _is_empty_dir(path: Path) -> bool:
    return not path.is_symlink() and path.is_dir() and not any(path.iterdir())
