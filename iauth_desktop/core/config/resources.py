"""One way to find ``resources/`` whether installed (wheel), editable, or frozen by PyInstaller.

The wheel maps the top-level ``resources/`` folder to ``iauth_desktop/resources``; a source or
editable checkout has it beside the package; a PyInstaller bundle collects it to the same
package-relative place.
"""

from __future__ import annotations

import importlib.resources
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    packaged = Path(str(importlib.resources.files("iauth_desktop"))) / "resources"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"resources not found at {packaged} nor {checkout}")


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/`` (it may not exist; callers check)."""
    return resources_dir().joinpath(*parts)
