"""Fetch one case through its provider, with the audit log's say before and after.

Both front ends call this: the command line directly, the console in its worker thread. The
audit log is required, never optional: a damaged log refuses before anything is fetched (fail
closed), and every outcome — the verdict, an error class, a cancellation — is recorded.
"""

from __future__ import annotations

import threading

from iauth_desktop.core.audit.chain import AuditIntegrityError
from iauth_desktop.core.audit.guard import PersonalDataError
from iauth_desktop.core.audit.log import AuditLog, describe_outcome, record_fetch
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.errors import IauthError
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.providers.base import Progress, Provider


class AuditRefusal(AuditIntegrityError):
    """The audit log would not take the fetch's entry: the fetch must not count (exit 5).

    ``damaged`` is False when only this entry was refused (it looked like personal data) and
    the log itself is fine.
    """

    def __init__(self, message: str, *, damaged: bool = True) -> None:
        super().__init__(message)
        self.damaged = damaged


class FetchService:
    """Fetches for one reviewer (``None``: the OS user) into one audit log."""

    def __init__(self, audit: AuditLog, reviewer: str | None = None) -> None:
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
    ) -> ReviewCase:
        """The fetched case, recorded; typed errors (recorded too) otherwise."""
        token = token.strip()
        self._check()  # fail closed: a damaged log is reported before anything is fetched
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
        )
        self.record(
            token,
            profile_name,
            outcome.endpoint,
            describe_outcome(None, outcome.result.verdict.status),
        )
        return case

    def record(self, token: str, profile: str | None, endpoint: str, outcome: str) -> None:
        """One fetch entry; AuditRefusal when the log will not take it."""
        try:
            record_fetch(self.audit, self.reviewer, token, profile, endpoint, outcome)
        except PersonalDataError as exc:
            raise AuditRefusal(str(exc), damaged=False) from exc
        except IauthError as exc:
            raise AuditRefusal(str(exc)) from exc

    def _check(self) -> None:
        try:
            self.audit.head()
        except IauthError as exc:
            raise AuditRefusal(str(exc)) from exc
