"""The entries of the token bar's profile list: what the status bar shows, how to get secrets.

Secrets are read only when a fetch starts, in the worker (a keyring may pop up an unlock prompt
and must not freeze the window); the endpoint and appid shown beforehand need no secret.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from iauth_desktop.core.config.profiles import LEGACY_PROVIDER, ProfileStore
from iauth_desktop.core.config.resolve import Credentials, resolve_credentials
from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.messages import Detail

_log = logging.getLogger(__name__)
# The entries that are no saved profile: kept in English in ``Connection.label``, shown translated.
_ENVIRONMENT = str(QT_TRANSLATE_NOOP("Connections", "environment"))
_NOT_CONFIGURED = str(QT_TRANSLATE_NOOP("Connections", "(not configured)"))


@dataclass(frozen=True)
class Connection:
    """One choice of the profile list. ``resolve`` may read the keyring: call it in a worker."""

    label: str
    profile_name: str | None
    endpoint: str
    appid: str | None
    resolve: Callable[[], Credentials]
    provider: str = LEGACY_PROVIDER  # the service its tokens are fetched from


def fixed_connection(creds: Credentials, label: str | None = None) -> Connection:
    """A connection whose credentials are already known (the demo, or resolved at start-up)."""
    name = label or creds.profile_name or _ENVIRONMENT
    return Connection(
        name, creds.profile_name, creds.endpoint, creds.appid, lambda: creds, creds.provider
    )


def unconfigured_connection(problem: str | Detail, endpoint: str) -> Connection:
    """Start-up could not resolve credentials: fetching explains ``problem`` again."""

    def resolve() -> Credentials:
        raise UsageError(
            problem or QCoreApplication.translate("Connections", "no credentials are configured")
        )

    return Connection(_NOT_CONFIGURED, None, endpoint, None, resolve)


def display_label(connection: Connection) -> str:
    """The label in the interface language: a profile's name as it is, built-in entries
    translated."""
    if connection.profile_name is None and connection.label in (_ENVIRONMENT, _NOT_CONFIGURED):
        return QCoreApplication.translate("Connections", connection.label)
    return connection.label


def profile_connection(
    name: str, *, endpoint_override: str | None, store: ProfileStore
) -> Connection | None:
    """A saved profile; None (logged) when it cannot be used with the current environment."""
    try:
        shown = resolve_credentials(
            endpoint=endpoint_override,
            profile=name,
            environ=os.environ,
            profiles=store,
            secrets=None,
            need_sign=False,
            need_decrypt=False,
        )
    except UsageError as exc:
        _log.warning("profile %r is not usable: %s", name, exc)
        return None

    def resolve() -> Credentials:
        return resolve_credentials(
            endpoint=endpoint_override,
            profile=name,
            environ=os.environ,
            profiles=store,
            secrets=SecretStore(),
        )

    return Connection(name, name, shown.endpoint, shown.appid, resolve, shown.provider)


def build_connections(
    initial: Connection, *, endpoint_override: str | None, store: ProfileStore | None
) -> list[Connection]:
    """``initial`` first, then every other saved profile (none when ``store`` is None)."""
    connections = [initial]
    if store is None:
        return connections
    try:
        profiles = store.list()
    except UsageError as exc:
        _log.warning("cannot list profiles: %s", exc)
        return connections
    for profile in profiles:
        if profile.name == initial.profile_name:
            continue
        connection = profile_connection(
            profile.name, endpoint_override=endpoint_override, store=store
        )
        if connection is not None:
            connections.append(connection)
    return connections
