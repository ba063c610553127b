"""Fuzzers of the wire (issue #12): every seed of the committed corpus and bounded hypothesis
mutations of it must end in a typed error or a faithful result — never an untyped exception,
a hang, or a result that differs from what a strict reader would say.

The corpus (``fuzz_corpus/``) holds one file per input that once broke something; add the next
one there. Each fuzzer runs ``EXAMPLES`` examples in the normal test run (a few seconds).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import urllib3
from hypothesis import given, settings
from hypothesis import strategies as st

from iauth_desktop.commands.terminal import escape_controls
from iauth_desktop.core.model.errors import (
    DecryptionError,
    InsecureEndpointError,
    MalformedResponseError,
    ServiceError,
    TruncatedResponseError,
)
from iauth_desktop.core.net.endpoints import check_endpoint, is_loopback_host
from iauth_desktop.core.providers.detectinfo.envelope import EnvelopeParser
from iauth_desktop.core.providers.detectinfo.payload import parse_payload

CORPUS = Path(__file__).with_name("fuzz_corpus")
EXAMPLES = 150


def seeds(prefix: str) -> list[bytes]:
    found = [p.read_bytes() for p in sorted(CORPUS.glob(f"{prefix}-*"))]
    assert found, f"no {prefix} seeds in {CORPUS}"
    return found


@st.composite
def mutated(draw: st.DrawFn, prefix: str) -> bytes:
    """A seed with a few bytes replaced, inserted or deleted, or cut short."""
    data = bytearray(draw(st.sampled_from(seeds(prefix))))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["replace", "insert", "delete", "cut"]))
        byte = draw(st.sampled_from(b'{}[]",:\\0a\x00\x1b\xff\n-eE.'))
        if action == "replace" and at < len(data):
            data[at] = byte
        elif action == "insert":
            data[at:at] = bytes([byte])
        elif action == "delete" and at < len(data):
            del data[at]
        elif action == "cut":
            del data[at:]
    return bytes(data)


# --- the decrypted object ------------------------------------------------------------------


def strict_object(data: bytes) -> dict | None:
    """What a strict reader says: the object, or None when it is not exact JSON."""

    def unique(pairs: list) -> dict:
        keys = [k for k, _ in pairs]
        if len(set(keys)) != len(keys):
            raise ValueError("duplicate")
        return dict(pairs)

    def no_constant(_name: str) -> None:
        raise ValueError("constant")

    def finite(text: str) -> float:
        value = float(text)
        if value in (float("inf"), float("-inf")):
            raise ValueError("overflow")
        return value

    try:
        obj = json.loads(
            data.decode("utf-8").removeprefix("\ufeff"),
            object_pairs_hook=unique,
            parse_constant=no_constant,
            parse_float=finite,
        )
    except (ValueError, RecursionError):
        return None
    return obj if isinstance(obj, dict) else None


def check_payload(data: bytes) -> None:
    try:
        result = parse_payload(data)
    except DecryptionError:  # PayloadFormatError, WrongKeyError, ...
        return
    reference = strict_object(data)
    assert reference is not None, "parse_payload accepted what a strict reader refuses"
    assert set(result.raw) == set(reference)


@pytest.mark.parametrize("seed", seeds("payload"), ids=lambda s: s[:24].decode("latin-1"))
def test_payload_seeds(seed: bytes) -> None:
    check_payload(seed)


@settings(max_examples=EXAMPLES)
@given(mutated("payload"))
def test_payload_fuzz(data: bytes) -> None:
    check_payload(data)


# --- the envelope ----------------------------------------------------------------------------


def check_envelope(data: bytes, cut: int) -> None:
    sunk = bytearray()
    parser = EnvelopeParser(sunk.extend, status=200, secrets=("topsecret-value",))
    message = ""
    try:
        parser.feed(data[:cut])
        parser.feed(data[cut:])
        parser.finish()
    except (MalformedResponseError, TruncatedResponseError, ServiceError) as exc:
        message = str(exc)
    assert "topsecret-value" not in message
    assert len(message) < 1000  # messages quote briefly


@pytest.mark.parametrize("seed", seeds("envelope"), ids=lambda s: s[:24].decode("latin-1"))
def test_envelope_seeds(seed: bytes) -> None:
    check_envelope(seed, len(seed) // 2)


@settings(max_examples=EXAMPLES)
@given(mutated("envelope"), st.integers(0, 200))
def test_envelope_fuzz(data: bytes, cut: int) -> None:
    check_envelope(data, cut)


# --- endpoints: we and urllib3 agree on the host ---------------------------------------------


def check_endpoint_agrees(url: str) -> None:
    try:
        normal = check_endpoint(url)
    except InsecureEndpointError:
        return
    host = urllib3.util.parse_url(normal).host or ""
    if normal.startswith("http://"):  # plain http: urllib3 must connect to loopback too
        assert is_loopback_host(host), (url, normal, host)


@pytest.mark.parametrize("seed", seeds("endpoint"), ids=lambda s: s[:30].decode("latin-1"))
def test_endpoint_seeds(seed: bytes) -> None:
    check_endpoint_agrees(seed.decode("utf-8"))


@settings(max_examples=EXAMPLES)
@given(mutated("endpoint"))
def test_endpoint_fuzz(data: bytes) -> None:
    check_endpoint_agrees(data.decode("utf-8", "replace"))


@settings(max_examples=EXAMPLES)
@given(
    st.sampled_from(["http://", "https://"]),
    st.text(st.sampled_from("127.0.0.1%25:[]abclocalhost.-_0x41ev"), max_size=30),
)
def test_endpoint_hosts_fuzz(scheme: str, host: str) -> None:
    check_endpoint_agrees(f"{scheme}{host}/getdetectinfo.php")


# --- terminal text ---------------------------------------------------------------------------


def check_escaped(text: str) -> None:
    shown = escape_controls(text)
    assert all(ch in "\n\t" or (ord(ch) >= 0x20 and not 0x7F <= ord(ch) <= 0x9F) for ch in shown)
    assert "\x1b" not in shown and "\r" not in shown


@pytest.mark.parametrize("seed", seeds("text"))
def test_text_seeds(seed: bytes) -> None:
    check_escaped(seed.decode("utf-8", "surrogateescape"))


@settings(max_examples=EXAMPLES)
@given(st.text())
def test_text_fuzz(text: str) -> None:
    check_escaped(text)
