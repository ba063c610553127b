"""What a command needs to talk to a provider, and where each value came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from iauth_desktop.core.config.profiles import LEGACY_PROVIDER


@dataclass(frozen=True, repr=False)
class Credentials:
    """What a command needs to talk to the service. Secrets are None when not asked for.

    ``sources`` maps each field that has a value to "option", "environment",
    "profile:NAME" or "default".
    """

    endpoint: str
    appid: str | None
    secret_key: str | None
    aes_key: str | None
    profile_name: str | None
    sources: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    crypt_type: int | None = None  # None: not sent, the appid's default
    rsa_public_key: str | None = None  # PEM (not a secret): crypt_type 1, FaceID's encryption
    provider: str = LEGACY_PROVIDER
    rule_id: str | None = None  # FaceID (``appid`` holds the SecretId)
    info_parts: str | None = None  # FaceID's info type digits (None: the fetch mode's)
    best_frames: int | None = None  # FaceID
    encryption: str | None = None  # FaceID: "response" or "fields" (None: plain answers)

    def __repr__(self) -> str:
        def shown(secret: str | None) -> str:
            return "<unset>" if secret is None else "<hidden>"

        return (
            f"Credentials(endpoint={self.endpoint!r}, appid={self.appid!r}, "
            f"secret_key={shown(self.secret_key)}, aes_key={shown(self.aes_key)}, "
            f"profile_name={self.profile_name!r}, crypt_type={self.crypt_type!r}, "
            f"provider={self.provider!r}, sources={dict(self.sources)!r})"
        )

    __str__ = __repr__
