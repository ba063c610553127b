"""Which endpoint, appid and secrets a command uses, and where each came from.

Precedence, value by value: command-line options, then the environment (``IAUTH_APPID`` +
``IAUTH_SECRET_KEY`` to sign, ``IAUTH_AES_KEY`` to decrypt, ``IAUTH_ENDPOINT``), then the chosen
or default profile (appid and endpoint from ``profiles.json``, secrets from the keyring), then
the test endpoint. A profile's keyring secrets belong to its appid: when the environment names
another appid they are not used, so a signature is never made with a foreign secret.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from iauth_desktop.core.config.profiles import Profile, ProfileStore
from iauth_desktop.core.config.secrets import SecretKind, SecretStore
from iauth_desktop.core.model.errors import MissingCredentialsError
from iauth_desktop.core.model.messages import Detail, said
from iauth_desktop.core.net.endpoints import check_endpoint
from iauth_desktop.core.providers.registry import default_endpoint

ENV_APPID = "IAUTH_APPID"
ENV_SECRET_KEY = "IAUTH_SECRET_KEY"  # noqa: S105 - a variable's name, not a secret
ENV_AES_KEY = "IAUTH_AES_KEY"
ENV_ENDPOINT = "IAUTH_ENDPOINT"

_ENV_OF: dict[str, str] = {
    "appid": ENV_APPID,
    "secret_key": ENV_SECRET_KEY,
    "aes_key": ENV_AES_KEY,
}


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

    def __repr__(self) -> str:
        def shown(secret: str | None) -> str:
            return "<unset>" if secret is None else "<hidden>"

        return (
            f"Credentials(endpoint={self.endpoint!r}, appid={self.appid!r}, "
            f"secret_key={shown(self.secret_key)}, aes_key={shown(self.aes_key)}, "
            f"profile_name={self.profile_name!r}, sources={dict(self.sources)!r})"
        )

    __str__ = __repr__


def resolve_credentials(
    *,
    endpoint: str | None,
    profile: str | None,
    environ: Mapping[str, str],
    profiles: ProfileStore,
    secrets: SecretStore | None,
    need_sign: bool = True,
    need_decrypt: bool = True,
) -> Credentials:
    """Resolve every value by precedence; MissingCredentialsError names what is still missing.

    An unknown ``profile`` raises UsageError naming it; the endpoint is checked with
    ``check_endpoint`` (InsecureEndpointError).
    """
    env = {
        name: environ[name].strip()
        for name in (*_ENV_OF.values(), ENV_ENDPOINT)
        if environ.get(name, "").strip()
    }
    chosen: Profile | None = profiles.get(profile) if profile is not None else profiles.default()
    from_profile = f"profile:{chosen.name}" if chosen is not None else ""
    sources: dict[str, str] = {}
    values: dict[str, str | None] = {}

    url, sources["endpoint"] = _first(
        (endpoint.strip() if endpoint else None, "option"),
        (env.get(ENV_ENDPOINT), "environment"),
        (chosen.endpoint if chosen else None, from_profile),
    )
    if url is None:
        url, sources["endpoint"] = default_endpoint(), "default"
    url = check_endpoint(url)

    values["appid"], appid_source = _first(
        (env.get(ENV_APPID), "environment"), (chosen.appid if chosen else None, from_profile)
    )
    if appid_source:
        sources["appid"] = appid_source
    # The profile's secrets may only sign for the profile's own appid.
    own_appid = chosen is not None and values["appid"] == chosen.appid
    wanted: list[SecretKind] = []
    if need_sign:
        wanted.append("secret_key")
    if need_decrypt:
        wanted.append("aes_key")
    for kind in wanted:
        value, source = env.get(_ENV_OF[kind]), "environment"
        if value is None and secrets is not None and chosen is not None and own_appid:
            # Asked only when needed: reading the keyring may pop up an unlock prompt.
            value, source = secrets.get(chosen.name, kind), from_profile
        values[kind] = value
        if value is not None:
            sources[kind] = source

    needed = (["appid"] if need_sign else []) + wanted
    missing = tuple(name for name in needed if values.get(name) is None)
    if missing:
        raise MissingCredentialsError(missing, _hint(missing, chosen, own_appid, secrets))
    return Credentials(
        endpoint=url,
        appid=values["appid"],
        secret_key=values.get("secret_key"),
        aes_key=values.get("aes_key"),
        profile_name=chosen.name if chosen else None,
        sources=MappingProxyType(sources),
    )


def _first(*candidates: tuple[str | None, str]) -> tuple[str | None, str]:
    for value, source in candidates:
        if value is not None:
            return value, source
    return None, ""


def _hint(
    missing: tuple[str, ...], chosen: Profile | None, own_appid: bool, secrets: SecretStore | None
) -> Detail:
    variables = ", ".join(_ENV_OF[name] for name in missing)
    if chosen is None:
        return said("creds.hint.no_profile", variables=variables)
    profile = repr(chosen.name)
    if not own_appid and "appid" not in missing:
        return said(
            "creds.hint.other_appid", variables=variables, variable=ENV_APPID, profile=profile
        )
    if secrets is None:
        return said("creds.hint.keyring_unused", variables=variables, profile=profile)
    if secrets.last_error:
        reason = secrets.last_error
        return said("creds.hint.keyring_error", variables=variables, profile=profile, reason=reason)
    return said("creds.hint.keyring", variables=variables, profile=profile)
