"""Fetch one case through its provider, with the audit log's say before and after.

Both front ends call this: the command line directly, the console in its worker thread. The
audit log is required, never optional: a damaged log refuses before anything is fetched (fail
closed), and every outcome — the verdict, an error class, a cancellation — is recorded.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable

from iauth_desktop.core.audit import events
from iauth_desktop.core.audit.log import describe_outcome
from iauth_desktop.core.audit.trail import AuditTrail
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.errors import IauthError
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.providers.base import Progress, Provider
from iauth_desktop.core.review.auditing import AuditRefusal, record, require_usable

__all__ = ["AuditRefusal", "FetchService"]


class FetchService:
    """Fetches for one reviewer (``None``: the OS user) into one audit log."""

    def __init__(self, audit: AuditTrail, reviewer: str | None = None) -> None:
        self.audit = audit
        self.reviewer = reviewer

    def fetch(
        self,
        provider: Provider,
        token: str,
        mode: FetchMode,
        *,
        profile_name: str | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        keep: Callable[[ReviewCase], object] | None = None,
    ) -> ReviewCase:
        """The fetched case, recorded; typed errors (recorded too) otherwise.

        ``keep`` (the command line's bundle writing) runs before the entry is written, so the
        entry says what happened: ``fetched: passed; bundle written``, or ``…; not written:``
        and why. Without it the entry reads ``fetched: passed`` — never the verdict alone."""
        token = token.strip()
        require_usable(
            self.audit
        )  # fail closed: a damaged log is reported before anything is fetched
        try:
            outcome = provider.fetch(token, mode, progress=progress, cancel=cancel)
        except (IauthError, KeyboardInterrupt) as exc:
            self.record(token, profile_name, provider.endpoint, describe_outcome(exc))
            raise
        case = ReviewCase(
            result=outcome.result,
            token=outcome.token,
            endpoint=outcome.endpoint,
            mode=outcome.mode,
            fetched_at=outcome.fetched_at,
            origin="fetch",
            profile_name=profile_name,
            request=dict(outcome.request),
            fetch_id=uuid.uuid4().hex,
        )
        said = f"fetched: {describe_outcome(None, outcome.result.verdict.status)}"
        if case.evidence_complete is False:
            said += ", evidence incomplete"
        if keep is not None:
            try:
                keep(case)
            except (IauthError, KeyboardInterrupt) as exc:
                why = f"{said}; not written: {describe_outcome(exc)}"
                self.record(token, profile_name, outcome.endpoint, why)
                raise
            said += "; bundle written"
        self.record(token, profile_name, outcome.endpoint, said)
        return case

    def record(self, token: str, profile: str | None, endpoint: str, outcome: str) -> None:
        """One fetch entry; AuditRefusal when the log will not take it."""
        record(self.audit, events.fetched(token, profile, endpoint, outcome), self.reviewer)
