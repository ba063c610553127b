"""Separate processes appending at once still produce one valid chain."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

from iauth_desktop.core.audit.log import AuditLog

WRITERS = 4
APPENDS = 50

WRITER = """
import sys, time
from pathlib import Path
from iauth_desktop.core.audit.log import AuditLog

log_path, gate, name = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
count, writers = int(sys.argv[4]), int(sys.argv[5])
(gate / name).touch()
deadline = time.monotonic() + 30  # a barrier: start together so the appends really overlap
while len(list(gate.iterdir())) < writers and time.monotonic() < deadline:
    time.sleep(0.0005)
log = AuditLog(log_path)
for n in range(count):
    log.append("reveal", name, token="{" + name + "-" + str(n) + "}", field="ID")
    time.sleep(0.001)
"""


def test_four_processes_appending_at_once_make_one_valid_chain(tmp_path: Path) -> None:
    path = tmp_path / "data" / "audit.jsonl"
    gate = tmp_path / "gate"
    gate.mkdir()
    args = [str(path), str(gate)]
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, *args, f"w{i}", str(APPENDS), str(WRITERS)])
        for i in range(WRITERS)
    ]
    assert [w.wait(timeout=60) for w in writers] == [0] * WRITERS

    log = AuditLog(path)
    report = log.verify()
    assert report.ok, report.problem
    assert report.entries == WRITERS * APPENDS and report.notes == ()
    entries = log.entries()
    assert [e.seq for e in entries] == list(range(1, WRITERS * APPENDS + 1))
    for i in range(WRITERS):
        mine = [e.data["token"] for e in entries if e.reviewer == f"w{i}"]
        assert mine == [f"{{w{i}-{n}}}" for n in range(APPENDS)]  # each writer's own order
    interleaved = sum(a.reviewer != b.reviewer for a, b in itertools.pairwise(entries))
    assert interleaved > WRITERS  # the writers did overlap
