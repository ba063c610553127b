"""``iauth-desktop emulator`` and ``python -m iauth_desktop.emulator``: serve until stopped.

``--provider faceid`` serves the FaceID API instead (``emulator/faceid/cli``).
The first stdout line (flushed) is one JSON object: ``url``, ``appid``, ``secret_key``,
``aes_key``, ``rsa_public_key`` (crypt_type 1), ``tokens``, ``fault``. The secret key and AES
key come only from the environment
(``IAUTH_EMULATOR_SECRET_KEY``, ``IAUTH_EMULATOR_AES_KEY``), never from argv, where any local
user could read them. Exit 0 on SIGTERM, 130 on Ctrl+C (SIGINT), 2 on a configuration error.
"""

from __future__ import annotations

import argparse
import os

from iauth_desktop.core.model.errors import IauthError
from iauth_desktop.emulator.detectinfo.demo import (
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
    DEMO_TOKENS,
)
from iauth_desktop.emulator.detectinfo.faults import ALL_MODES, Fault, parse_fault
from iauth_desktop.emulator.detectinfo.rsa_demo import demo_public_key_pem
from iauth_desktop.emulator.faceid.cli import run_faceid_emulator
from iauth_desktop.emulator.faceid.faults import FAULTS as FACEID_FAULTS
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer
from iauth_desktop.emulator.serving import refused, serve_until_stopped

SECRET_KEY_ENV = "IAUTH_EMULATOR_SECRET_KEY"  # noqa: S105 - a variable name, not a secret
AES_KEY_ENV = "IAUTH_EMULATOR_AES_KEY"


def add_emulator_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--provider",
        choices=("detectinfo", "faceid"),
        default="detectinfo",
        help="which service to emulate: the legacy getdetectinfo.php (default) or Tencent "
        "Cloud FaceID",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback)")
    parser.add_argument("--port", type=int, default=0, help="TCP port (default 0: any free one)")
    parser.add_argument(
        "--listen-fd",
        type=int,
        metavar="FD",
        help="serve on this listening socket, inherited from the process that started this one "
        "(instead of --host and --port; the demo does this)",
    )
    parser.add_argument(
        "--fault",
        default=None,
        metavar="NAME[:ARG]",
        help="misbehave on every request; one of: "
        + ", ".join(ALL_MODES)
        + " (FaceID: "
        + ", ".join(FACEID_FAULTS)
        + ")",
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
    fault: Fault | None = parse_fault(args.fault) if args.fault else None
    return EmulatorConfig(
        host=args.host,
        port=args.port,
        appid=args.appid,
        secret_key=os.environ.get(SECRET_KEY_ENV) or DEMO_SECRET_KEY,
        aes_key=os.environ.get(AES_KEY_ENV) or DEMO_AES_KEY,
        fault=str(fault) if fault is not None else None,
        verbose=bool(getattr(args, "verbose", False)),
        allow_remote=bool(getattr(args, "allow_remote", False)),
        listen_fd=getattr(args, "listen_fd", None),
    )


def run_emulator(args: argparse.Namespace) -> int:
    """Serve until SIGTERM (exit 0) or SIGINT (exit 130)."""
    if getattr(args, "provider", "detectinfo") == "faceid":
        return run_faceid_emulator(args)
    try:
        server = EmulatorServer(config_from_args(args)).start()
    except (IauthError, OSError) as error:
        return refused(error)
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
    return serve_until_stopped(server.stop, announcement)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m iauth_desktop.emulator",
        description="Emulator of Tencent's getdetectinfo.php (or, with --provider faceid, of "
        "Tencent Cloud FaceID) with synthetic demo cases.",
    )
    add_emulator_arguments(parser)
    return run_emulator(parser.parse_args(argv))
