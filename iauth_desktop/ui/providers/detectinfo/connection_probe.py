"""Settings → "Test connection": sign a request for a dummy token and explain the answer.

The dummy token can never be known to the service, so the interesting part of the answer is
*which* error comes back: 3 means the signature was rejected, 4 that none arrived, and any other
code means the signature passed and the service went on to judge the token. The probe runs
through the shell's background-task primitive, off the GUI thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication, QObject, Signal

from iauth_desktop.core.model.errors import (
    CancelledError,
    DecryptionError,
    HttpStatusError,
    IauthError,
    MalformedResponseError,
    ServiceError,
    TransportError,
    TruncatedResponseError,
    UsageError,
)
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.detectinfo.client import DetectInfoClient
from iauth_desktop.core.providers.detectinfo.codes import api_error
from iauth_desktop.ui.error_text import error_text
from iauth_desktop.ui.i18n import current_language
from iauth_desktop.ui.tasks import Progress, TaskFailure, TaskRunner

DUMMY_TOKEN = "{00000000-0000-0000-0000-000000000000}"  # noqa: S105 - not a secret
# The probe never decrypts a real case (the dummy token has none), yet the client insists on a
# well-formed result key; this one is public and only ever meets an error answer.
_PROBE_AES_KEY = "connection-test-key-not-a-secret"

ProbeKind = Literal["accepted", "rejected", "unsigned", "unreachable", "http", "garbled", "config"]


@dataclass(frozen=True)
class ProbeOutcome:
    """What the probe learnt. ``detail`` is the core's own message (never holds a secret)."""

    kind: ProbeKind | Literal["cancelled"]
    code: int | None = None
    service_message: str = ""
    detail: str = ""


def probe_connection(
    endpoint: str,
    appid: str,
    secret_key: str,
    options: ClientOptions | None = None,
    *,
    cancel: threading.Event | None = None,
    clock: Callable[[], float] = time.time,
) -> ProbeOutcome:
    """One signed, text-only request for DUMMY_TOKEN; every outcome is data, never raised."""
    base = options or ClientOptions()
    quick = ClientOptions(
        connect_timeout=min(base.connect_timeout, 10.0),
        read_timeout=min(base.read_timeout, 30.0),
        retries=0,
        proxy=base.proxy,
        ca_bundle=base.ca_bundle,
    )
    try:
        client = DetectInfoClient(endpoint, appid, secret_key, _PROBE_AES_KEY, quick, clock=clock)
        client.fetch(DUMMY_TOKEN, 1, cancel=cancel)
    except IauthError as exc:
        return _outcome_of(exc)
    return ProbeOutcome("accepted", 0)


# Checked in order: the first class the error is an instance of decides.
_KIND_OF_ERROR: tuple[tuple[type[IauthError], ProbeKind | Literal["cancelled"]], ...] = (
    (DecryptionError, "accepted"),  # errorcode 0: it even answered with data
    (CancelledError, "cancelled"),
    (HttpStatusError, "http"),
    (MalformedResponseError, "garbled"),
    (TruncatedResponseError, "garbled"),
    (TransportError, "unreachable"),
    (UsageError, "config"),
)


def _outcome_of(error: IauthError) -> ProbeOutcome:
    if isinstance(error, ServiceError):
        code = error.code
        kind: ProbeKind = "rejected" if code == 3 else "unsigned" if code == 4 else "accepted"
        return ProbeOutcome(kind, code, error.errormsg, error_text(error))
    if isinstance(error, HttpStatusError):
        return ProbeOutcome("http", error.status, detail=error_text(error))
    for cls, found in _KIND_OF_ERROR:
        if isinstance(error, cls):
            return ProbeOutcome(found, 0 if found == "accepted" else None, detail=error_text(error))
    return ProbeOutcome("config", detail=error_text(error))


def _code_meaning(code: int) -> str:
    info = api_error(code)
    meaning = info.zh if current_language() == "zh_CN" else info.en
    return f"{info.name}: {meaning}" if info.name else meaning


def explain_outcome(outcome: ProbeOutcome) -> str:
    """The outcome in plain words for the reviewer, in the interface language."""
    code = outcome.code if outcome.code is not None else 0
    said = QCoreApplication.translate("ConnectionTest", "The service said: “{message}”.").format(
        message=outcome.service_message
    )
    redundant = outcome.service_message in ("", api_error(code).name)
    said = "" if redundant else said
    if outcome.kind == "accepted":
        if code == 0:
            return QCoreApplication.translate(
                "ConnectionTest", "Signature accepted: the service answered the test request."
            )
        accepted = QCoreApplication.translate(
            "ConnectionTest",
            "Signature accepted. The service answered code {code} ({meaning}) for the "
            "dummy token — the token is unknown, as expected. Credentials and endpoint "
            "work.",
        ).format(code=code, meaning=_code_meaning(code))
        return f"{accepted} {said}".strip()
    texts: dict[str, str] = {
        "rejected": QCoreApplication.translate(
            "ConnectionTest",
            "Signature rejected (code 3, HTTP_UNAUTHORIZED): the secret key or the appid is "
            "wrong for this endpoint, or this computer's clock is off. Check the secret key, "
            "the appid and the system time.",
        ),
        "unsigned": QCoreApplication.translate(
            "ConnectionTest",
            "The service saw no signature (code 4, HTTP_NOT_SIGNATURE). A proxy or gateway "
            "between here and the service may be removing the “signature” header.",
        ),
        "unreachable": QCoreApplication.translate(
            "ConnectionTest",
            "Could not reach the service. Check the endpoint URL, the proxy and the CA "
            "bundle. Details: {detail}",
        ),
        "http": QCoreApplication.translate(
            "ConnectionTest",
            "The endpoint answered with HTTP status {code} instead of the service's JSON: "
            "check the URL and the proxy. Details: {detail}",
        ),
        "garbled": QCoreApplication.translate(
            "ConnectionTest",
            "Something answered, but not like getdetectinfo.php: is the endpoint URL right? "
            "Details: {detail}",
        ),
        "config": QCoreApplication.translate(
            "ConnectionTest", "The test could not start: {detail}"
        ),
        "cancelled": QCoreApplication.translate("ConnectionTest", "The test was cancelled."),
    }
    text = texts[outcome.kind].format(code=code, detail=outcome.detail)
    return f"{text} {said}".strip() if outcome.kind in ("rejected", "unsigned") else text


class ConnectionTester(QObject):
    """Runs ``probe_connection`` through the shell's TaskRunner (off the GUI thread);
    ``finished(ProbeOutcome)`` arrives on the GUI thread. A new test cancels a running one."""

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = TaskRunner("connection-test", self)
        self._runner.succeeded.connect(self.finished)
        self._runner.failed.connect(self._on_failed)

    def running(self) -> bool:
        return self._runner.is_running()

    def start(
        self,
        endpoint: str,
        appid: str,
        secret_key: str,
        options: ClientOptions | None = None,
    ) -> None:
        def work(_progress: Progress, cancel: threading.Event) -> ProbeOutcome:
            return probe_connection(endpoint, appid, secret_key, options, cancel=cancel)

        self._runner.start(work)

    def cancel(self) -> None:
        """Stop a running probe; its late answer is dropped."""
        self._runner.cancel()

    def _on_failed(self, failure: TaskFailure) -> None:
        # probe_connection turns every typed error into an outcome; this is the unexpected rest.
        self.finished.emit(ProbeOutcome("config", detail=failure.message))
