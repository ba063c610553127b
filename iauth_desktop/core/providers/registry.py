"""The one place that knows which providers exist; everything else asks it by name.

A provider's module (its client, its crypto, FaceID's Tencent Cloud SDK) is imported the first
time its spec is asked for: the command line's parser and a fetch from one provider never pay
for the other (tests/test_startup_imports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.messages import said
from iauth_desktop.core.providers import DEFAULT_PROVIDER, PROVIDER_NAMES

if TYPE_CHECKING:
    from iauth_desktop.core.providers.base import EndpointKind, ProviderSpec

__all__ = ["DEFAULT_PROVIDER", "PROVIDER_NAMES", "get_spec", "provider_names"]
_NAMES = PROVIDER_NAMES  # each spec's ``name`` (tests/test_startup_imports.py checks)
_SPECS: dict[str, ProviderSpec] = {}


def provider_names() -> tuple[str, ...]:
    return _NAMES


def _load(name: str) -> ProviderSpec:
    if name == "detectinfo":
        from iauth_desktop.core.providers.detectinfo.provider import SPEC  # noqa: PLC0415

        return SPEC
    from iauth_desktop.core.providers.faceid.provider import SPEC as FACEID  # noqa: PLC0415

    return FACEID


def get_spec(name: str | None = None) -> ProviderSpec:
    """The provider called ``name`` (the default provider for ``None``)."""
    key = DEFAULT_PROVIDER if name is None else name
    spec = _SPECS.get(key)
    if spec is None:
        if key not in _NAMES:
            known = ", ".join(_NAMES)
            raise UsageError(said("provider.unknown", name=repr(name), known=known))
        spec = _SPECS[key] = _load(key)
    return spec


def default_endpoint() -> str:
    return get_spec().default_endpoint


def classify_endpoint(url: str) -> EndpointKind:
    """Which environment of any known provider ``url`` points at; ``custom`` when none knows it."""
    kind: EndpointKind = "custom"
    for name in _NAMES:
        kind = get_spec(name).classify_endpoint(url)
        if kind != "custom":
            return kind
    return kind


def named_endpoint(kind: str, provider: str | None = None) -> str | None:
    """The URL of a provider's environment (``test``, ``sandbox``, ``production``), if any."""
    return next((e.url for e in get_spec(provider).endpoints if e.kind == kind), None)


def endpoint_kinds(provider: str | None = None) -> dict[str, str]:
    """Environment name -> URL, for the provider's named endpoints."""
    return {e.kind: e.url for e in get_spec(provider).endpoints}
