"""Packaging tests: the files under packaging/ are scripts, not a package; load them by path."""

from __future__ import annotations

import importlib
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
PYINSTALLER_DIR = PACKAGING / "pyinstaller"
ICON_DIR = ROOT / "resources" / "icons"
LINUX_DIR = PACKAGING / "linux"
DESKTOP_FILE = LINUX_DIR / "iauth-desktop.desktop"
METAINFO_FILE = LINUX_DIR / "io.github.iauth_desktop.metainfo.xml"


Loader = Callable[..., ModuleType]


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


@pytest.fixture
def packaging_module(monkeypatch: pytest.MonkeyPatch) -> Loader:
    """``load(name, folder)``: import ``folder/name.py`` with ``folder`` on sys.path."""

    def load(name: str, folder: Path = PYINSTALLER_DIR) -> ModuleType:
        monkeypatch.syspath_prepend(str(folder))
        sys.modules.pop(name, None)
        return importlib.import_module(name)

    return load
