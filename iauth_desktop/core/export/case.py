"""Export a case: a masked summary by default, the evidence itself by explicit choice.

``export_case`` writes a folder or a ``.zip`` (optionally AES-256 encrypted) laid out as
``export_record`` describes: a summary (masked report, evidence manifest, audit entries) unless
``evidence`` is asked for (the bundle and the unmasked report, with the purpose and recipient
the reviewer gives, both audited). It is all or nothing: everything is built beside the target and
renamed into place at the end, and any failure, cancellation or interruption leaves neither
output nor temporary files. The evidence bundle is checked against its manifest before it is
copied, while it is copied and once copied; the zip is read back before it takes its place.
The export is then recorded in the audit log (path and SHA-256; never the password) and in the
case history when it holds the case. If the audit entry cannot be written the export is taken
back: nothing unaudited stays behind.

Qt-free and safe to run on a worker thread: progress and cancellation come in as a plain
callable and a ``threading.Event``.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from iauth_desktop import __version__
from iauth_desktop.core.audit.chain import AuditEntry, AuditHead
from iauth_desktop.core.audit.events import AuditEvent, exported
from iauth_desktop.core.audit.trail import AuditTrail
from iauth_desktop.core.export.archive import check_zip, write_zip
from iauth_desktop.core.export.files import FileDigest, file_digest, write_bytes_private
from iauth_desktop.core.export.place import Placement, Staging, check_target, is_zip_target
from iauth_desktop.core.export.record import (
    AUDIT_FILE,
    BUNDLE_FOLDER,
    EVIDENCE_MANIFEST_FILE,
    EXPORT_FILE,
    REPORT_FILE,
    case_audit_lines,
    export_record,
)
from iauth_desktop.core.export.stage import (
    ProgressCallback,
    Steps,
    WrittenReport,
    stage_bundle,
    stage_manifest,
    stage_report,
    verified_source,
)
from iauth_desktop.core.files import fsync_dir
from iauth_desktop.core.model.errors import OutputError, UsageError
from iauth_desktop.core.model.messages import said
from iauth_desktop.core.store.base import CaseStore, StoreError
from iauth_desktop.core.store.select import case_store_exists, open_case_store

__all__ = ["ExportResult", "ProgressCallback", "WrittenReport", "count_steps", "export_case"]

_log = logging.getLogger(__name__)

ReportSource = Callable[[Path], WrittenReport] | Path | None


@dataclass(frozen=True)
class ExportResult:
    """``sha256`` is the zip's, or for a folder that of its ``export.json`` (which lists the
    SHA-256 of every other file). ``files`` maps each file in the export to its SHA-256."""

    path: Path
    sha256: str
    files: dict[str, str] = field(repr=False)
    encrypted: bool
    evidence: bool  # the bundle and the unmasked report (else a masked summary)
    audit_head: AuditHead  # the head recorded in export.json, before the export's own entry
    audit_entry: AuditEntry = field(repr=False)  # the ``export`` entry
    history_recorded: bool


def count_steps(
    bundle_files: int, *, with_report: bool, as_zip: bool, evidence: bool = True
) -> int:
    """How many progress steps an export of a bundle listing ``bundle_files`` files takes."""
    # the bundle's files and its manifest.json, or that manifest alone; report; audit.jsonl and
    # export.json
    staged = (bundle_files if evidence else 0) + 1 + int(with_report) + 2
    return 1 + staged + 1 + (staged + 1 if as_zip else 0) + 1


def export_case(
    bundle_dir: Path,
    target: Path,
    *,
    reviewer: str,
    report: ReportSource,
    encrypt_password: str | None = None,
    evidence: bool = False,
    purpose: str | None = None,
    recipient: str | None = None,
    force: bool = False,
    audit: AuditTrail,
    history: CaseStore | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    tool_version: str = __version__,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> ExportResult:
    """Export the bundle at ``bundle_dir`` to ``target`` (a ``.zip`` file, else a folder).

    ``report`` is a callable that writes the PDF report to the path it is given (and returns
    its path and SHA-256), an existing PDF to include, or None for no report: masked for a
    summary, unmasked for an evidence export (the caller renders it; this records which).
    ``evidence`` (with a ``purpose`` and a ``recipient``, both required) puts the bundle in;
    otherwise the export holds the bundle's manifest only.
    ``progress(step, total)`` is called after each step; the last call comes just before the
    export takes its place. Raises TargetExistsError (target exists, no ``force``),
    IntegrityError (the bundle does not match its manifest), OutputError, UsageError,
    CancelledError (``cancel`` was set) — and whatever ``report`` or ``progress`` raise.
    """
    bundle_dir, target = Path(bundle_dir), Path(target).absolute()
    as_zip = is_zip_target(target)
    password = _password_bytes(encrypt_password, as_zip=as_zip)
    if not reviewer.strip():
        raise UsageError(said("export.no_reviewer"))
    if evidence and not (purpose or "").strip():
        raise UsageError("an evidence export needs its purpose (--purpose)")
    if evidence and not (recipient or "").strip():
        raise UsageError("an evidence export needs its recipient (--recipient)")
    check_target(target, bundle_dir, force=force)
    log = audit
    steps = Steps(progress, cancel)
    steps.check()
    loaded, manifest_sha256 = verified_source(bundle_dir)
    steps.total = count_steps(
        len(loaded.manifest["files"]),
        with_report=report is not None,
        as_zip=as_zip,
        evidence=evidence,
    )
    steps.done()
    token = loaded.token
    try:
        with Staging(target) as staging:
            folder = staging.folder
            if evidence:
                files = stage_bundle(loaded, manifest_sha256, folder / BUNDLE_FOLDER, steps)
            else:
                files = {
                    EVIDENCE_MANIFEST_FILE: stage_manifest(
                        loaded, manifest_sha256, folder / EVIDENCE_MANIFEST_FILE
                    )
                }
                steps.done()
            if report is not None:
                files[REPORT_FILE] = stage_report(report, folder / REPORT_FILE)
                steps.done()
            head = log.head()  # then the entries: a later append elsewhere is not taken in
            lines = case_audit_lines(log.entries(token), head)
            files[AUDIT_FILE] = write_bytes_private(folder / AUDIT_FILE, lines)
            steps.done()
            exported_at = clock()
            record = export_record(
                tool_version=tool_version,
                exported_at=exported_at,
                reviewer=reviewer,
                token=token,
                evidence=evidence,
                purpose=purpose.strip() if evidence and purpose else None,
                recipient=recipient.strip() if evidence and recipient else None,
                encrypted=password is not None,
                audit_head=head,
                audit_entries=lines.count(b"\n"),
                manifest_sha256=manifest_sha256,
                files=dict(sorted(files.items())),
            )
            members = {EXPORT_FILE: write_bytes_private(folder / EXPORT_FILE, record)}
            members.update(_member_order(files))
            fsync_dir(folder)
            steps.done()
            if as_zip:
                built, sha256 = _zip(staging, members, password, exported_at, steps)
            else:
                built, sha256 = folder, members[EXPORT_FILE].sha256
            steps.done()  # the last chance to cancel
            event = exported(
                token,
                path=str(target),
                sha256=sha256,
                format="zip" if as_zip else "folder",
                encrypted=password is not None,
                full_ids=evidence,
                report=report is not None,
                audit_head=str(head),
                evidence=evidence,
                purpose=purpose.strip() if evidence and purpose else None,
                recipient=recipient.strip() if evidence and recipient else None,
            )
            entry = _place_and_audit(
                staging, built, target, force=force, log=log, reviewer=reviewer, event=event
            )
    except OSError as exc:
        raise OutputError(
            said("export.failed", path=str(target), reason=str(exc.strerror or exc))
        ) from exc
    # Only an evidence export can reopen the case: a summary is audited, not remembered as one.
    recorded = evidence and _record_in_history(history, token, target, entry.head)
    return ExportResult(
        path=target,
        sha256=sha256,
        files={name: digest.sha256 for name, digest in members.items()},
        encrypted=password is not None,
        evidence=evidence,
        audit_head=head,
        audit_entry=entry,
        history_recorded=recorded,
    )


def _place_and_audit(
    staging: Staging,
    built: Path,
    target: Path,
    *,
    force: bool,
    log: AuditTrail,
    reviewer: str,
    event: AuditEvent,
) -> AuditEntry:
    """Rename the export into place, then audit it; an export the log cannot record is taken
    back (and a replaced one restored): nothing unaudited stays behind."""
    placement = Placement(built, target, force=force)
    staging.forget(built)
    audited = False
    try:
        entry = log.record(event, reviewer)
        audited = True
    finally:
        if not audited:
            placement.rollback()
    placement.commit()
    return entry


def _password_bytes(password: str | None, *, as_zip: bool) -> bytes | None:
    if password is None:
        return None
    if not as_zip:
        raise UsageError(said("export.zip_only"))
    if not password:
        raise UsageError(said("export.empty_password"))
    try:
        return password.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(said("export.password_unicode")) from None


def _member_order(files: dict[str, FileDigest]) -> dict[str, FileDigest]:
    """Report and audit lines first, then the manifest or the bundle's files (as an auditor
    would read them)."""
    first = [name for name in (REPORT_FILE, AUDIT_FILE) if name in files]
    return {name: files[name] for name in first + sorted(set(files) - set(first))}


def _zip(
    staging: Staging,
    members: dict[str, FileDigest],
    password: bytes | None,
    exported_at: datetime,
    steps: Steps,
) -> tuple[Path, str]:
    path, handle = staging.new_file()
    with handle:
        write_zip(
            handle,
            staging.folder,
            members,
            password=password,
            when=exported_at,
            after_member=steps.done,
        )
        os.fsync(handle.fileno())
    check_zip(path, members, password=password)
    steps.done()
    return path, file_digest(path).sha256


def _record_in_history(history: CaseStore | None, token: str, path: Path, head: AuditHead) -> bool:
    """Remember the export in the case history when it holds the case. The export is complete
    and audited by now, so a history that cannot be written is reported, not raised."""
    if not token or (history is None and not case_store_exists()):
        return False  # never create a history database just to note an export
    try:
        if history is not None:
            return _note_export(history, token, path, head)
        own = open_case_store()
        try:
            return _note_export(own, token, path, head)
        finally:
            own.close()
    except StoreError as exc:
        _log.warning("the export is complete but not noted in the case history: %s", exc)
        return False


def _note_export(history: CaseStore, token: str, path: Path, head: AuditHead) -> bool:
    if history.get(token) is None:
        return False  # a bundle exported without ever being reviewed here
    history.set_export(token, path, head)
    return True
