"""Where the console fetches a queued case from: the profile (or endpoint) it was queued with,
among the token bar's connections, through the provider it names."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.queue import QueueItem, QueueOrigin
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.base import Provider
from iauth_desktop.core.providers.registry import get_spec
from iauth_desktop.core.review.fetching import FetchService
from iauth_desktop.ui.case.prepared_case import PreparedCase, prepare_case
from iauth_desktop.ui.settings.connections import Connection
from iauth_desktop.ui.tasks import Progress


def origin_of(connection: Connection) -> QueueOrigin:
    """What tokens queued through ``connection`` remember: its profile, else its endpoint."""
    provider = connection.provider
    if connection.profile_name is not None:
        return QueueOrigin(provider, profile_name=connection.profile_name)
    return QueueOrigin(provider, endpoint=connection.endpoint)


def connection_for(item: QueueItem, connections: Sequence[Connection]) -> Connection:
    for connection in connections:
        if item.profile_name is not None and connection.profile_name == item.profile_name:
            return connection
    for connection in connections:
        if item.profile_name is None and connection.endpoint == (item.endpoint or ""):
            return connection
    if item.profile_name is None and item.endpoint is None and connections:
        return connections[0]  # queued with the environment's credentials
    raise UsageError(
        QCoreApplication.translate(
            "QueueOrigin",
            "{token} was queued for the profile {profile}, which this console does not have: "
            "add it in Settings.",
        ).format(token=item.token, profile=item.profile_name or item.endpoint or "—")
    )


class QueueConnector:
    """Providers for queued cases, one per origin (cached), and the full fetch of a case."""

    def __init__(
        self,
        connections: Callable[[], Sequence[Connection]],
        options: Callable[[], ClientOptions],
        fetcher: Callable[[], FetchService],
    ) -> None:
        self._connections = connections
        self._options = options
        self._fetcher = fetcher
        self._cache: dict[tuple[str, str | None, str | None], Provider] = {}
        self._lock = threading.Lock()

    def provider(self, item: QueueItem) -> Provider:
        key = (item.provider, item.profile_name, item.endpoint)
        with self._lock:
            found = self._cache.get(key)
        if found is None:
            connection = connection_for(item, self._connections())
            found = get_spec(item.provider).connect(connection.resolve(), self._options())
            with self._lock:
                self._cache[key] = found
        return found

    def fetch_full(
        self, item: QueueItem, progress: Progress, cancel: threading.Event
    ) -> PreparedCase:
        """The case's full evidence, in memory, recorded in the audit log like any fetch."""
        case = self._fetcher().fetch(
            self.provider(item),
            item.token,
            FetchMode.FULL,
            profile_name=item.profile_name,
            progress=progress,
            cancel=cancel,
        )
        return prepare_case(case, cancel)
