"""FaceID's media: Base64 strings nested in the answer's sections, split out into MediaItems.

Decoding runs in 1 MiB steps (each a short GIL hold, so the console's GUI thread keeps
running while a 50 MiB video is decoded in a worker) into one preallocated buffer.
"""

from __future__ import annotations

import binascii
import threading
from typing import Any

from iauth_desktop.core.model.errors import CancelledError
from iauth_desktop.core.model.media import MediaItem
from iauth_desktop.core.model.result import MEDIA_PLACEHOLDER, RawPath, value_at
from iauth_desktop.core.providers.faceid.wire import MEDIA_SLOTS

_STEP = 1 << 20  # Base64 characters per step (a multiple of 4)
_NOT_BASE64 = "the value is not valid standard Base64"
_NO_DATA = "the value decodes to no bytes"


class Undecodable(ValueError):
    pass


def decode_base64(text: str, cancel: threading.Event | None = None) -> bytearray:
    """Strict standard Base64 (no whitespace, padding only at the end) in bounded steps,
    straight from the string (no ASCII copy of a 67 MiB text)."""
    if not text.isascii() or len(text) % 4:
        raise Undecodable
    out = bytearray(len(text) // 4 * 3)
    written = 0
    for start in range(0, len(text), _STEP):
        if cancel is not None and cancel.is_set():
            raise CancelledError("reading the verification result was cancelled")
        chunk = text[start : start + _STEP]
        if start + _STEP < len(text) and "=" in chunk:
            raise Undecodable
        try:
            part = binascii.a2b_base64(chunk, strict_mode=True)
        except binascii.Error:
            raise Undecodable from None
        out[written : written + len(part)] = part
        written += len(part)
    del out[written:]
    return out


def media_item(name: str, value: Any, cancel: threading.Event | None = None) -> MediaItem | None:
    """The item for a medium's JSON value; ``None`` when it carries none ("" or null)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        kind = type(value).__name__
        return MediaItem.undecodable(name, f"the value is a JSON {kind}, not a string", None)
    try:
        data = decode_base64(value, cancel)
    except Undecodable:
        return MediaItem.undecodable(name, _NOT_BASE64, value)
    if not data:
        return MediaItem.undecodable(name, _NO_DATA, value)
    return MediaItem.decoded(name, data)


def split_media(raw: dict[str, Any], cancel: threading.Event | None = None) -> dict[str, MediaItem]:
    """Each medium of ``raw`` decoded (or kept as raw text), its value replaced in ``raw`` by
    the placeholder: ``raw`` keeps every other value as sent."""
    media: dict[str, MediaItem] = {}
    for slot in MEDIA_SLOTS:
        value = value_at(raw, slot.where)
        item = media_item(slot.key, value, cancel)
        if item is None:
            continue
        media[slot.key] = item
        if item.data is not None or item.raw_text:
            _put(raw, slot.where, MEDIA_PLACEHOLDER)
    return media


def _put(raw: dict[str, Any], path: RawPath, value: Any) -> None:
    parent = value_at(raw, path[:-1])
    parent[path[-1]] = value
