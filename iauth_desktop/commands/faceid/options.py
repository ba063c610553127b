"""FaceID's command-line options: ``--provider faceid``, ``--rule-id``, ``--best-frames``,
``--encrypt-response`` / ``--encrypt-fields`` with ``--service-public-key FILE.pem``; the shared
``--info-type`` read as FaceID's InfoType digits."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from iauth_desktop.core.providers import PROVIDER_NAMES

if TYPE_CHECKING:
    from iauth_desktop.core.config.faceid_credentials import FaceIdOptions
    from iauth_desktop.core.model.result import FetchMode

# The parser's part imports nothing heavy (``--version`` and ``--help`` build it); what reads
# the options imports the core when it runs.

TEXT_ONLY = "1"


def add_provider_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--provider",
        choices=PROVIDER_NAMES,
        default=None,
        help="detectinfo (the legacy getdetectinfo.php) or faceid (Tencent Cloud FaceID's "
        "GetDetectInfoEnhanced); default: the profile's, else detectinfo",
    )


def add_faceid_options(parser: argparse.ArgumentParser, *, fetch: bool = True) -> None:
    group = parser.add_argument_group("FaceID (--provider faceid)")
    group.add_argument("--rule-id", metavar="ID", help="the RuleId FaceID assigned to the flow")
    group.add_argument(
        "--best-frames",
        type=int,
        metavar="N",
        default=None,
        help="BestFramesCount: extra frames cut from the liveness video, 0–10 (default 3)",
    )
    group.add_argument(
        "--encrypt-response",
        dest="encrypt",
        action="store_const",
        const="response",
        default=None,
        help="ask for the whole answer encrypted (AES-256-CBC, key wrapped with "
        "--service-public-key)",
    )
    group.add_argument(
        "--encrypt-fields",
        dest="encrypt",
        action="store_const",
        const="fields",
        help="ask for the name and ID number fields encrypted",
    )
    group.add_argument(
        "--service-public-key",
        metavar="FILE.pem",
        default=None,
        help="the service's RSA public key (from the FaceID console), for encrypted answers",
    )
    if not fetch:
        group.add_argument(
            "--info-type",
            dest="fetch_parts",
            metavar="DIGITS",
            default=None,
            help="the profile's default InfoType digits (0 everything, 1 text, e.g. 13)",
        )


def faceid_options_from(args: argparse.Namespace) -> FaceIdOptions:
    from iauth_desktop.core.config.faceid_credentials import FaceIdOptions  # noqa: PLC0415

    return FaceIdOptions(
        rule_id=getattr(args, "rule_id", None),
        info_parts=getattr(args, "fetch_parts", None),
        best_frames=getattr(args, "best_frames", None),
        encryption=getattr(args, "encrypt", None),
        public_key_file=getattr(args, "service_public_key", None),
    )


def faceid_mode(args: argparse.Namespace) -> FetchMode:
    """Text only for InfoType 1; anything else asks for media."""
    from iauth_desktop.core.model.result import FetchMode  # noqa: PLC0415

    parts = (getattr(args, "fetch_parts", None) or "0").strip()
    return FetchMode.TEXT_ONLY if parts == TEXT_ONLY else FetchMode.FULL


def refuse_legacy_options(args: argparse.Namespace) -> None:
    """The legacy service's encryption options say nothing to FaceID: refused, not ignored."""
    from iauth_desktop.core.model.errors import UsageError  # noqa: PLC0415

    for option, name in (("crypt_type", "--crypt-type"), ("rsa_public_key", "--rsa-public-key")):
        if getattr(args, option, None) is not None:
            raise UsageError(
                f"{name} is an option of the legacy service; FaceID's encrypted answers take "
                "--encrypt-response and --service-public-key"
            )
    if getattr(args, "form", False):
        raise UsageError("--form is an option of the legacy service; FaceID's SDK sends JSON")


def refuse_faceid_options(args: argparse.Namespace) -> None:
    given = [
        name
        for option, name in (
            ("rule_id", "--rule-id"),
            ("best_frames", "--best-frames"),
            ("encrypt", "--encrypt-response"),
            ("service_public_key", "--service-public-key"),
        )
        if getattr(args, option, None) is not None
    ]
    if given:
        from iauth_desktop.core.model.errors import UsageError  # noqa: PLC0415

        raise UsageError(f"{', '.join(given)}: FaceID options, but the provider is detectinfo")
