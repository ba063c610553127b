"""The command line's output read by a pipe that closes early, as `| head` does."""

from __future__ import annotations

import os
import subprocess
import sys

from iauth_desktop.core.audit.log import AuditLog


def test_audit_show_into_head_ends_quietly() -> None:
    """`audit show | head` ended in a BrokenPipeError traceback."""
    log = AuditLog.default()
    for n in range(3000):
        log.append("reveal", "alice", token=f"{{T{n}}}", field="ID")
    shell = f"{sys.executable} -m iauth_desktop audit show | head -n 1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", shell],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
        env=dict(os.environ),
    )
    assert done.stdout.startswith("#1 ") and done.stdout.count("\n") == 1
    assert done.stderr == ""  # no traceback, no "Exception ignored"
    assert done.returncode in (0, 141)  # 141 = 128 + SIGPIPE, as `cat | head` under pipefail
