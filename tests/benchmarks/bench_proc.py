"""Run one measured child through bench_spawner.py: bounded in time, its own ru_maxrss read."""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any


@dataclass
class ChildResult:
    ok: bool
    proc_s: float  # spawn to exit, as the parent saw it
    maxrss_kib: int  # ru_maxrss of this very child (wait4), KiB on Linux
    fetch_s: float | None = None  # the child's own timed section, when it reports one
    baseline_kib: int | None = None  # the child's ru_maxrss after its imports
    error: str | None = None
    info: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _tail(path: Path, limit: int = 600) -> str:
    text = path.read_text(errors="replace").strip()
    return text[-limit:].replace("\n", " | ")


class Spawner:
    """bench_spawner.py in its own process: see there why children are not spawned from here."""

    def __init__(self, python: str) -> None:
        self._python = python
        self._proc: subprocess.Popen[str] | None = None
        self.hwm_kib = 0

    def __enter__(self) -> Spawner:
        self._proc = subprocess.Popen(
            [self._python, str(Path(__file__).with_name("bench_spawner.py"))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        return self

    def __exit__(self, *exc_info: object) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        assert proc.stdin is not None
        proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.terminate()  # it kills the child it is waiting for, then exits
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def run(self, cmd: list[str], *, env: dict[str, str], timeout: float, cwd: Path) -> ChildResult:
        """Run ``cmd`` in a session of its own; the spawner kills its group after ``timeout``."""
        assert self._proc is not None
        assert self._proc.stdin is not None
        assert self._proc.stdout is not None
        with tempfile.TemporaryDirectory(prefix="iauth-bench-child-") as tmp:
            out_path, err_path = Path(tmp, "stdout"), Path(tmp, "stderr")
            request = {
                "cmd": cmd,
                "env": env,
                "cwd": str(cwd),
                "timeout": timeout,
                "stdout": str(out_path),
                "stderr": str(err_path),
            }
            self._proc.stdin.write(json.dumps(request) + "\n")
            self._proc.stdin.flush()
            line = _readline(self._proc.stdout, timeout + 30)
            reply = json.loads(line)
            self.hwm_kib = max(self.hwm_kib, reply["spawner_hwm_kib"])
            if reply["timed_out"]:
                return ChildResult(
                    False, reply["proc_s"], 0, error=f"timed out after {timeout:g} s"
                )
            result = ChildResult(reply["exit"] == 0, reply["proc_s"], reply["maxrss_kib"])
            if not result.ok:
                result.error = f"exit {reply['exit']}: {_tail(err_path)}"
            _read_report(result, out_path, err_path)
            return result


def _readline(stream: IO[str], timeout: float) -> str:
    with selectors.DefaultSelector() as sel:
        sel.register(stream, selectors.EVENT_READ)
        if not sel.select(timeout):
            raise TimeoutError(f"the spawner did not answer within {timeout:g} s")
    line = stream.readline()
    if not line:
        raise RuntimeError("the spawner exited")
    return line


def _read_report(result: ChildResult, out_path: Path, err_path: Path) -> None:
    """Children that report print one JSON line last; the CLI prints a verdict line instead."""
    lines = out_path.read_text(errors="replace").strip().splitlines()
    result.info["stderr_tail"] = _tail(err_path, 2000)
    if not lines:
        return
    try:
        report = json.loads(lines[-1])
    except json.JSONDecodeError:
        result.info["stdout_tail"] = lines[-1][:300]
        return
    if isinstance(report, dict):
        result.fetch_s = report.pop("fetch_s", None)
        result.baseline_kib = report.pop("baseline_rss_kib", None)
        result.info.update(report)
