"""Times in the case history: stored in UTC as sortable text, shown in the reviewer's local time.

As everywhere in the core, a datetime without a zone is taken as UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

# Fixed width (microseconds always present), so text order is time order in SQL comparisons.
DB_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
LOCAL_DISPLAY_FORMAT = "%Y-%m-%d %H:%M:%S %Z"
# The service keeps a token's result for about three days; after that a re-fetch answers 11/12.
TOKEN_LIFETIME = timedelta(days=3)


def utc_now() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive datetime is taken as UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def to_db_text(moment: datetime) -> str:
    return as_utc(moment).strftime(DB_TIME_FORMAT)


def from_db_text(text: str) -> datetime:
    return datetime.strptime(text, DB_TIME_FORMAT).replace(tzinfo=UTC)


def local_time(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """``moment`` in ``zone``, by default the computer's own time zone."""
    return as_utc(moment).astimezone(zone)


def format_local_time(moment: datetime, zone: tzinfo | None = None) -> str:
    """``2026-05-09 15:04:05 CST`` — how a stored UTC time is shown to a reviewer."""
    return local_time(moment, zone).strftime(LOCAL_DISPLAY_FORMAT).strip()


def token_likely_expired(fetched_at: datetime, now: datetime | None = None) -> bool:
    """True when the token was fetched long enough ago that the service has likely forgotten it.

    Used to warn before reopening a case by fetching its token again; only a hint, since the
    service decides (errorcode 11 or 12 says so for certain).
    """
    current = as_utc(now) if now is not None else utc_now()
    return current - as_utc(fetched_at) > TOKEN_LIFETIME
