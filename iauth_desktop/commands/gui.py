"""Starting the window: from the command line's options, or as the demo."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from iauth_desktop.commands.common import credentials_from
from iauth_desktop.commands.demo import DemoSession
from iauth_desktop.commands.faceid.options import add_provider_option
from iauth_desktop.core.config.resolve import Credentials
from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.core.model.errors import MissingCredentialsError, UsageError


def add_gui_options(parser: argparse.ArgumentParser) -> None:
    add_provider_option(parser)
    parser.add_argument(
        "--rule-id", metavar="ID", help="FaceID: the rule ID of the flow (with --provider faceid)"
    )
    parser.add_argument(
        "--open", metavar="TOKEN", help="fetch this token as soon as the window opens"
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        type=Path,
        help="with --open: save a picture of the window once the case is shown, print one JSON "
        "line of timings (startup_ms, load_ms, max_gui_stall_ms) and exit",
    )
    parser.add_argument(
        "--language",
        choices=("zh_CN", "en"),
        help="interface language (default: as saved, else the system's)",
    )


def run_gui(args: argparse.Namespace) -> int:
    from iauth_desktop.app import run_app  # noqa: PLC0415 - Qt is imported only for the window

    screenshot: Path | None = getattr(args, "screenshot", None)
    token: str | None = getattr(args, "open", None)
    if screenshot is not None and not (token and token.strip()):
        raise UsageError("--screenshot needs --open TOKEN")
    language: str | None = getattr(args, "language", None)
    keyring = SecretStore().status()

    def run(creds: Credentials | None, **extra: Any) -> int:
        return run_app(
            creds, keyring, open_token=token, screenshot=screenshot, language=language, **extra
        )

    if args.demo:
        with DemoSession() as demo:
            extra = (
                {}
                if demo.faceid_credentials is None
                else dict.fromkeys(demo.faceid_tokens.values(), demo.faceid_credentials)
            )
            return run(demo.credentials, demo_tokens=demo.all_tokens(), demo_sources=extra)
    try:
        creds = credentials_from(args)
    except MissingCredentialsError as exc:
        return run(None, problem=exc.detail)  # said in the console's language
    return run(creds)
