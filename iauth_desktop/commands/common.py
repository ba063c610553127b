"""What several commands share: resolving credentials from options, environment and profiles."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from iauth_desktop.commands.faceid.options import faceid_options_from

if TYPE_CHECKING:
    from iauth_desktop.core.config.resolve import Credentials


def add_connection_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--endpoint",
        metavar="URL",
        help="full URL of getdetectinfo.php (FaceID: the API host, https://faceid.tencentcloudapi.com/)",
    )
    parser.add_argument("--profile", metavar="NAME", help="a saved profile (default: the default)")


def credentials_from(
    args: argparse.Namespace, *, need_sign: bool = True, need_decrypt: bool = True
) -> Credentials:
    # the core (and the keyring's backends) only when a command needs credentials
    from iauth_desktop.core.config.profiles import ProfileStore  # noqa: PLC0415
    from iauth_desktop.core.config.resolve import resolve_credentials  # noqa: PLC0415
    from iauth_desktop.core.config.secrets import SecretStore  # noqa: PLC0415

    return resolve_credentials(
        endpoint=getattr(args, "endpoint", None),
        profile=getattr(args, "profile", None),
        environ=os.environ,
        profiles=ProfileStore.default_location(),
        secrets=SecretStore(),
        need_sign=need_sign,
        need_decrypt=need_decrypt,
        crypt_type=getattr(args, "crypt_type", None),
        rsa_public_key_file=getattr(args, "rsa_public_key", None),
        provider=getattr(args, "provider", None),
        faceid=faceid_options_from(args),
    )
