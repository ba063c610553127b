"""Check an audit log's chain and name the first entry that was changed, removed or moved.

A changed line either stops being a canonical entry or breaks the ``prev`` of the line after it;
a removed line makes ``seq`` jump; a moved line puts a later ``seq`` where an earlier one belongs.
Cutting entries off the end leaves a valid chain, which only a head recorded elsewhere reveals:
the anchor beside the log (``audit.head``, see ``audit.anchor``; passed as ``anchor``), or one
kept in the case history or an export (``expected_head``). A torn line (a write cut short by a
crash) is not tampering: it is kept, noted, and recorded by the next append's ``torn`` entry; a
line so recorded is never an entry, however complete it looks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from iauth_desktop.core.audit.chain import (
    EMPTY_HEAD,
    TORN_EVENT,
    ZERO_HASH,
    AuditEntry,
    AuditHead,
    AuditIntegrityError,
    accounts_for,
    parse_line,
    sha256_hex,
)
from iauth_desktop.core.model.messages import Detail, plain, said


@dataclass(frozen=True)
class AnchorCheck:
    """The head anchor to hold the log to: ``head`` None means the anchor is missing."""

    head: AuditHead | None
    name: str = "audit.head"


@dataclass(frozen=True)
class VerifyReport:
    entries: int
    head: AuditHead
    problem: str | None = None
    problem_seq: int | None = None  # the entry the problem names
    problem_line: int | None = None
    notes: tuple[str, ...] = ()
    torn_tail: int | None = None  # length of an unrecorded torn last line
    path: Path | None = field(default=None, compare=False)
    problem_detail: Detail | None = field(default=None, compare=False)  # ``problem`` by key

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def problem_message(self) -> Detail | None:
        """The problem by key (a plain text when it came without one)."""
        if self.problem is None:
            return None
        return self.problem_detail or plain(self.problem)

    def raise_for_problem(self) -> None:
        problem = self.problem_message
        if problem is not None:
            if self.path:
                raise AuditIntegrityError(
                    said("verify.fails_at", path=str(self.path), problem=problem)
                )
            raise AuditIntegrityError(said("verify.fails", problem=problem))


def entries_in(content: bytes) -> list[AuditEntry]:
    """Every entry of a log's bytes, in order; a line a later ``torn`` entry records is skipped
    (it is a write that never finished, however complete it reads)."""
    lines = [piece + b"\n" for piece in content.split(b"\n")[:-1]]
    parsed = [parse_line(line) for line in lines]
    return [
        entry
        for index, entry in enumerate(parsed)
        if entry is not None
        and not (index + 1 < len(parsed) and accounts_for(parsed[index + 1], lines[index]))
    ]


class _Failed(Exception):
    def __init__(self, problem: Detail, seq: int | None, line: int | None) -> None:
        super().__init__(problem.english())
        self.problem, self.seq, self.line = problem, seq, line


def verify_bytes(
    content: bytes,
    expected_head: AuditHead | None = None,
    *,
    anchor: AnchorCheck | None = None,
    path: Path | None = None,
) -> VerifyReport:
    """Verify a whole log held in memory (the exact bytes of the file), and its end against
    ``anchor`` when given."""
    walk = _Walk(content)
    try:
        walk.run()
        tail_notes = walk.check_tail()
        if expected_head is not None:
            walk.check_head(expected_head)
        if anchor is not None:
            walk.check_anchor(anchor)
    except _Failed as failed:
        return VerifyReport(
            walk.count,
            walk.head,
            failed.problem.english(),
            failed.seq,
            failed.line,
            tuple(walk.notes),
            path=path,
            problem_detail=failed.problem,
        )
    return VerifyReport(
        walk.count, walk.head, notes=(*walk.notes, *tail_notes), torn_tail=walk.torn_tail, path=path
    )


class _Walk:
    def __init__(self, content: bytes) -> None:
        pieces = content.split(b"\n")
        self.tail = pieces.pop()
        self.lines = [piece + b"\n" for piece in pieces]
        self.parsed = [parse_line(line) for line in self.lines]
        self.chain = ZERO_HASH  # hash of the last valid entry's line
        self.physical = ZERO_HASH  # hash of the line just before the current one
        self.expected = 1
        self.head = EMPTY_HEAD
        self.head_line = 0
        self.count = 0
        self.notes: list[str] = []
        self.torn_tail: int | None = None
        self.recorded: dict[int, str] = {}

    def run(self) -> None:
        torn_pending = False
        for index, (line, entry) in enumerate(zip(self.lines, self.parsed, strict=True)):
            number = index + 1
            following = self.parsed[index + 1] if number < len(self.parsed) else None
            if following is not None and accounts_for(following, line):
                looks = " (it reads like an entry, but is none)" if entry is not None else ""
                self.notes.append(
                    f"line {number} holds a torn write of {len(line) - 1} bytes,"
                    f" recorded by entry {following.seq}{looks}"
                )
                self.physical = sha256_hex(line)
                torn_pending = True
                continue
            if entry is None:
                raise _Failed(
                    said("verify.changed_not_entry", seq=self.expected, line=number),
                    self.expected,
                    number,
                )
            self._check(entry, number, index, torn_pending=torn_pending)
            torn_pending = False
            self.chain = self.physical = entry.sha256
            self.expected = entry.seq + 1
            self.head, self.head_line = entry.head, number
            self.count += 1
            self.recorded[entry.seq] = entry.sha256

    def _check(self, entry: AuditEntry, number: int, index: int, *, torn_pending: bool) -> None:
        if torn_pending and entry.prev != self.physical:
            raise _Failed(said("verify.changed", seq=entry.seq, line=number), entry.seq, number)
        link = entry.data.get("after") if torn_pending else entry.prev
        if entry.seq != self.expected:
            self._wrong_seq(entry, number, index, link)
        if link == self.chain:
            return
        if entry.event == TORN_EVENT and entry.data.get("after") == self.chain:
            raise _Failed(
                said("verify.torn_missing", seq=entry.seq, line=number),
                entry.seq,
                number,
            )
        if self.expected == 1:
            raise _Failed(said("verify.changed", seq=1, line=number), 1, number)
        before = self.expected - 1
        problem = said("verify.changed", seq=before, line=self.head_line)
        raise _Failed(problem, before, self.head_line)

    def _wrong_seq(self, entry: AuditEntry, number: int, index: int, link: object) -> None:
        later = self.parsed[index + 1 :]
        if entry.seq < self.expected or any(
            e is not None and e.seq == self.expected for e in later
        ):
            if entry.seq < self.expected and self.recorded.get(entry.seq) == entry.sha256:
                problem = said("verify.twice", seq=entry.seq, line=number)
            else:
                problem = said("verify.out_of_order", line=number)
            raise _Failed(problem, entry.seq, number)
        if link == self.chain:
            raise _Failed(
                said("verify.changed", seq=self.expected, line=number), self.expected, number
            )
        last = self.expected - 1
        jump = (
            said("verify.jump", last=last, seq=entry.seq)
            if last
            else said("verify.starts_at", seq=entry.seq)
        )
        if entry.seq == self.expected + 1:
            what = said("verify.missing_one", seq=self.expected, jump=jump)
        else:
            what = said("verify.missing_many", first=self.expected, last=entry.seq - 1, jump=jump)
        raise _Failed(what, self.expected, number)

    def check_tail(self) -> list[str]:
        if not self.tail:
            return []
        self.torn_tail = len(self.tail)
        return [
            f"line {len(self.lines) + 1} is torn: {len(self.tail)} bytes of a write that never"
            " finished (kept; the next entry will record it)"
        ]

    def check_anchor(self, anchor: AnchorCheck) -> None:
        """The log must end exactly where its anchor says: not before, not after."""
        head, name = self.head, anchor.name
        if anchor.head is None:
            if head.seq == 0:
                return  # nothing written yet (at most a torn first write): nothing to anchor
            raise _Failed(said("verify.anchor_missing", seq=head.seq, name=name), None, None)
        want = anchor.head
        if want.seq > head.seq:
            cut = (
                said("verify.cut_one", want=want.seq, head=head.seq, name=name)
                if want.seq == head.seq + 1
                else said(
                    "verify.cut_many", first=head.seq + 1, want=want.seq, head=head.seq, name=name
                )
            )
            raise _Failed(cut, head.seq + 1, None)
        if self.recorded.get(want.seq) != want.sha256:
            raise _Failed(
                said("verify.anchor_differs", seq=want.seq, name=name),
                want.seq,
                None,
            )
        if want.seq < head.seq:
            raise _Failed(
                said("verify.anchor_behind", head=head.seq, name=name, want=want.seq),
                want.seq + 1,
                None,
            )

    def check_head(self, expected: AuditHead) -> None:
        if expected.seq == 0:
            return
        if self.head.seq < expected.seq:
            raise _Failed(
                said("verify.history_ahead", head=self.head.seq, want=expected.seq),
                self.head.seq + 1,
                None,
            )
        if self.recorded.get(expected.seq) != expected.sha256:
            raise _Failed(
                said("verify.history_differs", seq=expected.seq),
                expected.seq,
                None,
            )
