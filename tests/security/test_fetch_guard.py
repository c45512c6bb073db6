"""No server-side request forgery (issue 10, class 2).

A calendar URL (and any later outbound fetch) may only reach public addresses: loopback,
private, link-local (cloud metadata), multicast, reserved and IPv4-in-IPv6 forms of them are
refused, on the address actually connected to and again on every redirect, unless
FETCH_ALLOW_NETWORKS lists the network. Every test runs real HTTP servers on local addresses
and shows both the refusal and that the refused server received nothing.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

import httpcore
import pytest

from clientele.calendar_sync.fetch import FetchError, FetchRefused, fetch_feed
from clientele.core import fetch
from clientele.settings import Settings
from tests.security.local_http import local_server

FEED = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
        b"DTSTART:20261110T090000Z\r\nDTEND:20261110T100000Z\r\nSUMMARY:Cut\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n")
CALENDAR_OK = (200, {"content-type": "text/calendar"}, FEED)
CREATE = """mutation($url: String!) { calendarSourceCreate(input: {name: "Feed", url: $url}) {
  calendarSource { id } userErrors { field code message } } }"""
UPDATE = """mutation($id: ID!, $url: String!) { calendarSourceUpdate(id: $id,
  input: {url: $url}) { calendarSource { id } userErrors { field code message } } }"""
SYNC = """mutation($id: ID!) { calendarSourceSync(id: $id) {
  syncRun { eventsSeen error } userErrors { code message } } }"""


def _allow(*networks: str) -> None:
    fetch.allow_networks(tuple(ipaddress.ip_network(n) for n in networks))


@pytest.fixture(autouse=True)
def allowlist() -> Iterator[None]:
    """Each test states its allowlist; the default here is the shipped one: empty."""
    _allow()
    yield
    fetch.allow_networks(None)


@pytest.fixture
def server() -> Iterator:
    with local_server("127.0.0.1") as running:
        running.routes["/feed.ics"] = CALENDAR_OK
        yield running


async def test_loopback_is_refused_when_the_allowlist_is_empty(server) -> None:
    with pytest.raises(FetchRefused) as refused:
        await fetch_feed(f"{server.base}/feed.ics")
    message, detail = str(refused.value), refused.value.detail or ""
    assert "leads to this server itself" in message and "FETCH_ALLOW_NETWORKS" in message
    assert "127.0.0.1" in detail and "loopback" in detail
    assert refused.value.code == "NOT_PUBLIC"
    assert server.hits == []


async def test_the_allowlist_lets_an_internal_feed_through(server) -> None:
    _allow("127.0.0.0/8")
    fetched = await fetch_feed(f"{server.base}/feed.ics")
    assert fetched.body == FEED
    assert server.hits == ["/feed.ics"]


@pytest.mark.parametrize(("host", "words"), [
    ("localhost", "host localhost resolves to 127.0.0.1"),
    ("[::ffff:127.0.0.1]", "points to ::ffff:127.0.0.1, the IPv6 form of 127.0.0.1"),
    ("0x7f000001", "host 0x7f000001 resolves to 127.0.0.1"),
    ("2130706433", "resolves to 127.0.0.1"),
    ("127.1", "resolves to 127.0.0.1"),
])
async def test_loopback_in_disguise_is_refused(server, host: str, words: str) -> None:
    with pytest.raises(FetchRefused, match="this server itself") as refused:
        await fetch_feed(f"http://{host}:{server.port}/feed.ics")
    assert words in (refused.value.detail or "") and "loopback" in (refused.value.detail or "")
    assert server.hits == []


@pytest.mark.parametrize(("url", "words"), [
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://10.0.0.5/feed.ics", "10.0.0.5, a private address"),
    ("http://192.168.1.1/", "private"),
    ("http://[fd00::1]/", "private"),
    ("http://[fe80::1]/", "link-local"),
    ("http://0.0.0.0/", "unspecified"),
    ("http://224.0.0.1/", "multicast"),
    ("http://100.64.0.1/", "not a public address"),
    ("http://240.0.0.1/", "reserved"),
    ("http://[64:ff9b::a9fe:a9fe]/", "link-local"),  # NAT64 form of 169.254.169.254
    ("http://[2002:a00:5::1]/", "private"),  # 6to4 form of 10.0.0.5
])
async def test_internal_addresses_are_refused_before_connecting(url: str, words: str) -> None:
    with pytest.raises(FetchRefused, match="not to the public internet") as refused:
        await fetch_feed(url)
    assert words in (refused.value.detail or "")


def test_the_classification() -> None:
    public = ["93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]
    assert [fetch.refusal(ipaddress.ip_address(a)) for a in public] == [None] * 4
    assert fetch.refusal(ipaddress.ip_address("10.1.2.3"),
                         [ipaddress.ip_network("10.0.0.0/8")]) is None
    assert fetch.refusal(ipaddress.ip_address("::ffff:10.1.2.3"),
                         [ipaddress.ip_network("10.0.0.0/8")]) is None


async def test_every_redirect_is_checked_again() -> None:
    """A server we may reach redirects to one we may not: the second is never contacted."""
    _allow("127.0.0.1/32")
    with local_server("127.0.0.1") as front, local_server("127.0.0.2") as internal:
        internal.routes["/secret"] = (200, {}, b"internal data")
        front.routes["/feed.ics"] = (302, {"location": f"{internal.base}/secret"}, b"")
        front.routes["/metadata"] = (301, {"location": "http://169.254.169.254/latest/"}, b"")
        front.routes["/mapped"] = (307, {"location": f"http://[::ffff:127.0.0.2]:"
                                                     f"{internal.port}/secret"}, b"")
        with pytest.raises(FetchRefused, match="forwards to this server itself") as refused:
            await fetch_feed(f"{front.base}/feed.ics")
        assert f"redirects to {internal.base}/secret, which points to 127.0.0.2" \
            in (refused.value.detail or "")
        with pytest.raises(FetchRefused, match="forwards to an internal network") as refused:
            await fetch_feed(f"{front.base}/metadata")
        assert "169.254.169.254, a link-local address" in (refused.value.detail or "")
        with pytest.raises(FetchRefused, match="forwards to this server itself") as refused:
            await fetch_feed(f"{front.base}/mapped")
        assert "loopback" in (refused.value.detail or "")
        assert internal.hits == []
        assert front.hits == ["/feed.ics", "/metadata", "/mapped"]


async def test_redirects_are_limited_and_http_only(server) -> None:
    _allow("127.0.0.0/8")
    for n in range(10):
        server.routes[f"/r{n}"] = (302, {"location": f"/r{n + 1}"}, b"")
    server.routes["/r10"] = CALENDAR_OK
    server.routes["/file"] = (302, {"location": "file:///etc/passwd"}, b"")
    server.routes["/five"] = (302, {"location": "/r6"}, b"")  # /five, r6..r9: 5
    with pytest.raises(FetchError, match="more than 5 times") as looping:
        await fetch_feed(f"{server.base}/r0")
    assert looping.value.code == "TOO_MANY_REDIRECTS"
    assert len(server.hits) == 6
    with pytest.raises(FetchError, match="only http and https") as elsewhere:
        await fetch_feed(f"{server.base}/file")
    assert elsewhere.value.code == "INVALID_URL"
    assert "'file:///etc/passwd'" in (elsewhere.value.detail or "")
    assert (await fetch_feed(f"{server.base}/five")).body == FEED  # five redirects: fine


async def test_dns_rebinding_cannot_slip_between_check_and_connect(server, monkeypatch) -> None:
    """The name answers a public address first and loopback afterwards. The guard connects to
    the address it checked (never to the name again), and refuses the next lookup."""
    lookups: list[str] = []
    answers = [[ipaddress.ip_address("93.184.216.34")], [ipaddress.ip_address("127.0.0.1")]]

    async def rebinding(host: str, port: int) -> list:
        lookups.append(host)
        return answers[min(len(lookups), len(answers)) - 1]

    connected: list[str] = []
    real_connect = httpcore.AnyIOBackend.connect_tcp

    async def spy(self, host: str, port: int, *args, **kwargs):
        connected.append(host)
        if host != "127.0.0.1":  # no internet in tests: the public address "refuses"
            raise httpcore.ConnectError("connection refused (test)")
        return await real_connect(self, host, port, *args, **kwargs)

    monkeypatch.setattr(fetch, "resolve", rebinding)
    monkeypatch.setattr(httpcore.AnyIOBackend, "connect_tcp", spy)
    url = f"http://rebind.test:{server.port}/feed.ics"
    with pytest.raises(FetchError, match="could not be reached") as first:
        await fetch_feed(url)
    assert not isinstance(first.value, FetchRefused)
    assert first.value.detail == f"connect to 93.184.216.34:{server.port} failed: " \
                                 "connection refused (test)"
    assert connected == ["93.184.216.34"]  # the checked address, not the name
    with pytest.raises(FetchRefused) as second:
        await fetch_feed(url)
    assert "host rebind.test resolves to 127.0.0.1" in (second.value.detail or "")
    assert lookups == ["rebind.test", "rebind.test"]  # one lookup per connection
    assert connected == ["93.184.216.34"]
    assert server.hits == []


async def test_one_private_answer_among_public_ones_refuses(monkeypatch) -> None:
    async def mixed(host: str, port: int) -> list:
        return [ipaddress.ip_address("93.184.216.34"), ipaddress.ip_address("10.0.0.5")]

    monkeypatch.setattr(fetch, "resolve", mixed)
    with pytest.raises(FetchRefused, match="leads to an internal network") as refused:
        await fetch_feed("https://calendar.example/feed.ics")
    assert "resolves to 10.0.0.5, a private address" in (refused.value.detail or "")


async def test_errors_never_echo_the_body(server) -> None:
    _allow("127.0.0.0/8")
    server.routes["/broken"] = (500, {}, b"Traceback: SECRET-TOKEN-123")
    server.routes["/moved"] = (302, {"location": "http://169.254.169.254/"},
                               b"SECRET-TOKEN-123")
    for path in ("/broken", "/moved", "/missing"):
        with pytest.raises(FetchError) as error:
            await fetch_feed(f"{server.base}{path}")
        for text in (str(error.value), error.value.detail or ""):
            assert "SECRET" not in text and "not here" not in text
    with pytest.raises(FetchError, match="500"):
        await fetch_feed(f"{server.base}/broken")


async def test_source_creation_refuses_internal_urls(gql) -> None:
    for url in ("http://127.0.0.1/feed.ics", "http://localhost:8000/x", "webcal://[::1]/x",
                "http://0x7f000001/", "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.5/cal.ics", "http://[::ffff:10.0.0.5]/", "http://x.localhost/"):
        created = (await gql.data(CREATE, url=url))["calendarSourceCreate"]
        assert created["calendarSource"] is None, url
        [error] = created["userErrors"]
        assert (error["field"], error["code"]) == ("url", "INVALID")
        assert "not to the public internet" in error["message"]
        assert "FETCH_ALLOW_NETWORKS" in error["message"]
    public = (await gql.data(CREATE, url="https://calendar.example/feed.ics"))[
        "calendarSourceCreate"]["calendarSource"]["id"]
    moved = (await gql.data(UPDATE, id=public, url="http://[::1]:8000/"))["calendarSourceUpdate"]
    assert [(e["field"], e["code"]) for e in moved["userErrors"]] == [("url", "INVALID")]
    assert "this server itself" in moved["userErrors"][0]["message"]
    _allow("127.0.0.0/8")
    created = (await gql.data(CREATE, url="http://localhost:8000/x"))["calendarSourceCreate"]
    assert created["userErrors"] == []


async def test_a_sync_whose_feed_redirects_inside_fails_readably(gql, server) -> None:
    """The connect-time check is the real guard: the source's URL looked public."""
    _allow("127.0.0.1/32")
    server.routes["/feed.ics"] = (302, {"location": "http://169.254.169.254/latest/"}, b"")
    created = (await gql.data(CREATE, url=f"{server.base}/feed.ics"))["calendarSourceCreate"]
    source = created["calendarSource"]["id"]
    result = (await gql.data(SYNC, id=source))["calendarSourceSync"]
    assert result["userErrors"][0]["code"] == "SYNC_FAILED"
    assert "forwards to an internal network" in result["syncRun"]["error"]
    assert result["syncRun"]["eventsSeen"] == 0


def test_the_setting(monkeypatch) -> None:
    monkeypatch.setenv("FETCH_ALLOW_NETWORKS", "10.0.0.0/8, 192.168.1.5,fd00::/8")
    assert Settings.from_env().fetch_allow_networks == (
        ipaddress.ip_network("10.0.0.0/8"), ipaddress.ip_network("192.168.1.5/32"),
        ipaddress.ip_network("fd00::/8"))
    monkeypatch.setenv("FETCH_ALLOW_NETWORKS", "")
    assert Settings.from_env().fetch_allow_networks == ()
    monkeypatch.setenv("FETCH_ALLOW_NETWORKS", "10.0.0.0/33")
    with pytest.raises(ValueError, match=re.escape("FETCH_ALLOW_NETWORKS: '10.0.0.0/33'")):
        Settings.from_env()
