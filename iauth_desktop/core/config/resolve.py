"""Which endpoint, appid and secrets a command uses, and where each came from.

Precedence, value by value: command-line options, then the environment (``IAUTH_APPID`` +
``IAUTH_SECRET_KEY`` to sign, ``IAUTH_AES_KEY`` to decrypt, ``IAUTH_ENDPOINT``), then the chosen
or default profile (appid and endpoint from ``profiles.json``, secrets from the keyring), then
the test endpoint. A profile's keyring secrets belong to its appid: when the environment names
another appid they are not used, so a signature is never made with a foreign secret.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from iauth_desktop.core.config.credentials import Credentials
from iauth_desktop.core.config.faceid_credentials import (
    FaceIdOptions,
    chosen_provider,
    provider_of,
    resolve_faceid,
)
from iauth_desktop.core.config.profiles import (
    FACEID_PROVIDER,
    MAX_PUBLIC_KEY_CHARS,
    Profile,
    ProfileStore,
    validate_crypt_type,
    validate_public_key,
)
from iauth_desktop.core.config.secrets import SecretKind, SecretStore
from iauth_desktop.core.model.errors import MissingCredentialsError, UsageError
from iauth_desktop.core.model.messages import Detail, said
from iauth_desktop.core.net.endpoints import check_endpoint
from iauth_desktop.core.providers.registry import default_endpoint

__all__ = ["Credentials", "read_public_key_file", "resolve_credentials"]

ENV_APPID = "IAUTH_APPID"
ENV_SECRET_KEY = "IAUTH_SECRET_KEY"  # noqa: S105 - a variable's name, not a secret
ENV_AES_KEY = "IAUTH_AES_KEY"
ENV_ENDPOINT = "IAUTH_ENDPOINT"
ENV_CRYPT_TYPE = "IAUTH_CRYPT_TYPE"
ENV_RSA_PUBLIC_KEY_FILE = "IAUTH_RSA_PUBLIC_KEY_FILE"
RSA_CRYPT_TYPE = 1  # answers opened with the service's RSA public key instead of the AES key

_ENV_OF: dict[str, str] = {
    "appid": ENV_APPID,
    "secret_key": ENV_SECRET_KEY,
    "aes_key": ENV_AES_KEY,
}


def resolve_credentials(
    *,
    endpoint: str | None,
    profile: str | None,
    environ: Mapping[str, str],
    profiles: ProfileStore,
    secrets: SecretStore | None,
    need_sign: bool = True,
    need_decrypt: bool = True,
    crypt_type: int | None = None,
    rsa_public_key_file: str | None = None,
    provider: str | None = None,
    faceid: FaceIdOptions | None = None,
) -> Credentials:
    """Resolve every value by precedence; MissingCredentialsError names what is still missing.

    ``provider`` (the command line's) must agree with a profile named by ``profile``; a default
    profile of another provider is not used. FaceID's values resolve in ``faceid_credentials``.

    ``crypt_type`` and ``rsa_public_key_file`` are the command line's; then ``IAUTH_CRYPT_TYPE``
    and ``IAUTH_RSA_PUBLIC_KEY_FILE``; then the profile's (for the profile's own appid). With
    crypt_type 1 the RSA public key takes the AES key's place.

    An unknown ``profile`` raises UsageError naming it; the endpoint is checked with
    ``check_endpoint`` (InsecureEndpointError).
    """
    chosen: Profile | None = profiles.get(profile) if profile is not None else profiles.default()
    kind = provider_of(provider, chosen, named=profile is not None)
    if kind != chosen_provider(chosen):
        chosen = None  # the default profile belongs to the other provider
    if kind == FACEID_PROVIDER:
        return resolve_faceid(
            endpoint=endpoint,
            chosen=chosen,
            environ=environ,
            secrets=secrets,
            need_sign=need_sign,
            options=faceid or FaceIdOptions(),
            read_key=read_public_key_file,
        )
    env = {
        name: _utf8(name, environ[name].strip())
        for name in (*_ENV_OF.values(), ENV_ENDPOINT)
        if environ.get(name, "").strip()
    }
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
    cipher, sources_cipher = _cipher(
        crypt_type, rsa_public_key_file, environ, chosen if own_appid else None, from_profile
    )
    sources.update(sources_cipher)
    rsa = cipher[0] == RSA_CRYPT_TYPE
    wanted: list[SecretKind] = []
    if need_sign:
        wanted.append("secret_key")
    if need_decrypt and not rsa:
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
    if need_decrypt and rsa and cipher[1] is None:
        raise MissingCredentialsError(
            ("rsa_public_key",),
            f"crypt_type 1 (RSA) needs the service's public key: --rsa-public-key FILE.pem, "
            f"{ENV_RSA_PUBLIC_KEY_FILE}, or the profile's",
        )
    if missing:
        raise MissingCredentialsError(missing, _hint(missing, chosen, own_appid, secrets))
    return Credentials(
        endpoint=url,
        appid=values["appid"],
        secret_key=values.get("secret_key"),
        aes_key=values.get("aes_key"),
        profile_name=chosen.name if chosen else None,
        sources=MappingProxyType(sources),
        crypt_type=cipher[0],
        rsa_public_key=cipher[1],
    )


def _cipher(
    option_type: int | None,
    option_key_file: str | None,
    environ: Mapping[str, str],
    profile: Profile | None,
    from_profile: str,
) -> tuple[tuple[int | None, str | None], dict[str, str]]:
    """(crypt_type, RSA public key PEM) by precedence, and where each came from."""
    sources: dict[str, str] = {}
    env_type = environ.get(ENV_CRYPT_TYPE, "").strip()
    crypt_type: int | None = None
    if option_type is not None:
        crypt_type, sources["crypt_type"] = validate_crypt_type(option_type), "option"
    elif env_type:
        if env_type not in ("1", "2", "3"):
            raise UsageError(f"{ENV_CRYPT_TYPE} must be 1, 2 or 3, not {env_type[:20]!r}")
        crypt_type, sources["crypt_type"] = int(env_type), "environment"
    elif profile is not None and profile.crypt_type is not None:
        crypt_type, sources["crypt_type"] = profile.crypt_type, from_profile
    env_file = _utf8(ENV_RSA_PUBLIC_KEY_FILE, environ.get(ENV_RSA_PUBLIC_KEY_FILE, "").strip())
    pem: str | None = None
    if option_key_file:
        pem, sources["rsa_public_key"] = read_public_key_file(option_key_file), "option"
    elif env_file:
        pem, sources["rsa_public_key"] = read_public_key_file(env_file), "environment"
    elif profile is not None and profile.rsa_public_key is not None:
        pem, sources["rsa_public_key"] = profile.rsa_public_key, from_profile
    return (crypt_type, pem), sources


def read_public_key_file(path: str) -> str:
    """The PEM text of a public key file (bounded: a key file is a few hundred bytes)."""
    try:
        with Path(path).open("rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise UsageError(f"{path} is not a regular file")
            data = handle.read(MAX_PUBLIC_KEY_CHARS + 1)
    except OSError as exc:
        raise UsageError(f"cannot read the RSA public key {path}: {exc.strerror or exc}") from None
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not a PEM file") from None
    checked = validate_public_key(text)
    assert checked is not None
    return checked


def _utf8(name: str, value: str) -> str:
    """The variable's value, when it is text: bytes that are not UTF-8 (kept by Python as lone
    surrogates) would fail deep inside signing or decryption instead of here."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(
            f"the environment variable {name} holds bytes that are not UTF-8 text"
        ) from None
    return value


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
