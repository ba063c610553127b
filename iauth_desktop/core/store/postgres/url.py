"""Which database a team store connects to, and the rules for saying so safely.

The URL is a libpq connection string (``postgresql://reviewer1@db.example:5432/iauth``). It never
holds a password — that would end up in settings and shell history; libpq's ``PGPASSWORD`` and
``~/.pgpass`` (or the OS keyring) supply it. Any host that is not loopback needs
``sslmode=verify-full``, the same rule as plain http for the verification service.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from psycopg.conninfo import conninfo_to_dict

from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.net.endpoints import is_loopback_host


@dataclass(frozen=True)
class DatabaseTarget:
    conninfo: str
    host: str  # "" or a socket folder for local connections
    dbname: str
    user: str | None
    port: str = ""

    @property
    def key(self) -> str:
        """``user@host:port/dbname``: the name of this login's password in the OS keyring."""
        return f"{self.user or ''}@{self.host or 'local'}:{self.port or '5432'}/{self.dbname}"


def connect_kwargs(target: DatabaseTarget, secrets: SecretStore | None = None) -> dict[str, Any]:
    """libpq finds the password itself (``PGPASSWORD``, ``~/.pgpass``); failing those, the OS
    keyring may hold it (``db password``). Never a plaintext fallback."""
    if os.environ.get("PGPASSWORD") or os.environ.get("PGPASSFILE"):
        return {}
    password = (secrets or SecretStore()).get_database_password(target.key)
    return {"password": password} if password else {}


def check_database_url(url: str) -> DatabaseTarget:
    """The URL, checked; UsageError (exit 2) in words for one that must not be used."""
    try:
        params = conninfo_to_dict(url.strip())
    except Exception as exc:  # noqa: BLE001 - psycopg's parse errors, said in words
        raise UsageError(
            f"the database URL is not a valid libpq connection string: {exc}"
        ) from None
    if params.get("password"):
        raise UsageError(
            "the database URL holds a password, which would end up in settings and shell "
            "history: remove it and use PGPASSWORD, ~/.pgpass or the OS keyring"
        )
    hosts = [h for h in str(params.get("host", "")).split(",") if h]
    remote = [h for h in hosts if not h.startswith("/") and not is_loopback_host(h)]
    if remote and params.get("sslmode") != "verify-full":
        raise UsageError(
            f"the database host {remote[0]} is not on this machine: add sslmode=verify-full "
            "(and sslrootcert= if the server's CA is not the system's) so the connection is "
            "encrypted and the server's certificate checked"
        )
    return DatabaseTarget(
        conninfo=url.strip(),
        host=",".join(hosts),
        dbname=str(params.get("dbname", "")),
        user=None if params.get("user") is None else str(params.get("user")),
        port=str(params.get("port", "")),
    )
