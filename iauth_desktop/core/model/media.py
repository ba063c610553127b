"""Media items of a verification result: type sniffed from magic bytes, never from the field name.

A provider's answer carries ID-card photos, video frames and videos as Base64 inside the JSON.
What the bytes really are decides the file extension and how the console shows them; a medium
that will not decode keeps its raw text so nothing the service sent is lost.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from dataclasses import field as dataclass_field

OCTET_STREAM = ("application/octet-stream", "bin")

# ISO-BMFF brands that hold still images rather than video.
_IMAGE_BRANDS: dict[bytes, tuple[str, str]] = {
    b"heic": ("image/heic", "heic"),
    b"heix": ("image/heic", "heic"),
    b"mif1": ("image/heif", "heif"),
    b"msf1": ("image/heif", "heif"),
    b"avif": ("image/avif", "avif"),
}


# (all of these (offset, magic) pairs match) -> (MIME type, extension)
_MAGIC: tuple[tuple[tuple[tuple[int, bytes], ...], tuple[str, str]], ...] = (
    (((0, b"\xff\xd8\xff"),), ("image/jpeg", "jpg")),
    (((0, b"\x89PNG\r\n\x1a\n"),), ("image/png", "png")),
    (((0, b"GIF87a"),), ("image/gif", "gif")),
    (((0, b"GIF89a"),), ("image/gif", "gif")),
    (((0, b"RIFF"), (8, b"WEBP")), ("image/webp", "webp")),
    (((0, b"RIFF"), (8, b"AVI ")), ("video/x-msvideo", "avi")),
    (((4, b"ftyp"),), ("video/mp4", "mp4")),  # MP4, MOV, 3GP: ISO base media files
    (((0, b"\x1a\x45\xdf\xa3"),), ("video/x-matroska", "mkv")),  # EBML: Matroska or WebM
    (((0, b"BM"),), ("image/bmp", "bmp")),
)


def sniff(data: bytes | bytearray | memoryview) -> tuple[str, str]:
    """(MIME type, file extension without dot) from the first bytes; octet-stream/bin if unknown."""
    head = bytes(data[:64])
    kind = next(
        (
            kind
            for magic, kind in _MAGIC
            if all(head[at : at + len(sign)] == sign for at, sign in magic)
        ),
        OCTET_STREAM,
    )
    if kind[1] == "mp4":
        kind = _IMAGE_BRANDS.get(head[8:12], kind)
    elif kind[1] == "mkv" and b"webm" in head:
        kind = ("video/webm", "webm")
    elif kind[1] == "bmp" and len(head) < 26:  # "BM" alone is too weak a sign
        kind = OCTET_STREAM
    return kind


def image_warning(data: bytes | bytearray | memoryview, mime: str) -> str | None:
    """A cheap sanity check: an image cut short usually lacks its end marker. The data is kept."""
    tail = bytes(data[-64:])
    if mime == "image/jpeg" and b"\xff\xd9" not in tail:
        return "the JPEG image has no end marker: it is probably cut short or damaged"
    if mime == "image/png" and b"IEND" not in tail:
        return "the PNG image has no end chunk: it is probably cut short or damaged"
    if mime == "image/gif" and not tail.rstrip(b"\x00").endswith(b";"):
        return "the GIF image has no trailer: it is probably cut short or damaged"
    return None


@dataclass(frozen=True)
class MediaItem:
    """One of the six media fields: decoded bytes, or the reason it could not be decoded.

    Exactly one of ``data`` and ``error`` is set. ``raw_text`` keeps the string the service sent
    when decoding failed (``None`` when the value was not a string at all). ``data`` may be a view
    into the decrypted plaintext the media were decoded in place in: a 50 MB video is never copied
    just to make it immutable, so treat it as read-only.
    """

    field: str
    data: bytes | bytearray | memoryview | None = dataclass_field(repr=False)
    mime: str
    ext: str
    sha256: str | None
    error: str | None = None
    raw_text: str | None = dataclass_field(default=None, repr=False)
    warning: str | None = None

    @classmethod
    def decoded(
        cls, name: str, data: bytes | bytearray | memoryview, *, sha256: str | None = None
    ) -> MediaItem:
        """The item for decoded ``data``; ``sha256``: its digest, when the decoder made it."""
        mime, ext = sniff(data)
        return cls(
            field=name,
            data=data,
            mime=mime,
            ext=ext,
            sha256=sha256 or hashlib.sha256(data).hexdigest(),
            warning=image_warning(data, mime),
        )

    @classmethod
    def undecodable(cls, name: str, reason: str, raw_text: str | None) -> MediaItem:
        return cls(
            field=name,
            data=None,
            mime=OCTET_STREAM[0],
            ext="b64",
            sha256=None,
            error=reason,
            raw_text=raw_text,
        )

    @property
    def ok(self) -> bool:
        return self.data is not None

    @property
    def file_name(self) -> str | None:
        """The evidence bundle's file for this item; ``None`` when nothing is saved as a file."""
        if self.data is not None:
            return f"{self.field}.{self.ext}"
        if self.raw_text:
            return f"{self.field}.b64"
        return None

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else 0
