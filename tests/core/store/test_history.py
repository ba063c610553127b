import json
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.decision import DecisionAction, make_decision
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.providers.detectinfo.payload import parse_payload
from iauth_desktop.core.store.sqlite.history import (
    SCHEMA_VERSION,
    CaseHistory,
    HistoryError,
    default_history_path,
)

T0 = datetime(2026, 1, 10, 8, 0, tzinfo=UTC)
SHA = "ab" * 32
# Unique canary values: they must never reach the history file.
CANARY_ID = "11010519491231731X"
CANARY_PHONE = "13912345678"


@dataclass(frozen=True)
class Head:
    seq: int
    sha256: str


class Clock:
    """A settable clock for the history's own timestamps (updated_at)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def make_case(
    token: str,
    *,
    name: str = "欧阳演示",
    yt: Any = 0,
    live: Any = 0,
    compare: Any = 0,
    fetched_at: datetime = T0,
    **extra: Any,
) -> ReviewCase:
    payload: dict[str, Any] = {
        "name": name,
        "ID": CANARY_ID,
        "phone": CANARY_PHONE,
        "ID_address": "广东省深圳市南山区演示路 1 号",
        "validatedata": "3344",
        "yt_errorcode": yt,
        "yt_errormsg": "通过" if yt == 0 else "比对失败",
        "livestatus": live,
        "livemsg": "OK",
        "comparestatus": compare,
        "comparemsg": "OK",
        "type": 0,
        **extra,
    }
    result = parse_payload(json.dumps(payload, ensure_ascii=False).encode())
    return ReviewCase(
        result=result,
        token=token,
        endpoint="https://iauth-sandbox.wecity.qq.com/new/cgi-bin/getdetectinfo.php",
        mode=FetchMode.TEXT_ONLY,  # no media here: completeness of evidence does not apply
        request={"info_type": 1},
        fetched_at=fetched_at,
        profile_name="sandbox",
    )


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def history(tmp_path: Path, clock: Clock) -> Iterator[CaseHistory]:
    with CaseHistory(tmp_path / "history.sqlite3", clock=clock) as opened:
        yield opened


def test_record_case_keeps_metadata(history: CaseHistory) -> None:
    summary = history.record_case(make_case("tok-A", yt=-1101), "amy", Head(3, SHA))
    assert summary.token == "tok-A"
    assert summary.fetched_at == T0
    assert summary.verdict == "failed"
    assert summary.failed_stages
    assert (summary.final_code, summary.final_message) == (-1101, "比对失败")
    assert (summary.liveness_code, summary.compare_code) == (0, 0)
    assert summary.masked_name == "欧***"
    assert summary.reviewer == "amy"
    assert summary.endpoint_host == "iauth-sandbox.wecity.qq.com"
    assert summary.profile_name == "sandbox"
    assert summary.audit_head is not None and summary.audit_head.seq == 3
    assert summary.audit_head.sha256 == SHA
    assert summary.latest_decision is None and summary.export_path is None
    assert history.get("tok-A") == summary
    assert history.get("missing") is None


@pytest.mark.parametrize(("name", "masked"), [("欧阳演示", "欧***"), ("张三", "张*"), ("", "")])
def test_masked_name(history: CaseHistory, name: str, masked: str) -> None:
    assert history.record_case(make_case("t", name=name), "amy", None).masked_name == masked


def test_incomplete_verdict_is_recorded(history: CaseHistory) -> None:
    assert history.record_case(make_case("t", yt=None), "amy", None).verdict == "incomplete"


def test_refetch_updates_the_case_but_keeps_notes_export_and_decisions(
    history: CaseHistory, clock: Clock, tmp_path: Path
) -> None:
    history.record_case(make_case("tok"), "amy", Head(1, SHA))
    history.set_notes("tok", "called the branch")
    history.set_export("tok", tmp_path / "tok.zip", Head(2, SHA))
    history.record_decision("tok", make_decision("escalate", verdict="passed", reviewer="amy"))
    clock.now = T0 + timedelta(hours=1)
    later = T0 + timedelta(hours=1)
    summary = history.record_case(make_case("tok", yt=3, fetched_at=later), "bob", None)
    assert summary.verdict == "failed" and summary.fetched_at == later
    assert summary.reviewer == "bob"
    assert summary.notes == "called the branch"
    assert summary.export_path == tmp_path / "tok.zip"
    assert summary.audit_head is not None and summary.audit_head.seq == 2  # None keeps the last
    assert summary.latest_decision is not None
    assert summary.updated_at == later and summary.created_at == T0


def test_set_export_and_notes_need_a_known_case(history: CaseHistory, tmp_path: Path) -> None:
    with pytest.raises(HistoryError, match="No case"):
        history.set_export("nope", tmp_path / "x.zip", None)
    with pytest.raises(HistoryError, match="No case"):
        history.set_notes("nope", "hello")


def test_bad_audit_head_is_refused(history: CaseHistory) -> None:
    with pytest.raises(HistoryError, match="audit head"):
        history.record_case(make_case("t"), "amy", Head(1, "not-a-hash"))
    assert history.get("t") is None


def test_search_by_text(history: CaseHistory) -> None:
    history.record_case(make_case("Token-ALPHA", name="欧阳演示"), "amy", None)
    history.record_case(make_case("token-beta", name="张三"), "amy", None)
    assert [s.token for s in history.search("alpha")] == ["Token-ALPHA"]
    assert [s.token for s in history.search("张")] == ["token-beta"]
    assert [s.token for s in history.search("欧*")] == ["Token-ALPHA"]
    assert history.search("欧阳") == []  # the full name is never stored
    assert history.search("zzz") == []
    assert len(history.search("TOKEN")) == 2
    assert len(history.search()) == 2


def test_search_by_latest_decision(history: CaseHistory) -> None:
    for token in ("a", "b", "c"):
        history.record_case(make_case(token), "amy", None)
    first = history.record_decision("a", make_decision("escalate", verdict="passed", reviewer="x"))
    change = make_decision("approve", verdict="passed", reviewer="x", supersedes=first.id)
    history.record_decision("a", change)
    history.record_decision("b", make_decision("escalate", verdict="passed", reviewer="x"))
    assert [s.token for s in history.search(decision=DecisionAction.APPROVE)] == ["a"]
    assert [s.token for s in history.search(decision=DecisionAction.ESCALATE)] == ["b"]
    assert history.search(decision=DecisionAction.REJECT) == []
    assert [s.token for s in history.search(decision="undecided")] == ["c"]


def test_search_by_date_range(history: CaseHistory) -> None:
    for day in range(5):
        history.record_case(
            make_case(f"day{day}", fetched_at=T0 + timedelta(days=day)), "amy", None
        )
    found = history.search(since=T0 + timedelta(days=1), until=T0 + timedelta(days=3))
    assert [s.token for s in found] == ["day2", "day1"]  # newest first; until is exclusive
    assert [s.token for s in history.search(since=T0 + timedelta(days=4))] == ["day4"]
    assert [s.token for s in history.search(until=T0 + timedelta(seconds=1))] == ["day0"]
    assert len(history.search(text="day", since=T0, limit=2)) == 2


def test_search_combines_filters(history: CaseHistory) -> None:
    history.record_case(make_case("x1", fetched_at=T0), "amy", None)
    history.record_case(make_case("x2", fetched_at=T0 + timedelta(days=2)), "amy", None)
    history.record_decision("x2", make_decision("escalate", verdict="passed", reviewer="x"))
    found = history.search("x", DecisionAction.ESCALATE, since=T0 + timedelta(days=1))
    assert [s.token for s in found] == ["x2"]
    assert history.search("x1", DecisionAction.ESCALATE) == []


def test_token_expiry_hint_on_the_summary(history: CaseHistory) -> None:
    summary = history.record_case(make_case("t"), "amy", None)
    assert not summary.token_likely_expired(T0 + timedelta(days=1))
    assert summary.token_likely_expired(T0 + timedelta(days=4))


def test_file_mode_wal_and_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "history.sqlite3"
    with CaseHistory(path) as history:
        history.record_case(make_case("t"), "amy", None)
        assert history.schema_version == SCHEMA_VERSION == 4
        files = sorted(path.parent.glob("history.sqlite3*"))
        assert [f.name[15:] for f in files] == ["", "-shm", "-wal"]
        for file in files:  # -wal and -shm follow the file
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()


def test_a_looser_existing_file_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    CaseHistory(path).close()
    path.chmod(0o644)
    CaseHistory(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_reopening_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with CaseHistory(path) as history:
        history.record_case(make_case("keep"), "amy", Head(5, SHA))
        recorded = history.record_decision(
            "keep", make_decision("reject", verdict="passed", reason="poor_quality", reviewer="a")
        )
        before = history.get("keep")
    with CaseHistory(path) as reopened:
        assert reopened.get("keep") == before
        assert reopened.decisions("keep") == [recorded]
        assert reopened.schema_version == SCHEMA_VERSION


def test_default_path_is_in_the_data_dir(isolated_dirs: dict[str, Path]) -> None:
    assert default_history_path() == isolated_dirs["data"] / "history.sqlite3"
    with CaseHistory() as history:
        assert history.path == isolated_dirs["data"] / "history.sqlite3"
    assert history.path.is_file()


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    CaseHistory(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(HistoryError, match="newer"):
        CaseHistory(path)


def test_foreign_files_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE notes (x)")
    raw.close()
    with pytest.raises(HistoryError, match="not a case history"):
        CaseHistory(other)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(HistoryError, match="not a usable case history"):
        CaseHistory(junk)


def test_no_personal_data_in_the_database_files(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with CaseHistory(path) as history:
        case = make_case(
            "canary",
            yt=-1101,
            yt_errormsg=f"身份证 {CANARY_ID} 不一致",
            livemsg=f"tel {CANARY_PHONE}",
            validatedata="validate-canary-7731",
            undocumented_extra=f"extra {CANARY_ID}",
        )
        summary = history.record_case(case, "amy", None)
        assert "[number removed]" in summary.final_message
        history.record_decision(
            "canary",
            make_decision("reject", verdict="failed", reason="id_mismatch", reviewer="amy"),
        )
        files = sorted(path.parent.glob("history.sqlite3*"))
        assert any(f.name.endswith("-wal") for f in files)
        contents = b"".join(f.read_bytes() for f in files)
    contents += path.read_bytes()
    assert b"canary" in contents  # the token is there, so the grep can find things
    for secret in (CANARY_ID, CANARY_PHONE, "欧阳演示", "演示路", "validate-canary"):
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert secret.encode(encoding) not in contents, secret
    assert "欧***".encode() in contents
