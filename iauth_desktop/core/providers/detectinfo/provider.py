"""``detectinfo``: Tencent's real-name verification service (实名核身, ``getdetectinfo.php``)."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from iauth_desktop.core.model.codes import CodeInfo
from iauth_desktop.core.model.media import MediaItem
from iauth_desktop.core.model.result import FetchMode, MediaSlot, VerificationResult, as_int
from iauth_desktop.core.providers.base import (
    EndpointKind,
    FetchOutcome,
    NamedEndpoint,
    Progress,
)
from iauth_desktop.core.providers.detectinfo import codes
from iauth_desktop.core.providers.detectinfo import endpoints as urls
from iauth_desktop.core.providers.detectinfo.envelope import TOKEN_GONE_CODES
from iauth_desktop.core.providers.detectinfo.fields import MEDIA_SLOTS, PROVIDER, interpret

if TYPE_CHECKING:  # config imports the registry: no cycle at run time
    from iauth_desktop.core.config.resolve import Credentials
    from iauth_desktop.core.net.options import ClientOptions
    from iauth_desktop.core.providers.detectinfo.client import DetectInfoClient

# The spec (names, endpoints, codes, fields) is what the console's first paint needs; the client,
# its HTTP stack and the ciphers (pycryptodome, whose native backend is slow to load) are
# imported by the methods that use them: connect, check_secret, warm_up, media_item.

INFO_TYPE_OF: dict[FetchMode, int] = {FetchMode.FULL: 0, FetchMode.TEXT_ONLY: 1}
_MODE_OF: dict[int, FetchMode] = {v: k for k, v in INFO_TYPE_OF.items()}


class DetectInfoSpec:
    name = PROVIDER
    title = "实名核身 getdetectinfo"
    media_slots: tuple[MediaSlot, ...] = MEDIA_SLOTS
    endpoints: tuple[NamedEndpoint, ...] = (
        NamedEndpoint("test", urls.TEST_ENDPOINT),
        NamedEndpoint("sandbox", urls.SANDBOX_ENDPOINT),
        NamedEndpoint("production", urls.PRODUCTION_ENDPOINT),
    )
    default_endpoint = urls.TEST_ENDPOINT

    def connect(
        self, credentials: Credentials, options: ClientOptions | None = None
    ) -> DetectInfoProvider:
        from iauth_desktop.core.providers.detectinfo.ciphers import (  # noqa: PLC0415
            RsaPublicKey,
            parse_crypt_type,
        )
        from iauth_desktop.core.providers.detectinfo.client import (  # noqa: PLC0415
            DetectInfoClient,
        )

        crypt_type = (
            parse_crypt_type(credentials.crypt_type) if credentials.crypt_type is not None else None
        )
        pem = credentials.rsa_public_key
        client = DetectInfoClient(
            credentials.endpoint,
            credentials.appid or "",
            credentials.secret_key or "",
            credentials.aes_key or "",
            options,
            crypt_type=crypt_type,
            rsa_public_key=RsaPublicKey.from_pem(pem) if pem and crypt_type == 1 else None,
        )
        return DetectInfoProvider(self, client)

    def interpret(
        self,
        raw: dict[str, Any],
        media: Mapping[str, MediaItem] | None = None,
        request: Mapping[str, Any] | None = None,
    ) -> VerificationResult:
        return interpret(raw, media)

    def media_item(self, key: str, value: Any) -> MediaItem | None:
        from iauth_desktop.core.providers.detectinfo.payload import (  # noqa: PLC0415
            media_item_from_value,
        )

        return media_item_from_value(key, value)

    def request_record(self, mode: FetchMode) -> dict[str, Any]:
        return {"info_type": INFO_TYPE_OF[mode]}

    def mode_of(self, request: Mapping[str, Any]) -> FetchMode | None:
        value = request.get("info_type")
        return _MODE_OF.get(value) if type(value) is int else None

    def classify_endpoint(self, url: str) -> EndpointKind:
        return urls.classify_endpoint(url)

    def api_error(self, code: int | str, message: str | None = None) -> CodeInfo:
        number = as_int(code)
        return codes.api_error(number if number is not None else -1, message)

    def explain_code(self, code: int) -> CodeInfo:
        """A final result code's meaning out of a case's context (the dashboard's top codes)."""
        return codes.explain(code)

    def token_gone(self, code: int | str) -> bool:
        return code in TOKEN_GONE_CODES

    def check_secret(self, kind: str, value: str) -> None:
        from iauth_desktop.core.providers.detectinfo.ciphers import RsaPublicKey  # noqa: PLC0415
        from iauth_desktop.core.providers.detectinfo.crypto import aes_key_bytes  # noqa: PLC0415

        if kind == "aes_key":
            aes_key_bytes(value)
        elif kind == "rsa_public_key":
            RsaPublicKey.from_pem(value)

    def warm_up(self) -> None:
        """Load what the first fetch needs (HTTP client, payload reader, ciphers) ahead of it."""
        from iauth_desktop.core.providers.detectinfo import client, payload  # noqa: F401, PLC0415
        from iauth_desktop.core.providers.detectinfo.crypto import (  # noqa: PLC0415
            StreamingDecryptor,
        )

        StreamingDecryptor(bytes(32))


SPEC = DetectInfoSpec()


@dataclass(frozen=True)
class DetectInfoProvider:
    spec: DetectInfoSpec
    client: DetectInfoClient

    @property
    def endpoint(self) -> str:
        return self.client.endpoint

    def fetch(
        self,
        token: str,
        mode: FetchMode,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> FetchOutcome:
        info_type = INFO_TYPE_OF[mode]
        outcome = self.client.fetch(token, info_type, progress=progress, cancel=cancel)
        request: dict[str, Any] = {"info_type": info_type}
        if self.client.crypt_type is not None:
            request["crypt_type"] = int(self.client.crypt_type)
        return FetchOutcome(
            result=outcome.result,
            token=outcome.token,
            endpoint=outcome.endpoint,
            mode=mode,
            fetched_at=outcome.fetched_at,
            response_bytes=outcome.response_bytes,
            attempts=outcome.attempts,
            request=request,
        )
