"""What a FaceID fetch of an N MiB video costs through the SDK path (not a test).

    .venv/bin/python tests/benchmarks/bench_faceid.py [--size 50] [--runs 3] [--encrypted]

The FaceID emulator runs in its own process with ``--fault huge-video:N``; each run fetches the
``passed`` case in a fresh child process (``FaceIdProvider.fetch``: the SDK's call_json in its
worker thread, the answer parsed, media decoded). Reported per run: the fetch's own seconds, the
child's peak RSS (ru_maxrss) and its RSS after imports, the body's size, and the longest gap a
5 ms ticker thread saw while the fetch ran — how long the GIL was held at a stretch, i.e. how
long a GUI thread in the same process could not run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

CHILD = r"""
import json, resource, sys, threading, time
from iauth_desktop.core.config.credentials import Credentials
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.registry import get_spec
info = json.loads(sys.argv[1]); encrypted = sys.argv[2] == "1"
creds = Credentials(info["url"], info["secret_id"], info["secret_key"], None, None,
    provider="faceid", rule_id=info["rule_id"], rsa_public_key=info["service_public_key"],
    encryption="response" if encrypted else None)
provider = get_spec("faceid").connect(creds, ClientOptions())
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
gaps = []; stop = threading.Event()
def tick():
    last = time.perf_counter()
    while not stop.is_set():
        time.sleep(0.005); now = time.perf_counter(); gaps.append(now - last); last = now
ticker = threading.Thread(target=tick, daemon=True); ticker.start()
started = time.perf_counter()
outcome = provider.fetch(info["tokens"]["encrypted" if encrypted else "passed"], FetchMode.FULL)
seconds = time.perf_counter() - started
stop.set(); ticker.join()
video = outcome.result.video
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak": peak, "base": base,
    "body": outcome.response_bytes, "video": video.size if video else 0,
    "max_gap_ms": max(gaps) * 1000}))
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=50, help="video MiB")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--encrypted", action="store_true", help="whole-answer encryption")
    args = parser.parse_args()
    emulator = subprocess.Popen(
        [sys.executable, "-m", "iauth_desktop", "emulator", "--provider", "faceid",
         "--fault", f"huge-video:{args.size}"],
        stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        assert emulator.stdout is not None
        info = emulator.stdout.readline()
        runs = []
        for _ in range(args.runs + 1):  # the first primes the emulator's cache: not counted
            done = subprocess.run(
                [sys.executable, "-c", CHILD, info, "1" if args.encrypted else "0"],
                capture_output=True, text=True, check=True, timeout=600,
            )  # fmt: skip
            runs.append(json.loads(done.stdout))
        runs = runs[1:]
        for run in runs:
            print(
                f"fetch {run['seconds']:.2f} s  peak {run['peak']:.0f} MiB (after imports "
                f"{run['base']:.0f})  body {run['body'] / 2**20:.1f} MiB  video "
                f"{run['video'] / 2**20:.1f} MiB  longest GIL hold {run['max_gap_ms']:.0f} ms"
            )
        median = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(f"median: {json.dumps({k: round(v, 3) for k, v in median.items()})}")
    finally:
        emulator.terminate()
        emulator.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
