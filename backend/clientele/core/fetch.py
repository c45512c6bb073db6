"""The one guard for every outbound fetch (calendar feeds today; webhooks and imports from a
link later): a URL given by a user may only reach public addresses.

Checking the URL before the request is not enough: a hostname can resolve to a public address
when checked and to 127.0.0.1 when connected (DNS rebinding), `0x7f000001` and
`[::ffff:127.0.0.1]` are loopback in disguise, and a public server can redirect to
`http://169.254.169.254/` (the cloud metadata service). So the check sits in the network
backend under httpx, at the moment of connecting: it resolves the host itself, refuses when any
address is not public (unless `FETCH_ALLOW_NETWORKS` lists its network) and connects to that
very address. TLS still uses the hostname (SNI and certificate) and the Host header is the
URL's. Redirects are followed here, one at a time and at most `MAX_REDIRECTS`, so every hop
goes through the same check. Proxies from the environment are ignored (a proxy would resolve
the name itself, out of our sight).

Every failure is a `FetchError` with three parts kept apart: its message (str) is a sentence
staff understand (no error numbers, no URLs in escapes); `detail` is the technical reason for
whoever looks deeper (the DNS error, the address and port that refused, the TLS error, the
redirect chain); `code` is stable for programs. A fetched body is never quoted in either.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import ipaddress
import socket
import ssl
import typing
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052: the last 32 bits are an IPv4 address
ALLOW_SETTING = "FETCH_ALLOW_NETWORKS"

_allowed: tuple[IPNetwork, ...] | None = None


class FetchFailure(StrEnum):
    INVALID_URL = "INVALID_URL"  # not an http(s) URL, or a redirect to one that is not
    HOST_NOT_FOUND = "HOST_NOT_FOUND"  # DNS
    CONNECTION_REFUSED = "CONNECTION_REFUSED"
    CONNECTION_FAILED = "CONNECTION_FAILED"  # unreachable otherwise (network unreachable, …)
    TLS = "TLS"  # the https handshake failed (certificate, or no TLS at all)
    TIMEOUT = "TIMEOUT"
    CONNECTION_LOST = "CONNECTION_LOST"  # broke off, or not HTTP, after connecting
    TOO_LARGE = "TOO_LARGE"
    TOO_MANY_REDIRECTS = "TOO_MANY_REDIRECTS"
    NOT_PUBLIC = "NOT_PUBLIC"  # the SSRF refusal (FetchRefused)
    # answers, judged by the caller (calendar_sync.fetch for feeds)
    FORBIDDEN = "FORBIDDEN"  # 401, 403
    NOT_FOUND = "NOT_FOUND"  # 404, 410
    SERVER_ERROR = "SERVER_ERROR"  # 5xx
    HTTP_ERROR = "HTTP_ERROR"  # any other status that is not an answer
    NOT_A_CALENDAR = "NOT_A_CALENDAR"  # a 2xx answer that is something else (HTML, JSON, …)
    FETCH_FAILED = "FETCH_FAILED"  # anything else


class FetchError(RuntimeError):
    """The URL could not be fetched. str(): a sentence staff understand; `detail`: the
    technical reason (never the fetched body); `code`: stable, for programs."""

    def __init__(self, message: str, code: FetchFailure = FetchFailure.FETCH_FAILED,
                 detail: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.detail = detail


class FetchRefused(FetchError):
    """The URL leads to an address that is not public and not allowed."""

    def __init__(self, message: str, code: FetchFailure = FetchFailure.NOT_PUBLIC,
                 detail: str | None = None) -> None:
        super().__init__(message, code, detail)


@dataclass(frozen=True)
class Fetched:
    """A final (non-redirect) answer. `body` is read for 2xx answers only (never for errors,
    so no error message can carry it)."""

    url: str
    status_code: int
    reason: str
    headers: httpx.Headers
    body: bytes


def allow_networks(networks: Iterable[IPNetwork] | None) -> None:
    """Set the networks that may be reached although not public (the app passes
    `settings.fetch_allow_networks` at start; None: read FETCH_ALLOW_NETWORKS when needed)."""
    global _allowed
    _allowed = None if networks is None else tuple(networks)


def allowed_networks() -> tuple[IPNetwork, ...]:
    if _allowed is not None:
        return _allowed
    from clientele.settings import Settings

    return Settings.from_env().fetch_allow_networks


def refusal(address: IPAddress, allowed: Iterable[IPNetwork] = ()) -> str | None:
    """Why `address` may not be reached ("a loopback address"), or None when it may."""
    embedded = _embedded_ipv4(address)
    allowed = tuple(allowed)
    if any(candidate in network for candidate in (address, embedded) if candidate is not None
           for network in allowed if candidate.version == network.version):
        return None
    if embedded is not None:
        inner = _category(embedded)
        return f"the IPv6 form of {embedded}, {inner}" if inner else None
    return _category(address)


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (IPv4-mapped, 6to4, NAT64), if any: such
    addresses reach that IPv4 address, so they are judged as it."""
    if address.version != 6:
        return None
    assert isinstance(address, ipaddress.IPv6Address)
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _category(address: IPAddress) -> str | None:
    if address.is_unspecified:
        return "an unspecified address (0.0.0.0 or ::, which means this server)"
    if address.is_loopback:
        return "a loopback address (this server itself)"
    if address.is_link_local:
        return "a link-local address (where cloud metadata services live)"
    if address.is_multicast:
        return "a multicast address"
    if address.is_reserved:
        return "a reserved address"
    if address.is_private:
        return "a private address"
    if not address.is_global:
        return "not a public address"
    return None


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address `host` resolves to (tests replace this to simulate DNS rebinding)."""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port,
                                                             type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise _Unresolvable(host, exc) from exc
    found: list[IPAddress] = []
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in found:
            found.append(address)
    return found


class _Refused(Exception):
    """Raised inside httpx's connection (not an OSError, so httpx passes it through as is)."""

    def __init__(self, host: str, address: IPAddress, reason: str) -> None:
        super().__init__(host, address, reason)
        self.host, self.address, self.reason = host, address, reason


class _Unresolvable(Exception):
    def __init__(self, host: str, cause: Exception) -> None:
        super().__init__(host, cause)
        self.host, self.cause = host, cause


class _Unreachable(Exception):
    """No address of `host` took the connection (`failures`: each address and why); raised
    inside httpx's connection like `_Refused`, so the address and port reach the message."""

    def __init__(self, host: str, port: int,
                 failures: list[tuple[IPAddress, Exception]]) -> None:
        super().__init__(host, port, failures)
        self.host, self.port, self.failures = host, port, failures


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend with the check between resolving and connecting."""

    def __init__(self, allowed: tuple[IPNetwork, ...]) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._allowed = allowed

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: typing.Iterable[typing.Any] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        addresses = await resolve(host, port)
        for address in addresses:
            reason = refusal(address, self._allowed)
            if reason is not None:
                raise _Refused(host, address, reason)
        failures: list[tuple[IPAddress, Exception]] = []
        for address in addresses:  # the checked address itself: no second lookup
            try:
                return await self._inner.connect_tcp(
                    str(address), port, timeout=timeout, local_address=local_address,
                    socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failures.append((address, exc))
        if failures and all(isinstance(exc, httpcore.ConnectTimeout) for _, exc in failures):
            raise failures[-1][1]  # a timeout, reported as one
        raise _Unreachable(host, port, failures)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One verifying context for every fetch: building one loads the CA bundle (about 0.3 s
    of CPU), which per request made the fetch itself the cost (webhooks send many)."""
    return httpx.create_ssl_context(trust_env=False)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport on the guarded backend. httpx 0.28 takes no network backend, so the
    connection pool it builds is replaced by one that has it."""

    def __init__(self, allowed: tuple[IPNetwork, ...], limits: httpx.Limits | None = None
                 ) -> None:
        limits = limits or httpx.Limits(max_connections=4)
        super().__init__(verify=_ssl_context(), trust_env=False, limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_GuardedBackend(allowed))


def public_url(url: str) -> httpx.URL:
    """`url` as httpx reads it, http(s) only (`webcal://` is https); FetchError otherwise."""
    if url.lower().startswith("webcal://"):
        url = "https://" + url[len("webcal://"):]
    invalid = FetchFailure.INVALID_URL
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url} is not a valid URL ({exc}).", invalid,
                         f"httpx.InvalidURL: {exc}") from exc
    if parsed.scheme not in ("http", "https"):
        raise FetchError(f"Only http and https URLs can be fetched, not {parsed.scheme or url}.",
                         invalid, f"scheme {parsed.scheme!r} in {url}")
    if not parsed.host:
        raise FetchError(f"{url} names no host.", invalid, f"no host in {url}")
    return parsed


def precheck(url: str, what: str = "URL") -> None:
    """Refuse a URL that is internal on its face (an address in any spelling, `localhost`)
    without a DNS lookup, so a form can say so at once. Names are judged when connecting."""
    parsed = public_url(url)
    host = parsed.host.strip("[]").rstrip(".").lower()
    address: IPAddress | None = None
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        with contextlib.suppress(OSError, UnicodeError):  # 0x7f000001, 2130706433, 127.1
            address = ipaddress.IPv4Address(socket.inet_aton(host))
    if address is None and (host == "localhost" or host.endswith(".localhost")):
        address = ipaddress.IPv4Address("127.0.0.1")
    if address is not None and (reason := refusal(address, allowed_networks())) is not None:
        raise _refused_error(what, parsed, 0, _Refused(host, address, reason))


async def fetch(url: str, *, what: str = "URL", headers: dict[str, str] | None = None,
                max_bytes: int, timeout: float, max_redirects: int = MAX_REDIRECTS) -> Fetched:
    """GET `url` through the guard, following at most `max_redirects` redirects (each checked
    again), within `timeout` seconds in all, reading at most `max_bytes` of a 2xx body.
    `what` names the URL in messages ("calendar address"). Any answer that is not a redirect
    is returned, whatever its status; failures to get one raise `FetchError`."""
    return await _exchange("GET", url, what=what, headers=headers, content=None,
                           max_bytes=max_bytes, timeout=timeout, max_redirects=max_redirects)


async def post(url: str, content: bytes, *, what: str = "URL",
               headers: dict[str, str] | None = None, max_bytes: int,
               timeout: float, session: Session | None = None) -> Fetched:
    """POST `content` to `url` through the same guard (webhooks), within `timeout` seconds in
    all, reading at most `max_bytes` of a 2xx body. Redirects are not followed: a 3xx is
    returned like any other answer (the sender judges it). Failures raise `FetchError`.
    With a `session`, its connections are reused."""
    return await _exchange("POST", url, what=what, headers=headers, content=content,
                           max_bytes=max_bytes, timeout=timeout, max_redirects=0,
                           follow=False, session=session)


@dataclass(frozen=True)
class Session:
    """One guarded client for many requests, its connections kept alive between them (each
    new connection is checked like any other)."""

    client: httpx.AsyncClient


@contextlib.asynccontextmanager
async def session(timeout: float, max_connections: int = 8) -> AsyncIterator[Session]:
    """A Session for the requests of a while (the allowed networks are read now)."""
    async with httpx.AsyncClient(
            transport=GuardedTransport(allowed_networks(),
                                       httpx.Limits(max_connections=max_connections)),
            timeout=timeout, trust_env=False, follow_redirects=False) as client:
        yield Session(client)


@contextlib.asynccontextmanager
async def _client(session: Session | None, timeout: float) -> AsyncIterator[httpx.AsyncClient]:
    if session is not None:
        yield session.client
        return
    async with httpx.AsyncClient(transport=GuardedTransport(allowed_networks()),
                                 timeout=timeout, trust_env=False,
                                 follow_redirects=False) as client:
        yield client


async def _exchange(method: str, url: str, *, what: str, headers: dict[str, str] | None,
                    content: bytes | None, max_bytes: int, timeout: float,
                    max_redirects: int, follow: bool = True,
                    session: Session | None = None) -> Fetched:
    current = public_url(url)
    visited = [current]
    try:
        async with asyncio.timeout(timeout), _client(session, timeout) as client:
            for hop in range(max_redirects + 1):
                try:
                    result = await _request(client, method, current, headers or {},
                                            content, max_bytes, what, follow)
                except _Refused as refused:
                    raise _refused_error(what, current, hop, refused) from None
                if isinstance(result, Fetched):
                    return result
                current = _redirect_target(what, current, result)
                visited.append(current)
            raise FetchError(
                f"The {what} forwards to other addresses more than {max_redirects} times in a "
                f"row (a redirect loop), so it was not followed to the end.",
                FetchFailure.TOO_MANY_REDIRECTS,
                f"more than {max_redirects} redirects: " + " -> ".join(map(str, visited)))
    except (TimeoutError, httpx.TimeoutException) as exc:
        raise FetchError(f"The server at the {what} did not answer within {timeout:g} seconds.",
                         FetchFailure.TIMEOUT, _timeout_detail(exc, current, timeout)
                         ) from exc
    except _Unresolvable as exc:
        raise _unresolvable_error(what, exc) from None
    except _Unreachable as exc:
        raise _unreachable_error(what, exc) from None
    except httpx.HTTPError as exc:
        raise _transport_error(what, current, exc) from None


def _redirect_target(what: str, current: httpx.URL, location: str) -> httpx.URL:
    try:
        return public_url(str(current.join(location)))
    except (FetchError, httpx.InvalidURL) as exc:
        reason = exc.detail if isinstance(exc, FetchError) else str(exc)
        raise FetchError(f"The {what} forwards to an address that cannot be fetched (only "
                         f"http and https addresses can).", FetchFailure.INVALID_URL,
                         f"redirect from {current} to {location!r}: {reason}") from None


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and what caused it, outermost first (httpx wraps httpcore wraps the OS error)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _cause(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    return next((cause for cause in _causes(exc) if isinstance(cause, kind)), None)


def _host_port(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _timeout_detail(exc: BaseException, url: httpx.URL, timeout: float) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        what = f"connecting to {_host_port(url.host, url.port or _default_port(url))} timed out"
    elif isinstance(exc, httpx.ReadTimeout):
        what = f"no answer from {url}"
    elif isinstance(exc, httpx.TimeoutException):
        what = f"{type(exc).__name__} fetching {url}"
    else:  # the limit on the whole fetch
        what = f"no complete answer from {url}"
    return f"{what} (limit {timeout:g} s)"


def _default_port(url: httpx.URL) -> int:
    return 443 if url.scheme == "https" else 80


def _unresolvable_error(what: str, exc: _Unresolvable) -> FetchError:
    cause = exc.cause
    detail = f"DNS lookup failed for {exc.host}: {cause}"
    if isinstance(cause, socket.gaierror) and cause.errno == socket.EAI_AGAIN:
        message = (f"The server named in the {what}, {exc.host}, could not be looked up just "
                   f"now (a temporary name lookup problem).")
    else:
        message = (f"The server named in the {what}, {exc.host}, could not be found. Check the "
                   f"address for typing errors, or copy it again.")
    return FetchError(message, FetchFailure.HOST_NOT_FOUND, detail)


def _unreachable_error(what: str, exc: _Unreachable) -> FetchError:
    if not exc.failures:
        return FetchError(f"The server named in the {what}, {exc.host}, could not be found.",
                          FetchFailure.HOST_NOT_FOUND, f"{exc.host} has no address")
    parts: list[str] = []
    refused = True
    for address, failure in exc.failures:
        target = f"connect to {_host_port(str(address), exc.port)}"
        if isinstance(failure, httpcore.ConnectTimeout):
            parts.append(f"{target} timed out")
            refused = False
        elif _cause(failure, ConnectionRefusedError) is not None:
            parts.append(f"{target} refused")
        else:
            os_error = next((c for c in _causes(failure)
                             if isinstance(c, OSError) and c.errno is not None), None)
            parts.append(f"{target} failed: {_reason(os_error or failure)}")
            refused = False
    if refused:
        return FetchError(f"The server at the {what} ({exc.host}) does not accept "
                          f"connections: it may be down, or the address may be wrong.",
                          FetchFailure.CONNECTION_REFUSED, "; ".join(parts))
    return FetchError(f"The server at the {what} ({exc.host}) could not be reached.",
                      FetchFailure.CONNECTION_FAILED, "; ".join(parts))


def _transport_error(what: str, url: httpx.URL, exc: httpx.HTTPError) -> FetchError:
    """After connecting: the https handshake, a connection that broke off, an answer that is
    not HTTP (its text is left out when it quotes what the server sent)."""
    host_port = _host_port(url.host, url.port or _default_port(url))
    tls = _cause(exc, ssl.SSLError)
    # TCP connect failures arrive as _Unreachable, so a ConnectError is the TLS handshake
    if tls is not None or (isinstance(exc, httpx.ConnectError) and url.scheme == "https"):
        if isinstance(tls, ssl.SSLCertVerificationError):
            message = (f"The secure connection to the server at the {what} ({url.host}) "
                       f"failed: its certificate is not valid (expired, self-signed or made "
                       f"out to another name).")
        else:
            message = (f"A secure (https) connection to the server at the {what} "
                       f"({url.host}) could not be set up.")
        return FetchError(message, FetchFailure.TLS,
                          f"TLS handshake with {host_port} failed: {_reason(tls or exc)}")
    if isinstance(exc, httpx.ProtocolError):
        text = str(exc)
        if "b'" in text or 'b"' in text:  # h11 quotes the bytes it could not read
            text = "not a valid HTTP answer"
        return FetchError(f"The server at the {what} ({url.host}) hung up or did not answer as a "
                          f"web server does.", FetchFailure.CONNECTION_LOST,
                          f"{type(exc).__name__} from {url}: {text or 'not a valid HTTP answer'}")
    if isinstance(exc, httpx.TransportError):
        reason = f"{type(exc).__name__} from {url}: {_reason(_cause(exc, OSError) or exc)}"
        return FetchError(f"The connection to the server at the {what} ({url.host}) broke off.",
                          FetchFailure.CONNECTION_LOST, reason)
    return FetchError(f"The {what} could not be fetched.", FetchFailure.FETCH_FAILED,
                      f"{type(exc).__name__} from {url}: {_reason(exc)}")


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


async def _request(client: httpx.AsyncClient, method: str, url: httpx.URL,
                   headers: dict[str, str], content: bytes | None, max_bytes: int, what: str,
                   follow: bool) -> Fetched | str:
    """The answer, or (when following) the Location of a redirect (its body is not read)."""
    async with client.stream(method, url, headers=headers, content=content) as response:
        location = response.headers.get("location")
        if follow and response.status_code in REDIRECT_STATUSES and location:
            return location
        body = b""
        if 200 <= response.status_code < 300:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise _too_large(what, max_bytes, f"{url} declares Content-Length {declared}")
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise _too_large(what, max_bytes, f"{url} sent more than {max_bytes} bytes")
                chunks.append(chunk)
            body = b"".join(chunks)
        return Fetched(str(url), response.status_code, response.reason_phrase,
                       response.headers, body)


def _too_large(what: str, max_bytes: int, detail: str) -> FetchError:
    megabytes = max_bytes // (1024 * 1024)
    limit = f"{megabytes} MB" if megabytes else f"{max_bytes} bytes"
    return FetchError(f"The file at the {what} is larger than {limit}, the most that is accepted.",
                      FetchFailure.TOO_LARGE, f"{detail}; the limit is {max_bytes} bytes")


def _refused_error(what: str, current: httpx.URL, hop: int, refused: _Refused) -> FetchRefused:
    host = refused.host.strip("[]")
    literal = _same_address(host, refused.address)  # the URL names the address itself
    if hop == 0:
        subject = str(current) if literal else f"host {host}"
    else:
        subject = f"redirects to {current}, " + ("which" if literal else f"whose host {host}")
    target = f"points to {host}" if literal else f"resolves to {refused.address}"
    detail = f"{subject} {target}, {refused.reason}"
    leads = "leads to" if hop == 0 else "forwards to"
    return FetchRefused(
        f"The {what} {leads} {_plain_place(refused.address)}, not to the public internet, so "
        f"it is not fetched. If it is an internal server you trust, ask your administrator to "
        f"allow its network ({ALLOW_SETTING}).", FetchFailure.NOT_PUBLIC, detail)


def _plain_place(address: IPAddress) -> str:
    inner = _embedded_ipv4(address) or address
    if inner.is_loopback or inner.is_unspecified:
        return "this server itself"
    if inner.is_private or inner.is_link_local:
        return "an internal network"
    return "an address outside the public internet"


def _same_address(host: str, address: IPAddress) -> bool:
    try:
        return ipaddress.ip_address(host) == address
    except ValueError:
        return False
