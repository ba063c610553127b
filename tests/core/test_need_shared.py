"""Tests that need the team's ../shared folder skip in a fresh clone, but fail under CI=true."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import need_shared


def test_a_missing_shared_folder_skips_outside_ci(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        need_shared(tmp_path / "shared" / "spec")


def test_a_missing_shared_folder_fails_under_ci(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"CI must provide \.\./shared"):
        need_shared(tmp_path / "shared" / "spec")
    (tmp_path / "shared").mkdir()
    assert need_shared(tmp_path / "shared") == tmp_path / "shared"
