"""At 150 % scaling the layout checks hold too (issue #17): the layout test runs again in a child
process with ``QT_SCALE_FACTOR=1.5`` — a 2560×1440 monitor (1707×960 device-independent pixels)
and a 1920×1080 one (1280×720) — in both languages, with the three cases and a FaceID one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_layout_holds_at_150_percent(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.update(
        QT_SCALE_FACTOR="1.5",
        IAUTH_LAYOUT_SIZES="1707x960,1280x720",
        IAUTH_LAYOUT_RATIO="1.5",
        IAUTH_CONFIG_DIR=str(tmp_path / "config"),
        IAUTH_DATA_DIR=str(tmp_path / "data"),
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
         "tests/ui/test_layout_fits.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr[-2000:]
    assert run.returncode == 0, run.stdout[-4000:]
    assert "8 passed" in summary, summary  # legacy and FaceID, 2 sizes, 2 languages
