import hashlib
import pickle
from pathlib import Path

import pytest

from iauth_desktop.core.model.media import MediaItem, image_warning, sniff
from iauth_desktop.core.providers.detectinfo.fields import MEDIA_FIELDS

DEMO = Path(__file__).resolve().parents[3] / "resources" / "demo"

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(200)) + b"\xff\xd9"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40) + b"\x00\x00\x00\x00IEND\xaeB`\x82"
GIF = b"GIF89a" + bytes(30) + b";"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (JPEG, ("image/jpeg", "jpg")),
        (PNG, ("image/png", "png")),
        (GIF, ("image/gif", "gif")),
        (b"GIF87a" + bytes(10), ("image/gif", "gif")),
        (b"BM" + bytes(60), ("image/bmp", "bmp")),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(20), ("image/webp", "webp")),
        (b"RIFF\x24\x00\x00\x00AVI LIST" + bytes(20), ("video/x-msvideo", "avi")),
        (b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00" + bytes(20), ("video/mp4", "mp4")),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00" + bytes(20), ("video/mp4", "mp4")),
        (b"\x00\x00\x00\x18ftypheic" + bytes(20), ("image/heic", "heic")),
        (
            b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + bytes(8),
            ("video/webm", "webm"),
        ),
        (b"\x1a\x45\xdf\xa3\xa3\x42\x82\x88matroska" + bytes(8), ("video/x-matroska", "mkv")),
        (b"", ("application/octet-stream", "bin")),
        (b"BM", ("application/octet-stream", "bin")),  # two letters alone are no sign
        (b"hello, world", ("application/octet-stream", "bin")),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", ("application/octet-stream", "bin")),
    ],
)
def test_sniff_by_magic_bytes(data: bytes, expected: tuple[str, str]) -> None:
    assert sniff(data) == expected
    assert sniff(bytearray(data)) == expected
    assert sniff(memoryview(data)) == expected


@pytest.mark.parametrize(
    ("name", "ext"),
    [
        ("idcard-a-front.jpg", "jpg"),
        ("videopic1.jpg", "jpg"),
        ("video.mp4", "mp4"),
    ],
)
def test_sniff_recognises_the_demo_media(name: str, ext: str) -> None:
    path = DEMO / name
    if not path.is_file():
        pytest.skip(f"demo medium {name} not present")
    assert sniff(path.read_bytes())[1] == ext


def test_image_warnings_flag_truncated_images_only() -> None:
    assert image_warning(JPEG, "image/jpeg") is None
    assert "JPEG" in (image_warning(JPEG[:-40], "image/jpeg") or "")
    assert image_warning(PNG, "image/png") is None
    assert "PNG" in (image_warning(PNG[:-12], "image/png") or "")
    assert image_warning(GIF, "image/gif") is None
    assert "GIF" in (image_warning(GIF[:-1], "image/gif") or "")
    assert image_warning(b"\x00" * 10, "video/mp4") is None


def test_decoded_item_keeps_data_and_warns_about_damage() -> None:
    broken = JPEG[:-30]
    item = MediaItem.decoded("frontpic", broken)
    assert item.data == broken  # the data is kept however damaged
    assert item.ok
    assert (item.mime, item.ext) == ("image/jpeg", "jpg")
    assert item.sha256 == hashlib.sha256(broken).hexdigest()
    assert item.error is None
    assert item.warning is not None
    assert item.file_name == "frontpic.jpg"
    assert item.size == len(broken)
    assert MediaItem.decoded("frontpic", JPEG).warning is None


def test_undecodable_item_keeps_its_text() -> None:
    item = MediaItem.undecodable("video", "not Base64", "@@@")
    assert not item.ok
    assert item.data is None
    assert item.sha256 is None
    assert item.raw_text == "@@@"
    assert item.file_name == "video.b64"
    assert item.size == 0
    assert MediaItem.undecodable("video", "not a string", None).file_name is None


def test_repr_never_shows_media_content() -> None:
    secret = b"\xff\xd8\xff" + b"PERSONAL-PIXELS" * 10
    text = repr(MediaItem.decoded("frontpic", secret))
    assert "PERSONAL" not in text
    assert "frontpic" in text
    assert "RAWTEXT" not in repr(MediaItem.undecodable("video", "x", "RAWTEXT"))


def test_items_survive_pickling_for_worker_threads() -> None:
    item = MediaItem.decoded("videopic1", JPEG)
    assert pickle.loads(pickle.dumps(item)) == item


def test_media_fields_are_the_six_documented_ones() -> None:
    assert MEDIA_FIELDS == ("frontpic", "backpic", "videopic1", "videopic2", "videopic3", "video")
