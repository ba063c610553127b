"""``iauth-desktop sign``: make a signature, or inspect one somebody else made."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime

from iauth_desktop.commands.common import add_connection_options, credentials_from
from iauth_desktop.core.evidence.format import format_timestamp
from iauth_desktop.core.model.errors import MissingCredentialsError, UsageError
from iauth_desktop.core.providers.detectinfo.signing import (
    DEFAULT_EXPIRE,
    SignatureError,
    SignatureExpiredError,
    describe_expiry,
    make_signature,
    parse_signature,
    verify_signature,
)


def add_sign_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("sign", help="print a request signature, or inspect one")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--api", metavar="NAME", help="apiName to sign, e.g. getdetectinfo")
    mode.add_argument("--inspect", metavar="SIGNATURE", help="decode and check a signature")
    parser.add_argument("--expire", type=int, default=DEFAULT_EXPIRE, help="validity in seconds")
    parser.add_argument("--now", type=int, metavar="UNIX", help="sign as of this Unix time")
    add_connection_options(parser)
    parser.set_defaults(handler=run_sign)


def _utc(seconds: int) -> str:
    try:
        return format_timestamp(datetime.fromtimestamp(seconds, UTC))
    except (OverflowError, OSError, ValueError):
        return "beyond the calendar"


def run_sign(args: argparse.Namespace) -> int:
    if args.inspect is not None:
        return _inspect(args)
    if args.expire <= 0:
        raise UsageError("--expire must be a positive number of seconds")
    creds = credentials_from(args, need_sign=True, need_decrypt=False)
    assert creds.appid is not None and creds.secret_key is not None
    now = int(time.time()) if args.now is None else args.now
    print(make_signature(creds.appid, creds.secret_key, args.api, args.expire, now))
    return 0


def _inspect(args: argparse.Namespace) -> int:
    info = parse_signature(args.inspect)
    now = int(time.time()) if args.now is None else args.now
    print(f"appid:    {info.appid}")
    print(f"apiName:  {info.api_name}")
    print(f"t:        {info.t} ({_utc(info.t)})")
    print(f"e:        {info.e} s")
    print(f"expiry:   {describe_expiry(info.expires_at, now)}")
    try:
        creds = credentials_from(args, need_sign=True, need_decrypt=False)
    except MissingCredentialsError:
        print("hmac:     not checked (no secret key configured: set IAUTH_SECRET_KEY or --profile)")
        return 0
    assert creds.secret_key is not None
    try:
        verify_signature(args.inspect, creds.secret_key, now=now)
    except SignatureExpiredError:
        print("hmac:     verifies against the configured secret key (but it has expired)")
        return 0
    except SignatureError as exc:
        print(f"hmac:     DOES NOT VERIFY — {exc}")
        sys.stdout.flush()
        return 5
    same = "" if info.appid == creds.appid else f" (note: configured appid is {creds.appid})"
    print(f"hmac:     verifies against the configured secret key{same}")
    return 0
