"""``iauth-desktop fetch``: fetch one verification, write its evidence bundle, print the verdict."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from iauth_desktop.commands.common import add_connection_options, credentials_from
from iauth_desktop.commands.detectinfo.options import (
    add_crypt_type_options,
    add_fetch_mode_option,
    mode_from_args,
)
from iauth_desktop.commands.faceid.options import (
    add_faceid_options,
    add_provider_option,
    faceid_mode,
    refuse_faceid_options,
    refuse_legacy_options,
)
from iauth_desktop.commands.terminal import raw_stream
from iauth_desktop.core.allocator import recycle_freed_memory
from iauth_desktop.core.evidence.bundle import check_bundle_target, write_case_bundle
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.decision import default_reviewer
from iauth_desktop.core.model.errors import IauthError
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.registry import get_spec
from iauth_desktop.core.review.fetching import FetchService
from iauth_desktop.core.review.summary import case_json, error_json
from iauth_desktop.core.store.select import open_audit_trail

JSON_ERROR_EXITS = (3, 4, 5)


def add_fetch_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("fetch", help="fetch a verification by token into an evidence bundle")
    parser.add_argument(
        "token", help="the token the verification produced, braces included (FaceID: its biz token)"
    )
    add_provider_option(parser)
    add_fetch_mode_option(parser)
    add_crypt_type_options(parser)
    add_faceid_options(parser)
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="DIR",
        help="folder to write the evidence bundle to",
    )
    parser.add_argument("--force", action="store_true", help="replace a non-empty --out folder")
    parser.add_argument(
        "--report",
        type=Path,
        metavar="FILE.pdf",
        help="also write the PDF case report of the bundle",
    )
    parser.add_argument(
        "--form", action="store_true", help="send the body form-encoded instead of JSON"
    )
    parser.add_argument(
        "--deadline",
        type=float,
        default=ClientOptions.total_timeout,
        metavar="SECONDS",
        help="give up (exit 4) when the whole fetch takes longer "
        f"(default {ClientOptions.total_timeout:g} s, enough for a 50 MiB video on a slow link)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object (the case, or the error on exit 3, 4, 5) instead of a line",
    )
    add_connection_options(parser)
    # nothing is left open when it returns: the process may end without tearing down
    parser.set_defaults(handler=run_fetch, exit_at_once=True)


class ProgressLine:
    """A one-line progress bar on a terminal; silent when stderr is not one."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = raw_stream(stream)  # its "\r" is ours; the numbers are our own too
        self._enabled = stream.isatty()
        self._shown = -1

    def __call__(self, received: int, total: int | None) -> None:
        if not self._enabled:
            return
        mib = received / 1048576
        step = int(mib * 10)
        if step == self._shown:
            return
        self._shown = step
        if total:
            share = received / total
            bar = "#" * int(share * 30)
            text = f"\r[{bar:<30}] {mib:7.1f} / {total / 1048576:.1f} MiB"
        else:
            text = f"\r{mib:7.1f} MiB received"
        self._stream.write(text)
        self._stream.flush()

    def close(self) -> None:
        if self._enabled and self._shown >= 0:
            self._stream.write("\n")
            self._stream.flush()
            self._shown = -1


def run_fetch(args: argparse.Namespace) -> int:
    if not args.json:
        return _fetch(args)
    try:
        return _fetch(args)
    except IauthError as exc:
        if exc.exit_code in JSON_ERROR_EXITS:  # the human message still goes to stderr
            print(json.dumps(error_json(exc), ensure_ascii=False))
        raise


def _fetch(args: argparse.Namespace) -> int:
    check_bundle_target(args.out, force=args.force)  # before anything is fetched
    recycle_freed_memory()
    creds = credentials_from(args, need_sign=True, need_decrypt=True)
    options = ClientOptions(
        body_encoding="form" if args.form else "json", total_timeout=args.deadline
    )
    if creds.provider == "faceid":
        refuse_legacy_options(args)
        mode = faceid_mode(args)
    else:
        refuse_faceid_options(args)
        mode = mode_from_args(args)
    provider = get_spec(creds.provider).connect(creds, options)
    service = FetchService(open_audit_trail())
    progress = ProgressLine(sys.stderr)
    written: list[Path] = []

    def keep(case: ReviewCase) -> None:
        progress.close()
        written.append(write_case_bundle(case, args.out, force=args.force))

    try:
        case = service.fetch(
            provider,
            args.token,
            mode,
            profile_name=creds.profile_name,
            progress=progress,
            keep=keep,
        )
    finally:
        progress.close()
    verdict = case.result.verdict
    if args.json:
        print(json.dumps(case_json(case, written[0]), ensure_ascii=False))
    else:
        print(f"{verdict.summary} — evidence bundle written to {written[0]}")  # starts with status
    if args.report is not None:
        from iauth_desktop.commands.report import write_audited_report  # noqa: PLC0415

        report = write_audited_report(
            written[0], args.report, reviewer=default_reviewer(), force=args.force
        )
        if not args.json:
            print(f"case report written to {report.path} ({report.pages} pages)")
    return 0
