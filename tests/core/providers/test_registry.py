"""The provider seam: the registry, and the legacy provider's answers through it over HTTP."""

from __future__ import annotations

import pytest

from iauth_desktop.core.config.resolve import Credentials
from iauth_desktop.core.model.errors import KeyLengthError, MissingCredentialsError, UsageError
from iauth_desktop.core.model.result import FetchMode, MediaRole, Stage
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers import registry
from iauth_desktop.emulator.detectinfo.demo import (
    CASE_TOKENS,
    DEMO_AES_KEY,
    DEMO_APPID,
    DEMO_SECRET_KEY,
)
from iauth_desktop.emulator.server import EmulatorConfig, EmulatorServer


def test_the_registry_knows_both_providers_and_the_legacy_one_is_the_default() -> None:
    assert registry.provider_names() == ("detectinfo", "faceid")
    assert registry.get_spec("faceid").name == "faceid"
    assert registry.get_spec() is registry.get_spec("detectinfo")
    with pytest.raises(UsageError, match="unknown verification provider 'nope'"):
        registry.get_spec("nope")


def test_endpoints_are_classified_across_providers() -> None:
    assert registry.classify_endpoint(registry.named_endpoint("production") or "") == "production"
    assert registry.classify_endpoint("http://127.0.0.1:9/x.php") == "loopback"
    assert registry.classify_endpoint("https://example.com/x.php") == "custom"
    assert registry.default_endpoint() == registry.endpoint_kinds()["test"]


@pytest.mark.parametrize("mode", list(FetchMode))
def test_modes_round_trip_through_the_request_record(mode: FetchMode) -> None:
    spec = registry.get_spec()
    assert spec.mode_of(spec.request_record(mode)) is mode
    assert spec.mode_of({}) is None


def test_connect_checks_credentials_before_any_request() -> None:
    spec = registry.get_spec()
    with pytest.raises(MissingCredentialsError):
        spec.connect(Credentials("http://127.0.0.1:9/x.php", "a", None, "k" * 32, None))
    with pytest.raises(KeyLengthError):
        spec.connect(Credentials("http://127.0.0.1:9/x.php", "a", "s", "short", None))


def test_a_fetch_through_the_seam_gives_the_neutral_result() -> None:
    with EmulatorServer(EmulatorConfig()) as server:
        creds = Credentials(server.url, DEMO_APPID, DEMO_SECRET_KEY, DEMO_AES_KEY, None)
        provider = registry.get_spec().connect(creds, ClientOptions(backoff=0.01))
        outcome = provider.fetch(CASE_TOKENS["liveness-602"], FetchMode.FULL)
    result = outcome.result
    assert (outcome.mode, dict(outcome.request)) == (FetchMode.FULL, {"info_type": 0})
    assert result.provider == "detectinfo"
    assert result.verdict.status == "failed"
    final = result.stage(Stage.FINAL)
    assert final is not None and final.code == 602 and final.info is not None
    assert final.info.stage.startswith("liveness")
    assert [s.stage for s in result.stages] == [Stage.FINAL, Stage.LIVENESS, Stage.COMPARE]
    assert len(result.media_for(MediaRole.FRAME)) == 3
    assert result.video is not None and result.video.mime == "video/mp4"
    assert {f.role.value for f in result.fields} >= {"name", "id_number", "challenge"}
