"""``iauth-desktop report BUNDLE_DIR --out FILE.pdf [--full-ids]`` in a child process."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from iauth_desktop.core.evidence.bundle import read_bundle
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.decision import make_decision, superseding
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.store.sqlite.history import CaseHistory
from tests.report.demo_cases import FETCHED_AT, FULL_ID, FULL_PHONE, MASKED_ID, demo_bundle
from tests.report.poppler import flat, pdf_text


def run_report(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command must choose offscreen by itself
    return subprocess.run(
        [sys.executable, "-m", "iauth_desktop", "report", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=90,
        check=False,
    )


def audit_entries() -> list[dict[str, object]]:
    log = Path(os.environ["IAUTH_DATA_DIR"]) / "audit.jsonl"
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def test_full_ids_report_is_written_and_audited(tmp_path: Path) -> None:
    bundle = demo_bundle(tmp_path)
    out = tmp_path / "case.pdf"
    done = run_report(str(bundle), "--out", str(out), "--full-ids", "--reviewer", "bob")
    assert done.returncode == 0, done.stderr
    assert "FULL identity numbers" in done.stdout
    assert done.stderr == ""  # no Qt or FFmpeg chatter on the terminal
    text = pdf_text(out)
    assert FULL_ID in text
    assert FULL_PHONE in text
    assert MASKED_ID not in text
    assert "No decision recorded" in text
    # the empty log's head when printed (the wider GB 18030 font wraps the hash: compare flat)
    assert flat("entry 0 · SHA-256 " + "0" * 64) in flat(text)
    assert out.stat().st_mode & 0o777 == 0o600
    [entry] = audit_entries()
    assert entry["event"] == "report"
    assert entry["reviewer"] == "bob"
    assert entry["data"] == {
        "token": "{C2E929B9-A3B5-5E6A-9A15-B7615A21A7B7}",
        "path": str(out.resolve()),
        "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
        "full_ids": True,
        "pages": entry["data"]["pages"],  # type: ignore[index]
    }


def test_tampered_bundle_exits_5_and_writes_nothing(tmp_path: Path) -> None:
    bundle = demo_bundle(tmp_path)
    case = bundle / "case.json"
    case.write_text(case.read_text(encoding="utf-8").replace("欧阳演示", "欧阳改名"), "utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    done = run_report(str(bundle), "--out", str(out_dir / "case.pdf"))
    assert done.returncode == 5
    assert "case.json" in done.stderr
    assert list(out_dir.iterdir()) == []
    assert not (Path(os.environ["IAUTH_DATA_DIR"]) / "audit.jsonl").exists()


def test_existing_output_is_not_replaced_without_force(tmp_path: Path) -> None:
    bundle = demo_bundle(tmp_path)
    out = tmp_path / "case.pdf"
    out.write_bytes(b"an older report")
    done = run_report(str(bundle), "--out", str(out))
    assert done.returncode == 2
    assert "already exists" in done.stderr
    assert out.read_bytes() == b"an older report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundle-pass", "case.pdf"]


def test_decision_comes_from_the_case_history(tmp_path: Path) -> None:
    bundle = demo_bundle(tmp_path)
    loaded = read_bundle(bundle)
    case = ReviewCase(loaded.result(), loaded.token, loaded.endpoint, FetchMode.FULL, FETCHED_AT)
    first = make_decision("escalate", verdict="passed", notes="second opinion", reviewer="carol")
    with CaseHistory() as history:
        history.record_case(case, "carol", None)
        recorded = history.record_decision(loaded.token, first)
        change = make_decision(
            "reject", verdict="passed", reason="id_expired", notes="expired card", reviewer="dan"
        )
        history.record_decision(loaded.token, superseding(recorded, change))
    out = tmp_path / "case.pdf"
    done = run_report(str(bundle), "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert "Reject 拒绝" in text
    assert "ID expired 证件过期" in text
    assert "expired card" in text
    assert f"decision #{recorded.id}" in text  # the change names what it replaces
    assert "Escalate" not in text
    assert [e["data"]["full_ids"] for e in audit_entries()] == [False]  # type: ignore[index]
