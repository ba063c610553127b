"""What a case export holds and how ``export.json`` describes it (export format 1).

A folder, or a zip with the same names inside::

    export.json     format, tool_version, exported_at (UTC), exported_by, token, full_ids,
                    encrypted, the audit head at export time {seq, sha256}, the bundle's
                    manifest SHA-256, and files {name: {sha256, bytes}} for every other file
    report.pdf      the PDF case report (when the export has one)
    audit.jsonl     the case's audit entries, each line exactly as it is in the log
    bundle/…        the evidence bundle, byte for byte (manifest.json, case.json, media)

The audit head is the log's last entry when the export was made; the ``export`` entry itself
comes after it (it carries the export's own SHA-256, which cannot be inside the export). With
the head an auditor can tell that no entry was cut off the end of the log since.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from iauth_desktop.core.audit.chain import AuditEntry, AuditHead
from iauth_desktop.core.evidence.format import format_timestamp
from iauth_desktop.core.export.files import FileDigest

EXPORT_FORMAT = 1
EXPORT_FILE = "export.json"
REPORT_FILE = "report.pdf"
AUDIT_FILE = "audit.jsonl"
BUNDLE_FOLDER = "bundle"


def bundle_member(name: str) -> str:
    return f"{BUNDLE_FOLDER}/{name}"


def case_audit_lines(entries: list[AuditEntry], head: AuditHead) -> bytes:
    """The case's entries up to ``head`` (a later append by another process is left out)."""
    return b"".join(entry.line for entry in entries if entry.seq <= head.seq)


def export_record(
    *,
    tool_version: str,
    exported_at: datetime,
    reviewer: str,
    token: str,
    full_ids: bool,
    encrypted: bool,
    audit_head: AuditHead,
    audit_entries: int,
    manifest_sha256: str,
    files: Mapping[str, FileDigest],
) -> bytes:
    """The bytes of ``export.json`` (UTF-8, indented, newline at the end)."""
    record = {
        "format": EXPORT_FORMAT,
        "tool_version": tool_version,
        "exported_at": format_timestamp(exported_at),
        "exported_by": reviewer,
        "token": token,
        "full_ids": full_ids,
        "encrypted": encrypted,
        "audit": {
            "file": AUDIT_FILE,
            "entries": audit_entries,
            "head": {"seq": audit_head.seq, "sha256": audit_head.sha256},
        },
        "bundle": {"folder": BUNDLE_FOLDER, "manifest_sha256": manifest_sha256},
        "files": {name: digest.as_json() for name, digest in files.items()},
    }
    return json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
