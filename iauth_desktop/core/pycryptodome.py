"""pycryptodome's ciphers, loaded so that they call its compiled code through ``ctypes``.

pycryptodome calls its compiled code through cffi whenever ``import cffi`` works (the keyring's
dependencies install it), and cffi then parses every C declaration with pycparser, regular
expressions and all, on every start: measured side by side, a whole command-line fetch took
about 50 ms longer (median of 12 runs each). Through ctypes the very same compiled functions run,
with the GIL released just the same, and nothing is parsed. Nothing else in this program imports
cffi; where something already has (or pycryptodome is already loaded), nothing is changed.

Import the ciphers from here, never from ``Crypto`` before this module.
"""

from __future__ import annotations

import sys


def _load_through_ctypes() -> None:
    if "Crypto.Util._raw_api" in sys.modules or "cffi" in sys.modules:
        return
    sys.modules["cffi"] = None  # type: ignore[assignment]  # "import cffi" raises ImportError
    try:
        import Crypto.Util._raw_api  # noqa: F401, PLC0415 - picks its backend once, here
    finally:
        if "cffi" in sys.modules and sys.modules["cffi"] is None:
            del sys.modules["cffi"]


_load_through_ctypes()

from Crypto.Cipher import AES, PKCS1_v1_5  # noqa: E402
from Crypto.Util._raw_api import backend  # noqa: E402

__all__ = ["AES", "PKCS1_v1_5", "backend"]
