"""Ctrl+C in the terminal that started the console closes it cleanly (issue #17): the window
closes as its close button would, the fetch process (which gets the same SIGINT) stops through
its pipe, the command exits 0 — no KeyboardInterrupt traceback from a Qt slot or the worker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def test_ctrl_c_closes_the_console_without_a_traceback(tmp_path: Path) -> None:
    folders = {"IAUTH_CONFIG_DIR": str(tmp_path / "config"), "IAUTH_DATA_DIR": str(tmp_path / "d")}
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **folders}
    console = subprocess.Popen(
        [sys.executable, "-m", "iauth_desktop", "--demo"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=env, start_new_session=True,
    )  # fmt: skip
    try:
        time.sleep(4)  # painted, settled, the fetch process started (a second after the paint)
        assert console.poll() is None, console.communicate()[1][-2000:]
        os.killpg(console.pid, signal.SIGINT)  # as the terminal sends it: to the whole group
        _out, err = console.communicate(timeout=20)
    finally:
        if console.poll() is None:
            os.killpg(console.pid, signal.SIGKILL)
            console.wait()
    text = err.decode("utf-8", "replace")
    assert console.returncode == 0, text[-2000:]
    assert "Traceback" not in text and "KeyboardInterrupt" not in text, text[-2000:]
