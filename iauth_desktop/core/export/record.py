"""What a case export holds and how ``export.json`` describes it (export format 2).

Two kinds. A **summary** (the default) holds no evidence and no full identity value::

    export.json             what is inside (see below)
    report.pdf              the masked PDF case report
    evidence-manifest.json  the bundle's manifest.json, byte for byte: file names, sizes and
                            SHA-256, enough to verify the retained original against
    audit.jsonl             the case's audit entries, each line exactly as it is in the log

It cannot reopen a case. An **evidence** export (an explicit, audited choice with a purpose and
a recipient) holds the evidence itself::

    export.json, report.pdf (unmasked), audit.jsonl
    bundle/…                the evidence bundle, byte for byte (manifest.json, case.json, media)

``export.json``: format, kind, tool_version, exported_at (UTC), exported_by, token, masked,
full_ids, evidence, can_reopen, contents (each file with what it is), purpose and recipient (an
evidence export), encrypted, the audit head at export time {seq, sha256}, the bundle's manifest
SHA-256, and files {name: {sha256, bytes}} for every other file.

The audit head is the log's last entry when the export was made; the ``export`` entry itself
comes after it (it carries the export's own SHA-256, which cannot be inside the export). With
the head an auditor can tell that no entry was cut off the end of the log since.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from iauth_desktop.core.audit.chain import AuditEntry, AuditHead
from iauth_desktop.core.evidence.format import format_timestamp
from iauth_desktop.core.export.files import FileDigest

EXPORT_FORMAT = 2
EXPORT_FILE = "export.json"
REPORT_FILE = "report.pdf"
AUDIT_FILE = "audit.jsonl"
EVIDENCE_MANIFEST_FILE = "evidence-manifest.json"
BUNDLE_FOLDER = "bundle"
SUMMARY = "summary"
EVIDENCE = "evidence"
SUMMARY_NOTE = (
    "A summary: the masked report, the evidence manifest and the case's audit entries. It holds "
    "no evidence and no full ID number, birth date, address or phone number, so it cannot "
    "reopen a case; an evidence export (iauth-desktop export --evidence) can."
)
EVIDENCE_NOTE = (
    "An evidence export: the evidence bundle as fetched and the unmasked report, with FULL "
    "identity values. It can reopen the case."
)


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
    evidence: bool,
    purpose: str | None,
    recipient: str | None,
    encrypted: bool,
    audit_head: AuditHead,
    audit_entries: int,
    manifest_sha256: str,
    files: Mapping[str, FileDigest],
) -> bytes:
    """The bytes of ``export.json`` (UTF-8, indented, newline at the end)."""
    record: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "kind": EVIDENCE if evidence else SUMMARY,
        "note": EVIDENCE_NOTE if evidence else SUMMARY_NOTE,
        "tool_version": tool_version,
        "exported_at": format_timestamp(exported_at),
        "exported_by": reviewer,
        "token": token,
        "masked": not evidence,
        "full_ids": evidence,
        "evidence": evidence,
        "can_reopen": evidence,
        "contents": _contents(files, evidence=evidence),
        "encrypted": encrypted,
        "audit": {
            "file": AUDIT_FILE,
            "entries": audit_entries,
            "head": {"seq": audit_head.seq, "sha256": audit_head.sha256},
        },
        "bundle": (
            {"folder": BUNDLE_FOLDER, "manifest_sha256": manifest_sha256}
            if evidence
            else {"manifest": EVIDENCE_MANIFEST_FILE, "manifest_sha256": manifest_sha256}
        ),
        "files": {name: digest.as_json() for name, digest in files.items()},
    }
    if evidence:
        record["purpose"] = purpose
        record["recipient"] = recipient
    return json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def _contents(files: Mapping[str, FileDigest], *, evidence: bool) -> dict[str, str]:
    """Each file of the export (the bundle as one entry) and what it is."""
    described = {
        REPORT_FILE: (
            "the PDF case report with FULL identity values and card images"
            if evidence
            else "the masked PDF case report (ID last 4, birth year, address to the county, "
            "phone 3+4; card images covered or withheld)"
        ),
        AUDIT_FILE: "the case's audit log entries, each line as it is in the log",
        EVIDENCE_MANIFEST_FILE: "the evidence bundle's manifest.json: file names, sizes, SHA-256",
    }
    contents = {name: text for name, text in described.items() if name in files}
    if evidence:
        contents[f"{BUNDLE_FOLDER}/"] = (
            "the evidence bundle as fetched (case.json with every field in full, media files)"
        )
    return contents
