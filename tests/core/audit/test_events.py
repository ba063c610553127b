"""The audit events: one builder per event, and no other module spelling an event's name."""

from __future__ import annotations

import ast
from datetime import UTC, datetime
from pathlib import Path

from iauth_desktop.core.audit import events
from iauth_desktop.core.audit.events import EVENTS, AuditEvent
from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.model.decision import Decision, DecisionAction, RejectReason

PACKAGE = Path(events.__file__).resolve().parents[2]
EVENTS_MODULE = Path(events.__file__).resolve()
DECISION = Decision(
    DecisionAction.REJECT,
    "alice",
    datetime(2024, 5, 1, 8, 30, tzinfo=UTC),
    reason=RejectReason.OTHER,
    reason_text="照片是屏幕翻拍",
    justification="人脸比对存疑",
    notes="身份证与本人不符",
    supersedes=6,
    id=7,
)


def test_every_builder_makes_its_own_event() -> None:
    built = [
        events.fetched("{T}", "prod", "https://u:pw@faceid.example.com:8443/api?x=1", "passed"),
        events.revealed("{T}", "ID"),
        events.copied("{T}", "phone"),
        events.decided("{T}", DECISION),
        events.reported("{T}", path="/tmp/r.pdf", sha256="ab" * 32, full_ids=False, pages=3),
        events.exported(
            "{T}",
            path="/tmp/e.zip",
            sha256="cd" * 32,
            format="zip",
            encrypted=True,
            full_ids=False,
            report=True,
            audit_head="7:" + "ef" * 32,
        ),
        events.profile_changed("prod", "set_default"),
        events.retention_purged(["{A}", "{B}"], 180),
        events.anchor_reset(None, "7:" + "ef" * 32),
        events.rights_changed("reviewer1", "revoke"),
        events.idle_close_changed(None),
        events.queued(["{A}", "{B}"], 1, "prod", "detectinfo"),
        events.queue_moved("{A}", "triaged", "claimed", lease_s=1800),
        events.confirmed("{A}", 7, "overturn", 8),
        events.queue_policy_changed(True, False, True),
    ]
    assert tuple(event.name for event in built) == EVENTS
    assert all(isinstance(event, AuditEvent) for event in built)


def test_fetch_keeps_only_the_endpoint_host() -> None:
    event = events.fetched("{T}", None, "https://u:pw@faceid.example.com:8443/api?x=1", "passed")
    assert event == AuditEvent(
        "fetch",
        {
            "token": "{T}",
            "profile": None,
            "endpoint": "faceid.example.com:8443",
            "outcome": "passed",
        },
    )


def test_decision_carries_codes_never_free_text() -> None:
    assert events.decided("{T}", DECISION).data == {
        "token": "{T}",
        "action": "reject",
        "reason": "other",
        "decision_id": 7,
        "supersedes": 6,
    }


def test_the_other_builders_fields() -> None:
    assert events.revealed(None, "ID").data == {"token": None, "field": "ID"}
    assert events.copied("{T}", "phone").data == {"token": "{T}", "field": "phone"}
    assert events.profile_changed("prod", "remove").data == {"profile": "prod", "action": "remove"}
    assert events.retention_purged(["{A}"], 30).data == {
        "count": 1,
        "tokens": ["{A}"],
        "retention_days": 30,
    }
    report = events.reported("{T}", path="/r.pdf", sha256="ab", full_ids=True, pages=2)
    assert report.data == {
        "token": "{T}",
        "path": "/r.pdf",
        "sha256": "ab",
        "full_ids": True,
        "pages": 2,
    }


def test_the_log_records_an_event(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    entry = log.record(events.copied("{T}", "phone"), "alice")
    assert (entry.event, entry.reviewer, entry.data) == (
        "copy",
        "alice",
        {"token": "{T}", "field": "phone"},
    )


def _spelt_events(source: str, where: str) -> list[str]:
    """Where ``source`` hands a log an event by name: an ``append``/``record`` call or an
    ``AuditEvent`` built with a literal event name."""
    found = []
    for node in ast.walk(ast.parse(source, where)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in {"append", "record", "AuditEvent"}:
            continue
        literals = [*node.args[:1], *(k.value for k in node.keywords if k.arg in {"event", "name"})]
        found.extend(
            f"{where}:{node.lineno} {name}({arg.value!r})"
            for arg in literals
            if isinstance(arg, ast.Constant) and arg.value in EVENTS
        )
    return found


def test_no_module_but_audit_events_names_an_event() -> None:
    modules = [p for p in PACKAGE.rglob("*.py") if p.resolve() != EVENTS_MODULE]
    assert len(modules) > 50
    spelt = [
        found
        for path in modules
        for found in _spelt_events(path.read_text(encoding="utf-8"), str(path))
    ]
    assert spelt == []


def test_the_scan_sees_an_event_spelt_out() -> None:
    source = (
        'log.append("export", None, token=t)\n'
        'hooks.record(AuditEvent(name="copy", data={}))\n'
        'audit.record(events.copied(t, "copy"))\n'  # a field value, not an event name
        'runner = TaskRunner("fetch")\n'
    )
    assert _spelt_events(source, "sample.py") == [
        "sample.py:1 append('export')",
        "sample.py:2 AuditEvent('copy')",
    ]
