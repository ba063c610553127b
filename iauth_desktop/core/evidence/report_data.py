"""Everything the PDF case report shows, assembled without Qt from a case or a saved bundle.

The renderer (``iauth_desktop.report``) only lays this out: every decision about what a report
says — which codes, which checks, which values are masked — is made here, where it can be tested
without a paint device. Identity values are masked (``core.model.masking``: ID last 4, birth year,
address to the county, phone 3+4; the checks worded without dates; the ID card's portrait side
covered by its layout, ``mask_card``) unless ``full_ids`` is asked for explicitly (the caller
writes that choice to the audit log).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from iauth_desktop.core.audit.chain import AuditHead
from iauth_desktop.core.evidence.read import LoadedBundle, verify_bundle_pinned
from iauth_desktop.core.model.attempts import LivenessAttempt
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.codes import CodeInfo
from iauth_desktop.core.model.consistency import Check, run_checks
from iauth_desktop.core.model.decision import Decision
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.masking import is_masked_field, mask_field, mask_free_text
from iauth_desktop.core.model.result import (
    FetchMode,
    FieldRole,
    MediaRole,
    MediaSlot,
    Verdict,
    VerificationResult,
    as_text,
)
from iauth_desktop.core.net.hosts import endpoint_host
from iauth_desktop.core.providers.registry import classify_endpoint, get_spec

IMAGE_ROLES = (MediaRole.ID_FRONT, MediaRole.ID_BACK, MediaRole.AVATAR, MediaRole.FRAME)


@dataclass(frozen=True)
class CodeLine:
    """One status field of the answer: its code explained, or why it cannot be (not a number)."""

    field: str  # the provider's key of the stage's code
    raw: str  # the value as sent, as text
    info: CodeInfo | None  # None when the value is not a number
    message: str  # the service's own words about this stage


@dataclass(frozen=True)
class FieldRow:
    key: str  # the provider's raw key
    value: str  # as shown: masked unless the report includes full identity numbers
    masked: bool
    documented: bool  # False for fields the integration document does not name
    role: FieldRole | None = None  # None for the fields the provider does not name


@dataclass(frozen=True)
class ReportMedium:
    """A medium as received (encoded bytes), or a note saying why there is none to show."""

    field: str  # the provider's raw key
    data: bytes | bytearray | memoryview | None  # read-only; may be a view into the plaintext
    sha256: str | None
    note: str | None = None  # why it is missing or damaged
    role: MediaRole = MediaRole.FRAME
    index: int = 0
    # The portrait side in a masked report: printed only with its number band, birth line and
    # address covered by the card's layout, or withheld when it cannot be placed on it.
    mask_card: bool = False


@dataclass(frozen=True)
class ManifestFile:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class EvidenceManifest:
    """The bundle's files as its manifest lists them, and the SHA-256 of manifest.json itself.

    ``sha256`` is None for a case never saved as a bundle (its media hashes come from memory).
    """

    files: tuple[ManifestFile, ...]
    sha256: str | None
    bundle_name: str | None = None
    written_by: str = ""  # the tool version that wrote the bundle


@dataclass(frozen=True)
class ReportData:
    token: str
    fetched_at: datetime | None
    endpoint_host: str
    environment: str  # test, sandbox, production, loopback, custom
    profile_name: str | None
    mode: FetchMode | None
    request: str  # what was asked of the provider, as its own option=value pairs
    reviewer: str
    generated_at: datetime  # UTC
    tool_version: str
    decision: Decision | None
    verdict: Verdict
    evidence_complete: bool | None  # None: a text-only fetch (not judged)
    evidence_problems: tuple[tuple[str, str], ...]  # (raw key, reason)
    codes: tuple[CodeLine, ...]
    checks: tuple[Check, ...]
    fields: tuple[FieldRow, ...]
    verification_type: int | None
    challenge_key: str  # the provider's key of the digits read aloud ("" when it has none)
    challenge: str
    images: tuple[ReportMedium, ...]  # the provider's image slots, in order
    video: ReportMedium
    manifest: EvidenceManifest
    integrity_warnings: tuple[str, ...]  # the evidence no longer matches its manifest
    audit_head: AuditHead | None
    full_ids: bool
    # providers that list every liveness attempt (FaceID): each attempt, the identity document
    # used and the service's warnings about the ID card photos
    attempts: tuple[LivenessAttempt, ...] = ()
    card_warnings: tuple[CodeInfo, ...] = ()
    document_type: str = ""
    provider_title: str = ""  # the service, as reviewers know it ("实名核身 getdetectinfo")


@dataclass(frozen=True)
class ReportContext:
    """What a report adds to the evidence: who prints it, when, with which decision and audit
    head, and whether identity numbers are shown in full (an explicit, audited choice)."""

    reviewer: str
    tool_version: str
    decision: Decision | None = None
    audit_head: AuditHead | None = None
    full_ids: bool = False
    generated_at: datetime | None = None  # default: now; also dates the validity check


def build_report_data(
    result: VerificationResult,
    context: ReportContext,
    *,
    token: str,
    endpoint: str,
    mode: FetchMode | None,
    request: Mapping[str, Any],
    fetched_at: datetime | None,
    manifest: EvidenceManifest,
    profile_name: str | None = None,
    integrity_warnings: tuple[str, ...] = (),
) -> ReportData:
    moment = (context.generated_at or datetime.now(UTC)).astimezone(UTC)
    return ReportData(
        token=token,
        fetched_at=fetched_at,
        endpoint_host=endpoint_host(endpoint),
        environment=classify_endpoint(endpoint),
        profile_name=profile_name,
        mode=mode,
        request=", ".join(f"{k}={as_text(v)}" for k, v in request.items()),
        reviewer=context.reviewer,
        generated_at=moment,
        tool_version=context.tool_version,
        decision=context.decision,
        verdict=result.verdict,
        evidence_complete=None if mode is None else result.evidence_complete(mode),
        evidence_problems=tuple(result.evidence_problems(mode)) if mode is not None else (),
        codes=code_lines(result),
        checks=tuple(
            run_checks(result.identity, moment.astimezone().date(), masked=not context.full_ids)
        ),
        fields=field_rows(result, full_ids=context.full_ids),
        verification_type=result.verification_type,
        challenge_key=_challenge_key(result),
        challenge=result.challenge,
        images=tuple(
            _medium(result, slot, mask_card=not context.full_ids)
            for slot in result.slots(*IMAGE_ROLES)
        ),
        video=_video(result),
        manifest=manifest,
        integrity_warnings=integrity_warnings,
        audit_head=context.audit_head,
        full_ids=context.full_ids,
        attempts=result.attempts,
        card_warnings=result.warnings,
        document_type=result.document_type,
        provider_title=_provider_title(result.provider),
    )


def report_from_case(
    case: ReviewCase, context: ReportContext, manifest: EvidenceManifest | None = None
) -> ReportData:
    """The report of a case on screen. Without ``manifest`` (never saved) the evidence list is
    the media in memory with their hashes; a case opened from a bundle that no longer matches
    its manifest prints with that warning on every page."""
    warnings = tuple(
        f"{label}: {', '.join(names)}"
        for label, names in (
            ("changed since export", case.changed_files),
            ("missing", case.missing_files),
            ("not listed in the manifest", case.unexpected_files),
        )
        if names
    )
    return build_report_data(
        case.result,
        context,
        token=case.token,
        endpoint=case.endpoint,
        mode=case.mode,
        request=case.request,
        fetched_at=case.fetched_at,
        manifest=manifest or in_memory_manifest(case.result),
        profile_name=case.profile_name,
        integrity_warnings=warnings,
    )


def report_from_bundle(
    loaded: LoadedBundle, manifest: EvidenceManifest, context: ReportContext
) -> ReportData:
    """The report of a saved bundle (see ``load_bundle_for_report``)."""
    return build_report_data(
        loaded.result(),
        context,
        token=loaded.token,
        endpoint=loaded.endpoint,
        mode=loaded.mode,
        request=loaded.request,
        fetched_at=loaded.fetched_at,
        manifest=manifest,
        integrity_warnings=() if loaded.check.ok else (loaded.check.describe(),),
    )


def load_bundle_for_report(path: Path) -> tuple[LoadedBundle, EvidenceManifest]:
    """A bundle whose every file matches its manifest, and that manifest with its own hash.

    Raises IntegrityError for a tampered bundle (a report vouches for the evidence it shows),
    and when manifest.json changes between being hashed and being read.
    """
    path = Path(path)
    loaded, manifest_bytes = verify_bundle_pinned(path)
    return loaded, manifest_from_bytes(loaded.manifest, manifest_bytes, path.name)


def manifest_from_bytes(manifest: dict[str, Any], raw: bytes, bundle_name: str) -> EvidenceManifest:
    files = manifest.get("files")
    entries = files if isinstance(files, dict) else {}
    return EvidenceManifest(
        files=tuple(
            ManifestFile(str(name), int(entry["bytes"]), str(entry["sha256"]))
            for name, entry in sorted(entries.items())
        ),
        sha256=hashlib.sha256(raw).hexdigest(),
        bundle_name=bundle_name,
        written_by=as_text(manifest.get("tool_version")),
    )


def in_memory_manifest(result: VerificationResult) -> EvidenceManifest:
    files = tuple(
        ManifestFile(f"{name}.{item.ext}", len(item.data), item.sha256)
        for name, item in result.media.items()
        if item.data is not None and item.sha256 is not None
    )
    return EvidenceManifest(files=files, sha256=None)


def code_lines(result: VerificationResult) -> tuple[CodeLine, ...]:
    """One line per stage whose code the answer carries, final first."""
    return tuple(
        CodeLine(s.field, as_text(result.raw.get(s.field)), s.info, s.message)
        for s in result.stages
        if s.sent
    )


# A report is read on paper: a value or a list longer than this is cut, saying how much more
# there is (case.json keeps everything), so no answer can make the report endless.
REPORT_VALUE_CHARS = 2000
REPORT_EXTRA_FIELDS = 300


def bounded_text(text: str, limit: int = REPORT_VALUE_CHARS) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text)} characters in all; the full value is in case.json)"


def field_rows(result: VerificationResult, *, full_ids: bool) -> tuple[FieldRow, ...]:
    """Identity fields in the document's order (masked unless ``full_ids``), then the fields
    the document does not name, as sent (ID- and phone-shaped numbers in them masked unless
    ``full_ids``) — values and the list bounded."""
    rows: list[FieldRow] = []
    for field in result.fields:
        if not field.sent or field.role is FieldRole.CHALLENGE:
            continue
        masked = is_masked_field(field.role) and not full_ids
        value = mask_field(field.role, field.value) if masked else field.value
        rows.append(FieldRow(field.key, bounded_text(value), masked, True, field.role))
    extras = result.extra_fields
    for number, (key, value) in enumerate(extras.items()):
        if number == REPORT_EXTRA_FIELDS:
            more = len(extras) - REPORT_EXTRA_FIELDS
            rows.append(
                FieldRow("…", f"{more} more fields not listed (see case.json)", False, False)
            )
            break
        text = as_text(value)
        shown = text if full_ids else mask_free_text(text)
        rows.append(FieldRow(bounded_text(key, 200), bounded_text(shown), shown != text, False))
    return tuple(rows)


def _medium(
    result: VerificationResult, slot: MediaSlot, *, mask_card: bool = False
) -> ReportMedium:
    item = result.media.get(slot.key)
    if item is None:
        return ReportMedium(slot.key, None, None, "not sent by the service", slot.role, slot.index)
    note = item.error or item.warning
    masked = mask_card and slot.role is MediaRole.ID_FRONT
    return ReportMedium(slot.key, item.data, item.sha256, note, slot.role, slot.index, masked)


def _video(result: VerificationResult) -> ReportMedium:
    slots = result.slots(MediaRole.VIDEO)
    if not slots:
        return ReportMedium("", None, None, "not sent by the service", MediaRole.VIDEO)
    with_data = [s for s in slots if s.key in result.media]
    return _medium(result, with_data[0] if with_data else slots[0])


def _challenge_key(result: VerificationResult) -> str:
    found = result.field(FieldRole.CHALLENGE)
    return found.key if found is not None else ""


def _provider_title(name: str) -> str:
    try:
        return get_spec(name).title
    except UsageError:  # a bundle of a provider this version does not know
        return name
