"""The README's exit-code table covers every exit the command line can make (issue #12)."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import iauth_desktop
from iauth_desktop.core.model.errors import IauthError

README = Path(__file__).resolve().parents[2] / "README.md"


def documented_codes() -> set[int]:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| code | meaning |") :].split("\n\n", 1)[0]
    return {int(m) for m in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)}


def all_subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *all_subclasses(sub)}
    return found


def test_every_typed_error_exit_is_documented() -> None:
    for module in pkgutil.walk_packages(iauth_desktop.__path__, "iauth_desktop."):
        if (
            ".ui" in module.name
            or module.name.endswith(("app", "__main__"))
            or ".report" in module.name
        ):
            continue
        importlib.import_module(module.name)
    codes = {error.exit_code for error in {IauthError, *all_subclasses(IauthError)}}
    codes |= {0, 2, 130, 141}  # done, argparse's usage errors, interrupted, closed pipe
    assert codes <= documented_codes(), codes - documented_codes()
    assert documented_codes() == {0, 1, 2, 3, 4, 5, 6, 130, 141}
