"""Tokens for the queue as a business exports them: one per line, or a CSV with a ``token``
column (optional ``created_at``, ``priority``). Bad lines are refused with their numbers, never
skipped in silence."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime

from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.queue import MAX_PRIORITY, QueueEntry

MAX_LINES = 100_000
MAX_TOKEN = 200
_TOKEN = re.compile(r"[!-~]+")  # printable ASCII, no spaces: tokens are GUID-like
_SHOWN_PROBLEMS = 5


def parse_queue_input(text: str) -> list[QueueEntry]:
    """The entries in ``text`` (a file's or standard input's contents), in order."""
    text = text.removeprefix("\ufeff")  # a spreadsheet's byte-order mark
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise UsageError(f"at most {MAX_LINES} tokens at a time; split the file")
    first = next((line for line in lines if line.strip()), "")
    header = [cell.strip().lower() for cell in next(csv.reader([first]), [])]
    if ("token" in header and len(header) > 1) or first.strip().lower() == "token":
        return _from_csv(text)
    return _from_lines(lines)


def _from_lines(lines: list[str]) -> list[QueueEntry]:
    entries: list[QueueEntry] = []
    problems: list[str] = []
    for number, line in enumerate(lines, 1):
        token = line.strip()
        if not token or token.startswith("#"):
            continue
        problem = _token_problem(token)
        if problem:
            problems.append(f"line {number}: {problem}")
        else:
            entries.append(QueueEntry(token))
    _refuse(problems)
    return entries


def _from_csv(text: str) -> list[QueueEntry]:
    reader = csv.DictReader(io.StringIO(text))
    fields = {name.strip().lower(): name for name in reader.fieldnames or ()}
    entries: list[QueueEntry] = []
    problems: list[str] = []
    for row in reader:
        number = reader.line_num
        token = (row.get(fields["token"]) or "").strip()
        if not token:
            continue
        problem = _token_problem(token)
        created = _cell(row, fields, "created_at")
        priority = _cell(row, fields, "priority")
        try:
            when = _created_at(created) if created else None
            rank = _priority(priority) if priority else 0
        except ValueError as exc:
            problem = problem or str(exc)
        if problem:
            problems.append(f"line {number}: {problem}")
            continue
        entries.append(QueueEntry(token, when, rank))
    _refuse(problems)
    return entries


def _cell(row: dict[str, str], fields: dict[str, str], name: str) -> str:
    key = fields.get(name)
    return (row.get(key) or "").strip() if key is not None else ""


def _token_problem(token: str) -> str:
    if len(token) > MAX_TOKEN:
        return f"a token is at most {MAX_TOKEN} characters"
    if not _TOKEN.fullmatch(token):
        return "a token is printable ASCII without spaces (is this a token?)"
    return ""


def _created_at(text: str) -> datetime:
    """ISO 8601; a time without a zone is the computer's local time."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"created_at {text[:40]!r} is not a date and time (ISO 8601)") from None
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(UTC)


def _priority(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"priority {text[:20]!r} is not a whole number") from None
    if not -MAX_PRIORITY <= value <= MAX_PRIORITY:
        raise ValueError(f"priority is between -{MAX_PRIORITY} and {MAX_PRIORITY}")
    return value


def _refuse(problems: list[str]) -> None:
    if not problems:
        return
    shown = "; ".join(problems[:_SHOWN_PROBLEMS])
    more = len(problems) - _SHOWN_PROBLEMS
    tail = f" (and {more} more)" if more > 0 else ""
    raise UsageError(f"nothing was queued: {shown}{tail}")
