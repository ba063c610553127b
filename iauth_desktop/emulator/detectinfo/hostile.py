"""Hostile modes: answers an attacker or a broken proxy could send, for the client's defences.

Chosen only globally (``--fault NAME[:ARG]``); unlike the fault modes of ``faults.py`` they are
not behaviours seen from the real service, so no demo token selects them.
"""

from __future__ import annotations

import json
from typing import Any, Final

# Name -> what it does (shown by --help and the README).
HOSTILE: Final = {
    "control-chars": "the service's messages hold ESC, CR and an OSC 52 clipboard sequence",
    "extra-keys": "ARG extra top-level fields (default 100000)",
    "long-name": "a name of ARG characters (default 5000000)",
    "deep-nesting": "an extra field nested ARG levels deep (default 985)",
    "duplicate-media": "frontpic twice: first invalid JSON, then valid Base64",
    "nan": "extra fields with the non-standard JSON values NaN and Infinity",
    "null-media": "every media field is null",
    "string-errorcode": 'errorcode "0" (a string) in the envelope',
    "huge-errorcode": "errorcode 1e308",
    "error-data-object": 'errorcode 12 with "data": {}',
    "error-data-empty": 'errorcode 12 with "data": ""',
    "many-headers": "ARG extra HTTP response headers (default 150; clients allow 100)",
    "long-header": "one HTTP header line of ARG KiB (default 102400)",
    "drip": "send the answer one byte every ARG seconds (default 50)",
}
HOSTILE_DEFAULTS: Final = {
    "extra-keys": 100_000.0,
    "long-name": 5_000_000.0,
    "deep-nesting": 985.0,
    "many-headers": 150.0,
    "long-header": 102_400.0,
    "drip": 50.0,
}
HOSTILE_MAX: Final = {
    "extra-keys": 10_000_000.0,
    "long-name": 500_000_000.0,
    "deep-nesting": 1_000_000.0,
    "many-headers": 100_000.0,
    "long-header": 1_048_576.0,
    "drip": 3600.0,
}
# Modes that change the encrypted answer (part of the answer cache's key).
HOSTILE_DATA: Final = frozenset(
    {
        "control-chars",
        "extra-keys",
        "long-name",
        "deep-nesting",
        "duplicate-media",
        "nan",
        "null-media",
    }
)
# Modes that replace the whole envelope.
HOSTILE_ENVELOPES: Final = frozenset(
    {"string-errorcode", "huge-errorcode", "error-data-object", "error-data-empty"}
)
HOSTILE_TRANSPORT: Final = frozenset({"many-headers", "long-header", "drip"})

_OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
_CLEAR = "\x1b[2J\x1b[H"


def spoil_fields(name: str, arg: float, fields: dict[str, Any]) -> dict[str, Any]:
    """The case's fields as the hostile mode ``name`` sends them."""
    spoiled = dict(fields)
    if name == "control-chars":
        spoiled["yt_errormsg"] = f"{_CLEAR}通过\rPASSED{_OSC52}"
        spoiled["livemsg"] = "OK\x1b[31m\x9b2J\u202e"
        spoiled["comparemsg"] = f"OK{_OSC52}\r\n"
    elif name == "extra-keys":
        spoiled.update({f"extra_{i:07d}": i for i in range(int(arg))})
    elif name == "long-name":
        spoiled["name"] = "演" * int(arg)
    return spoiled


def spoil_plaintext(name: str, arg: float, plaintext: bytes) -> bytes:
    """Changes a JSON encoder would never make, spliced into the finished plaintext."""
    if name == "deep-nesting":
        depth = int(arg)
        return plaintext[:-1] + b',"nested":' + b"[" * depth + b"]" * depth + b"}"
    if name == "duplicate-media":
        bad = b'"frontpic":"/9j/\n4AAQ",'
        return plaintext[:1] + bad + plaintext[1:]
    if name == "nan":
        return plaintext[:-1] + b',"score":NaN,"limit":Infinity,"floor":-Infinity}'
    if name == "null-media":
        obj = json.loads(plaintext)
        for key in ("frontpic", "backpic", "videopic1", "videopic2", "videopic3", "video"):
            obj[key] = None
        return json.dumps(obj, ensure_ascii=False).encode("utf-8")
    return plaintext


def hostile_envelope(name: str, data: bytes) -> bytes | None:
    """The whole envelope for the envelope modes (``data``: the encrypted Base64 text)."""
    if name == "string-errorcode":
        return b'{"errorcode":"0","errormsg":"success","data":"' + data + b'"}'
    if name == "huge-errorcode":
        return b'{"errorcode":1e308,"errormsg":"ERROR_SYSTEM"}'
    if name == "error-data-object":
        return b'{"errorcode":12,"errormsg":"ERROR_TOKEN_OVER_TIMELIMIT","data":{}}'
    if name == "error-data-empty":
        return b'{"errorcode":12,"errormsg":"ERROR_TOKEN_OVER_TIMELIMIT","data":""}'
    return None
