"""Who a command acts as: ``--reviewer`` (or the OS user) with the embedded store; in team mode
the database login, and ``--reviewer`` says plainly that it does not apply."""

from __future__ import annotations

import sys

from iauth_desktop.core.model.decision import default_reviewer
from iauth_desktop.core.store.select import team_database_url


def acting_reviewer(given: str | None) -> str:
    """The name a report shows; in team mode the record and the trail keep the login instead."""
    if given and team_database_url() is not None:
        print(
            "iauth-desktop: note: in team mode the reviewer is your database login; "
            "--reviewer does not apply to what the team record and audit trail keep",
            file=sys.stderr,
        )
    return (given or default_reviewer()).strip() or "unknown"
