"""Fetch one case in the background: credentials, the provider's fetch, ``prepare_case``.

All of it runs as one task of a ``TaskRunner``, through the review service that records every
outcome in the audit log (in the worker, so the log's disk writes never hold up the window); the
controller turns the outcome into signals the window shows, and holds the case on screen
(``current``) until Close case drops it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from iauth_desktop.core.audit.log import describe_outcome
from iauth_desktop.core.model.errors import (
    DecryptionError,
    IauthError,
    ServiceError,
    TokenGone,
    TransportError,
    UsageError,
)
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.net.child_fetch import ChildFetcher, ChildProvider
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.base import Provider
from iauth_desktop.core.providers.registry import get_spec
from iauth_desktop.core.review.fetching import AuditRefusal, FetchService
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.case.prepared_case import PreparedCase, media_buffer, prepare_case
from iauth_desktop.ui.error_text import error_text, service_meaning
from iauth_desktop.ui.settings.app_settings import AppSettings
from iauth_desktop.ui.settings.connections import Connection
from iauth_desktop.ui.tasks import Progress, TaskFailure, TaskRunner

AUDIT_EXIT = 5  # as the command line's: the audit log fails verification


class FetchController(QObject):
    """``fetch`` starts (cancelling a running fetch); signals report in the GUI thread.

    ``failed(message, exit_code)`` carries a translated message and the CLI's exit-code class
    (2 configuration, 3 service error code, 4 network, 5 decryption, 1 internal).
    """

    started = Signal()
    progress = Signal("qlonglong", "qlonglong")  # received, total (-1: unknown)
    finished = Signal(object)  # PreparedCase
    failed = Signal(str, int)
    cancelled = Signal()

    def __init__(
        self,
        audit: AuditHooks,
        parent: QObject | None = None,
        *,
        settings: Callable[[], AppSettings] = AppSettings.load,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.make_options: Callable[[AppSettings], ClientOptions] = options_from_settings
        self._runner = TaskRunner("fetch", self)
        self._runner.progress.connect(self.progress)
        self._runner.succeeded.connect(self._on_succeeded)
        self._runner.failed.connect(self._on_failed)
        self._runner.cancelled.connect(self._on_cancelled)
        self._current: PreparedCase | None = None
        # set: every fetch's download, decryption and decoding run in this worker process, so
        # they never hold the GIL the window needs (None: in the task's thread, as in tests)
        self.fetcher: ChildFetcher | None = None
        self.audit = audit  # every fetch's outcome goes to its audit log

    @property
    def current(self) -> PreparedCase | None:
        """The case on screen; None after Close case."""
        return self._current

    @property
    def runner(self) -> TaskRunner:
        return self._runner

    def is_running(self) -> bool:
        return self._runner.is_running()

    def fetch(self, token: str, mode: FetchMode, connection: Connection) -> None:
        options = self.make_options(self._settings())
        token = token.strip()
        if not self.audit.usable:  # fail closed
            self.failed.emit(audit_refusal(self.audit.damage or ""), AUDIT_EXIT)
            return
        service = FetchService(self.audit.log, self.audit.reviewer())
        fetcher = self.fetcher

        def work(progress: Progress, cancel: threading.Event) -> PreparedCase:
            return fetch_case(
                service,
                connection,
                token,
                mode=mode,
                options=options,
                progress=progress,
                cancel=cancel,
                fetcher=fetcher,
            )

        self._runner.start(work)  # a running fetch is cancelled, and records that itself
        self.started.emit()

    def cancel(self) -> None:
        self._runner.cancel()

    def adopt(self, prepared: PreparedCase) -> None:
        """A case that arrived another way (an opened bundle) becomes the one on screen."""
        self._current = prepared

    def drop_case(self) -> None:
        self._current = None

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        return self._runner.shutdown(timeout_ms)

    @Slot(object)
    def _on_succeeded(self, prepared: PreparedCase) -> None:
        self._current = prepared
        self.finished.emit(prepared)

    @Slot(object)
    def _on_failed(self, failure: TaskFailure) -> None:
        if isinstance(failure.error, AuditRefusal):
            reason = error_text(failure.error)
            self.audit.refused(reason, damaged=failure.error.damaged)
            self.failed.emit(audit_refusal(reason), AUDIT_EXIT)
            return  # an unrecorded fetch is not shown
        self.failed.emit(describe_failure(failure), failure.exit_code)

    @Slot()
    def _on_cancelled(self) -> None:
        self.cancelled.emit()


def options_from_settings(settings: AppSettings) -> ClientOptions:
    return ClientOptions(proxy=settings.proxy, ca_bundle=settings.ca_bundle)


def fetch_case(
    service: FetchService,
    connection: Connection,
    token: str,
    *,
    mode: FetchMode,
    options: ClientOptions,
    progress: Progress,
    cancel: threading.Event,
    fetcher: ChildFetcher | None = None,
) -> PreparedCase:
    """The whole fetch, in the worker: secrets, request, decryption, audit, media decoding
    (the request, decryption and decoding in ``fetcher``'s process when one is given)."""
    try:
        creds = connection.resolve()
        provider: Provider = get_spec(creds.provider).connect(creds, options)
        if fetcher is not None:  # connected here too: bad credentials are told at once
            # each medium read straight into the QByteArray it is shown from
            provider = ChildProvider(provider, creds, options, fetcher, media_buffer)
    except IauthError as exc:  # no credentials, bad key: recorded like any failed fetch
        service.record(
            token.strip(), connection.profile_name, connection.endpoint, describe_outcome(exc)
        )
        raise
    case = service.fetch(
        provider,
        token,
        mode,
        profile_name=creds.profile_name,
        progress=progress,
        cancel=cancel,
    )
    return prepare_case(case, cancel)


def audit_refusal(reason: str) -> str:
    return QCoreApplication.translate(
        "FetchController",
        "The fetch cannot be recorded in the audit log, so nothing is fetched or shown "
        "({reason}). Run “iauth-desktop audit verify” to see what is wrong.",
    ).format(reason=reason)


def describe_failure(failure: TaskFailure) -> str:
    """A reviewer's sentence: what kind of problem, then the core's own plain message."""
    error = failure.error
    if error is None:
        return QCoreApplication.translate(
            "FetchController",
            "Internal error: the fetch stopped unexpectedly (details are in the log).",
        )
    if isinstance(error, ServiceError):
        text = QCoreApplication.translate(
            "FetchController", "The service answered error code {code} ({name}): {meaning}"
        ).format(code=error.code, name=error.name, meaning=service_meaning(error))
        if error.errormsg:
            text += " — " + QCoreApplication.translate(
                "FetchController", "the service said: {message}"
            ).format(message=error.errormsg)
        if error.token_gone is not None:
            text += "\n" + token_gone_note(error.token_gone)
        return text
    if isinstance(error, TransportError):
        prefix = QCoreApplication.translate("FetchController", "Network or service problem")
    elif isinstance(error, DecryptionError):
        prefix = QCoreApplication.translate("FetchController", "Decryption failed")
    elif isinstance(error, UsageError):
        prefix = QCoreApplication.translate("FetchController", "Configuration problem")
    else:
        prefix = QCoreApplication.translate("FetchController", "Error")
    return QCoreApplication.translate("FetchController", "{problem}: {details}").format(
        problem=prefix, details=error_text(error)
    )


def token_gone_note(why: TokenGone) -> str:
    """Why the service no longer answers for a token, and where its case can still be found."""
    if why is TokenGone.FLOW_EXPIRED:
        return QCoreApplication.translate(
            "FetchController",
            "This token is past the 2-hour limit of its verification flow, so the service no "
            "longer answers for it; reopen the case from an export instead.",
        )
    return QCoreApplication.translate(
        "FetchController",
        "The service no longer keeps this token's result (it is kept about 3 days); reopen "
        "the case from an export instead.",
    )
