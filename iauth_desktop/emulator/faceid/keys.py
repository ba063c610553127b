"""The FaceID emulator's demo RSA key pair — public, like every demo secret.

The service keeps the private key and shows the public key in its console; an integrator wraps
each fetch's AES key with it (PKCS#1 v1.5). The emulator plays the service, so it holds both.
"""

from __future__ import annotations

import base64
import binascii
from functools import cache
from typing import Final

from Crypto.Cipher import PKCS1_v1_5
from Crypto.PublicKey import RSA

DEMO_PRIVATE_KEY: Final = """\
-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDDXZ0UFXXRBhad
Tp+Ra81i8BWtr+lmfXFj32nSGltaSDkSoJBPvLg6HhXdQc0FrPGt+R36AeIuqbxY
Vsh/+/7qFv07RC78WK5/w+ftS7MxUIvotUvKBCeKLF7/abjbnml7PeGSlsynR10E
12vtI2Ra64W7yAMRMnnZ5I8Tatdj3bA5QKOzp/ADmPg5MNHW6WHSGXRVn+Cjzmhm
zYArtme60Zi7r2L443BfbI62ilG//VdNuIXMGIi81dQ8/fN3AVE/5/sdBDw76TAv
wwiiRY0g9I0a1iME1MWAkVYmea13kewBvrpjbKdlKD3Pn8OHX2o8rWFVGUA0ITXi
EKkg4xuHAgMBAAECggEAGnIoKslS5wYrdoTnndBZf6yfSqE295xAhrP+B6ZwulJv
g2F/14Nk7t0WuZpILh4AozvHPooVu5pXeB/bSVPr6HVPN0AeGiPJD1uOIDWwnprY
LZqpFUIlthMWkv2VPAmAHuI8EFNghb5nzZl5ryKs2Y/rTQWgwKm0C/ZgFdFPMeHa
GeF+OVAV10d2sF9BcByCiVNVivN79TBaf1/t/aACaawm4qJkug8DMVxy9/XDr+xq
U2DuYmuTyIky3GxXEy3C153o1JNQGvJR7Z2Kqhb7R8ptQMGBwgOaU0rTWenbtLr9
VSxfW5aW2ENOkSxKCQjhghsFftWcpeFRGnLN4RPugQKBgQD7vH1w89hxg99VrLjz
k8X08WoqPuA0vIRKoofhJMmw/r78b/k5RIT4J9R264qI5t5reTnQYp/kirKe46mq
yH+3MuCCTaYUbiduAaQJMpz7ofJ1D+Az8BXJOGgTjtjmDIMaoyTgVfm7s+M2HXIG
74wIgLSTkV3RJ5j2fCuOes3YgQKBgQDGrLRrs/whcNdBzDpo0gIXgrepXVhh6Rk2
sSvMblxQplPWwCsMyrJvQslMUHfLVrreY47NjgEvKk2z1nHrZxOsKW5ccc+g1apq
0bHayODe+3XHNeuhuxBv/B684QhmJ6wkMoCdq+pnGfEp5+ncPT9rSUCRHMtkVDoi
Ox4v56owBwKBgHgsdV3UqsEWCSnnOKvfIaNbFClytqm2TRksGd3bKAW8twPfmIRE
N44XxY+3xfyw6gE4b+cRDe+WXssHN9n1uTKFsTPDScN7CouzcNGLPfHKT+qeV5Oz
y1KyAM1FZjn8QyIWO+Z0ZLG8oH0W9XZmKN1uQ8YmoTjVxGn2wPxVl6sBAoGAJETK
+w50bLZo1X4u+4u7Dgey95wu0lD3ZWCamktbVu3GSGH0efVW9bC/hsr504kVvBt4
qlXOKYoTfU0cpti+YqN9niq4uKfI4I8/ZK1fP9Wv/pn9Vh0MNyVThy+dlOiRKFp/
2EjWFdRKjlfj/WzA8xkATH1xM/OcWTtpm10zWGkCgYEAjY3UFdWP4kdFnVgZw+DI
AxDwT7XhRB6N0mMcshf4WqCNG7PklmGEJm/8TtWKS0ZI9s7V8bns7V66RL3BzBSI
ZcdWQm1dl6AgBaLynsfTYQXrPaNSLedfatNoJBX86J43BYFDEQDPUXhJURpE06xu
0ZIGvHJ0xbkReqRYE+V6vY0=
-----END PRIVATE KEY-----
"""


@cache
def _private() -> RSA.RsaKey:
    return RSA.import_key(DEMO_PRIVATE_KEY)


def demo_public_key_pem() -> str:
    return _private().public_key().export_key().decode("ascii") + "\n"


def unwrap_key(blob: str) -> bytes | None:
    """The AES key an integrator wrapped with the demo public key; None when it will not open."""
    try:
        wrapped = base64.b64decode(blob.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    sentinel = b""
    try:
        key = PKCS1_v1_5.new(_private()).decrypt(wrapped, sentinel)
    except ValueError:  # not a ciphertext of this key's size (e.g. wrapped for another key)
        return None
    return key if len(key) == 32 else None
