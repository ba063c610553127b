import base64
import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from iauth_desktop.core import direct_write
from iauth_desktop.core.evidence import bundle as bundle_module
from iauth_desktop.core.evidence.bundle import read_bundle, verify_bundle, write_bundle
from iauth_desktop.core.model.errors import IntegrityError, OutputError, TargetExistsError
from iauth_desktop.core.model.result import MEDIA_PLACEHOLDER, FetchMode, VerificationResult
from iauth_desktop.core.providers.detectinfo.fields import interpret
from iauth_desktop.core.providers.detectinfo.payload import parse_payload
from tests.page_cache import takes_direct_io

JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) + b"\xff\xd9"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(100) + b"IEND\xaeB`\x82"
MP4 = b"\x00\x00\x00\x20ftypisom" + os.urandom(3000)
CASE: dict[str, Any] = {
    "ID": "4501111994xxxxxxxx",
    "name": "张三",
    "frontpic": base64.b64encode(JPEG).decode(),
    "backpic": base64.b64encode(PNG).decode(),
    "validatedata": 3344,
    "videopic1": "not Base64 at all",
    "videopic2": 7,
    "videopic3": "",
    "video": base64.b64encode(MP4).decode(),
    "yt_errorcode": 0,
    "score": 87.25,
    "nested": {"video": "AAAA", "list": [1, None, "é"]},
    "type": 0,
}
META: dict[str, Any] = {
    "token": "{11111111-2222-3333-4444-555555555555}",
    "endpoint": "http://127.0.0.1:8000/new/cgi-bin/getdetectinfo.php",
    "mode": FetchMode.FULL,
    "request": {"info_type": 0},
    "fetched_at": datetime(2026, 11, 24, 5, 0, 0, 123, tzinfo=timezone(timedelta(hours=8))),
    "tool_version": "0.1.0",
}
MEDIA_FILES = {"frontpic.jpg": JPEG, "backpic.png": PNG, "video.mp4": MP4}


@pytest.fixture
def result() -> VerificationResult:
    return parse_payload(json.dumps(CASE, ensure_ascii=False).encode("utf-8"))


@pytest.fixture
def bundle(tmp_path: Path, result: VerificationResult) -> Path:
    return write_bundle(result, tmp_path / "case-1", **META)


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_layout_and_case_json(bundle: Path) -> None:
    assert listing(bundle) == sorted(["case.json", "manifest.json", *MEDIA_FILES, "videopic1.b64"])
    for name, data in MEDIA_FILES.items():
        assert (bundle / name).read_bytes() == data
    assert (bundle / "videopic1.b64").read_text("utf-8") == "not Base64 at all"
    raw_case = (bundle / "case.json").read_bytes()
    assert "张三".encode() in raw_case  # ensure_ascii=False
    case = json.loads(raw_case)
    names = {"frontpic": "frontpic.jpg", "backpic": "backpic.png", "video": "video.mp4",
             "videopic1": "videopic1.b64"}  # fmt: skip
    assert case == {**CASE, **names}
    assert list(case) == list(CASE)  # the decrypted order
    assert type(case["validatedata"]) is int
    assert case["videopic2"] == 7
    assert case["videopic3"] == ""


def test_manifest(bundle: Path) -> None:
    manifest = json.loads((bundle / "manifest.json").read_text("utf-8"))
    assert manifest["format"] == 2
    assert manifest["provider"] == "detectinfo"
    assert manifest["mode"] == "full"
    assert manifest["token"] == META["token"]
    assert manifest["endpoint"] == META["endpoint"]
    assert manifest["request"] == {"info_type": 0}
    assert manifest["fetched_at"] == "2026-11-23T21:00:00Z"
    assert manifest["tool_version"] == "0.1.0"
    assert set(manifest["files"]) == set(listing(bundle)) - {"manifest.json"}
    for name, entry in manifest["files"].items():
        data = (bundle / name).read_bytes()
        assert entry == {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    problems = {p["field"]: p for p in manifest["problems"]}
    assert set(problems) == {"videopic1", "videopic2"}
    assert problems["videopic1"]["file"] == "videopic1.b64"
    assert "Base64" in problems["videopic1"]["reason"]
    assert problems["videopic2"]["file"] is None
    assert "number" in problems["videopic2"]["reason"]


def test_naive_fetched_at_is_taken_as_utc(tmp_path: Path, result: VerificationResult) -> None:
    meta = {**META, "fetched_at": datetime(2026, 11, 23, 21, 0, 0)}
    out = write_bundle(result, tmp_path / "b", **meta)
    assert read_bundle(out).manifest["fetched_at"] == "2026-11-23T21:00:00Z"
    assert read_bundle(out).fetched_at == datetime(2026, 11, 23, 21, tzinfo=UTC)


def test_posix_modes(tmp_path: Path, result: VerificationResult) -> None:
    old = os.umask(0)  # a permissive umask must not loosen the modes
    try:
        out = write_bundle(result, tmp_path / "b", **META)
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_round_trip(bundle: Path, result: VerificationResult, tmp_path: Path) -> None:
    loaded = verify_bundle(bundle)
    assert loaded.check.ok
    assert loaded.token == META["token"]
    assert loaded.endpoint == META["endpoint"]
    assert loaded.tool_version == "0.1.0"
    assert (loaded.mode, loaded.request) == (FetchMode.FULL, {"info_type": 0})
    assert loaded.media == {"frontpic": JPEG, "backpic": PNG, "video": MP4}
    assert loaded.raw_texts == {"videopic1": "not Base64 at all"}
    rebuilt = loaded.result()
    assert rebuilt.raw == result.raw
    assert rebuilt.media == result.media
    assert rebuilt.raw["video"] is MEDIA_PLACEHOLDER
    again = write_bundle(rebuilt, tmp_path / "again", **META)
    for name in listing(bundle):
        assert (again / name).read_bytes() == (bundle / name).read_bytes(), name


def test_tampering_is_named(bundle: Path) -> None:
    video = bytearray((bundle / "video.mp4").read_bytes())
    video[100] ^= 1
    (bundle / "video.mp4").write_bytes(bytes(video))
    (bundle / "frontpic.jpg").unlink()
    (bundle / "notes.txt").write_text("added later")
    (bundle / "case.json").write_text(
        (bundle / "case.json").read_text("utf-8").replace("张三", "李四"), "utf-8"
    )
    check = read_bundle(bundle).check
    assert check.changed == ("case.json", "video.mp4")
    assert check.missing == ("frontpic.jpg",)
    assert check.unexpected == ("notes.txt",)
    assert not check.ok
    with pytest.raises(IntegrityError) as caught:
        verify_bundle(bundle)
    for name in ("case.json", "video.mp4", "frontpic.jpg", "notes.txt"):
        assert name in str(caught.value)
    assert caught.value.exit_code == 5
    rebuilt = read_bundle(bundle).result()  # a damaged bundle still opens, for inspection
    assert rebuilt.raw["name"] == "李四"
    assert rebuilt.media["frontpic"].error is not None
    assert rebuilt.raw["frontpic"] == "frontpic.jpg"


def test_same_size_change_and_symlink_are_changes(bundle: Path, tmp_path: Path) -> None:
    (bundle / "backpic.png").write_bytes(b"\x00" * len(PNG))
    outside = tmp_path / "outside.jpg"
    outside.write_bytes(JPEG)
    (bundle / "frontpic.jpg").unlink()
    (bundle / "frontpic.jpg").symlink_to(outside)
    assert read_bundle(bundle).check.changed == ("backpic.png", "frontpic.jpg")


@pytest.mark.parametrize(
    "manifest",
    [
        None,
        b"{not json",
        b"[]",
        json.dumps({"format": 3, "files": {}}).encode(),
        json.dumps({"format": 1, "files": {"../etc/passwd": {"sha256": "0" * 64, "bytes": 1}}}),
        json.dumps({"format": 1, "files": {"case.json": {"sha256": "x", "bytes": 1}}}),
    ],
    ids=["missing", "not-json", "not-object", "format-3", "escaping-name", "bad-hash"],
)
def test_unusable_manifest_is_an_integrity_error(bundle: Path, manifest: Any) -> None:
    if manifest is None:
        (bundle / "manifest.json").unlink()
    else:
        data = manifest if isinstance(manifest, bytes) else manifest.encode()
        (bundle / "manifest.json").write_bytes(data)
    with pytest.raises(IntegrityError):
        read_bundle(bundle)


def test_a_folder_or_file_that_is_no_bundle(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    for path in (tmp_path, tmp_path / "file", tmp_path / "absent"):
        with pytest.raises(IntegrityError, match="not an evidence bundle"):
            verify_bundle(path)


def test_missing_case_json_cannot_be_rebuilt(bundle: Path) -> None:
    (bundle / "case.json").unlink()
    loaded = read_bundle(bundle)
    assert loaded.check.missing == ("case.json",)
    assert loaded.case is None
    with pytest.raises(IntegrityError):
        loaded.result()


# --- refusing, replacing, atomicity ----------------------------------------------------------


def test_non_empty_target_is_refused(tmp_path: Path, result: VerificationResult) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    with pytest.raises(TargetExistsError) as caught:
        write_bundle(result, target, **META)
    assert caught.value.exit_code == 2
    assert listing(target) == ["keep.txt"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(TargetExistsError):
        write_bundle(result, tmp_path / "file", **META)
    assert listing(tmp_path) == ["file", "out"]


def test_empty_target_folder_is_used(tmp_path: Path, result: VerificationResult) -> None:
    (tmp_path / "out").mkdir()
    verify_bundle(write_bundle(result, tmp_path / "out", **META))
    assert listing(tmp_path) == ["out"]


def test_force_replaces_an_existing_bundle(bundle: Path, tmp_path: Path) -> None:
    (bundle / "stale.txt").write_text("old")
    other = interpret({"yt_errorcode": 602})
    write_bundle(other, bundle, **META, force=True)
    assert listing(bundle) == ["case.json", "manifest.json"]
    assert read_bundle(bundle).case == {"yt_errorcode": 602}
    assert listing(tmp_path) == ["case-1"]  # no temporary or old folder left
    (tmp_path / "plain-file").write_text("x")
    write_bundle(other, tmp_path / "plain-file", **META, force=True)
    verify_bundle(tmp_path / "plain-file")


def test_failed_replacement_restores_the_old_bundle(
    bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {name: (bundle / name).read_bytes() for name in listing(bundle)}
    real_rename = Path.rename

    def rename(self: Path, target: Any) -> Path:
        if self.name.endswith(".partial"):
            raise OSError("disk gone")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OutputError, match="disk gone"):
        write_bundle(interpret({"a": 1}), bundle, **META, force=True)
    assert listing(tmp_path) == ["case-1"]
    assert {name: (bundle / name).read_bytes() for name in listing(bundle)} == before


def test_failure_while_writing_leaves_nothing(
    tmp_path: Path, result: VerificationResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = bundle_module._write_file
    written: list[str] = []

    def write_then_fail(path: Path, content: bytes) -> dict[str, Any]:
        if len(written) == 2:
            raise OSError("no space left on device")
        written.append(path.name)
        return real_write(path, content)

    monkeypatch.setattr(bundle_module, "_write_file", write_then_fail)
    with pytest.raises(OutputError, match="no space"):
        write_bundle(result, tmp_path / "out", **META)
    assert len(written) == 2
    assert listing(tmp_path) == []


def test_a_full_disk_while_the_video_goes_direct_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The large video goes past the page cache (``direct_write``); a full disk there is the
    bundle's plain error, not a refusal quietly retried nor a BufferError hiding it."""
    if not takes_direct_io(tmp_path):
        pytest.fail(f"{tmp_path} takes no direct I/O: this test needs a file system that does")
    large = MP4 + os.urandom(9 << 20)
    result = parse_payload(json.dumps({**CASE, "video": base64.b64encode(large).decode()}).encode())
    real_write = os.write

    def full_once_direct(fd: int, data: Any) -> int:
        if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_DIRECT:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(direct_write.os, "write", full_once_direct)
    with pytest.raises(OutputError, match="No space left"):
        write_bundle(result, tmp_path / "out", **META)
    assert listing(tmp_path) == []


def test_failure_to_rename_into_place_leaves_nothing(
    tmp_path: Path, result: VerificationResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path, target: Any) -> Path:
        raise PermissionError("read-only")

    monkeypatch.setattr(Path, "rename", refuse)
    with pytest.raises(OutputError):
        write_bundle(result, tmp_path / "out", **META)
    assert listing(tmp_path) == []


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """A folder nobody can write into: chmod for a user, the immutable flag for root."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield
        finally:
            folder.chmod(0o700)
        return
    chattr = shutil.which("chattr")
    flagged = chattr and subprocess.run(
        [chattr, "+i", str(folder)], check=False, capture_output=True
    )
    if not chattr or not flagged or flagged.returncode != 0:  # e.g. tmpfs
        pytest.skip("running as root where chattr +i is not available")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)  # else tmp_path cannot be removed


def test_read_only_parent_leaves_nothing(tmp_path: Path, result: VerificationResult) -> None:
    parent = tmp_path / "ro"
    parent.mkdir()
    with read_only(parent):
        with pytest.raises(OutputError):
            write_bundle(result, parent / "out", **META)
        assert listing(parent) == []


def test_missing_parent_is_an_output_error(tmp_path: Path, result: VerificationResult) -> None:
    with pytest.raises(OutputError, match="No such file"):
        write_bundle(result, tmp_path / "no" / "out", **META)
    assert listing(tmp_path) == []
