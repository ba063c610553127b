"""``faceid``: Tencent Cloud FaceID (人脸核身), ``GetDetectInfoEnhanced`` through the SDK."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from iauth_desktop.core.model.codes import CodeInfo
from iauth_desktop.core.model.errors import CancelledError, MissingCredentialsError, UsageError
from iauth_desktop.core.model.media import MediaItem
from iauth_desktop.core.model.result import FetchMode, MediaSlot, VerificationResult
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.base import EndpointKind, FetchOutcome, NamedEndpoint, Progress
from iauth_desktop.core.providers.faceid import codes
from iauth_desktop.core.providers.faceid import endpoints as urls
from iauth_desktop.core.providers.faceid.client import FaceIdClient
from iauth_desktop.core.providers.faceid.encryption import (
    EncryptionMode,
    IvReading,
    RequestEncryption,
    load_public_key,
)
from iauth_desktop.core.providers.faceid.fields import interpret
from iauth_desktop.core.providers.faceid.media import media_item, split_media
from iauth_desktop.core.providers.faceid.wire import (
    BEST_FRAMES_COUNT,
    BIZ_TOKEN,
    INFO_TYPE,
    IS_CUT_ID_CARD_IMAGE,
    IS_NEED_ID_CARD_AVATAR,
    IS_RETURN_ALL_VIDEO,
    MAX_BEST_FRAMES,
    MEDIA_SLOTS,
    PROVIDER,
    RULE_ID,
)

if TYPE_CHECKING:  # config imports the registry: no cycle at run time
    from iauth_desktop.core.config.resolve import Credentials

TEXT_ONLY_PARTS = "1"
ALL_PARTS = "0"
DEFAULT_BEST_FRAMES = 3


def check_parts(value: str) -> str:
    """``InfoType``: digits 0–4, each at most once ("0" everything, "1" text, "13" text and
    best frames); UsageError otherwise."""
    text = value.strip()
    if not text or any(ch not in "01234" for ch in text) or len(set(text)) != len(text):
        raise UsageError(
            f"the FaceID info type is digits 0–4 (0 everything, 1 text, 2 ID card images, "
            f"3 best frames, 4 video; e.g. 13), not {value!r:.20}"
        )
    return text


def check_best_frames(value: int) -> int:
    if isinstance(value, bool) or not 0 <= value <= MAX_BEST_FRAMES:
        raise UsageError(f"the number of best frames is 0–{MAX_BEST_FRAMES}, not {value!r:.20}")
    return value


class FaceIdSpec:
    name = PROVIDER
    title = "人脸核身 FaceID GetDetectInfoEnhanced"
    media_slots: tuple[MediaSlot, ...] = MEDIA_SLOTS
    endpoints: tuple[NamedEndpoint, ...] = (NamedEndpoint("production", urls.PRODUCTION_ENDPOINT),)
    default_endpoint = urls.PRODUCTION_ENDPOINT

    def connect(
        self, credentials: Credentials, options: ClientOptions | None = None
    ) -> FaceIdProvider:
        rule_id = (credentials.rule_id or "").strip()
        if not rule_id:
            raise MissingCredentialsError(("rule ID",), "--rule-id ID or the profile's")
        client = FaceIdClient(
            credentials.endpoint, credentials.appid or "", credentials.secret_key or "", options
        )
        mode = EncryptionMode(credentials.encryption) if credentials.encryption else None
        if mode is not None and not credentials.rsa_public_key:
            raise MissingCredentialsError(
                ("service public key",),
                "encrypted answers need the service's public key: --service-public-key "
                "FILE.pem or the profile's",
            )
        key = (
            load_public_key(credentials.rsa_public_key)
            if mode and credentials.rsa_public_key
            else None
        )
        parts = check_parts(credentials.info_parts) if credentials.info_parts else None
        frames = credentials.best_frames
        return FaceIdProvider(
            self,
            client,
            rule_id=rule_id,
            parts=parts,
            best_frames=check_best_frames(frames) if frames is not None else DEFAULT_BEST_FRAMES,
            encryption=mode,
            public_key=key,
        )

    def interpret(
        self,
        raw: dict[str, Any],
        media: Mapping[str, MediaItem] | None = None,
        request: Mapping[str, Any] | None = None,
    ) -> VerificationResult:
        return interpret(raw, media, request)

    def media_item(self, key: str, value: Any) -> MediaItem | None:
        return media_item(key, value)

    def request_record(self, mode: FetchMode) -> dict[str, Any]:
        return {INFO_TYPE: TEXT_ONLY_PARTS if mode is FetchMode.TEXT_ONLY else ALL_PARTS}

    def mode_of(self, request: Mapping[str, Any]) -> FetchMode | None:
        value = request.get(INFO_TYPE)
        if not isinstance(value, str) or not value:
            return None
        return FetchMode.TEXT_ONLY if value == TEXT_ONLY_PARTS else FetchMode.FULL

    def classify_endpoint(self, url: str) -> EndpointKind:
        return urls.classify_endpoint(url)

    def api_error(self, code: int | str, message: str | None = None) -> CodeInfo:
        return codes.api_error(str(code), message)

    def token_gone(self, code: int | str) -> bool:
        return code in codes.TOKEN_GONE_ERRORS

    def check_secret(self, kind: str, value: str) -> None:
        if kind == "rsa_public_key":
            load_public_key(value)

    def warm_up(self) -> None:
        """The SDK's modules are imported with this one; nothing more to load."""


SPEC = FaceIdSpec()


@dataclass(frozen=True)
class FaceIdProvider:
    spec: FaceIdSpec
    client: FaceIdClient
    rule_id: str
    parts: str | None = None  # the InfoType asked for instead of the mode's
    best_frames: int = DEFAULT_BEST_FRAMES
    encryption: EncryptionMode | None = None
    public_key: Any = field(default=None, repr=False)
    iv_reading: IvReading = IvReading.TEXT

    @property
    def endpoint(self) -> str:
        return self.client.endpoint

    def request(self, token: str, mode: FetchMode) -> dict[str, Any]:
        """The call's parameters, but for the encryption's key material."""
        parts = TEXT_ONLY_PARTS if mode is FetchMode.TEXT_ONLY else (self.parts or ALL_PARTS)
        params: dict[str, Any] = {BIZ_TOKEN: token, RULE_ID: self.rule_id, INFO_TYPE: parts}
        if parts != TEXT_ONLY_PARTS:
            params[BEST_FRAMES_COUNT] = self.best_frames
            params[IS_CUT_ID_CARD_IMAGE] = False  # the card as photographed: masking finds it
            params[IS_NEED_ID_CARD_AVATAR] = True
        if parts == ALL_PARTS or "4" in parts:
            # every attempt's video, not only the last (the service's storage option must be
            # on for it to send them; without it the answer simply has none)
            params[IS_RETURN_ALL_VIDEO] = True
        return params

    def fetch(
        self,
        token: str,
        mode: FetchMode,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> FetchOutcome:
        token = token.strip()
        if not token:
            raise UsageError("the BizToken is empty")
        params = self.request(token, mode)
        record = dict(params)
        del record[BIZ_TOKEN]
        sealed: RequestEncryption | None = None
        if self.encryption is not None:
            sealed = RequestEncryption.new(
                self.public_key, self.encryption, iv_reading=self.iv_reading
            )
            params.update(sealed.request_fields())
            record.update(sealed.record())
        call = self.client.call(params, progress=progress, cancel=cancel)
        answer = sealed.open_answer(call.answer) if sealed is not None else call.answer
        if cancel is not None and cancel.is_set():
            raise CancelledError("the fetch was cancelled")
        media = split_media(answer, cancel)
        result = interpret(answer, media, record)
        return FetchOutcome(
            result=result,
            token=token,
            endpoint=self.endpoint,
            mode=FetchMode.FULL if params[INFO_TYPE] != TEXT_ONLY_PARTS else FetchMode.TEXT_ONLY,
            fetched_at=datetime.now(UTC),
            response_bytes=call.response_bytes,
            attempts=call.attempts,
            request=record,
        )
