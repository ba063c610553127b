"""``iauth-desktop emulator`` and ``python -m iauth_desktop.emulator``: serve until stopped.

The first stdout line (flushed) is one JSON object: ``url``, ``appid``, ``secret_key``,
``aes_key``, ``rsa_public_key`` (crypt_type 1), ``tokens``, ``fault``. The secret key and AES
key come only from the environment
(``IAUTH_EMULATOR_SECRET_KEY``, ``IAUTH_EMULATOR_AES_KEY``), never from argv, where any local
user could read them. Exit 0 on SIGTERM, 130 on Ctrl+C (SIGINT), 2 on a configuration error.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from types import FrameType

from iauth_desktop.core.model.errors import IauthError, UsageError
from iauth_desktop.emulator.detectinfo.demo import (
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
    DEMO_TOKENS,
)
from iauth_desktop.emulator.detectinfo.faults import ALL_MODES, Fault, parse_fault
from iauth_desktop.emulator.detectinfo.rsa_demo import demo_public_key_pem
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer

SECRET_KEY_ENV = "IAUTH_EMULATOR_SECRET_KEY"  # noqa: S105 - a variable name, not a secret
AES_KEY_ENV = "IAUTH_EMULATOR_AES_KEY"
EXIT_OK, EXIT_CONFIG, EXIT_INTERRUPTED = 0, 2, 130


def _fault_argument(text: str) -> Fault:
    try:
        return parse_fault(text)
    except UsageError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_emulator_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback)")
    parser.add_argument("--port", type=int, default=0, help="TCP port (default 0: any free one)")
    parser.add_argument(
        "--fault",
        type=_fault_argument,
        default=None,
        metavar="NAME[:ARG]",
        help="misbehave on every request; one of: " + ", ".join(ALL_MODES),
    )
    parser.add_argument(
        "--appid",
        default=DEMO_APPID,
        help=f"appid to accept (default the demo's). The secret key and AES key come from "
        f"${SECRET_KEY_ENV} and ${AES_KEY_ENV} (default the demo's), never from options",
    )
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a non-loopback --host (the demo secrets are then served to the network)",
    )
    parser.add_argument(
        "--verbose", action="store_true", help="log each request line to stderr (no bodies)"
    )


def config_from_args(args: argparse.Namespace) -> EmulatorConfig:
    fault: Fault | None = args.fault
    return EmulatorConfig(
        host=args.host,
        port=args.port,
        appid=args.appid,
        secret_key=os.environ.get(SECRET_KEY_ENV) or DEMO_SECRET_KEY,
        aes_key=os.environ.get(AES_KEY_ENV) or DEMO_AES_KEY,
        fault=str(fault) if fault is not None else None,
        verbose=bool(getattr(args, "verbose", False)),
        allow_remote=bool(getattr(args, "allow_remote", False)),
    )


def run_emulator(args: argparse.Namespace) -> int:
    """Serve until SIGTERM (exit 0) or SIGINT (exit 130)."""
    try:
        server = EmulatorServer(config_from_args(args)).start()
    except IauthError as error:
        print(f"iauth-desktop emulator: {error}", file=sys.stderr)
        return error.exit_code if error.exit_code != 1 else EXIT_CONFIG
    except OSError as error:  # the port is taken, the address does not exist here, ...
        print(f"iauth-desktop emulator: cannot listen: {error.strerror or error}", file=sys.stderr)
        return EXIT_CONFIG
    stop = threading.Event()
    exit_code = [EXIT_OK]

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        exit_code[0] = EXIT_INTERRUPTED if signum == signal.SIGINT else EXIT_OK
        stop.set()

    previous = {}
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            previous[signum] = signal.signal(signum, on_signal)
    try:
        config = server.config
        announcement = {
            "url": server.url,
            "appid": config.appid,
            "secret_key": config.secret_key,
            "aes_key": config.aes_key,
            "rsa_public_key": demo_public_key_pem(),  # crypt_type 1
            "tokens": dict(DEMO_TOKENS),
            "fault": config.fault,
        }
        print(json.dumps(announcement, ensure_ascii=False), flush=True)
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:  # a SIGINT that arrived before our handler was installed
        exit_code[0] = EXIT_INTERRUPTED
    finally:
        server.stop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return exit_code[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m iauth_desktop.emulator",
        description="Emulator of Tencent's getdetectinfo.php with synthetic demo cases.",
    )
    add_emulator_arguments(parser)
    return run_emulator(parser.parse_args(argv))
