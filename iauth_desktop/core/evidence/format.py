"""Names and small rules of the evidence bundle, shared by writer and reader.

A bundle is one folder::

    case.json       the decrypted object; each media field holds its file's name
    manifest.json   format, files {name: {sha256, bytes}}, provider, token, endpoint, mode,
                    request (what was asked, in the provider's terms), fetched_at,
                    tool_version, problems [{field, file, reason}]
    frontpic.jpg …  one file per decoded medium, named <field>.<sniffed extension>
    video.b64       a medium that would not decode, kept as the raw text the service sent

Format 1 (before providers) had no ``provider``, ``mode`` or ``request``: it is a ``detectinfo``
bundle whose request options stand at the top level of the manifest.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

FORMAT_VERSION = 2
READABLE_FORMATS = (1, 2)
LEGACY_PROVIDER = "detectinfo"  # a format-1 bundle's provider
CASE_FILE = "case.json"
MANIFEST_FILE = "manifest.json"
RAW_TEXT_EXT = "b64"
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"

# a medium's file: its raw key (letters, digits, _) and an extension; never a path
_MEDIA_NAME = re.compile(r"(?P<field>[A-Za-z][A-Za-z0-9_]{0,63})\.[a-z0-9]{1,8}")
_RESERVED = frozenset({CASE_FILE, MANIFEST_FILE})
_SHA256 = re.compile(r"[0-9a-f]{64}")
# The most a bundle's files can hold: a medium is at most a whole answer (the client's 1 GiB
# cap); the manifest and case.json are text a reader parses whole.
MAX_MEDIA_BYTES = 1 << 30
MAX_CASE_BYTES = 256 << 20
MAX_MANIFEST_BYTES = 4 << 20


def format_timestamp(moment: datetime) -> str:
    """UTC, whole seconds, ``Z``: ``2026-11-23T21:00:00Z``. A naive datetime is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime(TIMESTAMP_FORMAT)


def parse_timestamp(text: str) -> datetime:
    return datetime.strptime(text, TIMESTAMP_FORMAT).replace(tzinfo=UTC)


def media_file_field(name: Any) -> str | None:
    """The media field a bundle file name belongs to (``video.mp4`` -> ``video``), else None."""
    if not isinstance(name, str):
        return None
    match = _MEDIA_NAME.fullmatch(name)
    return match.group("field") if match and name not in _RESERVED else None


def valid_file_entry(name: Any, entry: Any) -> bool:
    """A ``files`` entry names a file a bundle may hold and carries its hash and size."""
    plain = name == CASE_FILE or media_file_field(name) is not None
    return (
        plain
        and isinstance(entry, dict)
        and isinstance(entry.get("sha256"), str)
        and _SHA256.fullmatch(entry["sha256"]) is not None
        and isinstance(entry.get("bytes"), int)
        and not isinstance(entry.get("bytes"), bool)
        and 0 <= entry["bytes"] <= (MAX_CASE_BYTES if name == CASE_FILE else MAX_MEDIA_BYTES)
    )
