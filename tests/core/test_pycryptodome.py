"""pycryptodome is loaded through ctypes by the fetch paths, and cffi stays importable after."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import json, sys
    import iauth_desktop.commands.fetch
    import iauth_desktop.core.providers.detectinfo.client
    import iauth_desktop.core.providers.faceid.encryption
    from Crypto.Util._raw_api import backend
    loaded = "cffi" in sys.modules
    import cffi  # the module is not poisoned for anyone after
    print(json.dumps({"backend": backend, "cffi_loaded": loaded, "cffi": cffi.__name__}))
    """
)


def test_the_fetch_paths_load_pycryptodome_through_ctypes_and_leave_cffi_importable() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(done.stdout) == {"backend": "ctypes", "cffi_loaded": False, "cffi": "cffi"}


def test_the_ctypes_backend_decrypts_what_the_cffi_one_encrypted() -> None:
    code = textwrap.dedent(
        """
        import sys
        from iauth_desktop.core.pycryptodome import AES, backend
        assert backend == "ctypes", backend
        key, data = bytes(range(32)), bytes.fromhex(sys.argv[1])
        print(AES.new(key, AES.MODE_ECB).decrypt(data).decode())
        """
    )
    encrypt = "from Crypto.Cipher import AES; from Crypto.Util._raw_api import backend; "
    encrypt += "assert backend == 'cffi'; "
    encrypt += "print(AES.new(bytes(range(32)), AES.MODE_ECB).encrypt(b'sixteen byte msg').hex())"
    made = subprocess.run(
        [sys.executable, "-c", encrypt], capture_output=True, text=True, check=True
    )
    done = subprocess.run(
        [sys.executable, "-c", code, made.stdout.strip()],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "sixteen byte msg"
