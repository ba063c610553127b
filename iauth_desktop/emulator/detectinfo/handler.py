"""The HTTP side of one request: read the body, apply fault modes, write the answer."""

from __future__ import annotations

import socket
import struct
import sys
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlsplit

from iauth_desktop.emulator.detectinfo.demo import ENDPOINT_PATH
from iauth_desktop.emulator.detectinfo.faults import GATEWAY_FAULTS, Fault
from iauth_desktop.emulator.detectinfo.hostile import HOSTILE_TRANSPORT
from iauth_desktop.emulator.detectinfo.protocol import Rejected, decide
from iauth_desktop.emulator.detectinfo.responses import NON_JSON_PAGE, error_envelope, gateway_page

if TYPE_CHECKING:
    from iauth_desktop.emulator.server import EmulatorServer

# The H5 and app flows fetch the same data through api_getdetectinfo.php, signed for its name.
SCRIPT_PATHS: Final = {
    ENDPOINT_PATH: "getdetectinfo",
    "/new/cgi-bin/api_getdetectinfo.php": "api_getdetectinfo",
}
MAX_REQUEST_BYTES: Final = 1 << 20
_WRITE_CHUNK: Final = 256 * 1024
_JSON: Final = "application/json; charset=utf-8"
_HTML: Final = "text/html; charset=utf-8"


class _BadRequestError(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class ServiceHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "iauth-emulator"
    sys_version = ""
    timeout = 30  # a stalled client does not hold a thread for ever

    @property
    def emulator(self) -> EmulatorServer:
        emulator: EmulatorServer = self.server.emulator  # type: ignore[attr-defined]
        return emulator

    def log_message(self, format: str, *args: Any) -> None:
        if self.emulator.verbose:  # method, path and status only: never headers or bodies
            sys.stderr.write(f"emulator: {self.address_string()} {format % args}\n")

    # --- HTTP methods ------------------------------------------------------------------------

    def do_POST(self) -> None:
        api_name = SCRIPT_PATHS.get(urlsplit(self.path).path)
        if api_name is None:
            self._send(404, b"not found\n", "text/plain; charset=utf-8", close=True)
            return
        try:
            body = self._read_body()
        except _BadRequestError as bad:
            self._send(bad.status, b"bad request\n", "text/plain; charset=utf-8", close=True)
            return
        self._serve(body, api_name)

    def _serve(self, body: bytes, api_name: str) -> None:
        emulator = self.emulator
        global_fault = emulator.fault
        if global_fault is not None and self._transport_fault(global_fault):
            return
        decision = decide(
            self.headers.get("signature"),
            body,
            appid=emulator.appid,
            secret_key=emulator.secret_key,
            now=emulator.now(),
            api_name=api_name,
        )
        if isinstance(decision, Rejected):
            self._answer(error_envelope(decision.code), global_fault)
            return
        fault = decision.fault or global_fault  # a fault token: the pass case, spoiled
        if decision.fault is not None and self._transport_fault(decision.fault):
            return
        body = emulator.answers.body(decision.case, decision.info_type, fault, decision.crypt_type)
        self._answer(body, fault)

    def _transport_fault(self, fault: Fault) -> bool:
        """Apply a delay or a gateway fault; True when the request is done with."""
        if fault.name == "delay":
            return self.emulator.stopping.wait(fault.value)  # True: stopping, give up
        if fault.name in GATEWAY_FAULTS:
            self._gateway(fault.name)
            return True
        return False

    def _method_not_allowed(self) -> None:
        body = b"method not allowed: POST only\n"
        self._send(405, body, "text/plain", close=True, extra={"Allow": "POST"})

    do_GET = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _method_not_allowed

    def do_HEAD(self) -> None:
        self._send(405, b"", "text/plain", close=True, extra={"Allow": "POST"})

    # --- request -----------------------------------------------------------------------------

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        length_text = self.headers.get("Content-Length", "0").strip() or "0"
        if not length_text.isdigit():
            raise _BadRequestError(400)
        length = int(length_text)
        if length > MAX_REQUEST_BYTES:
            raise _BadRequestError(413)
        return self.rfile.read(length)

    def _read_chunked(self) -> bytes:
        parts: list[bytes] = []
        total = 0
        while True:
            size_line = self.rfile.readline(1024).split(b";", 1)[0].strip()
            try:
                size = int(size_line, 16)
            except ValueError:
                raise _BadRequestError(400) from None
            total += size
            if total > MAX_REQUEST_BYTES:
                raise _BadRequestError(413)
            if size == 0:
                while self.rfile.readline(1024).strip():  # trailers
                    pass
                return b"".join(parts)
            parts.append(self.rfile.read(size))
            self.rfile.readline(1024)

    # --- answers and faults ------------------------------------------------------------------

    def _answer(self, body: bytes, fault: Fault | None) -> None:
        name = fault.name if fault is not None else ""
        if name == "truncated":
            self._send(200, body, _JSON, declared_length=len(body), send_bytes=len(body) // 2)
        elif fault is not None and name in HOSTILE_TRANSPORT:
            self._hostile(body, fault)
        else:
            self._send(200, body, _JSON)

    def _hostile(self, body: bytes, fault: Fault) -> None:
        """Headers no client should accept, or the body one byte at a time."""
        self.close_connection = True
        if fault.name == "drip":
            self.send_response(200)
            self.send_header("Content-Type", _JSON)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.flush()
            for index in range(len(body)):
                self.wfile.write(body[index : index + 1])
                self.wfile.flush()
                if self.emulator.stopping.wait(fault.value):
                    return
            return
        self.send_response(200)
        if fault.name == "many-headers":
            for index in range(int(fault.value)):
                self.send_header(f"X-Filler-{index}", "x")
        else:  # long-header: one line of ARG KiB
            self.send_header("X-Filler", "x" * int(fault.value * 1024))
        self.send_header("Content-Type", _JSON)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _gateway(self, name: str) -> None:
        if name == "reset":
            self._reset()
        elif name == "non-json":
            self._send(200, NON_JSON_PAGE, _HTML)
        else:
            status = int(name.removeprefix("http-"))
            self._send(status, gateway_page(status), _HTML, close=True)

    def _reset(self) -> None:
        """Close with SO_LINGER 0: the kernel sends RST instead of FIN; no answer at all."""
        self.close_connection = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.rfile.close()  # drops the file's reference so close() really closes the socket
        self.connection.close()

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        *,
        close: bool = False,
        declared_length: int | None = None,
        send_bytes: int | None = None,
        extra: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        length = len(body) if declared_length is None else declared_length
        self.send_header("Content-Length", str(length))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        if close or send_bytes is not None:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command == "HEAD":
            return
        view = memoryview(body)[: len(body) if send_bytes is None else send_bytes]
        for start in range(0, len(view), _WRITE_CHUNK):
            self.wfile.write(view[start : start + _WRITE_CHUNK])
