"""End-to-end fetch benchmark: iauth (library, CLI) against the naive floor and a Node client.

    /work/venv/bin/python tests/benchmarks/bench_fetch.py [--sizes 1,10,50] [--runs 3]

For each size N (MiB of video) one emulator process serves ``--fault huge-video:N`` on loopback;
every measured client runs in a fresh child process, so the peak RSS read with wait4() is its own.
Clients per run are interleaved (rotated order). See README.md beside this file.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_emulator import Emulator, prime
from bench_proc import ChildResult, Spawner

HERE = Path(__file__).resolve().parent
CLIENTS = ("iauth", "cli", "floor", "node")
MIB = 1 << 20
TARGET_SIZE = 50


@dataclass
class Samples:
    runs: list[ChildResult] = field(default_factory=list)

    def ok(self) -> list[ChildResult]:
        return [r for r in self.runs if r.ok]

    def median(self, attr: str) -> float | None:
        values = [getattr(r, attr) for r in self.ok() if getattr(r, attr) is not None]
        return statistics.median(values) if values else None


def _python_cmd() -> list[str]:
    return [sys.executable, str(HERE / "bench_child.py")]


def _cli_cmd() -> list[str]:
    script = Path(sys.executable).parent / "iauth-desktop"
    return [str(script)] if script.exists() else [sys.executable, "-m", "iauth_desktop"]


def _command(client: str, emu: Emulator, work: Path, run: int, node: str) -> list[str]:
    if client in ("iauth", "floor"):
        return [*_python_cmd(), client, emu.token]
    if client == "cli":
        return [*_cli_cmd(), "fetch", emu.token, "--out", str(work / f"bundle-{run}")]
    return [node, str(HERE / "node_client.js"), emu.url, emu.appid, emu.token]


def _cli_check(result: ChildResult, out: Path) -> None:
    """The CLI prints no figures: read the bundle it wrote, then delete it."""
    videos = sorted(out.glob("video.*")) if out.is_dir() else []
    if result.ok and videos:
        import hashlib

        with videos[0].open("rb") as video:  # in pieces: this process must stay small
            digest = hashlib.file_digest(video, "sha256")
        result.info["media_bytes"] = {"video": videos[0].stat().st_size}
        result.info["video_sha256"] = digest.hexdigest()
    elif result.ok:
        result.ok = False
        result.error = f"no video.* in the bundle at {out}"
    shutil.rmtree(out, ignore_errors=True)


def measure_size(
    size: float, args: argparse.Namespace, clients: list[str], spawner: Spawner
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="iauth-bench-") as tmp:
        work = Path(tmp)
        home = work / "home"
        home.mkdir()
        with Emulator(size, timeout=args.start_timeout, python=sys.executable) as emu:
            body_bytes = prime(emu, timeout=args.timeout)
            # bytecode kept (in a private prefix) as an installed wheel or the frozen bundle
            # has it: a developer's PYTHONDONTWRITEBYTECODE=1 would compile every module on
            # every start and bill that to the CLI
            env = {
                **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
                "PYTHONPYCACHEPREFIX": str(work / "pyc"),
                "IAUTH_ENDPOINT": emu.url,
                "IAUTH_APPID": emu.appid,
                "IAUTH_SECRET_KEY": emu.secret_key,
                "IAUTH_AES_KEY": emu.aes_key,
                "IAUTH_CONFIG_DIR": str(home / "config"),
                "IAUTH_DATA_DIR": str(home / "data"),
                "NO_PROXY": "127.0.0.1,localhost",
            }
            samples = {c: Samples() for c in clients}
            for client in clients:  # one untimed run each: bytecode written, caches warm
                if client != "node":
                    spawner.run(_command(client, emu, work, -1, args.node), env=env,
                                timeout=args.timeout, cwd=work)  # fmt: skip
            for run in range(args.runs):
                order = clients[run % len(clients) :] + clients[: run % len(clients)]
                for client in order:
                    cmd = _command(client, emu, work, run, args.node)
                    result = spawner.run(cmd, env=env, timeout=args.timeout, cwd=work)
                    if client == "cli":
                        _cli_check(result, work / f"bundle-{run}")
                    samples[client].runs.append(result)
                    _progress(size, run, client, result)
    return {"size": size, "body_bytes": body_bytes, "samples": samples}


def _progress(size: float, run: int, client: str, r: ChildResult) -> None:
    state = "ok" if r.ok else f"FAILED: {r.error}"
    fetch = f"{r.fetch_s:.3f}s" if r.fetch_s is not None else "-"
    print(
        f"  [{size:g} MiB run {run + 1}] {client:<5} fetch {fetch} proc {r.proc_s:.3f}s "
        f"peak {r.maxrss_kib / 1024:.0f} MiB {state}",
        file=sys.stderr,
        flush=True,
    )


def _check_agreement(measured: dict[str, Any]) -> list[str]:
    """Every client must have decoded the same video: a fast wrong answer is no answer."""
    problems = []
    hashes = {}
    for client, samples in measured["samples"].items():
        for r in samples.runs:
            if not r.ok:
                problems.append(f"{measured['size']:g} MiB {client}: {r.error}")
            elif r.info.get("video_sha256"):
                hashes.setdefault(r.info["video_sha256"], set()).add(client)
    if len(hashes) > 1:
        problems.append(f"{measured['size']:g} MiB: clients disagree on the video: {hashes}")
    return problems


def _fmt(value: float | None, spec: str) -> str:
    if value is None:
        width = spec.split(".", maxsplit=1)[0]
        return format("-", f">{width}") if width else "-"
    return format(value, spec)


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or b == 0 else a / b


def print_report(results: list[dict[str, Any]], runs: int) -> list[str]:
    print(
        f"\nmedian of {runs} run(s); fetch s = timed section inside the child (sign → decoded "
        "media), proc s = whole process incl. start-up; peak = ru_maxrss of the child; "
        "base = RSS after imports"
    )
    header = (
        f"{'video':>6} {'body MiB':>9} {'client':<6} {'fetch s':>8} {'proc s':>7} "
        f"{'peak MiB':>9} {'base MiB':>9} {'peak/body':>10}"
    )
    print(header)
    print("-" * len(header))
    verdicts = []
    for m in results:
        body = m["body_bytes"]
        med = {
            c: (
                s.median("fetch_s"),
                s.median("proc_s"),
                s.median("maxrss_kib"),
                s.median("baseline_kib"),
            )
            for c, s in m["samples"].items()
        }
        for client, (fetch, proc, peak, base) in med.items():
            peak_b = None if peak is None else peak * 1024
            print(
                f"{m['size']:>6g} {body / MIB:>9.1f} {client:<6} {_fmt(fetch, '8.3f')} "
                f"{_fmt(proc, '7.3f')} {_fmt(None if peak is None else peak / 1024, '9.1f')} "
                f"{_fmt(None if base is None else base / 1024, '9.1f')} "
                f"{_fmt(_ratio(peak_b, body), '10.2f')}"
            )
        iauth, node, floor = med.get("iauth"), med.get("node"), med.get("floor")
        cli = med.get("cli")
        command = _ratio(node[1], cli[1]) if cli and node else None
        speed = _ratio(node[0], iauth[0]) if iauth and node else None
        speed_proc = _ratio(node[1], iauth[1]) if iauth and node else None
        vs_floor = _ratio(iauth[0], floor[0]) if iauth and floor else None
        mem = _ratio(iauth[2] * 1024, body) if iauth and iauth[2] else None
        print(
            f"{'':>6} ratios: node/iauth speed {_fmt(speed, '.2f')}x "
            f"(whole process {_fmt(speed_proc, '.2f')}x), iauth/floor time "
            f"{_fmt(vs_floor, '.2f')}x, iauth peak RSS/body {_fmt(mem, '.2f')}x"
        )
        if command is not None:
            print(
                f"{'':>6} whole command (iauth-desktop fetch --out, bundle written and fsynced) "
                f"vs Node's whole process: {_fmt(command, '.2f')}x"
            )
        verdicts.append((m["size"], speed, vs_floor, mem, command))
    return _print_targets(verdicts)


def _print_targets(verdicts: list[tuple[float, Any, Any, Any, Any]]) -> list[str]:
    if not verdicts:
        return []
    chosen = [v for v in verdicts if v[0] == TARGET_SIZE] or [max(verdicts, key=lambda v: v[0])]
    size, speed, vs_floor, mem, command = chosen[0]
    note = "" if size == TARGET_SIZE else f" (no {TARGET_SIZE} MiB run: judged on {size:g} MiB)"
    print(f"\ntargets for the {size:g} MiB case{note}:")
    rows = [
        ("faster than Node", speed, 2.0, 3.0, ">="),
        ("time vs floor", vs_floor, 1.3, None, "<="),
        ("peak RSS / body", mem, 2.5, 1.5, "<="),
    ]
    if command is not None:  # only when the cli client ran
        rows.append(("command vs Node", command, 2.0, 2.5, ">="))
    misses = []
    for name, value, target, goal, op in rows:

        def met(limit: float, v: Any = value, op: str = op) -> bool:
            return v is not None and (v >= limit if op == ">=" else v <= limit)

        verdict = "PASS" if met(target) else "MISS"
        goal_met = "met" if met(goal or 0.0) else "not met"
        goal_text = "" if goal is None else f"; goal {op} {goal:g}x: {goal_met}"
        print(f"  {verdict}  {name:<17} {_fmt(value, '.2f')}x (target {op} {target:g}x{goal_text})")
        if verdict == "MISS":
            misses.append(name)
    return misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1,10,50", help="video sizes in MiB (default 1,10,50)")
    parser.add_argument("--runs", type=int, default=3, help="runs per client and size (median)")
    parser.add_argument(
        "--clients",
        default=",".join(CLIENTS),
        help=f"subset of {','.join(CLIENTS)} (cli is optional)",
    )
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per client run")
    parser.add_argument(
        "--start-timeout",
        type=float,
        default=180.0,
        help="seconds for the emulator to start and print its JSON line",
    )
    parser.add_argument("--node", default=shutil.which("node") or "/usr/bin/node")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write raw results here")
    args = parser.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
    clients = [c.strip() for c in args.clients.split(",") if c.strip()]
    if unknown := set(clients) - set(CLIENTS):
        parser.error(f"unknown clients: {', '.join(sorted(unknown))}")
    if args.runs < 1 or not sizes:
        parser.error("need at least one size and one run")
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # clean up as on Ctrl-C

    started = time.monotonic()
    results = []
    with Spawner(sys.executable) as spawner:
        for size in sizes:
            print(f"size {size:g} MiB ...", file=sys.stderr, flush=True)
            results.append(measure_size(size, args, clients, spawner))
    problems = [p for m in results for p in _check_agreement(m)]
    misses = print_report(results, args.runs)
    print(
        f"\ntotal {time.monotonic() - started:.0f} s; python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs; spawner high-water RSS {spawner.hwm_kib / 1024:.1f} MiB "
        "(no child can report less)"
    )
    for problem in problems:
        print(f"PROBLEM: {problem}")
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {
                        "size": m["size"],
                        "body_bytes": m["body_bytes"],
                        "runs": {c: [r.as_dict() for r in s.runs] for c, s in m["samples"].items()},
                    }
                    for m in results
                ],
                indent=2,
            )
        )
    return 1 if problems else (3 if misses else 0)


if __name__ == "__main__":
    sys.exit(main())
