"""The audit trail as the services see it: the workstation's file (``AuditLog``) or the team's
chain in the database (``core/store/postgres/audit_trail``) — the same chained lines either way."""

from __future__ import annotations

from typing import Protocol

from iauth_desktop.core.audit.chain import AuditEntry, AuditHead
from iauth_desktop.core.audit.events import AuditEvent
from iauth_desktop.core.audit.verify import VerifyReport


class AuditTrail(Protocol):
    def head(self) -> AuditHead:
        """The last entry's seq and line hash; AuditIntegrityError when the trail is damaged."""
        ...

    def record(self, event: AuditEvent, reviewer: str | None = None) -> AuditEntry:
        """Append one event; refused (typed errors) on a damaged trail or personal data."""
        ...

    def entries(self, token: str | None = None) -> list[AuditEntry]: ...

    def verify(self, expected_head: AuditHead | None = None) -> VerifyReport: ...

    def describe(self) -> str:
        """Where the trail is kept, in words (a file's path, a database)."""
        ...
