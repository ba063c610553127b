"""DetectInfoClient against small scripted HTTP servers on 127.0.0.1 (the emulator: elsewhere)."""

from __future__ import annotations

import datetime
import ipaddress
import json
import logging
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest
import requests

from iauth_desktop.core.model.errors import (
    CancelledError,
    HttpStatusError,
    InsecureEndpointError,
    KeyLengthError,
    MalformedResponseError,
    MissingCredentialsError,
    NetworkError,
    ResponseTooLargeError,
    TruncatedResponseError,
    UsageError,
)
from iauth_desktop.core.net.errors import body_failure, head_failure
from iauth_desktop.core.net.options import MAX_BACKOFF_SECONDS, ClientOptions, backoff_delay
from iauth_desktop.core.providers.detectinfo.client import DetectInfoClient
from iauth_desktop.core.providers.detectinfo.crypto import encrypt_payload
from iauth_desktop.core.providers.detectinfo.signing import parse_signature, verify_signature

APPID = "UNITAPPID01"
SECRET = "unit-secret-key-do-not-leak-0001"
AES = "UnitResultKey-32chars-0123456789"
TOKEN = "{0A08B732-38F2-502B-965D-98C5DC6DC6AB}"
PAYLOAD = {"name": "单元", "ID": "990101199005171231", "yt_errorcode": 0, "livestatus": 0}
FAST = ClientOptions(backoff=0.01, connect_timeout=5, read_timeout=10)


def envelope(payload: dict[str, object] | None = None) -> bytes:
    data = encrypt_payload(json.dumps(payload or PAYLOAD).encode(), AES)
    return json.dumps({"errorcode": 0, "errormsg": "success", "data": data}).encode()


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunked: bool = False


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class ScriptedServer:
    """Answers each request with the next Reply (the last one repeats) and records requests."""

    def __init__(self, *replies: Reply, tls: ssl.SSLContext | None = None) -> None:
        self.replies = list(replies)
        self.seen: list[Seen] = []
        self.release = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                outer.seen.append(Seen("POST", self.path, dict(self.headers), body))
                reply = outer.replies[min(len(outer.seen), len(outer.replies)) - 1]
                if reply.delay:
                    outer.release.wait(reply.delay)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.chunked:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(reply.body)  # close-delimited: no Content-Length
                    self.close_connection = True
                    return
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            def do_CONNECT(self) -> None:
                outer.seen.append(Seen("CONNECT", self.path, dict(self.headers), b""))
                self.send_response(403)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        scheme = "https" if tls else "http"
        self.url = f"{scheme}://127.0.0.1:{self.httpd.server_port}/new/cgi-bin/getdetectinfo.php"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ScriptedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def client(url: str, options: ClientOptions = FAST, **kwargs: object) -> DetectInfoClient:
    return DetectInfoClient(url, APPID, SECRET, AES, options, **kwargs)  # type: ignore[arg-type]


class TickingClock:
    """Advances one second per reading, so that each signature has its own ``t``."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        self.now += 1
        return self.now


# --- construction and arguments -----------------------------------------------------------


def test_plain_http_to_a_remote_host_is_refused_before_any_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket, "create_connection", no_network)
    with pytest.raises(InsecureEndpointError):
        client("http://iauth-test.wecity.qq.com/new/cgi-bin/getdetectinfo.php")


@pytest.mark.parametrize(
    ("appid", "secret", "aes", "error"),
    [
        ("", SECRET, AES, MissingCredentialsError),
        (APPID, "", AES, MissingCredentialsError),
        (APPID, SECRET, "short", KeyLengthError),
    ],
)
def test_bad_credentials_fail_at_construction(
    appid: str, secret: str, aes: str, error: type[Exception]
) -> None:
    with pytest.raises(error):
        DetectInfoClient("http://127.0.0.1:9/x.php", appid, secret, aes)


def test_repr_holds_no_secret() -> None:
    text = repr(client("http://127.0.0.1:9/getdetectinfo.php"))
    assert SECRET not in text
    assert AES not in text


@pytest.mark.parametrize("token", ["", "   \t\n"])
def test_empty_token_is_a_usage_error(token: str) -> None:
    with pytest.raises(UsageError):
        client("http://127.0.0.1:9/getdetectinfo.php").fetch(token)


@pytest.mark.parametrize("info_type", [2, -1, True, "0", 0.0])
def test_info_type_must_be_0_or_1(info_type: object) -> None:
    with pytest.raises(UsageError):
        client("http://127.0.0.1:9/getdetectinfo.php").fetch(TOKEN, info_type)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"connect_timeout": 0},
        {"read_timeout": float("inf")},
        {"retries": -1},
        {"backoff": -0.1},
        {"body_encoding": "xml"},
        {"max_response_bytes": 0},
        {"signature_expire": 0},
    ],
)
def test_bad_options_are_usage_errors(kwargs: dict[str, object]) -> None:
    with pytest.raises(UsageError):
        ClientOptions(**kwargs)  # type: ignore[arg-type]


def test_missing_ca_bundle_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        client("https://127.0.0.1:9/x.php", ClientOptions(ca_bundle=str(tmp_path / "none.pem")))


def test_backoff_is_exponential_capped_and_jittered() -> None:
    first = [backoff_delay(0.5, 1) for _ in range(50)]
    assert all(0.45 <= d <= 0.55 for d in first)
    assert len(set(first)) > 1
    assert 0.9 <= backoff_delay(0.5, 2) <= 1.1
    assert backoff_delay(0.5, 30) <= MAX_BACKOFF_SECONDS * 1.1


# --- the request on the wire ----------------------------------------------------------------


def test_json_request_token_trimmed_and_signed() -> None:
    with ScriptedServer(Reply(body=envelope())) as server:
        clock = TickingClock()
        outcome = client(server.url, clock=clock).fetch(f"  {TOKEN}\n", 1)
    seen = server.seen[0]
    assert json.loads(seen.body) == {"token": TOKEN, "appid": APPID, "info_type": 1}
    assert seen.headers["Content-Type"].startswith("application/json")
    info = verify_signature(seen.headers["signature"], SECRET, now=int(clock.now), appid=APPID)
    assert (info.api_name, info.e) == ("getdetectinfo", 600)
    assert outcome.token == TOKEN
    assert outcome.info_type == 1
    assert outcome.attempts == 1
    assert outcome.result.identity["name"] == "单元"
    assert outcome.fetched_at.tzinfo == datetime.UTC
    assert outcome.response_bytes == len(envelope())


def test_form_request() -> None:
    with ScriptedServer(Reply(body=envelope())) as server:
        client(server.url, ClientOptions(body_encoding="form")).fetch(TOKEN)
    seen = server.seen[0]
    assert seen.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qs(seen.body.decode()) == {"token": [TOKEN], "appid": [APPID], "info_type": ["0"]}


def test_each_retry_is_freshly_signed_and_counted() -> None:
    replies = (Reply(503, b"busy"), Reply(503, b"busy"), Reply(body=envelope()))
    with ScriptedServer(*replies) as server:
        outcome = client(server.url, clock=TickingClock()).fetch(TOKEN)
    signatures = [seen.headers["signature"] for seen in server.seen]
    assert len(signatures) == 3
    assert len(set(signatures)) == 3
    times = [parse_signature(s).t for s in signatures]
    assert times == sorted(times)
    assert outcome.attempts == 3


@pytest.mark.parametrize("status", [400, 403, 404, 500])
def test_other_statuses_are_not_retried(status: int) -> None:
    with (
        ScriptedServer(Reply(status, b"<h1>nope</h1>\r\n" + SECRET.encode())) as server,
        pytest.raises(HttpStatusError) as info,
    ):
        client(server.url).fetch(TOKEN)
    assert len(server.seen) == 1
    assert info.value.status == status
    assert "nope" in info.value.excerpt
    assert SECRET not in str(info.value)


def test_redirects_are_not_followed() -> None:
    reply = Reply(302, b"", {"Location": "http://elsewhere.example/steal"})
    with ScriptedServer(reply) as server, pytest.raises(HttpStatusError) as info:
        client(server.url).fetch(TOKEN)
    assert info.value.status == 302
    assert "elsewhere.example" in info.value.excerpt
    assert len(server.seen) == 1


def test_504_retried_until_the_attempts_run_out() -> None:
    with (
        ScriptedServer(Reply(504, b"gateway timeout")) as server,
        pytest.raises(HttpStatusError) as info,
    ):
        client(server.url, ClientOptions(retries=2, backoff=0.01)).fetch(TOKEN)
    assert len(server.seen) == 3
    assert "3 attempts" in str(info.value)
    assert info.value.excerpt == "gateway timeout"


def test_connection_refused_is_retried_then_a_network_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(NetworkError) as info:
        client(
            f"http://127.0.0.1:{port}/getdetectinfo.php", ClientOptions(retries=2, backoff=0.01)
        ).fetch(TOKEN)
    assert "3 attempts" in str(info.value)
    assert "refused" in str(info.value)


def test_read_timeout_before_the_answer_is_not_retried() -> None:
    options = ClientOptions(read_timeout=0.3, backoff=0.01)
    with (
        ScriptedServer(Reply(body=envelope(), delay=5)) as server,
        pytest.raises(NetworkError) as info,
    ):
        client(server.url, options).fetch(TOKEN)
    assert len(server.seen) == 1
    assert "did not answer" in str(info.value)


def test_cancel_during_backoff_is_prompt() -> None:
    cancel = threading.Event()
    set_at: list[float] = []

    def press_cancel() -> None:
        set_at.append(time.monotonic())
        cancel.set()

    with ScriptedServer(Reply(503, b"busy")) as server:
        threading.Timer(0.3, press_cancel).start()
        with pytest.raises(CancelledError):
            client(server.url, ClientOptions(backoff=5)).fetch(TOKEN, cancel=cancel)
        elapsed = time.monotonic() - set_at[0]
    assert len(server.seen) == 1
    assert elapsed < 0.5


def test_size_cap_on_the_running_count_without_content_length() -> None:
    big = envelope({**PAYLOAD, "filler": "x" * 100_000})
    with ScriptedServer(Reply(body=big, chunked=True)) as server:
        with pytest.raises(ResponseTooLargeError) as info:
            client(server.url, ClientOptions(max_response_bytes=50_000)).fetch(TOKEN)
        assert client(server.url).fetch(TOKEN).response_bytes == len(big)
    assert info.value.limit == 50_000


def test_body_cut_short_is_truncated_not_retried() -> None:
    with (
        ScriptedServer(Reply(body=envelope()[:100], chunked=True)) as server,
        pytest.raises(TruncatedResponseError),
    ):
        client(server.url).fetch(TOKEN)
    assert len(server.seen) == 1


def test_html_with_status_200_is_malformed_with_excerpt() -> None:
    page = b"<html><body>maintenance " + SECRET.encode() + b"</body></html>"
    with ScriptedServer(Reply(body=page)) as server, pytest.raises(MalformedResponseError) as info:
        client(server.url).fetch(TOKEN)
    assert info.value.status == 200
    assert "maintenance" in info.value.excerpt
    assert SECRET not in str(info.value)


# --- proxies and TLS ------------------------------------------------------------------------


def test_environment_proxy_is_honoured_for_remote_hosts(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    with ScriptedServer(Reply()) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url.rsplit("/new/", 1)[0])
        remote = "https://iauth-test.wecity.qq.com/new/cgi-bin/getdetectinfo.php"
        with pytest.raises(NetworkError):
            client(remote, ClientOptions(retries=0)).fetch(TOKEN)
    assert [seen.method for seen in proxy.seen] == ["CONNECT"]
    assert proxy.seen[0].path == "iauth-test.wecity.qq.com:443"


def test_explicit_proxy_option_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # would fail if used
    with ScriptedServer(Reply(body=envelope())) as proxy:
        target = "http://127.0.0.1:9/new/cgi-bin/getdetectinfo.php"
        proxy_url = proxy.url.rsplit("/new/", 1)[0]
        client(target, ClientOptions(proxy=proxy_url)).fetch(TOKEN)
    assert proxy.seen[0].path == target  # an absolute URI: it went through the proxy


def test_loopback_bypasses_environment_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with ScriptedServer(Reply(body=envelope())) as server:
        assert client(server.url).fetch(TOKEN).attempts == 1


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def _tls_server(tls_files: tuple[Path, Path]) -> ScriptedServer:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*tls_files)
    return ScriptedServer(Reply(body=envelope()), tls=context)


def test_tls_is_verified_untrusted_certificate_refused(
    tls_files: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="iauth_desktop.core.providers.detectinfo.client")
    with _tls_server(tls_files) as server, pytest.raises(NetworkError) as info:
        client(server.url, ClientOptions(retries=2, backoff=0.01)).fetch(TOKEN)
    assert "TLS" in str(info.value)
    attempts = [r for r in caplog.records if r.getMessage().startswith("attempt ")]
    assert len(attempts) == 1  # not retried: retrying cannot help


def test_ca_bundle_option_trusts_a_private_ca(tls_files: tuple[Path, Path]) -> None:
    with _tls_server(tls_files) as server:
        outcome = client(server.url, ClientOptions(ca_bundle=str(tls_files[0]))).fetch(TOKEN)
    assert outcome.result.identity["id_number"] == PAYLOAD["ID"]


# --- mapping of low-level errors --------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "retryable", "words"),
    [
        (requests.ConnectTimeout("x"), True, "no connection within 10 s"),
        (requests.ReadTimeout("x"), False, "did not answer within 60 s"),
        (requests.exceptions.SSLError("x"), False, "TLS"),
        (requests.ConnectionError(ConnectionRefusedError()), True, "refused"),
        (requests.exceptions.ProxyError("x"), True, "proxy"),
        (requests.exceptions.InvalidHeader("x"), False, "request failed"),
    ],
)
def test_head_failures_in_words(error: Exception, retryable: bool, words: str) -> None:
    failure = head_failure(error, (10.0, 60.0))
    assert isinstance(failure.error, NetworkError)
    assert failure.retryable is retryable
    assert words in str(failure.error)


def test_body_failures() -> None:
    assert isinstance(
        body_failure(requests.exceptions.ChunkedEncodingError("x"), 5), TruncatedResponseError
    )
    assert isinstance(
        body_failure(requests.exceptions.ContentDecodingError("x"), 5), MalformedResponseError
    )
    with pytest.raises(ValueError, match="a bug"):
        body_failure(ValueError("a bug"), 5)
