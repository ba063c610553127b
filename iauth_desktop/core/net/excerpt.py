"""Short, printable, secret-free excerpts of what a server answered, for error messages.

A misconfigured proxy or a debugging endpoint may echo the request back (headers included), so
every excerpt is scrubbed of the secrets we sent before anyone sees it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

EXCERPT_CHARS = 120
REDACTED = "[redacted]"
_MIN_SECRET_CHARS = 4  # shorter "secrets" would blank out ordinary words
_SPACES = re.compile(r"\s+")


def _printable(text: str) -> str:
    """Control and format characters become spaces; runs of spaces collapse."""
    cleaned = "".join(
        " " if unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} else ch for ch in text
    )
    return _SPACES.sub(" ", cleaned).strip()


def _variants(secret: str) -> set[str]:
    """The secret as sent and as an echo may spell it (URL-encoded, JSON-escaped)."""
    forms = {secret, quote(secret, safe=""), quote_plus(secret), secret.replace("/", "\\/")}
    return {form for form in forms if len(form) >= _MIN_SECRET_CHARS}


def redact(text: str, secrets: Iterable[str]) -> str:
    """Replace every occurrence of each secret (and its encoded spellings) by a marker."""
    forms: set[str] = set()
    for secret in secrets:
        if secret and len(secret) >= _MIN_SECRET_CHARS:
            forms |= _variants(secret)
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, REDACTED)
    # A text cut inside a secret must not keep its first characters either.
    for form in forms:
        for size in range(len(form) - 1, _MIN_SECRET_CHARS - 1, -1):
            if text.endswith(form[:size]):
                return text[:-size] + REDACTED
    return text


def safe_excerpt(raw: bytes, secrets: Iterable[str] = (), limit: int = EXCERPT_CHARS) -> str:
    """At most ``limit`` printable characters of ``raw``, with the given secrets redacted.

    Redaction runs before the cut, on the whole text given, so no secret's prefix survives at
    the end of the excerpt; callers pass a head of the body a good deal longer than ``limit``.
    """
    text = _printable(bytes(raw).decode("utf-8", "replace"))
    text = redact(text, secrets)
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text
