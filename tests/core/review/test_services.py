"""The review services both front ends call: fetch, decide, export — each with its audit log.

Fetches talk HTTP to the emulator on 127.0.0.1; the store is a real SQLite history.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from iauth_desktop.core.audit import events
from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.config.resolve import Credentials
from iauth_desktop.core.evidence.bundle import write_bundle
from iauth_desktop.core.model.decision import DecisionError, make_decision
from iauth_desktop.core.model.errors import OutputError, ServiceError
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.registry import get_spec
from iauth_desktop.core.review.auditing import AuditRefusal
from iauth_desktop.core.review.deciding import DecisionService, UnauditedDecision
from iauth_desktop.core.review.exporting import ExportService, report_place
from iauth_desktop.core.review.fetching import FetchService
from iauth_desktop.core.store.sqlite.history import CaseHistory
from iauth_desktop.emulator.detectinfo.demo import (
    CASE_TOKENS,
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
)
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer

STAND_IN_PDF = b"%PDF-1.4\n% stand-in\n%%EOF\n"


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(EmulatorConfig()) as server:
        yield server


def provider_for(server: EmulatorServer):  # type: ignore[no-untyped-def]
    creds = Credentials(server.url, DEMO_APPID, DEMO_SECRET_KEY, DEMO_AES_KEY, "demo")
    return get_spec().connect(creds, ClientOptions(backoff=0.01))


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    return AuditLog(tmp_path / "audit.jsonl")


def damage(log: AuditLog) -> None:
    lines = log.path.read_bytes().splitlines(keepends=True)
    lines[0] = lines[0].replace(b'"reviewer":"', b'"reviewer":"x', 1)
    log.path.write_bytes(b"".join(lines))


def test_a_fetch_is_recorded_with_its_verdict(emulator: EmulatorServer, log: AuditLog) -> None:
    case = FetchService(log, "alice").fetch(
        provider_for(emulator), CASE_TOKENS["pass"], FetchMode.TEXT_ONLY, profile_name="demo"
    )
    assert case.mode is FetchMode.TEXT_ONLY
    assert case.request == {"info_type": 1}
    assert case.provider == "detectinfo"
    [entry] = log.entries()
    assert (entry.event, entry.reviewer) == ("fetch", "alice")
    assert entry.data["outcome"] == f"fetched: {case.result.verdict.status}" == "fetched: passed"
    assert entry.data["profile"] == "demo"


def test_a_failed_fetch_is_recorded_and_raised(emulator: EmulatorServer, log: AuditLog) -> None:
    with pytest.raises(ServiceError):
        FetchService(log).fetch(
            provider_for(emulator), CASE_TOKENS["expired-token"], FetchMode.FULL
        )
    [entry] = log.entries()
    assert entry.data["outcome"].startswith("service error")


def test_no_fetch_on_a_damaged_log(emulator: EmulatorServer, log: AuditLog) -> None:
    service = FetchService(log)
    service.fetch(provider_for(emulator), CASE_TOKENS["pass"], FetchMode.TEXT_ONLY)
    service.fetch(provider_for(emulator), CASE_TOKENS["pass"], FetchMode.TEXT_ONLY)
    damage(log)
    before = log.path.read_bytes()
    with pytest.raises(AuditRefusal):
        service.fetch(provider_for(emulator), CASE_TOKENS["pass"], FetchMode.TEXT_ONLY)
    assert log.path.read_bytes() == before


@pytest.fixture
def store_with_case(
    tmp_path: Path, emulator: EmulatorServer, log: AuditLog
) -> Iterator[tuple[CaseHistory, str]]:
    case = FetchService(log).fetch(provider_for(emulator), CASE_TOKENS["pass"], FetchMode.TEXT_ONLY)
    with CaseHistory(tmp_path / "history.sqlite3") as store:
        store.record_case(case, "alice", log.head())
        yield store, case.token


def test_a_decision_is_stored_then_audited(
    store_with_case: tuple[CaseHistory, str], log: AuditLog
) -> None:
    store, token = store_with_case
    service = DecisionService(store, log)
    first = service.record(token, make_decision("approve", verdict="passed", reviewer="alice"))
    second = service.record(
        token,
        make_decision("reject", verdict="passed", reason="other", reason_text="re-check",
                      reviewer="alice"),
        replaces=first,
    )  # fmt: skip
    assert second.supersedes == first.id
    assert [d.id for d in service.decisions(token)] == [first.id, second.id]
    decided = [e for e in log.entries() if e.event == "decision"]
    assert [e.data["decision_id"] for e in decided] == [first.id, second.id]
    with pytest.raises(DecisionError):  # the chain rule, from core/model/decision
        service.record(token, make_decision("approve", verdict="passed", reviewer="alice"))


def test_no_decision_is_stored_on_a_damaged_log(
    store_with_case: tuple[CaseHistory, str], log: AuditLog
) -> None:
    store, token = store_with_case
    log.record(events.profile_changed("demo", "edit"), "alice")
    damage(log)  # the first of two entries: the chain names it
    with pytest.raises(AuditRefusal) as refused:
        DecisionService(store, log).record(
            token, make_decision("approve", verdict="passed", reviewer="alice")
        )
    assert not isinstance(refused.value, UnauditedDecision)
    assert store.decisions(token) == []


def test_an_export_records_its_report_where_it_ends_up(
    tmp_path: Path, emulator: EmulatorServer, log: AuditLog
) -> None:
    case = FetchService(log).fetch(provider_for(emulator), CASE_TOKENS["pass"], FetchMode.TEXT_ONLY)
    bundle = write_bundle(
        case.result,
        tmp_path / "bundle",
        token=case.token,
        endpoint=case.endpoint,
        mode=case.mode,
        request=case.request,
        fetched_at=case.fetched_at,
        tool_version="test",
    )

    class Written:
        def __init__(self, path: Path) -> None:
            path.write_bytes(STAND_IN_PDF)
            self.path = path
            import hashlib

            self.sha256 = hashlib.sha256(STAND_IN_PDF).hexdigest()
            self.pages = 1

    target = tmp_path / "out" / "case.zip"
    target.parent.mkdir()
    result = ExportService(log).export(bundle, target, reviewer="bob", report=Written)
    entries = [e for e in log.entries() if e.token == case.token]
    assert [e.event for e in entries] == ["fetch", "report", "export"]
    report_entry = entries[1]
    assert report_entry.data["path"] == report_place(target) == str(target / "report.pdf")
    assert ".partial" not in report_entry.data["path"]
    assert result.path == target
    # the export carries the entry that vouches for its report
    import pyzipper

    with pyzipper.AESZipFile(target) as archive:
        lines = archive.read("audit.jsonl").splitlines()
    assert json.loads(lines[-1])["event"] == "report"


def test_a_case_fetched_but_not_written_says_so(emulator: EmulatorServer, log: AuditLog) -> None:
    def keep(_case: object) -> None:
        raise OutputError("disk full")

    with pytest.raises(OutputError):
        FetchService(log).fetch(
            provider_for(emulator), CASE_TOKENS["pass"], FetchMode.TEXT_ONLY, keep=keep
        )
    [entry] = log.entries()
    assert entry.data["outcome"] == "fetched: passed; not written: OutputError"


def test_a_kept_case_says_it_was_written(emulator: EmulatorServer, log: AuditLog) -> None:
    kept: list[object] = []
    FetchService(log).fetch(
        provider_for(emulator), CASE_TOKENS["pass"], FetchMode.TEXT_ONLY, keep=kept.append
    )
    assert len(kept) == 1
    assert log.entries()[0].data["outcome"] == "fetched: passed; bundle written"
