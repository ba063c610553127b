"""The queue service against the emulator over HTTP: triage outcomes (verdicts, expired tokens,
service errors, network retries with backoff), decisions on evidence and its fingerprint."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.core.config.resolve import Credentials
from iauth_desktop.core.evidence.bundle import write_case_bundle
from iauth_desktop.core.evidence.format import MANIFEST_FILE
from iauth_desktop.core.model.decision import make_decision
from iauth_desktop.core.model.errors import RefusedError, UsageError
from iauth_desktop.core.model.queue import ConfirmOutcome, QueueEntry, QueueOrigin, QueueState
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.registry import get_spec
from iauth_desktop.core.review.fetching import FetchService
from iauth_desktop.core.review.queue_import import parse_queue_input
from iauth_desktop.core.review.queueing import (
    QueueService,
    evidence_from_bundle,
    evidence_of,
)
from iauth_desktop.core.review.triage import Triage, TriageSettings
from iauth_desktop.core.store.sqlite.history import CaseHistory
from iauth_desktop.core.store.sqlite.queue import SqliteQueue
from iauth_desktop.emulator.detectinfo.demo import (
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
    batch_token,
)
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer

ORIGIN = QueueOrigin("detectinfo")


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(EmulatorConfig()) as server:
        yield server


@pytest.fixture
def service(tmp_path: Path) -> Iterator[QueueService]:
    with CaseHistory(tmp_path / "h.sqlite3") as history:
        yield QueueService(SqliteQueue(history), AuditLog(tmp_path / "audit.jsonl"), "rita")


def provider(server: EmulatorServer) -> Any:
    creds = Credentials(server.url, DEMO_APPID, DEMO_SECRET_KEY, DEMO_AES_KEY, None)
    return get_spec().connect(creds, ClientOptions(backoff=0.01, retries=0))


def run_triage(service: QueueService, server: EmulatorServer, **settings: Any) -> Any:
    fetcher = FetchService(service.audit, service.reviewer)
    chosen = TriageSettings(**{"pace_s": 0.0, "backoff_s": 0.05, **settings})
    return Triage(service, fetcher, lambda item: provider(server), chosen).run()


def test_triage_sorts_every_token_into_its_state(
    service: QueueService, emulator: EmulatorServer
) -> None:
    tokens = {
        "pass": batch_token("pass", 1),
        "failed": batch_token("liveness-602", 2),
        "expired12": batch_token("expired-token", 3),
        "expired11": batch_token("error-11", 4),
        "finished14": batch_token("error-14", 5),
        "network": batch_token("fault-http-503", 6),
    }
    service.add([QueueEntry(t) for t in tokens.values()], ORIGIN)
    report = run_triage(service, emulator, attempts=3)
    assert (report.triaged, report.expired, report.failed) == (2, 2, 2)
    assert report.by_verdict == {"passed": 1, "failed": 1}
    item = {name: service.queue.get_item(token) for name, token in tokens.items()}
    assert item["pass"].state is QueueState.TRIAGED and item["pass"].verdict == "passed"
    assert item["failed"].verdict == "failed" and item["failed"].final_code == 602
    assert item["failed"].masked_name == "司***"
    assert item["expired12"].state is item["expired11"].state is QueueState.EXPIRED
    assert item["finished14"].state is QueueState.FETCH_FAILED
    assert "14" in item["finished14"].error and item["finished14"].attempts == 1
    assert item["network"].state is QueueState.FETCH_FAILED
    assert item["network"].attempts == 3  # retried with backoff, then left for a person
    assert "503" in item["network"].error
    log = service.audit
    moves = [e for e in log.entries() if e.event == "queue_move"]
    assert {e.data["to"] for e in moves} == {"triaged", "expired", "fetch_failed", "pending"}
    assert [e.event for e in log.entries(tokens["pass"])] == ["fetch", "queue_move"]
    [queued] = [e for e in log.entries() if e.event == "queued"]
    assert queued.data["tokens"] == list(tokens.values())


def test_a_decision_records_the_evidence_it_was_made_on(
    service: QueueService, emulator: EmulatorServer, tmp_path: Path
) -> None:
    token = batch_token("pass", 7)
    service.add([QueueEntry(token)], ORIGIN)
    run_triage(service, emulator)
    item = service.claim_next(timedelta(minutes=5))
    assert item is not None and item.token == token
    fetcher = FetchService(service.audit, service.reviewer)
    case = fetcher.fetch(provider(emulator), token, FetchMode.FULL)
    bundle = write_case_bundle(case, tmp_path / "bundle")
    on_disk = hashlib.sha256((bundle / MANIFEST_FILE).read_bytes()).hexdigest()
    assert evidence_of(case).sha256 == on_disk  # in memory and on disk: one fingerprint
    from_bundle = evidence_from_bundle(bundle)
    assert from_bundle.sha256 == on_disk
    approve = make_decision("approve", verdict="passed", reviewer="rita")
    done = service.decide(token, approve, from_bundle)
    [stored] = service.queue.history.decisions(token)  # type: ignore[attr-defined]
    assert (stored.id, stored.evidence_sha256) == (done.decision_id, on_disk)
    assert service.queue.get_item(token).state is QueueState.DECIDED


def test_a_decision_on_text_only_or_other_evidence_is_refused(
    service: QueueService, emulator: EmulatorServer
) -> None:
    token = batch_token("pass", 8)
    service.add([QueueEntry(token)], ORIGIN)
    run_triage(service, emulator)
    service.claim_next()
    fetcher = FetchService(service.audit, service.reviewer)
    text_only = fetcher.fetch(provider(emulator), token, FetchMode.TEXT_ONLY)
    approve = make_decision("approve", verdict="passed", reviewer="rita")
    with pytest.raises(RefusedError, match="full evidence"):
        service.decide(token, approve, evidence_of(text_only))
    other = fetcher.fetch(provider(emulator), batch_token("pass", 9), FetchMode.FULL)
    with pytest.raises(UsageError, match="evidence is of"):
        service.decide(token, approve, evidence_of(other))
    full = fetcher.fetch(provider(emulator), token, FetchMode.FULL)
    evidence = evidence_of(full)
    with pytest.raises(RefusedError, match="first decision was made on"):
        service.confirm(
            token,
            ConfirmOutcome.AGREE,
            evidence,
            first_evidence=evidence.sha256,
        )
    assert service.queue.get_item(token).state is QueueState.CLAIMED  # nothing changed


def test_a_tampered_bundle_is_no_evidence(
    service: QueueService, emulator: EmulatorServer, tmp_path: Path
) -> None:
    token = batch_token("pass", 10)
    fetcher = FetchService(service.audit, service.reviewer)
    case = fetcher.fetch(provider(emulator), token, FetchMode.FULL)
    bundle = write_case_bundle(case, tmp_path / "b")
    (bundle / "case.json").write_text("{}")
    with pytest.raises(Exception, match=r"manifest|changed") as caught:
        evidence_from_bundle(bundle)
    assert caught.value.exit_code == 5  # type: ignore[attr-defined]


def test_imports_read_lines_and_csv_and_refuse_bad_lines() -> None:
    entries = parse_queue_input("\ufeff{A}\n\n# a comment\n{B}\n")
    assert [e.token for e in entries] == ["{A}", "{B}"]
    csv_entries = parse_queue_input(
        "Token,created_at,priority\n{C},2026-05-09T08:00:00+08:00,3\n{D},,\n"
    )
    assert [(e.token, e.priority) for e in csv_entries] == [("{C}", 3), ("{D}", 0)]
    created = csv_entries[0].created_at
    assert created is not None and created.utcoffset() == timedelta(0) and created.hour == 0
    with pytest.raises(UsageError, match="line 2") as bad:
        parse_queue_input("{A}\nnot a token\n")
    assert "nothing was queued" in str(bad.value)
    with pytest.raises(UsageError, match="line 2: created_at"):
        parse_queue_input("token,created_at\n{E},yesterday\n")
    only = parse_queue_input("token\n{F}\n")
    assert [e.token for e in only] == ["{F}"]
    assert replace(only[0], priority=1).priority == 1


def test_two_fetches_of_one_token_never_share_a_fingerprint(
    service: QueueService, emulator: EmulatorServer
) -> None:
    fetcher = FetchService(service.audit, service.reviewer)
    token = batch_token("pass", 11)
    first = fetcher.fetch(provider(emulator), token, FetchMode.FULL)
    second = fetcher.fetch(provider(emulator), token, FetchMode.FULL)
    assert first.fetch_id != second.fetch_id
    assert evidence_of(first).sha256 != evidence_of(second).sha256  # even within one second
    assert evidence_of(first).sha256 == evidence_of(first).sha256
