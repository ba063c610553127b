"""The encrypted answers of the demo cases, built on demand and cached.

AES-ECB is deterministic, so an answer depends only on (case, info_type, data fault, key): building
a 50 MiB answer once and sending it many times is what a load test wants.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace

from iauth_desktop.emulator.detectinfo import media
from iauth_desktop.emulator.detectinfo.demo import CASES, DEMO_AES_KEY, WRONG_AES_KEY
from iauth_desktop.emulator.detectinfo.faults import DATA_FAULTS, Fault
from iauth_desktop.emulator.detectinfo.hostile import (
    HOSTILE_DATA,
    HOSTILE_ENVELOPES,
    hostile_envelope,
    spoil_fields,
    spoil_plaintext,
)
from iauth_desktop.emulator.detectinfo.responses import (
    build_plaintext,
    encrypted_data,
    encrypted_envelope,
    error_envelope,
)
from iauth_desktop.emulator.detectinfo.rsa_demo import DEMO_RSA_PRIVATE_KEY

_CacheKey = tuple[str, int, Fault | None, int | None]


class AnswerBuilder:
    """Bodies of successful service answers (HTTP 200 JSON) for the demo cases."""

    def __init__(
        self, aes_key: str, max_entries: int = 16, rsa_private_pem: str = DEMO_RSA_PRIVATE_KEY
    ) -> None:
        self._aes_key = aes_key
        self._rsa_private_pem = rsa_private_pem
        self._other_key = WRONG_AES_KEY if aes_key != WRONG_AES_KEY else DEMO_AES_KEY
        self._max_entries = max_entries
        self._cache: OrderedDict[_CacheKey, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def body(
        self,
        case_name: str,
        info_type: int,
        fault: Fault | None = None,
        crypt_type: int | None = None,
    ) -> bytes:
        data_fault = fault if fault is not None and fault.name in DATA_FAULTS else None
        key = (case_name, info_type, data_fault, crypt_type)
        with self._lock:  # one build at a time: huge answers are big enough already
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
            built = self._build(case_name, info_type, data_fault, crypt_type)
            self._cache[key] = built
            while len(self._cache) > self._max_entries:
                self._cache.popitem(last=False)
            return built

    def _build(
        self, case_name: str, info_type: int, fault: Fault | None, crypt_type: int | None
    ) -> bytes:
        case = CASES[case_name]
        if case.errorcode:
            return error_envelope(case.errorcode)
        name = fault.name if fault is not None else ""
        arg = fault.value if fault is not None else 0.0
        if name in HOSTILE_DATA:
            case = replace(case, fields=spoil_fields(name, arg, case.fields))
        files = {} if info_type == 1 else {f: media.demo_file(n) for f, n in case.media.items()}
        if name == "broken-jpeg" and "frontpic" in files:
            files["frontpic"] = media.broken_jpeg(files["frontpic"])
        if name == "huge-video" and "video" in files and fault is not None:
            files["video"] = media.padded_mp4(files["video"], int(fault.value * media.MIB))
        plaintext = build_plaintext(case, files, php_style=name == "php-escapes")
        del files
        plaintext = spoil_plaintext(name, arg, plaintext)
        if name in HOSTILE_ENVELOPES:
            data = encrypted_data(plaintext, self._aes_key, crypt_type, self._rsa_private_pem)
            envelope = hostile_envelope(name, data)
            assert envelope is not None
            return envelope
        wrong = name == "wrong-key"
        return encrypted_envelope(
            plaintext,
            self._other_key if wrong else self._aes_key,
            wrap=name == "wrapped-base64",
            php_style=name == "php-escapes",
            garble=name == "garbage-base64",
            crypt_type=None if wrong and crypt_type == 1 else crypt_type,  # RSA: noise to it
            rsa_private_pem=self._rsa_private_pem,
        )
