"""Readable errors for calendar feeds (issue 14): every way a feed fails has a sentence staff
understand (str of the error), the technical reason apart (`detail`) and a stable `code`.
Each case runs against a real server, port or name on this machine (127.0.0.0/8 is allowed by
this folder's conftest, as FETCH_ALLOW_NETWORKS would)."""

from __future__ import annotations

import contextlib
import http.server
import ipaddress
import socket
import socketserver
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from clientele.calendar_sync.fetch import FetchError, FetchRefused, fetch_feed
from clientele.core import fetch as guard
from tests.security import local_http

FEED = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
        b"DTSTART:20261110T090000Z\r\nDTEND:20261110T100000Z\r\nSUMMARY:Cut\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n")
SECRET = b"SECRET-SESSION-4711"  # in every body that is not a calendar: never in an error
LOGIN_PAGE = (b"<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>"
              + SECRET + b"</form></body></html>")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + SECRET


@dataclass
class Route:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    declare_length: bool = True  # False: no Content-Length, the body ends when the socket does


@dataclass
class Server:
    port: int
    routes: dict[str, Route]

    def url(self, path: str, scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.port}{path}"


@contextlib.contextmanager
def serving(routes: dict[str, Route]) -> Iterator[Server]:
    class Handler(http.server.BaseHTTPRequestHandler):  # HTTP/1.0: one answer a connection
        def do_GET(self) -> None:
            route = routes.get(self.path, Route(404, {}, b"no such page " + SECRET))
            if "etag" in route.headers and self.headers.get("if-none-match") == \
                    route.headers["etag"]:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.declare_length:
                self.send_header("content-length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, *args: object) -> None:
            pass

    with local_http.serving(Handler) as port:
        yield Server(port, routes)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    big = FEED + b"X-FILLER:" + b"x" * 4000 + b"\r\n"
    with serving({
        "/feed.ics": Route(200, {"content-type": "text/calendar", "etag": '"v1"'}, FEED),
        "/labelled-wrong.ics": Route(200, {"content-type": "text/html"}, FEED),
        "/private.ics": Route(401, {"www-authenticate": "Basic"}, SECRET),
        "/forbidden.ics": Route(403, {}, SECRET),
        "/gone.ics": Route(410, {}, SECRET),
        "/broken.ics": Route(500, {}, b"Traceback: " + SECRET),
        "/busy.ics": Route(503, {"retry-after": "120"}, SECRET),
        "/login": Route(200, {"content-type": "text/html; charset=utf-8"}, LOGIN_PAGE),
        "/api.json": Route(200, {"content-type": "application/json"},
                           b'{"token": "' + SECRET + b'"}'),
        "/logo.png": Route(200, {"content-type": "image/png"}, PNG),
        "/empty.ics": Route(200, {"content-type": "text/calendar"}, b""),
        "/big.ics": Route(200, {"content-type": "text/calendar"}, big),
        "/big-streamed.ics": Route(200, {"content-type": "text/calendar"}, big,
                                   declare_length=False),
        "/loop": Route(302, {"location": "/loop"}),
    }) as running:
        yield running


def plain(error: FetchError) -> str:
    """The sentence, after checking that it is one: no error numbers, URLs, escapes or body;
    the technical reason is there, apart."""
    message = str(error)
    for junk in ("Errno", "errno", "://", "%2", "%3", "_ssl", "[SSL", "HTTP/", "b'", "\\x",
                 "Traceback", "Error:", "127.0.0.1:"):
        assert junk not in message, (junk, message)
    assert message[0].isupper() and message.endswith("."), message
    assert error.detail, message
    for text in (message, error.detail):
        assert SECRET.decode() not in text and "Sign in" not in text
    return message


async def failure(url: str, **limits: float) -> FetchError:
    with pytest.raises(FetchError) as raised:
        await fetch_feed(url, **limits)  # type: ignore[arg-type]
    return raised.value


async def test_an_unknown_host(server: Server) -> None:
    for url in ("https://calendar.example.invalid/feed.ics",
                "webcal://calendar.example.invalid/feed.ics"):
        error = await failure(url)
        assert error.code == "HOST_NOT_FOUND"
        assert "calendar.example.invalid, could not be found" in plain(error)
        assert (error.detail or "").startswith("DNS lookup failed for calendar.example.invalid: ")


async def test_a_refused_connection() -> None:
    with socket.socket() as closed:  # bound, never listening: the port refuses connections
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        error = await failure(f"http://127.0.0.1:{port}/feed.ics")
    assert error.code == "CONNECTION_REFUSED"
    assert "does not accept connections" in plain(error)
    assert error.detail == f"connect to 127.0.0.1:{port} refused"


async def test_a_tls_failure(server: Server) -> None:
    """https to a server that speaks plain http: the handshake fails."""
    error = await failure(server.url("/feed.ics", "https"))
    assert error.code == "TLS"
    assert "secure (https) connection" in plain(error)
    assert f"TLS handshake with 127.0.0.1:{server.port} failed: " in (error.detail or "")
    assert "SSL" in (error.detail or "")


@pytest.mark.parametrize(("path", "code", "words", "status"), [
    ("/private.ics", "FORBIDDEN", "the link is private or has expired", "401 Unauthorized"),
    ("/forbidden.ics", "FORBIDDEN", "Copy the calendar's secret or public address again",
     "403 Forbidden"),
    ("/missing.ics", "NOT_FOUND", "The calendar is no longer at this address", "404 Not Found"),
    ("/gone.ics", "NOT_FOUND", "The calendar is no longer at this address", "410 Gone"),
    ("/broken.ics", "SERVER_ERROR", "has a problem (error 500); we try again",
     "500 Internal Server Error"),
    ("/busy.ics", "SERVER_ERROR", "has a problem (error 503); we try again",
     "503 Service Unavailable"),
])
async def test_http_errors(server: Server, path: str, code: str, words: str,
                           status: str) -> None:
    error = await failure(server.url(path))
    assert error.code == code
    assert words in plain(error)
    retry = " (Retry-After: 120)" if path == "/busy.ics" else ""
    assert error.detail == f"HTTP {status} from {server.url(path)}{retry}"


async def test_a_server_that_never_answers() -> None:
    with socket.create_server(("127.0.0.1", 0)) as silent:  # connects, never answers
        port = silent.getsockname()[1]
        error = await failure(f"http://127.0.0.1:{port}/feed.ics", timeout=0.3)
    assert error.code == "TIMEOUT"
    assert "did not answer within 0.3 seconds" in plain(error)
    assert f"http://127.0.0.1:{port}/feed.ics" in (error.detail or "")
    assert (error.detail or "").endswith("(limit 0.3 s)")


@contextlib.contextmanager
def raw_server(reply: bytes) -> Iterator[int]:
    """A TCP server that reads the request, sends `reply` (not HTTP, or nothing) and hangs up."""

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            self.request.recv(65536)
            self.request.sendall(reply)

    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield server.server_address[1]
        finally:
            server.shutdown()


@pytest.mark.parametrize(("reply", "why"), [
    (b"", "RemoteProtocolError from {url}: Server disconnected without sending a response."),
    (b"+OK " + SECRET + b" ready\r\n\r\n", "RemoteProtocolError from {url}: "),
])
async def test_a_server_that_does_not_speak_http(reply: bytes, why: str) -> None:
    with raw_server(reply) as port:
        url = f"http://127.0.0.1:{port}/feed.ics"
        error = await failure(url)
    assert error.code == "CONNECTION_LOST"
    assert "hung up or did not answer as a web server does" in plain(error)  # no SECRET
    assert (error.detail or "").startswith(why.format(url=url))


@pytest.mark.parametrize(("path", "words", "content_type", "why"), [
    ("/login", "leads to a web page, not to a calendar file (often a sign-in page",
     "text/html", "does not begin with BEGIN:VCALENDAR"),
    ("/api.json", "leads to data of another kind", "application/json",
     "does not begin with BEGIN:VCALENDAR"),
    ("/logo.png", "leads to an image", "image/png", "NUL bytes"),
    ("/empty.ics", "leads to an empty file", "text/calendar", "The file is empty."),
])
async def test_an_answer_that_is_not_a_calendar(server: Server, path: str, words: str,
                                                content_type: str, why: str) -> None:
    error = await failure(server.url(path))
    assert error.code == "NOT_A_CALENDAR"
    assert words in plain(error)
    size = len(server.routes[path].body)
    assert (error.detail or "").startswith(
        f"HTTP 200 from {server.url(path)}: content-type {content_type}, {size} bytes. ")
    assert why in (error.detail or "")


async def test_a_calendar_under_the_wrong_content_type_is_still_a_calendar(
        server: Server) -> None:
    assert (await fetch_feed(server.url("/labelled-wrong.ics"))).body == FEED
    fetched = await fetch_feed(server.url("/feed.ics"))
    assert (fetched.body, fetched.etag) == (FEED, '"v1"')
    unchanged = await fetch_feed(server.url("/feed.ics"), etag='"v1"')  # 304: not judged
    assert (unchanged.body, unchanged.etag) == (None, '"v1"')


@pytest.mark.parametrize(("path", "why"), [
    ("/big.ics", "declares Content-Length 4"),  # over the limit: refused before reading
    ("/big-streamed.ics", "sent more than 1024 bytes"),  # no length: counted while reading
])
async def test_a_feed_that_is_too_large(server: Server, path: str, why: str) -> None:
    error = await failure(server.url(path), max_bytes=1024)
    assert error.code == "TOO_LARGE"
    assert "larger than 1024 bytes" in plain(error)
    assert (error.detail or "").startswith(f"{server.url(path)} {why}")
    assert (error.detail or "").endswith("the limit is 1024 bytes")


async def test_a_redirect_loop(server: Server) -> None:
    error = await failure(server.url("/loop"))
    assert error.code == "TOO_MANY_REDIRECTS"
    assert "more than 5 times in a row (a redirect loop)" in plain(error)
    hops = [server.url("/loop")] * 7  # the URL and six redirects to itself
    assert error.detail == "more than 5 redirects: " + " -> ".join(hops)


async def test_an_address_that_is_not_public(server: Server) -> None:
    guard.allow_networks(())  # the shipped default; this folder's conftest restores its own
    try:
        error = await failure(server.url("/feed.ics"))
    finally:
        guard.allow_networks((ipaddress.ip_network("127.0.0.0/8"),))
    assert isinstance(error, FetchRefused) and error.code == "NOT_PUBLIC"
    assert "leads to this server itself, not to the public internet" in plain(error)
    assert error.detail == (f"{server.url('/feed.ics')} points to 127.0.0.1, a loopback address "
                            f"(this server itself)")
