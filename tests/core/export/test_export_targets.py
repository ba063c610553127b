"""export_case: targets (existing, empty, inside the bundle), tampering, progress, history."""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

import pytest

from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.evidence.bundle import read_bundle
from iauth_desktop.core.export.case import count_steps
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.errors import (
    CancelledError,
    IntegrityError,
    OutputError,
    TargetExistsError,
    UsageError,
)
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.store.sqlite.history import CaseHistory
from tests.core.export.support import STAND_IN_PDF, export, sha
from tests.report.demo_cases import FETCHED_AT

PASSWORD = "targets-canary-Pw-5c0d"  # a test password
BUNDLE_FILE_COUNT = 8  # with manifest.json


def test_existing_target_is_refused_without_force_and_replaced_with_it(
    bundle: Path, stand_in: Path, out_dir: Path
) -> None:
    zip_target, folder_target = out_dir / "case.zip", out_dir / "case"
    zip_target.write_bytes(b"an older export")
    folder_target.mkdir()
    (folder_target / "old.txt").write_text("older", encoding="utf-8")
    for target in (zip_target, folder_target):
        with pytest.raises(TargetExistsError):
            export(bundle, target, stand_in)
    assert zip_target.read_bytes() == b"an older export"
    assert [p.name for p in folder_target.iterdir()] == ["old.txt"]
    assert not [e for e in AuditLog.default().entries() if e.event == "export"]
    export(bundle, zip_target, stand_in, force=True)
    export(bundle, folder_target, stand_in, force=True)
    assert zipfile.is_zipfile(zip_target)
    assert not (folder_target / "old.txt").exists()
    assert (folder_target / "export.json").is_file()
    assert sorted(p.name for p in out_dir.iterdir()) == ["case", "case.zip"]


def test_an_empty_folder_is_a_valid_target(bundle: Path, stand_in: Path, out_dir: Path) -> None:
    (out_dir / "case").mkdir()
    export(bundle, out_dir / "case", stand_in)
    assert (out_dir / "case" / "bundle" / "case.json").is_file()


@pytest.mark.parametrize("damage", ["changed", "extra file", "missing"])
def test_a_tampered_bundle_is_refused_and_nothing_written(
    bundle: Path, stand_in: Path, out_dir: Path, damage: str
) -> None:
    if damage == "changed":
        case = bundle / "case.json"
        case.write_text(case.read_text("utf-8").replace("欧阳演示", "欧阳改名"), "utf-8")
    elif damage == "extra file":
        (bundle / "notes.txt").write_text("added later", encoding="utf-8")
    else:
        (bundle / "videopic2.jpg").unlink()
    for target in (out_dir / "case.zip", out_dir / "case"):
        with pytest.raises(IntegrityError):
            export(bundle, target, stand_in)
    assert list(out_dir.iterdir()) == []
    assert not AuditLog.default().path.exists()


def test_a_file_changed_between_check_and_copy_is_caught(
    bundle: Path, stand_in: Path, out_dir: Path
) -> None:
    def tamper(step: int, total: int) -> None:
        if step == 1:  # the bundle has just been verified
            (bundle / "videopic3.jpg").write_bytes(b"swapped")

    with pytest.raises(IntegrityError, match=r"videopic3\.jpg"):
        export(bundle, out_dir / "case.zip", stand_in, progress=tamper)
    assert list(out_dir.iterdir()) == []


def test_usage_errors_come_before_any_work(bundle: Path, stand_in: Path, out_dir: Path) -> None:
    with pytest.raises(UsageError, match="only a zip"):
        export(bundle, out_dir / "folder", stand_in, encrypt_password=PASSWORD)
    with pytest.raises(UsageError, match="empty"):
        export(bundle, out_dir / "a.zip", stand_in, encrypt_password="")
    with pytest.raises(UsageError, match="into itself"):
        export(bundle, bundle / "inside.zip", stand_in)
    with pytest.raises(UsageError, match="into itself"):
        export(bundle, bundle, stand_in, force=True)
    with pytest.raises(OutputError, match="does not exist"):
        export(bundle, out_dir / "missing" / "a.zip", stand_in)
    with pytest.raises(UsageError, match="not a file"):
        export(bundle, out_dir / "a.zip", out_dir / "no-report.pdf")
    assert list(out_dir.iterdir()) == []
    assert read_bundle(bundle).check.ok


def test_progress_counts_every_step_and_cancel_stops_cleanly(
    bundle: Path, stand_in: Path, out_dir: Path
) -> None:
    seen: list[tuple[int, int]] = []
    export(bundle, out_dir / "a.zip", stand_in, progress=lambda s, t: seen.append((s, t)))
    total = count_steps(BUNDLE_FILE_COUNT - 1, with_report=True, as_zip=True)
    assert seen == [(step, total) for step in range(1, total + 1)]
    cancel = threading.Event()

    def cancel_at_five(step: int, total: int) -> None:
        if step == 5:
            cancel.set()

    with pytest.raises(CancelledError):
        export(bundle, out_dir / "b.zip", stand_in, progress=cancel_at_five, cancel=cancel)
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.zip"]


def test_report_callable_writes_into_the_export_and_history_notes_it(
    bundle: Path, out_dir: Path
) -> None:
    loaded = read_bundle(bundle)
    with CaseHistory() as history:
        case = ReviewCase(
            loaded.result(), loaded.token, loaded.endpoint, FetchMode.FULL, FETCHED_AT
        )
        history.record_case(case, "alice", None)
    written: list[Path] = []

    class Written:
        def __init__(self, path: Path) -> None:
            self.path = path
            self.sha256 = sha(STAND_IN_PDF)

    def render(path: Path) -> Written:
        written.append(path)
        path.write_bytes(STAND_IN_PDF)
        return Written(path)

    result = export(bundle, out_dir / "case.zip", render)
    assert written[0].parent.parent == out_dir  # built beside the target, then gone
    assert not written[0].parent.exists()
    assert result.history_recorded
    with CaseHistory() as history:
        summary = history.get(loaded.token)
    assert summary is not None
    assert summary.export_path == out_dir / "case.zip"
    assert summary.audit_head is not None
    assert summary.audit_head.seq == result.audit_entry.seq


def test_no_report_means_no_report_file(bundle: Path, out_dir: Path) -> None:
    result = export(bundle, out_dir / "case", None)
    assert "report.pdf" not in result.files
    assert not result.history_recorded  # no history database: none is created
    assert not (AuditLog.default().path.parent / "history.sqlite3").exists()
