"""One nesting limit for every JSON text the app reads from outside (answers, saved cases).

``json.loads`` recurses once per level: 985 levels pass on the main thread's large stack and
overflow a worker thread's, so the command line and the console would disagree about the same
answer. Everything is checked against ``MAX_JSON_DEPTH`` first, by a scan that does not recurse.
"""

from __future__ import annotations

import mmap
import re

MAX_JSON_DEPTH = 200  # the service's answers nest 2 levels; nothing legitimate comes close
_STRUCTURE = re.compile(rb'[\[\]{}"]')
_BACKSLASH = 0x5C
_WINDOW = 1 << 20


def _string_end(buf: bytes | bytearray | mmap.mmap, quote: int) -> int:
    pos = quote + 1
    while True:
        pos = buf.find(b'"', pos)
        if pos < 0:
            return len(buf)  # unterminated: the parser says so
        back = pos - 1
        while buf[back] == _BACKSLASH:
            back -= 1
        if (pos - 1 - back) % 2 == 0:
            return pos
        pos += 1


def json_depth_exceeds(buf: bytes | bytearray | mmap.mmap, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when the JSON text in ``buf`` nests arrays and objects deeper than ``limit``."""
    depth = 0
    pos = 0
    search = _STRUCTURE.search
    while True:
        match = search(buf, pos)
        if match is None:
            return False
        pos = match.start()
        char = buf[pos]
        if char == 0x22:  # '"': strings (media, megabytes of Base64) are jumped over
            pos = _string_end(buf, pos) + 1
            continue
        if char in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
        pos += 1
