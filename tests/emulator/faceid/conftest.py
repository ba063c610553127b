"""FaceID emulators on 127.0.0.1 and SDK clients pointed at them (see tests/faceid_servers.py)."""

from tests.faceid_servers import faceid_server, make_faceid_server

__all__ = ["faceid_server", "make_faceid_server"]
