"""One FaceID request over HTTP: the TC3 signature, the action, the parameters, the answer."""

from __future__ import annotations

import base64
import json
import secrets
import sys
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any, Final

from iauth_desktop.emulator.faceid.answers import ApiError, error_response
from iauth_desktop.emulator.faceid.demo import CASES, ENCRYPTED_CASE, TOKEN_CASES
from iauth_desktop.emulator.faceid.tc3 import verify

if TYPE_CHECKING:
    from iauth_desktop.emulator.faceid.server import FaceIdEmulator

ACTION: Final = "GetDetectInfoEnhanced"
VERSION: Final = "2018-03-01"
SERVICE: Final = "faceid"
MAX_REQUEST_BYTES: Final = 1 << 20
_JSON: Final = "application/json"  # exactly what the service sends (the SDK checks for it)
_WRITE_CHUNK: Final = 256 * 1024


class FaceIdHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "iauth-faceid-emulator"
    sys_version = ""
    timeout = 30

    @property
    def emulator(self) -> FaceIdEmulator:
        emulator: FaceIdEmulator = self.server.emulator  # type: ignore[attr-defined]
        return emulator

    def log_message(self, format: str, *args: Any) -> None:
        if self.emulator.verbose:  # method, path and status only: never headers or bodies
            sys.stderr.write(f"faceid emulator: {self.address_string()} {format % args}\n")

    def do_POST(self) -> None:
        length = self.headers.get("Content-Length", "0").strip() or "0"
        if not length.isdigit() or int(length) > MAX_REQUEST_BYTES:
            self._send(413 if length.isdigit() else 400, b"bad request\n", "text/plain", close=True)
            return
        body = self.rfile.read(int(length))
        fault = self.emulator.fault
        name = fault.name if fault is not None else ""
        if name == "delay" and fault is not None and self.emulator.stopping.wait(fault.value):
            return
        if name == "reset":
            self.close_connection = True
            self.connection.close()
            return
        if name == "http-503":
            self._send(503, b"503 Service Unavailable\n", "text/plain", close=True)
            return
        if name == "non-json":
            self._send(200, b"<html><body>gateway</body></html>", "text/html; charset=utf-8")
            return
        try:
            answer: dict[str, Any] = {"Response": self._answer(body)}
        except ApiError as error:
            answer = error_response(error.code, error.message)
        data = json.dumps(answer, ensure_ascii=False).encode("utf-8")
        content_type = _JSON + ("; charset=utf-8" if name == "json-charset" else "")
        self._send(200, data, content_type)

    def _method_not_allowed(self) -> None:
        self._send(405, b"POST only\n", "text/plain", close=True, extra={"Allow": "POST"})

    do_GET = do_PUT = do_DELETE = do_PATCH = _method_not_allowed

    def _answer(self, body: bytes) -> dict[str, Any]:
        emulator = self.emulator
        headers = {k.lower(): v for k, v in self.headers.items()}
        if self.path.split("?", 1)[0] != "/":
            raise ApiError("InvalidAction", f"no API at {self.path[:80]!r}")
        action = headers.get("x-tc-action", "")
        if action != ACTION:
            raise ApiError("InvalidAction", f"接口 {action[:60]!r} 不存在 (only {ACTION})")
        if headers.get("x-tc-version") != VERSION:
            raise ApiError("NoSuchVersion", f"接口版本不存在 (only {VERSION})")
        verdict = verify(
            headers,
            body,
            secrets={emulator.secret_id: emulator.secret_key},
            service=SERVICE,
            now=emulator.now(),
        )
        if verdict.code is not None:
            raise ApiError(verdict.code, verdict.message)
        if emulator.fault is not None and emulator.fault.name == "arrears":
            raise ApiError("UnauthorizedOperation.Arrears", "帐号已欠费。")
        params = _params(body)
        case = CASES[_case_name(params, emulator.rule_id)]
        if case.error is not None:
            raise ApiError(*case.error)
        if case.name == ENCRYPTED_CASE and not isinstance(params.get("Encryption"), dict):
            raise ApiError(
                "InvalidParameter",
                "emulator: this demo case is answered only encrypted (--encrypt-response)",
            )
        fault = emulator.fault.name if emulator.fault is not None else ""
        answer = emulator.answers.answer(case, params, sm4_label=fault == "sm4")
        if fault == "garbled" and answer.get("EncryptedBody"):
            answer["EncryptedBody"] = base64.b64encode(secrets.token_bytes(64)).decode("ascii")
        if fault == "extra-fields":
            answer["LivenessReviewNote2026"] = "a field no document names"
            if isinstance(answer.get("Text"), dict):
                answer["Text"]["RiskLevel2026"] = {"level": 2, "tags": ["demo"]}
        return answer

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        *,
        close: bool = False,
        extra: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        view = memoryview(body)
        for start in range(0, len(view), _WRITE_CHUNK):
            self.wfile.write(view[start : start + _WRITE_CHUNK])


def _params(body: bytes) -> dict[str, Any]:
    try:
        params = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ApiError("InvalidParameter", "请求体不是 JSON") from None
    if not isinstance(params, dict):
        raise ApiError("InvalidParameter", "请求体不是 JSON 对象")
    parts = params.get("InfoType", "0")
    if not isinstance(parts, str) or not parts.isdigit() or any(ch > "6" for ch in parts):
        raise ApiError("InvalidParameterValue", "InfoType 取值不正确")
    frames = params.get("BestFramesCount", 0)
    if isinstance(frames, bool) or not isinstance(frames, int) or not 0 <= frames <= 10:
        raise ApiError("InvalidParameterValue", "BestFramesCount 取值范围 0-10")
    return params


def _case_name(params: dict[str, Any], rule_id: str) -> str:
    token = params.get("BizToken")
    if not isinstance(token, str) or not token:
        raise ApiError("MissingParameter", "缺少参数 BizToken")
    if params.get("RuleId") != rule_id:
        raise ApiError(
            "InvalidParameterValue.RuleIdNotExist", "RuleId不存在，请到人脸核身控制台申请。"
        )
    name = TOKEN_CASES.get(token)
    if name is None:
        raise ApiError("InvalidParameterValue.BizTokenIllegal", "BizToken不合法。")
    return name
