"""Start-up stays lean: what ``--version``, ``--help``, ``fetch`` and the console's first paint
import, checked by name in a fresh interpreter (no timing: the figures live in
``tests/benchmarks/bench_startup.py``).

Each check runs the real entry point in a child process and reads back ``sys.modules``; each
forbidden list is also shown to be loadable, so a typo in a module name cannot pass by matching
nothing. The lazy command line must print exactly what the eager one prints.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import iauth_desktop
from iauth_desktop import cli
from iauth_desktop.core.providers import registry
from iauth_desktop.emulator.detectinfo.demo import (
    CASE_TOKENS,
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
)
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer

ROOT = Path(__file__).resolve().parents[1]

# What the command line's parser must never load: Qt, the team database's driver, the FaceID
# SDK, the ciphers, HTTP, zip encryption, the keyring, the PDF report, any provider, any command.
NOT_FOR_THE_PARSER = (
    "PySide6",
    "psycopg",
    "tencentcloud",
    "Crypto",
    "Cryptodome",
    "requests",
    "pyzipper",
    "keyring",
    "importlib.metadata",
    "iauth_desktop.report",
    "iauth_desktop.core.providers.detectinfo",
    "iauth_desktop.core.providers.faceid",
    "iauth_desktop.core.store",
    "iauth_desktop.core.audit",
    "iauth_desktop.commands.fetch",
    "iauth_desktop.commands.queue",
    "iauth_desktop.emulator",
)
# ``fetch --help`` and a legacy fetch: the fetch path, not the window, the team database, the
# other provider, the PDF report or the export.
NOT_FOR_FETCH = (
    "PySide6",
    "psycopg",
    "tencentcloud",
    "Cryptodome",
    "pyzipper",
    "iauth_desktop.report",
    "iauth_desktop.core.providers.faceid",
    "iauth_desktop.core.store.postgres",
    "iauth_desktop.core.export",
    "iauth_desktop.commands.report",
    "iauth_desktop.ui",
)
# The console's first paint, with no team database configured and nothing fetched yet.
NOT_FOR_THE_FIRST_PAINT = (
    "PySide6.QtCharts",
    "psycopg",
    "tencentcloud",
    "pyzipper",
    "requests",
    "Crypto",
    "iauth_desktop.report.pdf_writer",
    "iauth_desktop.core.providers.faceid",
    "iauth_desktop.core.store.postgres",
    "iauth_desktop.ui.export.export_dialog",
    "iauth_desktop.ui.settings.settings_dialog",
    "iauth_desktop.ui.dashboard.charts",
)

_CLI_PROBE = """
import json, sys
from iauth_desktop.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""

_CONSOLE_PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from iauth_desktop.app import build_window
from iauth_desktop.core.config.secrets import KeyringStatus
app = QApplication([])
window = build_window(None, KeyringStatus("test", True, ""), problem="not configured")
window.show()
for _ in range(5):
    app.processEvents()
painted = window.isVisible()
window.close()
print(json.dumps({"painted": painted, "modules": sorted(sys.modules)}))
"""


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "IAUTH_DATABASE_URL"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra)
    return env


def _loaded(modules: list[str], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        m for m in modules if any(m == name or m.startswith(name + ".") for name in forbidden)
    )


def _run_cli(*argv: str, env: dict[str, str] | None = None) -> tuple[object, list[str], str]:
    done = subprocess.run(
        [sys.executable, "-c", _CLI_PROBE, *argv],
        capture_output=True,
        text=True,
        env=env or _env(),
        timeout=120,
        check=False,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], report["modules"], done.stdout


@pytest.mark.parametrize(
    "names",
    [NOT_FOR_THE_PARSER, NOT_FOR_FETCH, NOT_FOR_THE_FIRST_PAINT],
    ids=["parser", "fetch", "first-paint"],
)
def test_every_forbidden_name_is_a_real_module(names: tuple[str, ...]) -> None:
    for name in names:
        assert importlib.util.find_spec(name) is not None, name


def test_version_loads_no_command_and_nothing_heavy() -> None:
    code, modules, out = _run_cli("--version")
    assert (code, out.strip()) == (0, f"iauth-desktop {iauth_desktop.__version__}")
    assert _loaded(modules, NOT_FOR_THE_PARSER) == []


def test_help_lists_every_subcommand_and_loads_none() -> None:
    code, modules, out = _run_cli("--help")
    assert code == 0
    for name, (summary, _build) in cli.SUBCOMMANDS.items():
        assert name in out and summary.split()[0] in out
    assert _loaded(modules, NOT_FOR_THE_PARSER) == []


def test_fetch_help_loads_the_fetch_command_only() -> None:
    code, modules, out = _run_cli("fetch", "--help")
    assert code == 0 and "--out DIR" in out
    assert "iauth_desktop.commands.fetch" in modules
    assert _loaded(modules, NOT_FOR_FETCH) == []
    other_commands = [m for m in modules if m.startswith("iauth_desktop.commands.")]
    assert not {"iauth_desktop.commands.queue", "iauth_desktop.commands.export"} & set(
        other_commands
    )


def test_a_legacy_fetch_loads_the_fetch_path_only(tmp_path: Path) -> None:
    with EmulatorServer(EmulatorConfig()) as server:
        env = _env(
            IAUTH_ENDPOINT=server.url,
            IAUTH_APPID=DEMO_APPID,
            IAUTH_SECRET_KEY=DEMO_SECRET_KEY,
            IAUTH_AES_KEY=DEMO_AES_KEY,
        )
        code, modules, out = _run_cli(
            "fetch", CASE_TOKENS["pass"], "--out", str(tmp_path / "bundle"), env=env
        )
    assert code == 0 and "evidence bundle written" in out
    assert "iauth_desktop.core.providers.detectinfo.client" in modules  # it did fetch
    assert _loaded(modules, NOT_FOR_FETCH) == []


def test_the_consoles_first_paint_loads_no_chart_report_export_or_database() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CONSOLE_PROBE],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["painted"]
    assert "iauth_desktop.ui.shell.main_window" in report["modules"]
    assert _loaded(report["modules"], NOT_FOR_THE_FIRST_PAINT) == []


# --- the lazy command line says what the eager one says ---------------------------------------


def _help_texts(parser_of: object) -> dict[tuple[str, ...], str]:
    """Every parser's help, keyed by its path of subcommand names."""
    texts: dict[tuple[str, ...], str] = {}

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        texts[path] = parser.format_help()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                if isinstance(action, cli._LazySubcommands):
                    action.build_all()
                for name, sub in action.choices.items():
                    walk(sub, (*path, name))

    walk(parser_of, ())  # type: ignore[arg-type]
    return texts


def test_the_lazy_parser_prints_what_the_eager_one_prints(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    lazy_top = cli.build_parser().format_help()
    eager = _help_texts(cli.build_parser(eager=True))
    assert eager[()] == lazy_top
    assert {path[0] for path in eager if path} == set(cli.SUBCOMMANDS)
    assert _help_texts(cli.build_parser()) == eager
    assert len(eager) > 25  # every action of every subcommand was reached


def test_each_listing_line_is_the_help_its_module_declares() -> None:
    declared: dict[str, str] = {}

    class Recorder:
        def add_parser(self, name: str, **kwargs: object) -> argparse.ArgumentParser:
            declared[name] = str(kwargs.get("help"))
            return argparse.ArgumentParser(prog=name)

    for name, (summary, build) in cli.SUBCOMMANDS.items():
        build(Recorder())  # type: ignore[arg-type]
        assert declared[name] == summary, name


def test_parsing_a_subcommand_builds_its_parser_and_still_rejects_bad_input(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = cli.build_parser().parse_args(["sign", "--api", "getdetectinfo", "--expire", "60"])
    assert (args.command, args.api, args.expire) == ("sign", "getdetectinfo", 60)
    with pytest.raises(SystemExit) as exit_info:
        cli.build_parser().parse_args(["fetch"])
    assert exit_info.value.code == 2
    assert "the following arguments are required: token, --out" in capsys.readouterr().err


# --- what was made cheap to know stays true ---------------------------------------------------


def test_the_version_literal_is_the_projects_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert iauth_desktop.__version__ == project["version"]


def test_the_registry_names_are_its_specs_names() -> None:
    assert registry.provider_names() == registry.PROVIDER_NAMES
    for name in registry.provider_names():
        assert registry.get_spec(name).name == name
    assert registry.get_spec().name == registry.DEFAULT_PROVIDER
