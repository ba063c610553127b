"""export_case: what a folder and a zip export hold, their hashes, encryption, the audit."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
import pyzipper

from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.evidence.bundle import read_bundle, verify_bundle
from tests.core.export.support import PURPOSE, RECIPIENT, STAND_IN_PDF, export, sha

PASSWORD = "canary-Pw-7f3a9e-导出"  # a canary: must never appear in a log or a record
BUNDLE_FILES = [
    "backpic.jpg", "case.json", "frontpic.jpg", "manifest.json", "video.mp4",
    "videopic1.jpg", "videopic2.jpg", "videopic3.jpg",
]  # fmt: skip


def expected_files(bundle: Path) -> dict[str, bytes]:
    files = {f"bundle/{name}": (bundle / name).read_bytes() for name in BUNDLE_FILES}
    return {**files, "report.pdf": STAND_IN_PDF}


def check_record(record: dict[str, Any], contents: dict[str, bytes], bundle: Path) -> None:
    assert record["format"] == 2
    assert record["kind"] == "evidence" and record["can_reopen"] is True
    assert record["purpose"] == PURPOSE and record["recipient"] == RECIPIENT
    assert record["token"] == read_bundle(bundle).token
    assert record["exported_by"] == "alice"
    assert record["exported_at"].endswith("Z")
    assert record["bundle"]["manifest_sha256"] == sha((bundle / "manifest.json").read_bytes())
    assert set(record["files"]) == set(contents) - {"export.json"}
    for name, entry in record["files"].items():
        assert entry == {"sha256": sha(contents[name]), "bytes": len(contents[name])}, name


def test_folder_export_holds_the_bundle_report_audit_lines_and_hashes(
    bundle: Path, stand_in: Path, out_dir: Path
) -> None:
    log = AuditLog.default()
    log.append("fetch", "alice", token=read_bundle(bundle).token, outcome="passed")
    log.append("fetch", "bob", token="{another-case}", outcome="failed")
    head_before = log.head()
    target = out_dir / "case-1"
    result = export(bundle, target, stand_in)
    assert result.path == target
    assert sorted(p.name for p in out_dir.iterdir()) == ["case-1"]
    contents = {
        p.relative_to(target).as_posix(): p.read_bytes() for p in target.rglob("*") if p.is_file()
    }
    for name, data in expected_files(bundle).items():
        assert contents[name] == data, name
    assert contents["audit.jsonl"] == log.entries(read_bundle(bundle).token)[0].line
    assert result.sha256 == sha(contents["export.json"])
    assert result.files == {name: sha(data) for name, data in contents.items()}
    record = json.loads(contents["export.json"])
    check_record(record, contents, bundle)
    assert record["audit"]["head"] == {"seq": head_before.seq, "sha256": head_before.sha256}
    assert record["audit"]["entries"] == 1
    assert record["full_ids"] is True  # an evidence export's report is unmasked
    assert record["encrypted"] is False
    verify_bundle(target / "bundle")
    assert all((p.stat().st_mode & 0o777) == 0o600 for p in target.rglob("*") if p.is_file())
    assert (target.stat().st_mode & 0o777) == 0o700


def test_zip_export_holds_the_same_files_and_its_hash_is_audited(
    bundle: Path, stand_in: Path, out_dir: Path
) -> None:
    target = out_dir / "case-1.ZIP"  # the suffix is matched whatever its case
    result = export(bundle, target, stand_in)
    assert sorted(p.name for p in out_dir.iterdir()) == ["case-1.ZIP"]
    assert result.sha256 == sha(target.read_bytes())
    assert (target.stat().st_mode & 0o777) == 0o600
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        contents = {name: archive.read(name) for name in names}
        modes = {info.external_attr >> 16 & 0o777 for info in archive.infolist()}
    assert names[:3] == ["export.json", "report.pdf", "audit.jsonl"]
    assert sorted(names[3:]) == [f"bundle/{name}" for name in BUNDLE_FILES]
    assert modes == {0o600}
    for name, data in expected_files(bundle).items():
        assert contents[name] == data, name
    record = json.loads(contents["export.json"])
    check_record(record, contents, bundle)
    assert record["full_ids"] is True
    [entry] = [e for e in AuditLog.default().entries() if e.event == "export"]
    assert entry == result.audit_entry
    assert entry.data == {
        "token": record["token"],
        "path": str(target),
        "sha256": sha(target.read_bytes()),
        "format": "zip",
        "encrypted": False,
        "full_ids": True,
        "report": True,
        "audit_head": f"{result.audit_head.seq}:{result.audit_head.sha256}",
        "evidence": True,
        "purpose": PURPOSE,
        "recipient": RECIPIENT,
    }
    assert AuditLog.default().verify().ok


def read_encrypted(target: Path, password: bytes | None) -> dict[str, bytes]:
    with pyzipper.AESZipFile(target) as archive:
        if password is not None:
            archive.setpassword(password)
        return {name: archive.read(name) for name in archive.namelist()}


def test_encrypted_zip_opens_with_the_password_only(
    bundle: Path, stand_in: Path, out_dir: Path
) -> None:
    target = out_dir / "for-auditor.zip"
    result = export(bundle, target, stand_in, encrypt_password=PASSWORD)
    assert result.encrypted
    contents = read_encrypted(target, PASSWORD.encode())
    for name, data in expected_files(bundle).items():
        assert contents[name] == data, name
    record = json.loads(contents["export.json"])
    assert record["encrypted"] is True
    check_record(record, contents, bundle)
    with pyzipper.AESZipFile(target) as archive:
        assert {i.wz_aes_strength for i in archive.infolist()} == {3}  # AES-256
    with pytest.raises(RuntimeError, match="password"):
        read_encrypted(target, None)
    with pytest.raises((RuntimeError, pyzipper.BadZipFile)):
        read_encrypted(target, b"not-the-password")
    with zipfile.ZipFile(target) as plain:
        for name in plain.namelist():
            with pytest.raises((RuntimeError, NotImplementedError)):
                plain.read(name)
    raw = target.read_bytes()
    assert "欧阳演示".encode() not in raw
    assert (bundle / "case.json").read_bytes()[:40] not in raw
    # the password itself is nowhere: not in the log, the record, the result
    assert PASSWORD.encode() not in AuditLog.default().path.read_bytes()
    assert PASSWORD.encode() not in contents["export.json"]
    assert PASSWORD not in repr(result)


@pytest.mark.skipif(shutil.which("7z") is None, reason="7-Zip is not installed")
def test_seven_zip_reads_the_encrypted_zip(
    bundle: Path, stand_in: Path, out_dir: Path, tmp_path: Path
) -> None:
    target = out_dir / "for-auditor.zip"
    export(bundle, target, stand_in, encrypt_password=PASSWORD)
    listing = subprocess.run(
        ["7z", "l", "-slt", str(target)], capture_output=True, text=True, check=True
    ).stdout
    assert "Method = AES-256" in listing
    wrong = subprocess.run(
        ["7z", "t", "-pwrong", str(target)], capture_output=True, text=True, check=False
    )
    assert wrong.returncode != 0
    subprocess.run(
        ["7z", "x", f"-p{PASSWORD}", f"-o{tmp_path / 'x'}", str(target)],
        capture_output=True,
        check=True,
    )
    assert (tmp_path / "x" / "bundle" / "video.mp4").read_bytes() == (
        bundle / "video.mp4"
    ).read_bytes()
