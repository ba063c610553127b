"""Fixtures of the export tests: a demo evidence bundle, a stand-in report, an output folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.core.export.support import STAND_IN_PDF
from tests.report.demo_cases import demo_bundle


@pytest.fixture(scope="session")
def bundle_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_bundle(tmp_path_factory.mktemp("template"))


@pytest.fixture
def bundle(tmp_path: Path, bundle_template: Path) -> Path:
    """A fresh copy per test: tests may tamper with it."""
    return Path(shutil.copytree(bundle_template, tmp_path / "src" / "bundle-pass"))


@pytest.fixture
def stand_in(tmp_path: Path) -> Path:
    path = tmp_path / "stand-in.pdf"
    path.write_bytes(STAND_IN_PDF)
    return path


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder
