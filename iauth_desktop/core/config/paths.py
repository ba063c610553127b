"""Where iauth-desktop keeps its configuration and its data.

``IAUTH_CONFIG_DIR`` and ``IAUTH_DATA_DIR`` override the platform's usual places, so tests, the
``--demo`` mode and reviewers with unusual setups never touch the normal ones.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import platformdirs

from iauth_desktop.core.files import PRIVATE_DIR_MODE
from iauth_desktop.core.model.errors import OutputError

APP_NAME = "iauth-desktop"
CONFIG_DIR_ENV = "IAUTH_CONFIG_DIR"
DATA_DIR_ENV = "IAUTH_DATA_DIR"


def config_dir(*, create: bool = True, environ: Mapping[str, str] | None = None) -> Path:
    """The folder holding ``profiles.json``; created (mode 0700) unless ``create`` is false."""
    return _choose(CONFIG_DIR_ENV, platformdirs.user_config_dir, create=create, environ=environ)


def data_dir(*, create: bool = True, environ: Mapping[str, str] | None = None) -> Path:
    """The folder for data the app keeps between runs; created (mode 0700) unless asked not to."""
    return _choose(DATA_DIR_ENV, platformdirs.user_data_dir, create=create, environ=environ)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and its parents) if missing; a folder this call creates gets mode 0700.

    A folder that already exists keeps its mode: the reviewer may have pointed us at a shared
    place on purpose, and silently changing its permissions would be worse than leaving them.
    """
    if not path.is_dir():
        try:
            path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
            # mkdir's mode is filtered through the umask; say what we mean explicitly.
            path.chmod(PRIVATE_DIR_MODE)
        except OSError as exc:
            raise OutputError(
                f"cannot create the folder {path}: {exc.strerror or exc} "
                f"(check {CONFIG_DIR_ENV} / {DATA_DIR_ENV})"
            ) from None
    return path


def _choose(
    variable: str,
    platform_default: Callable[[str], str],
    *,
    create: bool,
    environ: Mapping[str, str] | None,
) -> Path:
    env = os.environ if environ is None else environ
    override = env.get(variable, "").strip()
    path = Path(override).expanduser() if override else Path(platform_default(APP_NAME))
    path = path.absolute()
    return ensure_private_dir(path) if create else path


SCRATCH_NAME = "scratch"


def scratch_dir(*, environ: Mapping[str, str] | None = None) -> Path:
    """Private working space (0700) for exports being built and zips being re-opened.

    Under the data folder rather than the shared temp folder, so that what a crash leaves behind
    stays private and is removed at the next start-up (``clear_scratch``).
    """
    return ensure_private_dir(data_dir(environ=environ) / SCRATCH_NAME)


def clear_scratch(*, environ: Mapping[str, str] | None = None) -> int:
    """Remove whatever an earlier run left in the scratch folder; how many entries went."""
    folder = data_dir(create=False, environ=environ) / SCRATCH_NAME
    if not folder.is_dir():
        return 0
    removed = 0
    for entry in folder.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed += 1
    return removed
