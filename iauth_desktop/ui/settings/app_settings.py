"""The console's own settings (idle close, language, proxy, CA bundle, reviewer, history
retention) in a small JSON file.

Kept beside ``profiles.json`` in ``core.paths.config_dir()`` rather than in QSettings, so the
reviewer's configuration lives in one folder that ``IAUTH_CONFIG_DIR`` moves as a whole. Nothing
secret is stored here: secrets belong to the OS keyring.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from iauth_desktop.core.config.paths import config_dir, ensure_private_dir
from iauth_desktop.core.files import write_atomically
from iauth_desktop.core.model.decision import default_reviewer
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.store.sqlite.history import DEFAULT_RETENTION

FILE_NAME = "console.json"
FORMAT_VERSION = 1
DEFAULT_IDLE_MINUTES = 15  # an open case holds decrypted personal data: closed when left alone
_log = logging.getLogger(__name__)


@dataclass
class AppSettings:
    """``idle_close_minutes`` 0 means never (a choice the settings dialog audits; the default
    is 15); ``language`` None follows the system locale;
    ``reviewer`` None is the OS user; the case history forgets cases after ``retention_days``."""

    idle_close_minutes: int = DEFAULT_IDLE_MINUTES
    language: str | None = None
    proxy: str | None = None
    ca_bundle: str | None = None
    reviewer: str | None = None
    retention_days: int = DEFAULT_RETENTION.days
    database_url: str | None = None  # the team's PostgreSQL (IAUTH_DATABASE_URL wins)

    def reviewer_name(self) -> str:
        """Who signs decisions and audit entries: the name set here, else the OS user."""
        return self.reviewer or default_reviewer() or "unknown"

    @staticmethod
    def path() -> Path:
        return config_dir(create=False) / FILE_NAME

    @classmethod
    def load(cls) -> AppSettings:
        """The saved settings; defaults when the file is missing or unreadable (logged)."""
        path = cls.path()
        try:
            document: Any = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            _log.warning("ignoring unreadable settings file %s: %s", path, type(exc).__name__)
            return cls()
        if not isinstance(document, dict) or document.get("version") != FORMAT_VERSION:
            _log.warning("ignoring settings file %s of an unknown format", path)
            return cls()
        return cls._from_document(document)

    @classmethod
    def _from_document(cls, document: dict[str, Any]) -> AppSettings:
        settings = cls()
        minutes = document.get("idle_close_minutes")
        if isinstance(minutes, int) and not isinstance(minutes, bool) and minutes >= 0:
            settings.idle_close_minutes = minutes
        days = document.get("retention_days")
        if isinstance(days, int) and not isinstance(days, bool) and days >= 1:
            settings.retention_days = days
        for name in ("language", "proxy", "ca_bundle", "reviewer", "database_url"):
            value = document.get(name)
            if isinstance(value, str) and value.strip():
                setattr(settings, name, value.strip())
        return settings

    def save(self) -> None:
        """Write atomically (temp file + rename); UsageError saying why when it cannot."""
        if self.idle_close_minutes < 0:
            raise UsageError(
                QCoreApplication.translate(
                    "AppSettings", "the idle time before closing a case cannot be negative"
                )
            )
        if self.retention_days < 1:
            raise UsageError(
                QCoreApplication.translate(
                    "AppSettings", "the case history must keep cases for at least one day"
                )
            )
        document = {"version": FORMAT_VERSION, **asdict(self)}
        data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        path = self.path()
        try:
            ensure_private_dir(path.parent)
            write_atomically(path, data)
        except OSError as exc:
            raise UsageError(
                QCoreApplication.translate("AppSettings", "cannot write {path}: {reason}").format(
                    path=path, reason=exc.strerror or exc
                )
            ) from None
