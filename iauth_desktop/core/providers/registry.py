"""The one place that knows which providers exist; everything else asks it by name."""

from __future__ import annotations

from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.messages import said
from iauth_desktop.core.providers.base import EndpointKind, ProviderSpec
from iauth_desktop.core.providers.detectinfo.provider import SPEC as DETECTINFO
from iauth_desktop.core.providers.faceid.provider import SPEC as FACEID

DEFAULT_PROVIDER = DETECTINFO.name
_SPECS: dict[str, ProviderSpec] = {DETECTINFO.name: DETECTINFO, FACEID.name: FACEID}


def provider_names() -> tuple[str, ...]:
    return tuple(_SPECS)


def get_spec(name: str | None = None) -> ProviderSpec:
    """The provider called ``name`` (the default provider for ``None``)."""
    key = DEFAULT_PROVIDER if name is None else name
    try:
        return _SPECS[key]
    except KeyError:
        known = ", ".join(_SPECS)
        raise UsageError(said("provider.unknown", name=repr(name), known=known)) from None


def default_endpoint() -> str:
    return get_spec().default_endpoint


def classify_endpoint(url: str) -> EndpointKind:
    """Which environment of any known provider ``url`` points at; ``custom`` when none knows it."""
    kind: EndpointKind = "custom"
    for spec in _SPECS.values():
        kind = spec.classify_endpoint(url)
        if kind != "custom":
            return kind
    return kind


def named_endpoint(kind: str, provider: str | None = None) -> str | None:
    """The URL of a provider's environment (``test``, ``sandbox``, ``production``), if any."""
    return next((e.url for e in get_spec(provider).endpoints if e.kind == kind), None)


def endpoint_kinds(provider: str | None = None) -> dict[str, str]:
    """Environment name -> URL, for the provider's named endpoints."""
    return {e.kind: e.url for e in get_spec(provider).endpoints}
