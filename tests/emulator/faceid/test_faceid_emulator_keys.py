"""The FaceID emulator opens only keys wrapped for its own public key; anything else is the
service's decrypt error, never a dropped connection."""

from __future__ import annotations

import base64

from Crypto.Cipher import PKCS1_v1_5
from Crypto.PublicKey import RSA

from iauth_desktop.emulator.faceid.demo import DEMO_PUBLIC_KEY
from iauth_desktop.emulator.faceid.keys import demo_public_key_pem, unwrap_key


def wrap(public_pem: str, key: bytes) -> str:
    cipher = PKCS1_v1_5.new(RSA.import_key(public_pem))
    return base64.b64encode(cipher.encrypt(key)).decode()


def test_its_own_key_opens_and_a_foreign_or_broken_one_does_not() -> None:
    key = bytes(range(32))
    assert unwrap_key(wrap(demo_public_key_pem(), key)) == key
    larger = RSA.generate(3072).public_key().export_key().decode()  # another ciphertext size
    assert unwrap_key(wrap(larger, key)) is None
    assert unwrap_key("not base64!") is None
    assert unwrap_key(base64.b64encode(b"\xff" * 256).decode()) is None  # beyond the modulus


def test_the_announced_public_key_is_the_private_keys_own() -> None:
    assert demo_public_key_pem() == DEMO_PUBLIC_KEY  # the demo knows it without the RSA code
