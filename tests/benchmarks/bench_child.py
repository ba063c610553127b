"""One measured client, run by bench_fetch.py in a fresh process so its ``ru_maxrss`` is its own.

    python bench_child.py iauth|floor TOKEN [--cprofile FILE] [--tracemalloc FILE]

Endpoint and credentials come from IAUTH_ENDPOINT / IAUTH_APPID / IAUTH_SECRET_KEY /
IAUTH_AES_KEY (never argv). Prints one JSON line: fetch_s (the timed section: sign, request,
receive, decode — no interpreter start-up, no imports), body_bytes, media sizes, the video's
SHA-256 (computed after the clock stops), and the RSS after imports and at the end.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

MEDIA_FIELDS = ("frontpic", "backpic", "videopic1", "videopic2", "videopic3", "video")


def sign(appid: str, secret: str, now: int, expire: int = 600) -> str:
    """The integration document's signature, written out as its NodeJS reference code does."""
    original = f"a={appid}&m=getdetectinfo&t={now}&e={expire}".encode()
    digest = hmac.new(secret.encode(), original, hashlib.sha1).digest()
    return base64.b64encode(digest + original).decode("ascii")


def _maxrss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _current_rss_kib() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def fetch_floor(endpoint: str, appid: str, secret: str, aes_key: str, token: str) -> dict[str, Any]:
    """The naive pipeline: whole body with requests, Base64, AES-ECB, JSON, media Base64."""
    import requests
    from Crypto.Cipher import AES

    def run() -> dict[str, Any]:
        response = requests.post(
            endpoint,
            json={"token": token, "appid": appid, "info_type": 0},
            headers={"signature": sign(appid, secret, int(time.time()))},
            timeout=(10, 300),
        )
        response.raise_for_status()
        body = response.content
        envelope = json.loads(body)
        if envelope["errorcode"] != 0:
            raise RuntimeError(f"errorcode {envelope['errorcode']}")
        plain = AES.new(aes_key.encode(), AES.MODE_ECB).decrypt(base64.b64decode(envelope["data"]))
        result = json.loads(plain[: -plain[-1]])
        media = {f: base64.b64decode(result[f]) for f in MEDIA_FIELDS if f in result}
        return {"body_bytes": len(body), "media": media, "yt_errorcode": result.get("yt_errorcode")}

    return _timed(run)


def fetch_iauth(endpoint: str, appid: str, secret: str, aes_key: str, token: str) -> dict[str, Any]:
    """The product's library call: DetectInfoClient(...).fetch(token, 0)."""
    from iauth_desktop.core.model.result import Stage
    from iauth_desktop.core.providers.detectinfo.client import DetectInfoClient

    def run() -> dict[str, Any]:
        client = DetectInfoClient(endpoint, appid, secret, aes_key)
        outcome = client.fetch(token, 0)
        result = outcome.result
        media = {f: item.data for f, item in result.media.items() if item.data is not None}
        return {
            "body_bytes": outcome.response_bytes,
            "media": media,
            "yt_errorcode": (final := result.stage(Stage.FINAL)) and final.code,
        }

    return _timed(run)


_PROFILE: dict[str, Any] = {}


class _PeakSampler:
    """tracemalloc keeps only the peak's size: snapshot whenever traced memory reaches a new high.

    A thread polls every few ms, so the snapshot is taken near (not exactly at) the peak, and only
    when the fetching thread releases the GIL (socket reads, most big C calls).
    """

    def __init__(self, frames: int, out: str) -> None:
        import threading
        import tracemalloc

        self._out = out
        self._stop = threading.Event()
        self._best: tuple[int, Any] = (0, None)
        tracemalloc.start(frames)
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        import tracemalloc

        while not self._stop.wait(0.003):
            current, _ = tracemalloc.get_traced_memory()
            if current > self._best[0] + (1 << 20):
                self._best = (current, tracemalloc.take_snapshot())

    def report(self) -> None:
        import tracemalloc

        self._stop.set()
        self._thread.join()
        _, peak = tracemalloc.get_traced_memory()
        end = tracemalloc.take_snapshot()
        tracemalloc.stop()
        with open(self._out, "w") as out:
            out.write(f"traced peak {peak / 2**20:.1f} MiB\n")
            for title, snap in (("near the peak", self._best[1]), ("alive at the end", end)):
                if snap is None:
                    continue
                total = sum(s.size for s in snap.statistics("filename"))
                out.write(f"\n--- {title}: {total / 2**20:.1f} MiB traced ---\n")
                for stat in snap.statistics("traceback"):
                    if stat.size < (1 << 20):
                        break
                    out.write(f"{stat.size / 2**20:8.1f} MiB in {stat.count} blocks, from:\n")
                    for line in stat.traceback.format(most_recent_first=True)[:12]:
                        out.write(f"      {line}\n")


def _timed(run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    baseline_kib = _maxrss_kib()
    baseline_now_kib = _current_rss_kib()
    profiler = _PROFILE.get("cprofile")
    sampler = _PeakSampler(*_PROFILE["tracemalloc"]) if _PROFILE.get("tracemalloc") else None
    t0 = time.perf_counter()
    if profiler is not None:
        profiler.enable()
    out = run()
    if profiler is not None:
        profiler.disable()
    fetch_s = time.perf_counter() - t0
    peak_kib = _maxrss_kib()
    if sampler is not None:
        sampler.report()
    media = out.pop("media")
    video = media.get("video")
    out.update(
        fetch_s=fetch_s,
        media_bytes={f: len(data) for f, data in media.items()},
        video_sha256=hashlib.sha256(video).hexdigest() if video is not None else None,
        baseline_rss_kib=baseline_kib,
        baseline_current_rss_kib=baseline_now_kib,
        self_maxrss_kib=peak_kib,
    )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=("iauth", "floor"))
    parser.add_argument("token")
    parser.add_argument("--cprofile", metavar="FILE", help="write a cProfile of the timed section")
    parser.add_argument(
        "--tracemalloc",
        metavar="FILE",
        help="trace allocations (slow); write the largest near the peak to FILE",
    )
    parser.add_argument("--frames", type=int, default=12, help="tracemalloc frames kept")
    args = parser.parse_args()
    env = os.environ
    creds = (
        env["IAUTH_ENDPOINT"],
        env["IAUTH_APPID"],
        env["IAUTH_SECRET_KEY"],
        env["IAUTH_AES_KEY"],
    )
    if args.cprofile:
        import cProfile

        _PROFILE["cprofile"] = cProfile.Profile()
    if args.tracemalloc:
        _PROFILE["tracemalloc"] = (args.frames, args.tracemalloc)
    fetch = fetch_iauth if args.mode == "iauth" else fetch_floor
    out = fetch(*creds, args.token)
    if args.cprofile:
        _PROFILE["cprofile"].dump_stats(args.cprofile)
    print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
