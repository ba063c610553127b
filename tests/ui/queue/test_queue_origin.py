"""Tokens queued in the console remember their connection's provider: a FaceID profile's
BizTokens are triaged and fetched through FaceID, a legacy one's through the legacy service."""

from __future__ import annotations

from iauth_desktop.core.config.credentials import Credentials
from iauth_desktop.core.model.queue import QueueOrigin
from iauth_desktop.ui.queue.queue_origin import origin_of
from iauth_desktop.ui.settings.connections import fixed_connection


def test_the_origin_names_the_connections_provider() -> None:
    face = Credentials("http://127.0.0.1:1/", "AKID", "k", None, "face", provider="faceid",
                       rule_id="1")  # fmt: skip
    legacy = Credentials("http://127.0.0.1:2/x.php", "APPID", "s", "a" * 32, None)
    assert origin_of(fixed_connection(face)) == QueueOrigin("faceid", profile_name="face")
    assert origin_of(fixed_connection(legacy, "env")) == QueueOrigin(
        "detectinfo", endpoint="http://127.0.0.1:2/x.php"
    )
