"""What the command line prints goes through one filter: control characters are shown escaped.

The service's messages (``errormsg``, the liveness and compare messages), an HTTP reason phrase,
a signature's appid, an audit entry's token: all of them are text somebody else chose. Printed
raw, ESC starts terminal sequences (OSC 52 writes the clipboard), CR overwrites what the reviewer
just read, and bidi controls reorder it. ``EscapingStream`` wraps stdout and stderr for the whole
run, so no command can forget; only the progress line writes its deliberate ``\\r`` past it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

# C0 and C1 controls except newline and tab, DEL, line/paragraph separators, the invisible
# format characters that reorder or hide text, and lone surrogates (undecodable bytes).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]"
)
_NAMED = {"\r": "\\r", "\x1b": "\\x1b", "\x00": "\\x00"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with every unsafe character written as a Python-style escape (``\\x1b``)."""
    return _UNSAFE.sub(_escaped, text)


class EscapingStream:
    """A text stream that escapes control characters before they reach ``raw``."""

    def __init__(self, raw: TextIO) -> None:
        self.unescaped = raw

    def write(self, text: str) -> int:
        self.unescaped.write(escape_controls(text))
        return len(text)

    def writelines(self, lines: list[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self.unescaped.flush()

    def isatty(self) -> bool:
        return self.unescaped.isatty()

    def fileno(self) -> int:
        return self.unescaped.fileno()

    @property
    def encoding(self) -> str:
        return self.unescaped.encoding

    @property
    def errors(self) -> str | None:
        return self.unescaped.errors


def raw_stream(stream: TextIO) -> TextIO:
    """The stream beneath an ``EscapingStream`` (for output whose control codes are ours)."""
    inner = getattr(stream, "unescaped", None)
    return inner if inner is not None else stream


@contextmanager
def escaped_output() -> Iterator[None]:
    """stdout and stderr escaped for the duration (idempotent)."""
    saved = sys.stdout, sys.stderr
    if not isinstance(sys.stdout, EscapingStream):
        sys.stdout = EscapingStream(sys.stdout)  # type: ignore[assignment]
    if not isinstance(sys.stderr, EscapingStream):
        sys.stderr = EscapingStream(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
