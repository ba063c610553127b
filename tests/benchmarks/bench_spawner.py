"""A small, long-lived process that starts every measured child and reaps it with wait4().

Why not spawn from the harness itself: on Linux a child's ``ru_maxrss`` starts at its parent's
*peak* RSS (vfork + execve keeps the old mm's high-water mark in ``signal->maxrss``), so a harness
that ever held 100 MiB would make every child report at least 100 MiB. This process imports
little and never holds data, so its high-water mark (reported as ``spawner_hwm_kib``, about
10 MiB) stays below any real client's.

Protocol: one JSON request per stdin line {"cmd", "env", "cwd", "timeout", "stdout", "stderr"};
one JSON reply per stdout line {"exit", "maxrss_kib", "proc_s", "timed_out", "spawner_hwm_kib"}.
"""

import json
import os
import signal
import subprocess
import sys
import time


def _hwm_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def _kill_group(pid: int) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return
            time.sleep(0.05)


def _run(request: dict) -> dict:
    with open(request["stdout"], "wb") as out, open(request["stderr"], "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            request["cmd"],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=request["env"],
            cwd=request["cwd"],
            start_new_session=True,
        )
        try:
            return _reap(proc, start, time.monotonic() + request["timeout"])
        except BaseException:  # interrupted: the child must not outlive us
            _kill_group(proc.pid)
            raise


def _reap(proc: subprocess.Popen, start: float, deadline: float) -> dict:
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here
            return {
                "exit": proc.returncode,
                "maxrss_kib": usage.ru_maxrss,
                "proc_s": time.perf_counter() - start,
                "timed_out": False,
                "spawner_hwm_kib": _hwm_kib(),
            }
        if time.monotonic() >= deadline:
            _kill_group(proc.pid)
            proc.returncode = -9
            return {
                "exit": None,
                "maxrss_kib": 0,
                "proc_s": time.perf_counter() - start,
                "timed_out": True,
                "spawner_hwm_kib": _hwm_kib(),
            }
        time.sleep(0.002)


def main() -> int:
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        for line in sys.stdin:
            reply = _run(json.loads(line))
            sys.stdout.write(json.dumps(reply) + "\n")
            sys.stdout.flush()
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
