"""The core never imports Qt: import every submodule in a fresh interpreter with PySide6 blocked."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import iauth_desktop.core

SCRIPT = """
import importlib, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
            raise ImportError("Qt is blocked in this test: " + name)
        return None

sys.meta_path.insert(0, BlockQt())
for name in sys.argv[1:]:
    importlib.import_module(name)
assert not any(m.startswith("PySide6") for m in sys.modules)
print(len(sys.argv) - 1)
"""


def test_every_core_module_imports_without_qt() -> None:
    package = Path(iauth_desktop.core.__file__).parent
    names = [m.name for m in pkgutil.walk_packages([str(package)], prefix="iauth_desktop.core.")]
    assert len(names) >= 60  # subpackages walked, not just the loose modules
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *names], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(len(names))


def test_the_blocker_really_blocks() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, "PySide6.QtCore"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Qt is blocked" in result.stderr
