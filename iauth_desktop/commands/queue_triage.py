"""``queue triage``: text-only fetches of the pending cases, with a progress line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from iauth_desktop.core.config.profiles import ProfileStore
from iauth_desktop.core.config.resolve import resolve_credentials
from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.core.model.queue import QueueItem
from iauth_desktop.core.providers.base import Provider
from iauth_desktop.core.providers.registry import get_spec
from iauth_desktop.core.review.fetching import FetchService
from iauth_desktop.core.review.queueing import QueueService
from iauth_desktop.core.review.triage import Triage, TriageReport, TriageSettings


def provider_for_items() -> Callable[[QueueItem], Provider]:
    """Connects each queued case through its own profile or endpoint (cached per origin)."""
    cache: dict[tuple[str, str | None, str | None], Provider] = {}
    profiles = ProfileStore.default_location()
    secrets = SecretStore()

    def connect(item: QueueItem) -> Provider:
        key = (item.provider, item.profile_name, item.endpoint)
        if key not in cache:
            creds = resolve_credentials(
                endpoint=item.endpoint,
                profile=item.profile_name,
                environ=os.environ,
                profiles=profiles,
                secrets=secrets,
                provider=item.provider,
            )
            cache[key] = get_spec(creds.provider).connect(creds)
        return cache[key]

    return connect


def triage(service: QueueService, args: argparse.Namespace) -> TriageReport:
    settings = TriageSettings(
        workers=args.workers, backoff_s=args.backoff, wait_for_retries=not args.no_wait
    )
    runner = Triage(
        service, FetchService(service.audit, service.reviewer), provider_for_items(), settings
    )
    tty = sys.stderr.isatty()

    def progress(report: TriageReport) -> None:
        if tty:
            sys.stderr.write(
                f"\rtriaged {report.triaged}, expired {report.expired}, "
                f"failed {report.failed}, retrying {report.retrying}"
            )
            sys.stderr.flush()

    try:
        return runner.run(progress=progress)
    finally:
        if tty:
            sys.stderr.write("\n")
