"""``fetch --info-type 0|1`` (the legacy service's name for the fetch mode) and
``--crypt-type 1|2|3 [--rsa-public-key FILE.pem]`` (how the appid's answers are encrypted)."""

from __future__ import annotations

import argparse

from iauth_desktop.core.model.result import FetchMode

_MODES = {0: FetchMode.FULL, 1: FetchMode.TEXT_ONLY}


def add_fetch_mode_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--info-type",
        type=int,
        choices=tuple(_MODES),
        default=0,
        help="0 = everything with media (default), 1 = text only",
    )


def mode_from_args(args: argparse.Namespace) -> FetchMode:
    return _MODES[args.info_type]


def add_crypt_type_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--crypt-type",
        type=int,
        choices=(1, 2, 3),
        default=None,
        help="how the appid's answers are encrypted: 1 = RSA, 2 = AES-256-CBC, 3 = AES-256-ECB "
        "(default: the profile's, else not sent: the appid's default)",
    )
    parser.add_argument(
        "--rsa-public-key",
        metavar="FILE.pem",
        default=None,
        help="the service's RSA public key, for --crypt-type 1",
    )
