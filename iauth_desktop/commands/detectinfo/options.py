"""``fetch --info-type 0|1`` (the legacy service's name for the fetch mode) and
``--crypt-type 1|2|3 [--rsa-public-key FILE.pem]`` (how the appid's answers are encrypted).

``--info-type`` is shared with FaceID, whose value is digits (``commands/faceid/options``): it
is kept as text under the neutral name ``fetch_parts`` and read by the provider's own options.
"""

from __future__ import annotations

import argparse

from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.result import FetchMode

_MODES = {"0": FetchMode.FULL, "1": FetchMode.TEXT_ONLY}


def add_fetch_mode_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--info-type",
        dest="fetch_parts",
        metavar="DIGITS",
        default=None,
        help="0 = everything with media (default), 1 = text only; FaceID also takes its "
        "digits: 2 ID card images, 3 best frames, 4 video, combined (e.g. 13)",
    )


def mode_from_args(args: argparse.Namespace) -> FetchMode:
    """The legacy service's fetch mode: 0 or 1 (UsageError otherwise)."""
    value = (getattr(args, "fetch_parts", None) or "0").strip()
    if value not in _MODES:
        raise UsageError(f"--info-type is 0 (everything) or 1 (text only), not {value!r:.20}")
    return _MODES[value]


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
