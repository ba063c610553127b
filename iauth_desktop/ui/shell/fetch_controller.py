"""Fetch one case in the background: credentials, ``DetectInfoClient.fetch``, ``prepare_case``.

All of it runs as one task of a ``TaskRunner``; the controller turns the outcome into signals
the window shows, and holds the case on screen (``current``) until Close case drops it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.errors import (
    DecryptionError,
    ServiceError,
    TransportError,
    UsageError,
)
from iauth_desktop.core.providers.detectinfo.client import DetectInfoClient
from iauth_desktop.core.providers.detectinfo.codes import api_error
from iauth_desktop.core.providers.detectinfo.options import ClientOptions
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.case.prepared_case import PreparedCase, prepare_case
from iauth_desktop.ui.i18n import current_language
from iauth_desktop.ui.settings.app_settings import AppSettings
from iauth_desktop.ui.settings.connections import Connection
from iauth_desktop.ui.tasks import Progress, TaskFailure, TaskRunner

INFO_FULL, INFO_TEXT_ONLY = 0, 1
AUDIT_EXIT = 5  # as the command line's: the audit log fails verification
TOKEN_EXPIRED_CODES = (11, 12)


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
        self.audit: AuditHooks | None = None  # every fetch's outcome goes to its audit log
        self._pending: tuple[str, Connection] | None = None

    @property
    def current(self) -> PreparedCase | None:
        """The case on screen; None after Close case."""
        return self._current

    @property
    def runner(self) -> TaskRunner:
        return self._runner

    def is_running(self) -> bool:
        return self._runner.is_running()

    def fetch(self, token: str, info_type: int, connection: Connection) -> None:
        options = self.make_options(self._settings())
        token = token.strip()
        if self.audit is not None and not self.audit.usable:  # fail closed
            self.failed.emit(audit_refusal(self.audit.damage or ""), AUDIT_EXIT)
            return
        if self._runner.is_running():
            self._on_cancelled_quietly()  # the running fetch is replaced: record it as cancelled
        self._pending = (token, connection)

        def work(progress: Progress, cancel: threading.Event) -> PreparedCase:
            return fetch_case(
                connection,
                token,
                info_type=info_type,
                options=options,
                progress=progress,
                cancel=cancel,
            )

        self._runner.start(work)
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
        self._pending = None
        if self.audit is not None and not self.audit.fetched(prepared.case):
            self.failed.emit(audit_refusal(self.audit.last_refusal), AUDIT_EXIT)
            return  # an unrecorded fetch is not shown
        self._current = prepared
        self.finished.emit(prepared)

    @Slot(object)
    def _on_failed(self, failure: TaskFailure) -> None:
        pending, self._pending = self._pending, None
        if self.audit is not None and pending is not None:
            token, connection = pending
            self.audit.fetch_failed(
                token, connection.profile_name, connection.endpoint, failure.error
            )
        self.failed.emit(describe_failure(failure), failure.exit_code)

    @Slot()
    def _on_cancelled(self) -> None:
        self._on_cancelled_quietly()
        self.cancelled.emit()

    def _on_cancelled_quietly(self) -> None:
        pending, self._pending = self._pending, None
        if self.audit is not None and pending is not None:
            token, connection = pending
            self.audit.fetch_cancelled(token, connection.profile_name, connection.endpoint)


def options_from_settings(settings: AppSettings) -> ClientOptions:
    return ClientOptions(proxy=settings.proxy, ca_bundle=settings.ca_bundle)


def fetch_case(
    connection: Connection,
    token: str,
    *,
    info_type: int,
    options: ClientOptions,
    progress: Progress,
    cancel: threading.Event,
) -> PreparedCase:
    """The whole fetch, in the worker: secrets, request, decryption, media decoding."""
    creds = connection.resolve()
    client = DetectInfoClient(
        creds.endpoint, creds.appid or "", creds.secret_key or "", creds.aes_key or "", options
    )
    outcome = client.fetch(token, info_type, progress=progress, cancel=cancel)
    case = ReviewCase(
        result=outcome.result,
        token=outcome.token,
        endpoint=outcome.endpoint,
        info_type=outcome.info_type,
        fetched_at=outcome.fetched_at,
        origin="fetch",
        profile_name=creds.profile_name,
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
        info = api_error(error.code)
        meaning = info.zh if current_language() == "zh_CN" else info.en
        text = QCoreApplication.translate(
            "FetchController", "The service answered error code {code} ({name}): {meaning}"
        ).format(code=error.code, name=error.name, meaning=meaning)
        if error.errormsg:
            text += " — " + QCoreApplication.translate(
                "FetchController", "the service said: {message}"
            ).format(message=error.errormsg)
        if error.code in TOKEN_EXPIRED_CODES:
            text += "\n" + QCoreApplication.translate(
                "FetchController",
                "This token has expired (tokens are kept about 3 days); reopen it from an "
                "export instead.",
            )
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
        problem=prefix, details=failure.message
    )
