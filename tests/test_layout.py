"""The architecture holds: layers, the provider seam, small folders, no import cycles.

Each rule reads the product's source with ``ast``; each has a check that it really catches what
it forbids, so a rule cannot pass by reading nothing.
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import iauth_desktop

PACKAGE = Path(iauth_desktop.__file__).resolve().parent
ROOT_NAME = "iauth_desktop"
# Each service's wire names: only its own packages (``.../detectinfo/``, ``.../faceid/``) may
# spell them.
WIRE_NAMES = {
    "detectinfo": (
        "yt_errorcode",
        "yt_errormsg",
        "livestatus",
        "livemsg",
        "comparestatus",
        "comparemsg",
        "info_type",
        "validatedata",
    ),
    "faceid": (
        "ErrCode",
        "ErrMsg",
        "BizToken",
        "RuleId",
        "LiveStatus",
        "Comparestatus",
        "LivenessDetail",
        "InfoType",
        "BestFramesCount",
        "IdCardData",
        "EncryptedBody",
        "GetDetectInfoEnhanced",
    ),
}
# The frozen schema scripts of the case history: version 1 was written with the legacy names,
# and the migration to version 2 must name them to rename them.
WIRE_NAME_EXCEPTIONS = {"core/store/sqlite/migrations.py"}
MAX_LOOSE_MODULES = 8


@dataclass(frozen=True)
class Module:
    name: str  # iauth_desktop.core.model.result
    path: Path

    @property
    def relative(self) -> str:
        return self.path.relative_to(PACKAGE).as_posix()

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.name.split("."))


def product_modules() -> list[Module]:
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).with_suffix("")
        parts = [ROOT_NAME, *relative.parts]
        if parts[-1] == "__init__":
            parts.pop()
        modules.append(Module(".".join(parts), path))
    return modules


MODULES = product_modules()
MODULE_NAMES = {m.name for m in MODULES}


def identifiers_and_strings(source: str) -> Iterator[str]:
    """Every name and string literal of the source (comments and docstrings included)."""
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in (tokenize.NAME, tokenize.STRING, tokenize.COMMENT):
            yield token.string


def wire_name_leaks(module: Module, source: str) -> list[str]:
    found = []
    for provider, names in WIRE_NAMES.items():
        if provider in module.parts:
            continue
        for text in identifiers_and_strings(source):
            found.extend(name for name in names if name in text)
    return sorted(set(found))


def test_only_a_provider_package_names_its_wire_fields() -> None:
    leaks = {
        m.relative: wire_name_leaks(m, m.path.read_text("utf-8"))
        for m in MODULES
        if m.relative not in WIRE_NAME_EXCEPTIONS
    }
    assert {k: v for k, v in leaks.items() if v} == {}
    assert len(MODULES) > 100  # the walk found the product


def test_the_wire_name_rule_catches_a_leak() -> None:
    module = Module("iauth_desktop.ui.case.view", PACKAGE / "ui" / "case" / "view.py")
    assert wire_name_leaks(module, 'code = raw["yt_errorcode"]\n') == ["yt_errorcode"]
    assert wire_name_leaks(module, "# the info_type option\nx = 1\n") == ["info_type"]
    inside = Module("iauth_desktop.ui.providers.detectinfo.x", module.path)
    assert wire_name_leaks(inside, 'code = raw["yt_errorcode"]\n') == []
    assert wire_name_leaks(module, 'code = raw["Text"]["ErrCode"]\n') == ["ErrCode"]
    assert wire_name_leaks(module, "# the BizToken\n") == ["BizToken"]
    faceid = Module("iauth_desktop.emulator.faceid.x", module.path)
    assert wire_name_leaks(faceid, 'raw["RuleId"] = raw["LiveStatus"]\n') == []
    assert wire_name_leaks(faceid, 'raw["yt_errorcode"]\n') == ["yt_errorcode"]


@dataclass(frozen=True)
class Import:
    target: str
    module_level: bool


def imports_of(module: Module, tree: ast.Module) -> list[Import]:
    """What ``module`` imports of the product; ``module_level`` False inside a function or
    under ``if TYPE_CHECKING``."""
    found: list[Import] = []

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) or (
                isinstance(child, ast.If) and _is_type_checking(child.test)
            ):
                visit(child, False)
            elif isinstance(child, ast.Import):
                found.extend(Import(a.name, top) for a in child.names if _ours(a.name))
            elif isinstance(child, ast.ImportFrom):
                base = _absolute(module, child)
                if not _ours(base):
                    continue
                for alias in child.names:
                    sub = f"{base}.{alias.name}"
                    found.append(Import(sub if sub in MODULE_NAMES else base, top))
            else:
                visit(child, top)

    visit(tree, True)
    return found


def _ours(name: str) -> bool:
    return name == ROOT_NAME or name.startswith(ROOT_NAME + ".")


def _is_type_checking(test: ast.expr) -> bool:
    return isinstance(test, ast.Name) and test.id == "TYPE_CHECKING"


def _absolute(module: Module, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.parts if module.path.name == "__init__.py" else module.parts[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join((*base, node.module)) if node.module else ".".join(base)


IMPORTS = {m.name: imports_of(m, ast.parse(m.path.read_text("utf-8"))) for m in MODULES}


def provider_package(name: str) -> str | None:
    """``detectinfo`` for anything under ``iauth_desktop.core.providers.detectinfo``."""
    parts = name.split(".")
    if parts[:3] == [ROOT_NAME, "core", "providers"] and len(parts) > 3:
        return None if parts[3] in ("base", "registry") else parts[3]
    return None


def provider_import_violations(imports: dict[str, list[Import]]) -> list[str]:
    bad = []
    for name, found in imports.items():
        for imp in found:
            provider = provider_package(imp.target)
            if provider is None or name == "iauth_desktop.core.providers.registry":
                continue
            if provider in name.split("."):  # the provider's own packages, in any layer
                continue
            bad.append(f"{name} -> {imp.target}")
    return bad


def test_only_the_registry_imports_a_provider_package() -> None:
    assert provider_import_violations(IMPORTS) == []


def test_the_provider_import_rule_catches_a_direct_import() -> None:
    fake = {
        "iauth_desktop.ui.case.view": [
            Import("iauth_desktop.core.providers.detectinfo.codes", True)
        ]
    }
    assert provider_import_violations(fake) == [
        "iauth_desktop.ui.case.view -> iauth_desktop.core.providers.detectinfo.codes"
    ]


LAYERS = {
    # layer -> the layers it may import at module level
    "core": {"core"},
    "emulator": {"core", "emulator"},
    "report": {"core", "report"},
    "ui": {"core", "report", "ui"},
    "commands": {"core", "report", "emulator", "commands"},
}


def layer_of(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


def layer_violations(imports: dict[str, list[Import]]) -> list[str]:
    bad = []
    for name, found in imports.items():
        allowed = LAYERS.get(layer_of(name))
        for imp in found:
            target = layer_of(imp.target)
            if target == "ui" and layer_of(name) != "ui" and name != "iauth_desktop.app":
                if imp.module_level or layer_of(name) != "commands":
                    bad.append(f"{name} -> {imp.target}")
            elif allowed is not None and imp.module_level and target not in allowed | {""}:
                bad.append(f"{name} -> {imp.target}")
    return bad


def test_layers_import_only_what_is_below_them() -> None:
    assert layer_violations(IMPORTS) == []


def test_the_layer_rule_catches_core_importing_ui() -> None:
    fake = {"iauth_desktop.core.model.case": [Import("iauth_desktop.ui.labels", True)]}
    assert layer_violations(fake) == ["iauth_desktop.core.model.case -> iauth_desktop.ui.labels"]


def find_cycle(imports: dict[str, list[Import]]) -> list[str] | None:
    graph = {
        name: sorted({i.target for i in found if i.module_level and i.target != name})
        for name, found in imports.items()
    }
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)) is not None:
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in graph:
        if node not in state and (cycle := visit(node)) is not None:
            return cycle
    return None


def test_no_import_cycle_at_module_level() -> None:
    # Importing ``a.b.c`` also runs ``a/b/__init__``; those import nothing of ours (tested
    # below), so the named modules are the whole graph.
    assert find_cycle(IMPORTS) is None


def test_the_cycle_finder_finds_one() -> None:
    fake = {
        "a": [Import("b", True)],
        "b": [Import("c", True), Import("a", False)],
        "c": [Import("a", True)],
    }
    assert find_cycle(fake) == ["a", "b", "c", "a"]
    fake["c"] = [Import("a", False)]
    assert find_cycle(fake) is None


@pytest.mark.parametrize("folder", ["core", "ui"])
def test_few_loose_modules_beside_the_subpackages(folder: str) -> None:
    loose = sorted(p.name for p in (PACKAGE / folder).glob("*.py") if p.name != "__init__.py")
    assert len(loose) <= MAX_LOOSE_MODULES, loose
    assert any((PACKAGE / folder).glob("*/__init__.py"))


def test_package_init_files_import_nothing_of_ours() -> None:
    """So that importing a module never drags in its siblings (and no hidden cycle)."""
    heavy = [m.relative for m in MODULES if m.path.name == "__init__.py" and IMPORTS[m.name]]
    assert heavy == []
