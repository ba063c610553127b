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
import contextlib
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from iauth_desktop import __version__
from iauth_desktop.commands.common import add_connection_options
from iauth_desktop.commands.gui import add_gui_options
from iauth_desktop.commands.terminal import escaped_output

EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for `cat` cut short by `head`

if TYPE_CHECKING:  # argparse's own type for a table of subcommands (generic for type checkers)
    _Sub = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    _Sub = argparse._SubParsersAction


class _Parser(argparse.ArgumentParser):
    """argparse that says what is wrong and exits 2, as the exit-code table wants."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


class _LazySubcommands(_Sub):
    """Subcommands whose modules are imported only when they are chosen.

    ``--version`` and ``--help`` list every subcommand with its one-line help and import none
    of them; ``fetch`` imports the fetch path's modules and nothing else's. A subcommand's
    module still declares its own parser (``add_fetch_parser(sub)``): it runs when argparse
    reaches that subcommand's name, and its parser then replaces the placeholder.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._builders: dict[str, Callable[[_Sub], None]] = {}
        self._building: str | None = None

    def add_lazy(self, name: str, summary: str, build: Callable[[_Sub], None]) -> None:
        self._builders[name] = build
        super().add_parser(name, help=summary)  # a placeholder: its name and help line

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        if name == self._building:  # the module declares the parser its placeholder stood for
            kwargs.pop("help", None)  # the listing's line was added with the placeholder
            del self._name_parser_map[name]
        return super().add_parser(name, **kwargs)

    def build(self, name: str) -> None:
        """Declare ``name``'s parser now (its module imported), if it is still a placeholder."""
        build = self._builders.pop(name, None)
        if build is None:
            return
        self._building = name
        try:
            build(self)
        finally:
            self._building = None

    def build_all(self) -> None:
        for name in list(self._builders):
            self.build(name)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        self.build(values[0])
        super().__call__(parser, namespace, values, option_string)


# Each subcommand: its line in the listing, and how to declare its parser. The imports stay
# plain ``import`` statements (not importlib by name) so that PyInstaller finds the modules.
def _sign(sub: _Sub) -> None:
    from iauth_desktop.commands.detectinfo.sign import add_sign_parser  # noqa: PLC0415

    add_sign_parser(sub)


def _fetch(sub: _Sub) -> None:
    from iauth_desktop.commands.fetch import add_fetch_parser  # noqa: PLC0415

    add_fetch_parser(sub)


def _profile(sub: _Sub) -> None:
    from iauth_desktop.commands.profile import add_profile_parser  # noqa: PLC0415

    add_profile_parser(sub)


def _audit(sub: _Sub) -> None:
    from iauth_desktop.commands.audit import add_audit_parser  # noqa: PLC0415

    add_audit_parser(sub)


def _db(sub: _Sub) -> None:
    from iauth_desktop.commands.db import add_db_parser  # noqa: PLC0415

    add_db_parser(sub)


def _queue(sub: _Sub) -> None:
    from iauth_desktop.commands.queue import add_queue_parser  # noqa: PLC0415

    add_queue_parser(sub)


def _decide(sub: _Sub) -> None:
    from iauth_desktop.commands.decide import add_decide_parser  # noqa: PLC0415

    add_decide_parser(sub)


def _report(sub: _Sub) -> None:
    from iauth_desktop.commands.report import add_report_parser  # noqa: PLC0415

    add_report_parser(sub)


def _export(sub: _Sub) -> None:
    from iauth_desktop.commands.export import add_export_parser  # noqa: PLC0415

    add_export_parser(sub)


def _emulator(sub: _Sub) -> None:
    from iauth_desktop.emulator.cli_entry import (  # noqa: PLC0415
        add_emulator_arguments,
        run_emulator,
    )

    emulator = sub.add_parser("emulator", help=SUBCOMMANDS["emulator"][0])
    add_emulator_arguments(emulator)
    emulator.set_defaults(handler=run_emulator)


# The listing's lines; a test checks each against the help its module declares.
SUBCOMMANDS: dict[str, tuple[str, Callable[[_Sub], None]]] = {
    "sign": ("print a request signature, or inspect one", _sign),
    "fetch": ("fetch a verification by token into an evidence bundle", _fetch),
    "profile": ("add, list, show or remove connection profiles", _profile),
    "audit": ("verify, locate or list the tamper-evident audit log", _audit),
    "db": ("the team database on PostgreSQL: schema, status, rights", _db),
    "queue": ("the review queue: add, triage, next, confirm, status", _queue),
    "decide": ("record your decision on a case you hold", _decide),
    "report": ("print the PDF case report of a saved evidence bundle (offline)", _report),
    "export": (
        "export a saved case: a masked summary, or the evidence with --evidence",
        _export,
    ),
    "emulator": ("run the protocol emulator on 127.0.0.1", _emulator),
}


def build_parser(*, eager: bool = False) -> argparse.ArgumentParser:
    """The whole command line; ``eager`` declares every subcommand's parser now (tests)."""
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
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, action=_LazySubcommands
    )
    assert isinstance(sub, _LazySubcommands)
    for name, (summary, build) in SUBCOMMANDS.items():
        sub.add_lazy(name, summary, build)
    if eager:
        sub.build_all()
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from iauth_desktop.commands.gui import run_gui  # noqa: PLC0415 - Qt only for the window

    return run_gui(args)


def main(argv: list[str] | None = None) -> int:
    return _main(argv)[0]


def _main(argv: list[str] | None) -> tuple[int, bool]:
    """The exit code, and whether the chosen command lets the process end at once
    (its ``exit_at_once`` default: see ``run``)."""
    with escaped_output():  # nothing a server or a file says reaches the terminal as a control
        args = build_parser().parse_args(argv)  # --version and --help exit here, nothing loaded
        at_once = bool(getattr(args, "exit_at_once", False))
        import logging  # noqa: PLC0415

        from iauth_desktop.core.model.errors import IauthError  # noqa: PLC0415

        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
        try:
            code = int(args.handler(args))
            sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        except BrokenPipeError:
            _drop_stdout()
            return EXIT_BROKEN_PIPE, at_once
        except IauthError as exc:
            print(f"iauth-desktop: {exc}", file=sys.stderr)
            return exc.exit_code, at_once
        except KeyboardInterrupt:
            print("iauth-desktop: interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED, at_once
        return code, at_once


def run() -> None:
    """The ``iauth-desktop`` program: ``main``, then the process ends with its exit code.

    A command that leaves nothing open when it returns (``fetch``: its bundle and audit entry
    written and fsynced, every connection closed) ends without the interpreter's teardown, which
    frees ~400 modules and the decoded case object by object: ~35 ms of a 0.4 s fetch. Its
    output is flushed first. Tests call ``main``, which never ends the process.
    """
    code, at_once = _main(None)
    if at_once:
        _end_at_once(code)
    sys.exit(code)


def _end_at_once(code: int) -> None:
    import logging  # noqa: PLC0415

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        # a reader gone or a stream closed: there is nothing more to say
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def _drop_stdout() -> None:
    """The reader of stdout is gone: send what is still buffered nowhere, so that Python's own
    flush at exit does not report the broken pipe with a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)
