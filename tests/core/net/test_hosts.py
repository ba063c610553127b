"""The one endpoint_host: the report shows host and port, the case history the host alone."""

from __future__ import annotations

from iauth_desktop.core.net.hosts import endpoint_host


def test_host_and_port_never_credentials_or_path() -> None:
    url = "https://u:p@IAUTH-test.wecity.qq.com:8443/new/cgi-bin/x.php?q=1"
    assert endpoint_host(url) == "iauth-test.wecity.qq.com:8443"
    assert endpoint_host(url, with_port=False) == "iauth-test.wecity.qq.com"
    assert endpoint_host("https://iauth.wecity.qq.com/x") == "iauth.wecity.qq.com"


def test_what_names_no_host_gives_nothing() -> None:
    assert endpoint_host("not a url") == ""
    assert endpoint_host("not a url", with_port=False) == ""
    assert endpoint_host("http://host:notaport/x") == ""
    assert endpoint_host("http://host:notaport/x", with_port=False) == "host"
