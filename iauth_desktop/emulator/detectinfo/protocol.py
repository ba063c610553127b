"""What the service decides about one request: an error code, or which case to answer.

Kept apart from the HTTP plumbing so the order of the checks reads in one place:
signature present (4) -> signature valid for this appid and apiName (3) -> body readable (2) ->
token and appid present (1) -> body appid is the signature's (3) -> info_type 0 or 1 (2) ->
crypt_type absent, 1, 2 or 3 (2) -> token known (5).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from iauth_desktop.core.providers.detectinfo.signing import (
    API_NAME,
    SignatureError,
    verify_signature,
)
from iauth_desktop.emulator.detectinfo.demo import (
    CASE_BY_TOKEN,
    FAULT_BY_TOKEN,
    batch_case,
    batch_error,
)
from iauth_desktop.emulator.detectinfo.faults import Fault

UNSET_PARAM = 1
WRONG_PARAM = 2
UNAUTHORIZED = 3
NOT_SIGNATURE = 4
REQUEST_ILLEGAL = 5


@dataclass(frozen=True)
class Rejected:
    code: int


@dataclass(frozen=True)
class Accepted:
    case: str
    info_type: int
    fault: Fault | None = None  # selected by a fault token
    crypt_type: int | None = None  # None: the appid's default (AES-256-ECB)


class _BadBodyError(ValueError):
    """The body is neither a JSON object nor a form."""


def parse_body(body: bytes) -> dict[str, Any]:
    """JSON object or urlencoded form, whatever the Content-Type claims (tolerant, like PHP)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise _BadBodyError("body is not UTF-8") from None
    if text.lstrip().startswith("{"):
        try:
            params = json.loads(text)
        except ValueError:
            raise _BadBodyError("body is not JSON") from None
        if not isinstance(params, dict):
            raise _BadBodyError("JSON body is not an object")
        return params
    # PHP keeps the last of repeated keys.
    return {key: values[-1] for key, values in parse_qs(text, keep_blank_values=True).items()}


def _info_type(value: Any) -> int | None:
    """0 or 1 from an int or a numeric string; absent, null or "" mean 0; None when invalid."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    else:
        return None
    return number if number in (0, 1) else None


def _crypt_type(value: Any) -> int | None:
    """1, 2 or 3 from an int or a numeric string; absent, null or "" mean the default (None)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise _RejectError(WRONG_PARAM)
    text = str(value).strip()
    if text not in ("1", "2", "3"):
        raise _RejectError(WRONG_PARAM)
    return int(text)


def _text_param(value: Any) -> str | None:
    """Strings as is, integers as their digits (PHP compares loosely); None for anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


class _RejectError(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _check_signature(
    signature: str | None, *, appid: str, secret_key: str, now: float, api_name: str
) -> None:
    if not signature or not signature.strip():
        raise _RejectError(NOT_SIGNATURE)
    try:
        verify_signature(signature, secret_key, now=int(now), appid=appid, api_name=api_name)
    except SignatureError:
        raise _RejectError(UNAUTHORIZED) from None


def _check_params(body: bytes, *, appid: str) -> tuple[str, int, int | None]:
    """The token, info_type and crypt_type of a request whose signature was accepted."""
    try:
        params = parse_body(body)
    except _BadBodyError:
        raise _RejectError(WRONG_PARAM) from None
    raw_token, raw_appid = params.get("token"), params.get("appid")
    if raw_token in (None, "") or raw_appid in (None, ""):
        raise _RejectError(UNSET_PARAM)
    token, body_appid = _text_param(raw_token), _text_param(raw_appid)
    if token is None or body_appid is None:
        raise _RejectError(WRONG_PARAM)
    if body_appid != appid:
        raise _RejectError(UNAUTHORIZED)
    info_type = _info_type(params.get("info_type"))
    if info_type is None:
        raise _RejectError(WRONG_PARAM)
    return token, info_type, _crypt_type(params.get("crypt_type"))


def decide(
    signature: str | None,
    body: bytes,
    *,
    appid: str,
    secret_key: str,
    now: float,
    api_name: str = API_NAME,
) -> Rejected | Accepted:
    """``api_name``: the script the request was posted to, without ``.php``."""
    try:
        _check_signature(signature, appid=appid, secret_key=secret_key, now=now, api_name=api_name)
        token, info_type, crypt_type = _check_params(body, appid=appid)
    except _RejectError as reject:
        return Rejected(reject.code)
    if token in CASE_BY_TOKEN:
        return Accepted(CASE_BY_TOKEN[token], info_type, crypt_type=crypt_type)
    if token in FAULT_BY_TOKEN:
        return Accepted("pass", info_type, Fault(FAULT_BY_TOKEN[token]), crypt_type)
    code = batch_error(token)
    if code is not None:
        return Rejected(code)
    batch = batch_case(token)
    if batch is not None:
        name, fault = batch
        return Accepted(name, info_type, None if fault is None else Fault(fault), crypt_type)
    return Rejected(REQUEST_ILLEGAL)
