"""Read an evidence bundle back, check every file against the manifest, rebuild the result."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import datetime
from pathlib import Path
from typing import Any

from iauth_desktop.core.evidence.format import (
    CASE_FILE,
    FORMAT_VERSION,
    LEGACY_PROVIDER,
    MANIFEST_FILE,
    MAX_MANIFEST_BYTES,
    RAW_TEXT_EXT,
    READABLE_FORMATS,
    media_file_field,
    parse_timestamp,
    valid_file_entry,
)
from iauth_desktop.core.model.errors import IntegrityError, UsageError
from iauth_desktop.core.model.json_limits import json_depth_exceeds
from iauth_desktop.core.model.media import MediaItem
from iauth_desktop.core.model.messages import Detail, english_of, said
from iauth_desktop.core.model.result import (
    MEDIA_PLACEHOLDER,
    FetchMode,
    VerificationResult,
    value_at,
)
from iauth_desktop.core.platform_files import O_BINARY
from iauth_desktop.core.providers.base import ProviderSpec
from iauth_desktop.core.providers.registry import get_spec

_UNDECODABLE = "the value is not valid standard Base64"
_ABSENT = object()


@dataclass(frozen=True)
class BundleCheck:
    """Files whose hash or size differ, files the manifest lists but the folder lacks, and files
    in the folder the manifest does not list."""

    changed: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    unexpected: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not (self.changed or self.missing or self.unexpected)

    def describe(self) -> str:
        return english_of(self.findings())

    def findings(self) -> tuple[Detail, ...]:
        """What differs, one message per kind of difference (by key, for the console)."""
        parts = tuple(
            said(key, names=", ".join(names))
            for key, names in (
                ("bundle.check.changed", self.changed),
                ("bundle.check.missing", self.missing),
                ("bundle.check.unexpected", self.unexpected),
            )
            if names
        )
        return parts or (said("bundle.check.fine"),)


@dataclass(frozen=True)
class LoadedBundle:
    """A bundle as found on disk. ``case`` is None when case.json is missing or unreadable;
    ``media`` holds the decoded media files' bytes and ``raw_texts`` the ``.b64`` texts, per
    field, even where ``check`` says a file changed (the caller decides what to trust)."""

    path: Path
    manifest: dict[str, Any] = dataclass_field(repr=False)
    case: dict[str, Any] | None = dataclass_field(repr=False)
    media: dict[str, bytes] = dataclass_field(repr=False)
    raw_texts: dict[str, str] = dataclass_field(repr=False)
    check: BundleCheck

    @property
    def token(self) -> str:
        return str(self.manifest.get("token", ""))

    @property
    def endpoint(self) -> str:
        return str(self.manifest.get("endpoint", ""))

    @property
    def provider(self) -> str:
        """The provider that fetched the case (format-1 bundles: the legacy service's)."""
        if self.manifest.get("format") == 1:
            return LEGACY_PROVIDER
        return str(self.manifest.get("provider", ""))

    def spec(self) -> ProviderSpec:
        """The provider's facts; IntegrityError when this version knows no such provider."""
        try:
            return get_spec(self.provider)
        except UsageError:
            raise IntegrityError(
                said("bundle.unknown_provider", provider=repr(self.provider))
            ) from None

    @property
    def request(self) -> dict[str, Any]:
        """What the fetch asked for, in the provider's terms (format 1: read by the provider
        from the manifest's top level)."""
        if self.manifest.get("format") == 1:
            mode = self.mode
            return self.spec().request_record(mode) if mode is not None else {}
        found = self.manifest.get("request")
        return dict(found) if isinstance(found, dict) else {}

    @property
    def mode(self) -> FetchMode | None:
        """The fetch mode; ``None`` when the manifest does not say a known one."""
        if self.manifest.get("format") != 1:
            try:
                return FetchMode(str(self.manifest.get("mode")))
            except ValueError:
                return None
        try:
            return self.spec().mode_of(self.manifest)
        except IntegrityError:
            return None

    @property
    def tool_version(self) -> str:
        return str(self.manifest.get("tool_version", ""))

    @property
    def fetched_at(self) -> datetime | None:
        try:
            return parse_timestamp(str(self.manifest.get("fetched_at")))
        except ValueError:
            return None

    @property
    def problems(self) -> list[dict[str, Any]]:
        found = self.manifest.get("problems")
        return [p for p in found if isinstance(p, dict)] if isinstance(found, list) else []

    def result(self) -> VerificationResult:
        """The saved case as a VerificationResult, media as saved (writing it again gives the
        same case.json)."""
        if self.case is None:
            raise IntegrityError(said("bundle.case_damaged", file=CASE_FILE))
        spec = self.spec()
        reasons = {p.get("field"): p.get("reason") for p in self.problems}
        raw = copy.deepcopy(self.case)  # placeholders may go in at any depth
        media: dict[str, MediaItem] = {}
        for slot in spec.media_slots:
            name = slot.key
            value = value_at(raw, slot.where, _ABSENT)
            if value is _ABSENT:
                continue
            item: MediaItem | None
            if name in self.media:
                item = MediaItem.decoded(name, self.media[name])
                _put(raw, slot.where, MEDIA_PLACEHOLDER)
            elif name in self.raw_texts:
                reason = reasons.get(name)
                text = reason if isinstance(reason, str) and reason else _UNDECODABLE
                item = MediaItem.undecodable(name, text, self.raw_texts[name])
                _put(raw, slot.where, MEDIA_PLACEHOLDER)
            elif media_file_field(value) == name:
                item = MediaItem.undecodable(name, f"the bundle's file {value} is missing", None)
            else:
                item = spec.media_item(name, value)
            if item is not None:
                media[name] = item
        return spec.interpret(raw, media, self.request)


def read_bundle(path: Path) -> LoadedBundle:
    """Load a bundle and check every file's hash and size. Raises IntegrityError only when the
    folder has no usable manifest.json; any other damage is reported in ``check``."""
    path = Path(path)
    manifest = read_manifest(path)
    listed: dict[str, dict[str, Any]] = manifest["files"]
    present = {entry.name for entry in path.iterdir()} - {MANIFEST_FILE}
    contents: dict[str, bytes] = {}
    changed: list[str] = []
    missing: list[str] = []
    for name, entry in listed.items():
        file_path = path / name
        if name not in present:
            missing.append(name)
            continue
        # Type and size first (lstat): a symlink to /dev/zero, a FIFO, a folder or a sparse
        # 20 GiB file in its place is "changed" without reading a byte of it.
        try:
            data = read_regular(file_path, entry["bytes"])
        except OSError:  # unreadable (permissions, vanished): not what was exported
            data = None
        if data is None:
            changed.append(name)
            continue
        contents[name] = data
        digest = hashlib.sha256(data).hexdigest()
        if digest != entry["sha256"] or len(data) != entry["bytes"]:
            changed.append(name)
    check = BundleCheck(
        changed=tuple(sorted(changed)),
        missing=tuple(sorted(missing)),
        unexpected=tuple(sorted(present - set(listed))),
    )
    case = _load_case(contents.get(CASE_FILE))
    media: dict[str, bytes] = {}
    raw_texts: dict[str, str] = {}
    for name, value in _named_values(case or {}):
        if media_file_field(value) != name or value not in contents:
            continue
        if value.endswith("." + RAW_TEXT_EXT):
            raw_texts[name] = contents[value].decode("utf-8", errors="replace")
        else:
            media[name] = contents[value]
    return LoadedBundle(path, manifest, case, media, raw_texts, check)


def verify_bundle(path: Path) -> LoadedBundle:
    """``read_bundle`` that raises IntegrityError naming every changed, missing or unexpected
    file."""
    loaded = read_bundle(path)
    if not loaded.check.ok:
        raise IntegrityError(
            said("bundle.mismatch", path=str(loaded.path), check=loaded.check.findings())
        )
    return loaded


def verify_bundle_pinned(path: Path) -> tuple[LoadedBundle, bytes]:
    """``verify_bundle``, plus the exact bytes of the manifest.json that was verified.

    Whoever records the manifest's own SHA-256 (a report, an export) hashes these bytes; if the
    file changes between being read and being verified, IntegrityError says so.
    """
    manifest_path = Path(path) / MANIFEST_FILE
    try:
        raw = read_regular(manifest_path, MAX_MANIFEST_BYTES, exact=False) or b""
    except OSError:
        raw = b""  # verify_bundle names the problem
    loaded = verify_bundle(path)
    try:
        same = json.loads(raw.decode("utf-8")) == loaded.manifest
    except (UnicodeDecodeError, ValueError, RecursionError):
        same = False
    if not same:
        raise IntegrityError(said("bundle.manifest_changed", path=str(manifest_path)))
    return loaded, raw


def read_regular(path: Path, size: int, *, exact: bool = True) -> bytes | None:
    """The bytes of ``path`` when it is a regular file (not a symlink, FIFO, device or folder)
    of ``size`` bytes (at most ``size`` unless ``exact``); None otherwise. Never reads more than
    ``size`` + 1 bytes and never blocks on a FIFO swapped in after the check."""
    before = path.lstat()
    if not stat.S_ISREG(before.st_mode) or before.st_size > size:
        return None
    if exact and before.st_size != size:
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= O_BINARY
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        now = os.fstat(handle.fileno())
        if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (
            before.st_dev,
            before.st_ino,
        ):
            return None
        data = handle.read(size + 1)
    if len(data) > size or (exact and len(data) != size):
        return None
    return data


def read_manifest(path: Path) -> dict[str, Any]:
    """The bundle's manifest, checked for form; IntegrityError when it is unusable."""
    manifest_path = path / MANIFEST_FILE
    try:
        raw = read_regular(manifest_path, MAX_MANIFEST_BYTES, exact=False)
    except (FileNotFoundError, NotADirectoryError):
        raise IntegrityError(
            said("bundle.no_manifest", path=str(path), file=MANIFEST_FILE)
        ) from None
    except OSError as exc:
        raise IntegrityError(
            f"the evidence bundle's {MANIFEST_FILE} cannot be read: {exc.strerror or exc}"
        ) from None
    if raw is not None and json_depth_exceeds(raw):
        raise IntegrityError(f"the evidence bundle's {MANIFEST_FILE} is damaged")
    if raw is None:
        raise IntegrityError(
            f"the evidence bundle's {MANIFEST_FILE} is not a regular file of at most "
            f"{MAX_MANIFEST_BYTES} bytes (a link, a folder, a device or far too large)"
        )
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise IntegrityError(said("bundle.manifest_damaged", file=MANIFEST_FILE)) from None
    if not isinstance(manifest, dict):
        raise IntegrityError(said("bundle.manifest_damaged", file=MANIFEST_FILE))
    if manifest.get("format") not in READABLE_FORMATS:
        raise IntegrityError(
            said("bundle.format", format=repr(manifest.get("format")), version=FORMAT_VERSION)
        )
    files = manifest.get("files")
    if not isinstance(files, dict) or not all(valid_file_entry(n, e) for n, e in files.items()):
        raise IntegrityError(said("bundle.manifest_files", file=MANIFEST_FILE))
    return manifest


def _named_values(case: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(key, value) of the case's top level, then every string nested deeper under the name
    of the file it would be (a nested answer's media: ``Section.Front`` holds
    ``Front.jpg``, a list's items ``Frames_1.jpg``)."""
    yield from case.items()
    stack: list[Any] = [v for v in case.values() if isinstance(v, dict | list)]
    while stack:
        node = stack.pop()
        values = node.values() if isinstance(node, dict) else node
        for value in values:
            if isinstance(value, dict | list):
                stack.append(value)
            elif isinstance(value, str):
                field = media_file_field(value)
                if field is not None:
                    yield field, value


def _put(raw: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    parent: Any = value_at(raw, path[:-1]) if len(path) > 1 else raw
    parent[path[-1]] = value


def _load_case(data: bytes | None) -> dict[str, Any] | None:
    if data is None or json_depth_exceeds(data):  # one limit for the CLI and the console
        return None
    try:
        case = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return case if isinstance(case, dict) else None
