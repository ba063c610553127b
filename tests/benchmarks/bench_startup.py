"""Start-up benchmark: a bare interpreter, ``iauth-desktop --version``, ``iauth-desktop fetch
--help`` and the console's ``startup_ms`` (process start to the window's first paint, screenshot
mode) with ``--demo --open TOKEN`` (the demo starts its two emulators once painted) and with
``--endpoint URL --open TOKEN`` (an emulator already running, as a real service would be), side
by side in one run, with the machine and its load.

    python tests/benchmarks/bench_startup.py [--runs 5] [--baseline DIR] [--bytecode both]

Every figure is the median of ``--runs`` fresh processes (with the fastest and slowest beside
it). The command-line figures are wall-clock, spawn to exit, seen from here; the console's is the
program's own ``startup_ms``. Runs are interleaved (rotated order), so a burst of load from
another process lands on every column alike rather than on one.

Bytecode: ``cached`` runs with compiled modules kept in a private ``PYTHONPYCACHEPREFIX`` (an
installed wheel or the frozen bundle start that way; one unmeasured run fills it); ``none`` runs
with ``PYTHONDONTWRITEBYTECODE=1``, so this project's modules are compiled on every start (what a
source checkout does in an environment that sets it, as this sandbox does).

``--baseline DIR`` adds the same rows for another source tree (a checkout's root, with
``iauth_desktop/`` and ``resources/``), run through ``PYTHONPATH`` with the same interpreter and
packages: before and after, measured together.

Targets: console start-up <= 500 ms (median, bytecode cached, ``--endpoint``; issue #17 asks
the same of ``--demo``, which is reported beside it); ``--version`` within 50 ms of a bare
interpreter. Exit 0 when both are met by this tree, 3 otherwise, 1 when a run failed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

CONSOLE_TARGET_MS = 500
VERSION_OVER_BARE_MS = 50
CASES = ("bare", "version", "fetch_help", "console", "console_endpoint")
HEADINGS = {
    "bare": "python -c pass",
    "version": "--version",
    "fetch_help": "fetch --help",
    "console": "console --demo",
    "console_endpoint": "console --endpoint",
}
DEMO_PASS_TOKEN_NAME = "pass"


@dataclass
class Row:
    tree: str  # "this" or "baseline"
    bytecode: str  # "cached" or "none"
    source: Path | None  # PYTHONPATH for the baseline
    figures: dict[str, list[int]] = field(default_factory=lambda: {c: [] for c in CASES})


def machine_line() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cpus = os.cpu_count()
    return (
        f"{cpus} CPU{'s' if cpus != 1 else ''}{f' ({model})' if model else ''}, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def load_text() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def demo_token(python: str, env: dict[str, str]) -> str:
    """The demo emulator's ``pass`` case (a fixed token), asked of the tree being measured."""
    code = (
        "from iauth_desktop.emulator.detectinfo.demo import CASE_TOKENS;"
        f"print(CASE_TOKENS[{DEMO_PASS_TOKEN_NAME!r}])"
    )
    done = subprocess.run(
        [python, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(env["IAUTH_DATA_DIR"]).parent,  # not this checkout, which `-c` would import
        check=True,
        timeout=60,
    )
    return done.stdout.strip()


def environment(row: Row, scratch: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("IAUTH_") and k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["IAUTH_CONFIG_DIR"] = str(scratch / "config")
    env["IAUTH_DATA_DIR"] = str(scratch / "data")
    if row.source is not None:
        env["PYTHONPATH"] = str(row.source)
    if row.bytecode == "none":
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    else:
        env["PYTHONPYCACHEPREFIX"] = str(scratch / f"pyc-{row.tree}")
    return env


class Emulator:
    """The tree's own emulator in its own process, for ``--endpoint`` (its greeting: the URL and
    the demo credentials, passed to the console in the environment)."""

    def __init__(self, python: str, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [python, "-m", "iauth_desktop", "emulator"],
            stdout=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env,
            cwd=Path(env["IAUTH_DATA_DIR"]).parent,
        )
        assert self.process.stdout is not None
        info = json.loads(self.process.stdout.readline())
        self.env = {
            **env,
            "IAUTH_ENDPOINT": info["url"],
            "IAUTH_APPID": info["appid"],
            "IAUTH_SECRET_KEY": info["secret_key"],
            "IAUTH_AES_KEY": info["aes_key"],
        }

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()


def command(case: str, python: str, token: str, shot: Path) -> list[str]:
    program = [python, "-m", "iauth_desktop"]
    if case == "bare":
        return [python, "-c", "pass"]
    if case == "version":
        return [*program, "--version"]
    if case == "fetch_help":
        return [*program, "fetch", "--help"]
    if case == "console_endpoint":  # IAUTH_ENDPOINT and the keys come from the environment
        return [*program, "--open", token, "--screenshot", str(shot)]
    return [*program, "--demo", "--open", token, "--screenshot", str(shot)]


def run_once(case: str, python: str, env: dict[str, str], token: str, shot: Path) -> int:
    started = time.perf_counter()
    done = subprocess.run(
        command(case, python, token, shot),
        capture_output=True,
        text=True,
        env=env,
        cwd=shot.parent,  # never this checkout: `-m` would import from it, not from PYTHONPATH
        timeout=180,
        check=False,
    )
    wall_ms = round((time.perf_counter() - started) * 1000)
    if done.returncode != 0:
        raise RuntimeError(f"{case} exited {done.returncode}: {done.stderr[-800:]}")
    if not case.startswith("console"):
        return wall_ms
    figures: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    return int(figures["startup_ms"])


def cell(values: list[int]) -> str:
    return f"{int(statistics.median(values))} ({min(values)}–{max(values)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--baseline", type=Path, metavar="DIR", help="another source tree")
    parser.add_argument("--bytecode", choices=("cached", "none", "both"), default="both")
    args = parser.parse_args()
    modes = ("cached", "none") if args.bytecode == "both" else (args.bytecode,)
    rows = [Row("this", mode, None) for mode in modes]
    if args.baseline is not None:
        base = args.baseline.resolve()
        if not (base / "iauth_desktop" / "cli.py").is_file():
            parser.error(f"{base} holds no iauth_desktop/cli.py")
        rows += [Row("baseline", mode, base) for mode in modes]

    load_before = load_text()
    with tempfile.TemporaryDirectory(prefix="iauth-bench-startup-") as scratch_name:
        scratch = Path(scratch_name)
        envs = [environment(row, scratch) for row in rows]
        tokens = [demo_token(args.python, env) for env in envs]
        shot = scratch / "shot.png"
        emulators = [Emulator(args.python, env) for env in envs]

        def env_for(index: int, case: str) -> dict[str, str]:
            return emulators[index].env if case == "console_endpoint" else envs[index]

        try:
            for index, row in enumerate(rows):
                if row.bytecode == "cached":  # fill the cache: one unmeasured run of each
                    for case in CASES:
                        run_once(case, args.python, env_for(index, case), tokens[index], shot)
            tasks = [(i, case) for i in range(len(rows)) for case in CASES]
            for run in range(args.runs):
                shift = run % len(tasks)
                for index, case in tasks[shift:] + tasks[:shift]:
                    value = run_once(case, args.python, env_for(index, case), tokens[index], shot)
                    rows[index].figures[case].append(value)
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            print(f"bench_startup: {exc}", file=sys.stderr)
            return 1
        finally:
            for emulator in emulators:
                emulator.stop()
    load_after = load_text()

    print(
        f"iauth-desktop start-up, median of {args.runs} runs in ms (fastest–slowest); "
        "command line: spawn to exit; console: its startup_ms (process start to first paint, "
        "screenshot mode, offscreen; --demo starts its two emulators once painted, --endpoint has "
        "one running already)"
    )
    print(f"machine: {machine_line()}")
    print(f"load average (1, 5, 15 min): {load_before} before, {load_after} after")
    if args.baseline is not None:
        print(f"baseline: {args.baseline.resolve()}")
    header = f"{'tree':<9} {'bytecode':<9}" + "".join(f" {HEADINGS[c]:>19}" for c in CASES)
    print(header)
    for row in rows:
        print(
            f"{row.tree:<9} {row.bytecode:<9}"
            + "".join(f" {cell(row.figures[c]):>19}" for c in CASES)
        )

    judged = next(r for r in rows if r.tree == "this" and r.bytecode == modes[0])
    console = int(statistics.median(judged.figures["console_endpoint"]))
    demo = int(statistics.median(judged.figures["console"]))
    over_bare = int(
        statistics.median(judged.figures["version"]) - statistics.median(judged.figures["bare"])
    )
    console_ok = console <= CONSOLE_TARGET_MS
    version_ok = over_bare <= VERSION_OVER_BARE_MS
    print(
        f"{'PASS' if console_ok else 'MISS'}  console window in {console} ms with --endpoint, "
        f"{demo} ms with --demo (bytecode {judged.bytecode}; target <= {CONSOLE_TARGET_MS} ms "
        "with --endpoint)"
    )
    print(
        f"{'PASS' if version_ok else 'MISS'}  --version {over_bare} ms over a bare interpreter "
        f"(target <= {VERSION_OVER_BARE_MS} ms)"
    )
    return 0 if console_ok and version_ok else 3


if __name__ == "__main__":
    sys.exit(main())
