"""The audit log's say in every review service: checked before, written after.

A service refuses to act on a log it cannot trust (fail closed) and reports an entry the log
would not take as ``AuditRefusal``, so both front ends treat it the same way.
"""

from __future__ import annotations

from iauth_desktop.core.audit.chain import AuditIntegrityError
from iauth_desktop.core.audit.events import AuditEvent
from iauth_desktop.core.audit.guard import PersonalDataError
from iauth_desktop.core.audit.log import AuditEntry, AuditHead
from iauth_desktop.core.audit.trail import AuditTrail
from iauth_desktop.core.model.errors import IauthError
from iauth_desktop.core.model.messages import Detail


class AuditRefusal(AuditIntegrityError):
    """The audit log would not take an entry, so the action must not count (exit 5).

    ``damaged`` is False when only this entry was refused (it looked like personal data) and
    the log itself is fine.
    """

    def __init__(self, message: str | Detail, *, damaged: bool = True) -> None:
        super().__init__(message)
        self.damaged = damaged


def require_usable(log: AuditTrail) -> AuditHead:
    """The log's head; AuditRefusal, naming the first bad entry, when the log does not verify
    against its anchor (``head`` checks it cheaply from its checkpoint) or cannot be read."""
    try:
        return log.head()
    except IauthError as exc:
        raise AuditRefusal(exc.detail) from exc


def record(log: AuditTrail, event: AuditEvent, reviewer: str | None) -> AuditEntry:
    """Append ``event``; AuditRefusal when the log will not take it."""
    try:
        return log.record(event, reviewer)
    except PersonalDataError as exc:
        raise AuditRefusal(exc.detail, damaged=False) from exc
    except IauthError as exc:
        raise AuditRefusal(exc.detail) from exc
