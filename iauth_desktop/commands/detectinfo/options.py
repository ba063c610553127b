"""``fetch --info-type 0|1``: the legacy service's name for the fetch mode."""

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
