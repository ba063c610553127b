"""The emulator's demo RSA key pair, for ``crypt_type`` 1 — public, like every demo secret.
1024 bits (128-byte blocks), as in the service's app SDK guides; small enough to sign quickly.

The service keeps the private key and hands the public key to the integrator; the emulator plays
the service, so it holds both. ``rsa_private_encrypt`` is OpenSSL's ``rsautl -sign`` (PKCS#1 v1.5
type-1 padding, one block per key length), which is what the service's RSA ``data`` is made with.
"""

from __future__ import annotations

import base64
from typing import Final

from Crypto.PublicKey import RSA

DEMO_RSA_PRIVATE_KEY: Final = """\
-----BEGIN PRIVATE KEY-----
MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBAMNeIo7O/p+VqAMI
qPDA79MtnxHC4u7EnewtzrGR6qc0fDH34t65LQ7tfRvUIEcsjuoWfMTiq79HY15D
gs3kd/6oXZyini9I42uVuXgp5zC1x18rMFSiNBI3SDPp3C0F+70l49i8SEvWmO5f
BgVWzKYtDuJP4oLqGcOal09CrIUzAgMBAAECgYBzuHeZxWw21KuPGHsRGAc2PCij
mZ9XtKiiM8PhlD+8yK7j3iPIr0DMPcnESRLRdcg1ShqfeHAovb1TIYQCNtkHug7y
2dQl9bHCGKL5TuEND5vLy2aVw4V3+vdEwKuQPgyHM03q8fA7i9xasqyj90AgOQZ9
2YtA/tYepNB4fsO3mQJBAOzAt7YGZDwjwrtYKfvuxQtLfg35fvy3W3lGJx1dt4ih
vAVL/K6wGbxM6GynX3WMN+OzMudq0uOXxdteY3ygFY8CQQDTQB0m8xQZtYm/8rMF
LgQjSxbLMyxkfPlsz/OsYdu3f6bmTUIzEjHTO6h3cS50/7ocjIokIenLYq0lmQzO
EqwdAkEAxgI4pAicdKAEEeQe2RJNwrCU8OMmjf5chwVhWXI0OhXqxxNSdlfabl50
Vct2Tz3C0LHjdSEm2Crr1BkRY/4PiQJBAJ7UI5b3R/OUdD8nQMXyNRY8DKU2knfz
Jq1TJIhFAydSCLA7AjzXvzJsNluncyBwbQOt/ubvwJI0XK5aBjCiBVkCQHyWcXT/
Ta0xfC3a0U71tv+xQ20P2NEZRqTv+Mht8gLqWJzQZVGwElkQ9JiRTFfuCwiLG6cv
J3rWlW/G/cnTxKs=
-----END PRIVATE KEY-----
"""
_MIN_FILL = 8
_OVERHEAD = 3 + _MIN_FILL  # 00 01 FF*8 00


def demo_public_key_pem(private_pem: str = DEMO_RSA_PRIVATE_KEY) -> str:
    return RSA.import_key(private_pem).public_key().export_key().decode("ascii")


def rsa_private_encrypt(plaintext: bytes, private_pem: str = DEMO_RSA_PRIVATE_KEY) -> str:
    """Base64 of the RSA blocks of ``plaintext`` made with the private key."""
    key = RSA.import_key(private_pem)
    n, d = int(key.n), int(key.d)
    p, q, u = int(key.p), int(key.q), int(key.u)  # u = p^-1 mod q
    dp, dq = d % (p - 1), d % (q - 1)
    size = (n.bit_length() + 7) // 8
    chunk = size - _OVERHEAD
    out = bytearray()
    for start in range(0, max(len(plaintext), 1), chunk):
        part = plaintext[start : start + chunk]
        block = b"\x00\x01" + b"\xff" * (size - 3 - len(part)) + b"\x00" + part
        m = int.from_bytes(block, "big")
        # CRT: four times faster than pow(m, d, n), same result
        mp, mq = pow(m, dp, p), pow(m, dq, q)
        c = mp + p * ((u * (mq - mp)) % q)
        out += c.to_bytes(size, "big")
    return base64.b64encode(bytes(out)).decode("ascii")
