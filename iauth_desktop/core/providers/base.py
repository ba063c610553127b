"""The provider seam: what every verification service's package offers the rest of the app.

A ``ProviderSpec`` holds a service's facts (its endpoints, media slots, code tables, how its
saved answers read back); ``ProviderSpec.connect`` gives a ``Provider`` bound to one endpoint and
one set of credentials, whose ``fetch`` returns the neutral ``FetchOutcome``. Nothing outside a
provider's own package knows its wire format.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, Protocol

from iauth_desktop.core.model.codes import CodeInfo
from iauth_desktop.core.model.media import MediaItem
from iauth_desktop.core.model.result import FetchMode, MediaSlot, VerificationResult
from iauth_desktop.core.net.options import ClientOptions

if TYPE_CHECKING:  # config imports the registry: no cycle at run time
    from iauth_desktop.core.config.resolve import Credentials

Progress = Callable[[int, int | None], None]
EndpointKind = Literal["test", "sandbox", "production", "loopback", "custom"]


@dataclass(frozen=True)
class FetchOutcome:
    result: VerificationResult
    token: str
    endpoint: str
    mode: FetchMode
    fetched_at: datetime  # UTC
    response_bytes: int
    attempts: int
    # what the provider asked for, in its own terms, recorded in the evidence manifest
    request: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class NamedEndpoint:
    kind: EndpointKind
    url: str


class Provider(Protocol):
    """One service at one endpoint with one set of credentials; safe to share between threads."""

    @property
    def spec(self) -> ProviderSpec: ...

    @property
    def endpoint(self) -> str: ...

    def fetch(
        self,
        token: str,
        mode: FetchMode,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> FetchOutcome: ...


class ProviderSpec(Protocol):
    """A verification service's facts and the way to connect to it."""

    @property
    def name(self) -> str: ...  # "detectinfo"

    @property
    def title(self) -> str: ...  # shown to reviewers

    @property
    def media_slots(self) -> tuple[MediaSlot, ...]: ...

    @property
    def endpoints(self) -> tuple[NamedEndpoint, ...]: ...

    @property
    def default_endpoint(self) -> str: ...

    def connect(self, credentials: Credentials, options: ClientOptions | None = None) -> Provider:
        """A provider for these credentials; typed errors for missing or malformed ones."""
        ...

    def interpret(
        self,
        raw: dict[str, Any],
        media: Mapping[str, MediaItem] | None = None,
        request: Mapping[str, Any] | None = None,
    ) -> VerificationResult:
        """A saved answer (media already split out) as the neutral result; ``request`` is what
        the fetch asked for (the manifest's record), when known."""
        ...

    def media_item(self, key: str, value: Any) -> MediaItem | None:
        """A media value as the answer sent it; ``None`` when it carries no medium."""
        ...

    def request_record(self, mode: FetchMode) -> dict[str, Any]:
        """What a fetch in ``mode`` asks the service for, in the service's terms."""
        ...

    def mode_of(self, request: Mapping[str, Any]) -> FetchMode | None:
        """The fetch mode a recorded request stands for; ``None`` when it cannot tell."""
        ...

    def classify_endpoint(self, url: str) -> EndpointKind:
        """Which of the service's environments ``url`` points at."""
        ...

    def api_error(self, code: int | str, message: str | None = None) -> CodeInfo:
        """The meaning of an error code the service's API answered instead of a result."""
        ...

    def token_gone(self, code: int | str) -> bool:
        """Whether an API error code says the token's data can no longer be fetched."""
        ...

    def check_secret(self, kind: str, value: str) -> None:
        """Raise a typed error when a secret of ``kind`` cannot be right (e.g. its length)."""
        ...

    def warm_up(self) -> None:
        """Load what the first fetch would otherwise load mid-way (native crypto libraries)."""
        ...
