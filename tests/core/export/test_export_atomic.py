"""export_case is all or nothing: a failure after any step leaves no output and no temp files."""

from __future__ import annotations

import errno
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.export import files as export_files
from iauth_desktop.core.export.case import count_steps, export_case
from iauth_desktop.core.model.errors import IntegrityError, OutputError, TargetExistsError
from tests.core.export.support import PURPOSE, RECIPIENT, STAND_IN_PDF

PASSWORD = "atomic-canary-Pw-41d2"  # a test password
TARGETS = {"folder": ("case", None), "zip": ("case.zip", None), "aes": ("case.zip", PASSWORD)}


class Injected(Exception):
    """Raised on purpose in the middle of an export."""


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def export_entries() -> list[Any]:
    return [e for e in AuditLog.default().entries() if e.event == "export"]


def run(bundle: Path, out_dir: Path, kind: str, report: Any, **options: Any) -> Path:
    name, password = TARGETS[kind]
    options.setdefault("audit", AuditLog.default())
    options.setdefault("evidence", True)  # the longest export: every bundle file is a step
    options.setdefault("purpose", PURPOSE)
    options.setdefault("recipient", RECIPIENT)
    export_case(
        bundle,
        out_dir / name,
        reviewer="alice",
        report=report,
        encrypt_password=password,
        **options,
    )
    return out_dir / name


@pytest.mark.parametrize("kind", list(TARGETS))
def test_a_failure_after_any_step_leaves_nothing(
    bundle: Path, stand_in: Path, out_dir: Path, kind: str
) -> None:
    files = len(list(bundle.iterdir())) - 1  # the manifest lists every file but itself
    total = count_steps(files, with_report=True, as_zip=kind != "folder")
    for failing in range(1, total + 1):

        def fail(step: int, _total: int, failing: int = failing) -> None:
            if step == failing:
                raise Injected(step)

        with pytest.raises(Injected):
            run(bundle, out_dir, kind, stand_in, progress=fail)
        assert listing(out_dir) == [], f"left behind after step {failing}"
    assert export_entries() == []
    run(bundle, out_dir, kind, stand_in)  # and without a failure, it is there
    assert listing(out_dir) == [TARGETS[kind][0]]


@pytest.mark.parametrize("kind", list(TARGETS))
def test_a_write_error_at_any_file_leaves_nothing(
    bundle: Path, stand_in: Path, out_dir: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every byte an export writes or reads back goes through ``export_files.stream``: fail
    its Nth call (disk full), for every N a whole export makes."""
    real_stream = export_files.stream
    calls = 0
    failing = 0

    def stream(source: Any, sink: Any) -> export_files.FileDigest:
        nonlocal calls
        calls += 1
        if calls == failing:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_stream(source, sink)

    monkeypatch.setattr(export_files, "stream", stream)
    monkeypatch.setattr("iauth_desktop.core.export.archive.stream", stream)
    counting = out_dir.parent / "counting"
    counting.mkdir()
    run(bundle, counting, kind, stand_in)
    needed = calls
    assert needed >= 10  # the bundle's 9 files, the report, the audit lines, export.json, ...
    for failing in range(1, needed + 1):  # read by stream() above
        calls = 0
        with pytest.raises(OutputError, match="No space left"):
            run(bundle, out_dir, kind, stand_in)
        assert listing(out_dir) == [], f"left behind after write {failing}"
    assert len(export_entries()) == 1  # the counting run only


@pytest.mark.parametrize("kind", list(TARGETS))
def test_an_export_that_cannot_be_audited_is_taken_back(
    bundle: Path, stand_in: Path, out_dir: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Replacing an older export (force): the older one is back in place, byte for byte."""
    older = run(bundle, out_dir, kind, stand_in)
    snapshot = {p.relative_to(out_dir): p.read_bytes() for p in out_dir.rglob("*") if p.is_file()}
    real_append = AuditLog.append

    def append(self: AuditLog, event: str, reviewer: str | None = None, **data: Any) -> Any:
        if event == "export":
            raise OutputError("cannot write the audit log: disk full")
        return real_append(self, event, reviewer, **data)

    monkeypatch.setattr(AuditLog, "append", append)
    with pytest.raises(OutputError, match="audit log"):
        run(bundle, out_dir, kind, stand_in, force=True)
    assert listing(out_dir) == [older.name]
    after = {p.relative_to(out_dir): p.read_bytes() for p in out_dir.rglob("*") if p.is_file()}
    assert after == snapshot
    older_entry = export_entries()
    assert len(older_entry) == 1
    shutil.rmtree(older) if older.is_dir() else older.unlink()
    with pytest.raises(OutputError, match="audit log"):
        run(bundle, out_dir, kind, stand_in)
    assert listing(out_dir) == []


@pytest.mark.parametrize("kind", ["folder", "zip"])
def test_a_target_appearing_meanwhile_is_never_clobbered(
    bundle: Path, stand_in: Path, out_dir: Path, kind: str
) -> None:
    name = TARGETS[kind][0]

    def someone_else_writes(step: int, total: int) -> None:
        if step == total:  # just before the export takes its place
            if kind == "zip":
                (out_dir / name).write_bytes(b"someone else's")
            else:
                (out_dir / name).mkdir()
                (out_dir / name / "theirs.txt").write_bytes(b"someone else's")

    with pytest.raises(TargetExistsError, match="appeared"):
        run(bundle, out_dir, kind, stand_in, progress=someone_else_writes)
    assert listing(out_dir) == [name]
    found = [p.read_bytes() for p in (out_dir / name).parent.rglob("*") if p.is_file()]
    assert found == [b"someone else's"]
    assert export_entries() == []


def test_a_report_that_does_not_match_what_it_says_is_refused(bundle: Path, out_dir: Path) -> None:
    class Claimed:
        def __init__(self, path: Path) -> None:
            self.path = path
            self.sha256 = "0" * 64

    def render(path: Path) -> Claimed:
        path.write_bytes(STAND_IN_PDF)
        return Claimed(path)

    def render_elsewhere(path: Path) -> Claimed:
        return Claimed(out_dir.parent / "elsewhere.pdf")

    reports: list[Callable[[Path], Claimed]] = [render, render_elsewhere]
    for report in reports:
        with pytest.raises((IntegrityError, OutputError)):
            run(bundle, out_dir, "aes", report)
        assert listing(out_dir) == []
