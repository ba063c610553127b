"""Starting the window: from the command line's options, or as the demo."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iauth_desktop.commands.faceid.options import add_provider_option

if TYPE_CHECKING:
    from iauth_desktop.commands.demo import DemoSession
    from iauth_desktop.core.config.resolve import Credentials
    from iauth_desktop.core.model.queue import QueueEntry

# The window's options are part of the top-level parser, which ``--version`` builds: this module
# imports the core, the keyring and Qt only when the window is started.

VIEWS = ("case", "queue", "dashboard")
LIST_VIEWS = ("queue", "dashboard")
# The demo queue: synthetic batch tokens the emulator answers as these cases, verified this
# many hours ago (so some are near their expiry).
_DEMO_BATCH = (
    ("pass", 2), ("pass", 30), ("pass", 5), ("liveness-602", 66), ("liveness-602", 50),
    ("compare-604", 69), ("compare-604", 12), ("action-mode", 40), ("second-verification", 1),
    ("expired-token", 71), ("error-14", 20), ("liveness-602", 3),
)  # fmt: skip


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
        help="with --open: save a picture of the window once the case is shown (with --view "
        "queue or dashboard: once that view is filled), print one JSON line of timings "
        "(startup_ms, load_ms, max_gui_stall_ms) and exit",
    )
    parser.add_argument(
        "--view",
        choices=VIEWS,
        help="open the window on this view (with --demo, queue and dashboard start with a "
        "batch of synthetic tokens, triaged against the demo emulator)",
    )
    parser.add_argument(
        "--window-size", metavar="WxH", type=window_size, help="the window's size, e.g. 1366x768"
    )
    parser.add_argument(
        "--language",
        choices=("zh_CN", "en"),
        help="interface language (default: as saved, else the system's)",
    )


def run_gui(args: argparse.Namespace) -> int:
    from iauth_desktop.commands.demo import DemoSession  # noqa: PLC0415
    from iauth_desktop.core.model.errors import UsageError  # noqa: PLC0415

    screenshot: Path | None = getattr(args, "screenshot", None)
    token: str | None = getattr(args, "open", None)
    view: str | None = getattr(args, "view", None)
    if screenshot is not None and not (token and token.strip()) and view not in LIST_VIEWS:
        raise UsageError("--screenshot needs --open TOKEN (or --view queue or dashboard)")
    demo_session = DemoSession() if args.demo else None
    if demo_session is not None:
        demo_session.reserve()  # the emulators' addresses: they start once the window shows
    try:
        return _run_gui(args, demo_session, screenshot, token, view)
    except BaseException:
        if demo_session is not None:
            demo_session.close()
        raise


def _run_gui(
    args: argparse.Namespace,
    demo_session: DemoSession | None,
    screenshot: Path | None,
    token: str | None,
    view: str | None,
) -> int:
    from iauth_desktop.app import run_app  # noqa: PLC0415 - Qt is imported only for the window
    from iauth_desktop.commands.common import credentials_from  # noqa: PLC0415
    from iauth_desktop.core.model.errors import MissingCredentialsError  # noqa: PLC0415

    language: str | None = getattr(args, "language", None)
    keyring = None  # found once the window is painted: finding the backend takes ~0.1 s
    shown = {"view": view, "window_size": getattr(args, "window_size", None)}

    def run(creds: Credentials | None, **extra: Any) -> int:
        return run_app(
            creds, keyring, open_token=token, screenshot=screenshot, language=language,
            **shown, **extra,
        )  # fmt: skip

    if demo_session is not None:
        demo = demo_session
        extra = (
            {}
            if demo.faceid_credentials is None
            else dict.fromkeys(demo.faceid_tokens.values(), demo.faceid_credentials)
        )
        batch = demo_batch() if view in LIST_VIEWS else None
        try:
            # the emulators start once the window is painted (a request waits for them)
            return run(
                demo.credentials,
                demo_tokens=demo.all_tokens(),
                demo_sources=extra,
                demo_batch=batch,
                after_first_paint=demo.spawn,
            )
        finally:
            demo.close()
    try:
        creds = credentials_from(args)
    except MissingCredentialsError as exc:
        return run(None, problem=exc.detail)  # said in the console's language
    return run(creds)


def window_size(text: str) -> tuple[int, int]:
    """``1366x768`` → (1366, 768)."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT (e.g. 1366x768)")
    size = (int(width), int(height))
    if not (320 <= size[0] <= 8192 and 240 <= size[1] <= 8192):
        raise argparse.ArgumentTypeError(f"{text!r}: a window between 320x240 and 8192x8192")
    return size


def demo_batch() -> list[QueueEntry]:
    """The demo's queue: a dozen synthetic tokens with the hour their verification ran."""
    from datetime import timedelta  # noqa: PLC0415

    from iauth_desktop.core.model.queue import QueueEntry  # noqa: PLC0415
    from iauth_desktop.core.model.timefmt import utc_now  # noqa: PLC0415
    from iauth_desktop.emulator.detectinfo.demo import batch_token  # noqa: PLC0415

    now = utc_now()
    return [
        QueueEntry(batch_token(name, number), created_at=now - timedelta(hours=hours))
        for number, (name, hours) in enumerate(_DEMO_BATCH, start=1)
    ]
