"""The ``iauth-desktop`` command line. One exit-code table for every command:

0 done · 1 internal error (a bug; screenshot mode: gave up) · 2 usage or configuration ·
3 the service answered an error code · 4 network, HTTP, truncated, malformed or non-JSON answer,
answer over the size cap, overall deadline passed · 5 decryption or integrity failure ·
6 refused by the rules (lease lost, not the holder, own decision, no right) · 130 interrupted ·
141 the output's reader went away (``| head``), as for any Unix tool.
With no subcommand it starts the GUI.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from iauth_desktop import __version__
from iauth_desktop.commands.audit import add_audit_parser
from iauth_desktop.commands.common import add_connection_options
from iauth_desktop.commands.db import add_db_parser
from iauth_desktop.commands.decide import add_decide_parser
from iauth_desktop.commands.detectinfo.sign import add_sign_parser
from iauth_desktop.commands.export import add_export_parser
from iauth_desktop.commands.fetch import add_fetch_parser
from iauth_desktop.commands.gui import add_gui_options
from iauth_desktop.commands.profile import add_profile_parser
from iauth_desktop.commands.queue import add_queue_parser
from iauth_desktop.commands.report import add_report_parser
from iauth_desktop.commands.terminal import escaped_output
from iauth_desktop.core.model.errors import IauthError
from iauth_desktop.emulator.cli_entry import add_emulator_arguments, run_emulator

EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for `cat` cut short by `head`


class _Parser(argparse.ArgumentParser):
    """argparse that says what is wrong and exits 2, as the exit-code table wants."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="iauth-desktop",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"iauth-desktop {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the built-in emulator and open the console against it",
    )
    add_connection_options(parser)
    add_gui_options(parser)
    parser.set_defaults(handler=_run_gui)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    add_sign_parser(sub)
    add_fetch_parser(sub)
    add_profile_parser(sub)
    add_audit_parser(sub)
    add_db_parser(sub)
    add_queue_parser(sub)
    add_decide_parser(sub)
    add_report_parser(sub)
    add_export_parser(sub)
    emulator = sub.add_parser("emulator", help="run the protocol emulator on 127.0.0.1")
    add_emulator_arguments(emulator)
    emulator.set_defaults(handler=run_emulator)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from iauth_desktop.commands.gui import run_gui  # noqa: PLC0415 - Qt only for the window

    return run_gui(args)


def main(argv: list[str] | None = None) -> int:
    with escaped_output():  # nothing a server or a file says reaches the terminal as a control
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
        args = build_parser().parse_args(argv)
        try:
            code = int(args.handler(args))
            sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        except BrokenPipeError:
            _drop_stdout()
            return EXIT_BROKEN_PIPE
        except IauthError as exc:
            print(f"iauth-desktop: {exc}", file=sys.stderr)
            return exc.exit_code
        except KeyboardInterrupt:
            print("iauth-desktop: interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED
        return code


def _drop_stdout() -> None:
    """The reader of stdout is gone: send what is still buffered nowhere, so that Python's own
    flush at exit does not report the broken pipe with a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)
