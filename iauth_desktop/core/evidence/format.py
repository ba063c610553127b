"""Names and small rules of the evidence bundle, format version 1, shared by writer and reader.

A bundle is one folder::

    case.json       the decrypted object; each media field holds its file's name
    manifest.json   format, files {name: {sha256, bytes}}, token, endpoint, info_type,
                    fetched_at, tool_version, problems [{field, file, reason}]
    frontpic.jpg …  one file per decoded medium, named <field>.<sniffed extension>
    video.b64       a medium that would not decode, kept as the raw text the service sent
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from iauth_desktop.core.model.media import MEDIA_FIELDS

FORMAT_VERSION = 1
CASE_FILE = "case.json"
MANIFEST_FILE = "manifest.json"
RAW_TEXT_EXT = "b64"
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"

_MEDIA_NAME = re.compile(r"(?P<field>" + "|".join(MEDIA_FIELDS) + r")\.[a-z0-9]{1,8}")
_SHA256 = re.compile(r"[0-9a-f]{64}")


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
    return match.group("field") if match else None


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
        and entry["bytes"] >= 0
    )
