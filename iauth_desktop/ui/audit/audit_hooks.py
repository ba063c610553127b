"""The console's side of the audit log: who fetched, revealed, copied, decided and changed what.

One ``AuditHooks`` is made per window and passed to the widgets that act (no global): it knows
the log, how to name the reviewer, and the token of the case on screen. Every entry holds keys,
tokens, codes and counts, never a value. Revealing or copying a masked value asks for a purpose
(``ask_purpose``, set by the window) once per open case; it is written into each such entry.
The log is fail-closed: once it cannot be verified or
written, ``problem`` fires (the window shows it and stops fetching) and every later action that
needs an entry is refused.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from iauth_desktop.core.audit import events
from iauth_desktop.core.audit.chain import AuditHead
from iauth_desktop.core.audit.events import AuditEvent
from iauth_desktop.core.audit.log import PersonalDataError
from iauth_desktop.core.audit.trail import AuditTrail
from iauth_desktop.core.model.errors import IauthError
from iauth_desktop.ui.error_text import detail_text, error_text
from iauth_desktop.ui.tasks import TaskRunner, wait_for

_log = logging.getLogger(__name__)


class AuditHooks(QObject):
    """``problem(text)`` once the log turns out damaged or unwritable (the core's words)."""

    problem = Signal(str)

    def __init__(
        self, log: AuditTrail, reviewer: Callable[[], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.log = log
        self.reviewer = reviewer
        self._token: str | None = None  # the case on screen, named by reveal and copy entries
        self.purpose: str | None = None  # why values of the open case are revealed
        # Asks the reviewer why (None: cancelled); None here records reveals without a purpose.
        self.ask_purpose: Callable[[], str | None] | None = None
        self.damage: str | None = None  # why the log may no longer be written
        self.last_refusal = ""  # why the last entry was not written

    @property
    def token(self) -> str | None:
        return self._token

    @token.setter
    def token(self, token: str | None) -> None:
        """Another case (or none): its reveals need their own purpose."""
        if token != self._token:
            self.purpose = None
        self._token = token

    def reveal_purpose(self) -> str | None:
        """The open case's purpose, asked for the first time it is needed; None when the
        reviewer cancels (the reveal or copy must then not happen)."""
        if self.purpose is None and self.ask_purpose is not None:
            self.purpose = self.ask_purpose()
            if self.purpose is None:
                self.last_refusal = "no purpose given"
        return self.purpose

    @property
    def usable(self) -> bool:
        return self.damage is None

    def check(self, runner: TaskRunner | None = None) -> bool:
        """Verify the whole chain (at start-up; in a worker of ``runner`` when given, as a team
        database is a connection away); False, and ``problem``, when it fails."""
        try:
            if runner is None:
                report = self.log.verify()
            else:
                outcome = wait_for(runner, self.log.verify)
                if outcome.failure is not None and outcome.failure.error is not None:
                    raise outcome.failure.error
                if outcome.failure is not None or outcome.cancelled:
                    return self._fail(outcome.failure.message if outcome.failure else "cancelled")
                report = outcome.value
        except IauthError as exc:
            return self._fail(error_text(exc))
        problem = report.problem_message
        if problem is not None:
            return self._fail(detail_text(problem))
        return True

    def head(self) -> AuditHead | None:
        """The log's head for the case history and exports; None (and ``problem``) if unreadable."""
        try:
            return self.log.head()
        except IauthError as exc:
            self._fail(error_text(exc))
            return None

    def record(self, event: AuditEvent) -> bool:
        """Append one entry; False when the log refused it (the action must then not happen)."""
        if self.damage is not None:
            self.last_refusal = self.damage
            return False
        try:
            self.log.record(event, self.reviewer())
        except PersonalDataError as exc:  # this entry only: the log itself is fine
            return self._refuse(error_text(exc))
        except IauthError as exc:
            return self._fail(error_text(exc))
        return True

    # --- the events ----------------------------------------------------------------------------

    def refused(self, why: str, *, damaged: bool) -> None:
        """An entry written elsewhere (a fetch, in its worker) was refused: as ``record`` would."""
        if damaged:
            self._fail(why)
        else:
            self._refuse(why)

    def revealed(self, field: str) -> bool:
        """Record the reveal of ``field`` (a text field's key or an image's); False when the
        reviewer gave no purpose or the log refused."""
        purpose = self.reveal_purpose()
        if purpose is None and self.ask_purpose is not None:
            return False
        return self.record(events.revealed(self.token, field, purpose))

    def copied(self, field: str) -> bool:
        purpose = self.reveal_purpose()
        if purpose is None and self.ask_purpose is not None:
            return False
        return self.record(events.copied(self.token, field, purpose))

    def profile_changed(self, name: str, action: str) -> bool:
        """``action``: add, edit, remove or set_default. Never a secret."""
        return self.record(events.profile_changed(name, action))

    def purged(self, tokens: list[str], retention_days: int) -> bool:
        return self.record(events.retention_purged(tokens, retention_days))

    # --- internals -----------------------------------------------------------------------------

    def _refuse(self, why: str) -> bool:
        _log.warning("audit entry refused: %s", why)
        self.last_refusal = why
        return False

    def _fail(self, why: str) -> bool:
        first = self.damage is None
        self.damage = self.last_refusal = why
        if first:
            _log.error("audit log unusable: %s", why)
            self.problem.emit(why)
        return False
