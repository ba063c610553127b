"""Which provider a command talks to, and FaceID's values by precedence.

FaceID, value by value: the command line, then the environment (the SDK's conventional
``TENCENTCLOUD_SECRET_ID`` and ``TENCENTCLOUD_SECRET_KEY``), then the profile (SecretId, rule ID,
endpoint, info type, best frames, public key from ``profiles.json``; the SecretKey from the
keyring), then the production endpoint. A profile's SecretKey signs only for the profile's own
SecretId.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from iauth_desktop.core.config.credentials import Credentials
from iauth_desktop.core.config.profiles import (
    FACEID_PROVIDER,
    LEGACY_PROVIDER,
    Profile,
    validate_best_frames,
    validate_encryption,
    validate_info_parts,
    validate_provider,
    validate_rule_id,
)
from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.core.model.errors import MissingCredentialsError, UsageError
from iauth_desktop.core.net.endpoints import check_endpoint
from iauth_desktop.core.providers.registry import get_spec

ENV_SECRET_ID = "TENCENTCLOUD_SECRET_ID"  # noqa: S105 - a variable's name
ENV_SECRET_KEY = "TENCENTCLOUD_SECRET_KEY"  # noqa: S105 - a variable's name, not a secret


@dataclass(frozen=True)
class FaceIdOptions:
    """FaceID's command-line values (None: not given)."""

    rule_id: str | None = None
    info_parts: str | None = None
    best_frames: int | None = None
    encryption: str | None = None
    public_key_file: str | None = None


def chosen_provider(profile: Profile | None) -> str | None:
    return profile.provider if profile is not None else None


def provider_of(option: str | None, profile: Profile | None, *, named: bool) -> str:
    """The provider asked for: ``--provider``, else the profile's, else the legacy service.
    A ``--provider`` that contradicts a profile named on the command line is refused."""
    if option is None:
        return profile.provider if profile is not None else LEGACY_PROVIDER
    get_spec(option)  # UsageError naming the known ones
    kind = validate_provider(option)
    if named and profile is not None and profile.provider != kind:
        raise UsageError(
            f"the profile {profile.name!r} is a {profile.provider} profile, but --provider "
            f"{kind} was given: leave --provider out, or name a {kind} profile"
        )
    return kind


def resolve_faceid(
    *,
    endpoint: str | None,
    chosen: Profile | None,
    environ: Mapping[str, str],
    secrets: SecretStore | None,
    need_sign: bool,
    options: FaceIdOptions,
    read_key: Callable[[str], str],
) -> Credentials:
    sources: dict[str, str] = {}
    from_profile = f"profile:{chosen.name}" if chosen is not None else ""

    def first(name: str, *candidates: tuple[object, str]) -> object:
        for value, source in candidates:
            if value is not None:
                sources[name] = source
                return value
        return None

    env_id = environ.get(ENV_SECRET_ID, "").strip() or None
    env_key = environ.get(ENV_SECRET_KEY, "").strip() or None
    url = first(
        "endpoint",
        (endpoint.strip() if endpoint else None, "option"),
        (chosen.endpoint if chosen else None, from_profile),
        (get_spec(FACEID_PROVIDER).default_endpoint, "default"),
    )
    secret_id = first(
        "appid", (env_id, "environment"), (chosen.appid if chosen else None, from_profile)
    )
    own = chosen is not None and secret_id == chosen.appid
    profile = chosen if own else None
    secret_key: object = None
    if need_sign:
        secret_key = first("secret_key", (env_key, "environment"))
        if secret_key is None and secrets is not None and profile is not None:
            # asked only when needed: reading the keyring may pop up an unlock prompt
            secret_key = first(
                "secret_key", (secrets.get(profile.name, "secret_key"), from_profile)
            )
    rule_id = first(
        "rule_id",
        (validate_rule_id(options.rule_id), "option"),
        (chosen.rule_id if chosen else None, from_profile),
    )
    parts = first(
        "info_parts",
        (validate_info_parts(options.info_parts), "option"),
        (chosen.info_parts if chosen else None, from_profile),
    )
    frames = first(
        "best_frames",
        (validate_best_frames(options.best_frames), "option"),
        (chosen.best_frames if chosen else None, from_profile),
    )
    encryption = first(
        "encryption",
        (validate_encryption(options.encryption), "option"),
        (profile.encryption if profile else None, from_profile),
    )
    pem = first(
        "rsa_public_key",
        (read_key(options.public_key_file) if options.public_key_file else None, "option"),
        (profile.rsa_public_key if profile else None, from_profile),
    )
    missing = tuple(
        name
        for name, value, needed in (
            ("SecretId", secret_id, need_sign),
            ("SecretKey", secret_key, need_sign),
            ("rule ID", rule_id, True),
        )
        if needed and value is None
    )
    if missing:
        raise MissingCredentialsError(missing, _hint(chosen, own))
    return Credentials(
        endpoint=check_endpoint(str(url)),
        appid=str(secret_id) if secret_id is not None else None,
        secret_key=str(secret_key) if secret_key is not None else None,
        aes_key=None,
        profile_name=chosen.name if chosen else None,
        sources=MappingProxyType(sources),
        rsa_public_key=str(pem) if pem is not None else None,
        provider=FACEID_PROVIDER,
        rule_id=str(rule_id) if rule_id is not None else None,
        info_parts=str(parts) if parts is not None else None,
        best_frames=frames if isinstance(frames, int) else None,
        encryption=str(encryption) if encryption is not None else None,
    )


def _hint(chosen: Profile | None, own: bool) -> str:
    variables = f"{ENV_SECRET_ID} and {ENV_SECRET_KEY}"
    if chosen is None:
        return f"set {variables}, or save a FaceID profile (profile add NAME --provider faceid)"
    if not own:
        return (
            f"{ENV_SECRET_ID} names another SecretId than the profile {chosen.name!r}, whose "
            f"SecretKey is therefore not used: set {ENV_SECRET_KEY} too"
        )
    return f"store the profile's SecretKey again (profile add {chosen.name} --replace ...)"
