"""Where the time and memory of one iauth (or floor) fetch go: cProfile and tracemalloc in a child.

    /work/venv/bin/python tests/benchmarks/profile_fetch.py [--size 50] [--mode iauth|floor]
        [--top 25] [--no-tracemalloc]

Starts one emulator (``--fault huge-video:N``), primes it, runs bench_child.py once under
cProfile (printing the top functions by own time and by cumulative time) and once under
tracemalloc (printing the traced peak and the largest blocks still alive when the fetch ends).
"""

from __future__ import annotations

import argparse
import os
import pstats
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_emulator import Emulator, prime
from bench_proc import Spawner

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=float, default=50.0, help="video MiB (default 50)")
    parser.add_argument("--mode", choices=("iauth", "floor"), default="iauth")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--no-tracemalloc", action="store_true")
    parser.add_argument("--frames", type=int, default=12, help="tracemalloc frames kept")
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="iauth-profile-") as tmp,
        Spawner(sys.executable) as spawner,
        Emulator(args.size, timeout=180.0, python=sys.executable) as emu,
    ):
        work = Path(tmp)
        body = prime(emu, timeout=args.timeout)
        env = {
            **os.environ,
            "IAUTH_ENDPOINT": emu.url,
            "IAUTH_APPID": emu.appid,
            "IAUTH_SECRET_KEY": emu.secret_key,
            "IAUTH_AES_KEY": emu.aes_key,
            "IAUTH_CONFIG_DIR": str(work / "config"),
            "IAUTH_DATA_DIR": str(work / "data"),
        }
        child = [sys.executable, str(HERE / "bench_child.py"), args.mode, emu.token]
        prof = work / "fetch.prof"
        result = spawner.run(
            [*child, "--cprofile", str(prof)], env=env, timeout=args.timeout, cwd=work
        )
        print(
            f"{args.mode} {args.size:g} MiB video, body {body / 2**20:.1f} MiB: fetch "
            f"{result.fetch_s} s under cProfile, peak RSS {result.maxrss_kib / 1024:.0f} MiB, "
            f"ok={result.ok} {result.error or ''}"
        )
        if prof.exists():
            stats = pstats.Stats(str(prof))
            stats.strip_dirs()
            for key in ("tottime", "cumulative"):
                print(f"\n=== top {args.top} by {key} ===")
                stats.sort_stats(key).print_stats(args.top)
        if not args.no_tracemalloc:
            report = work / "tracemalloc.txt"
            result = spawner.run(
                [*child, "--tracemalloc", str(report), "--frames", str(args.frames)],
                env=env,
                timeout=args.timeout,
                cwd=work,
            )
            print(
                f"\n=== tracemalloc ({args.frames} frames; ok={result.ok} {result.error or ''}) ==="
            )
            if report.exists():
                print(report.read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
