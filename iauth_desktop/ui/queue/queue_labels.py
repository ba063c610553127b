"""The queue's words in the interface language: states, time left before a token expires (an
estimate, said so), and how long ago something happened."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from iauth_desktop.core.model.queue import EXPIRING_SOON, ExpiryBasis, QueueItem, QueueState
from iauth_desktop.core.model.timefmt import as_utc
from iauth_desktop.ui.theme import text_colour

URGENT = timedelta(hours=6)
# Readable on light and dark backgrounds alike (text colour only, never a fill).


def state_label(state: QueueState) -> str:
    labels = {
        QueueState.PENDING: QCoreApplication.translate("QueueLabels", "Pending"),
        QueueState.TRIAGED: QCoreApplication.translate("QueueLabels", "Triaged"),
        QueueState.CLAIMED: QCoreApplication.translate("QueueLabels", "Claimed"),
        QueueState.AWAITING_CONFIRMATION: QCoreApplication.translate(
            "QueueLabels", "Awaiting confirmation"
        ),
        QueueState.DECIDED: QCoreApplication.translate("QueueLabels", "Decided"),
        QueueState.EXPIRED: QCoreApplication.translate("QueueLabels", "Expired"),
        QueueState.FETCH_FAILED: QCoreApplication.translate("QueueLabels", "Fetch failed"),
    }
    return labels[state]


def duration_words(delta: timedelta) -> str:
    """``2 d 5 h``, ``5 h 07 min``, ``12 min``: always positive."""
    minutes = int(abs(delta.total_seconds()) // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return QCoreApplication.translate("QueueLabels", "{days} d {hours} h").format(
            days=days, hours=hours
        )
    if hours:
        return QCoreApplication.translate("QueueLabels", "{hours} h {minutes} min").format(
            hours=hours, minutes=f"{mins:02d}"
        )
    return QCoreApplication.translate("QueueLabels", "{minutes} min").format(minutes=mins)


def time_left_text(item: QueueItem, now: datetime) -> str:
    """Estimated time left before the service forgets the token, in words."""
    if item.state is QueueState.EXPIRED:
        return QCoreApplication.translate("QueueLabels", "gone (the service said so)")
    if item.state is QueueState.DECIDED:
        return "—"
    left = item.time_left(now)
    if left.total_seconds() <= 0:
        return QCoreApplication.translate("QueueLabels", "likely expired (estimate)")
    words = duration_words(left)
    if left < EXPIRING_SOON:
        return QCoreApplication.translate("QueueLabels", "under 24 h: ~{left} left").format(
            left=words
        )
    return QCoreApplication.translate("QueueLabels", "~{left}").format(left=words)


def time_left_tip(item: QueueItem) -> str:
    if item.expiry_basis is ExpiryBasis.CREATED:
        return QCoreApplication.translate(
            "QueueLabels",
            "An estimate: the service keeps a result about 72 h after the verification "
            "(created_at from the import).",
        )
    return QCoreApplication.translate(
        "QueueLabels",
        "An estimate: 72 h from when the token was queued (the import gave no created_at); "
        "the token may expire sooner.",
    )


def time_left_colour(item: QueueItem, now: datetime) -> QColor | None:
    if item.state in (QueueState.DECIDED, QueueState.EXPIRED):
        return None
    left = item.time_left(now)
    if left < URGENT:
        return text_colour("urgent")
    if left < EXPIRING_SOON:
        return text_colour("soon")
    return None


def since_text(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return ""
    return QCoreApplication.translate("QueueLabels", "{age} ago").format(
        age=duration_words(as_utc(now) - as_utc(moment))
    )


def since_moment(item: QueueItem) -> datetime:
    """When the case entered what it is now: claimed at for a held case, else last changed."""
    return item.claimed_at or item.updated_at or item.queued_at
