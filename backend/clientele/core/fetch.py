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
the name itself, out of our sight). Errors say why in words; a fetched body is never quoted.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
import typing
from collections.abc import Iterable
from dataclasses import dataclass

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052: the last 32 bits are an IPv4 address
ALLOW_SETTING = "FETCH_ALLOW_NETWORKS"

_allowed: tuple[IPNetwork, ...] | None = None


class FetchError(RuntimeError):
    """The URL could not be fetched; the message says why in words staff understand."""


class FetchRefused(FetchError):
    """The URL leads to an address that is not public and not allowed."""


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
        raise _Unresolvable(host) from exc
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
    def __init__(self, host: str) -> None:
        super().__init__(host)
        self.host = host


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
        failure: Exception = httpcore.ConnectError(f"{host} has no address")
        for address in addresses:  # the checked address itself: no second lookup
            try:
                return await self._inner.connect_tcp(
                    str(address), port, timeout=timeout, local_address=local_address,
                    socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        raise failure

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport on the guarded backend. httpx 0.28 takes no network backend, so the
    connection pool it builds is replaced by one that has it."""

    def __init__(self, allowed: tuple[IPNetwork, ...], limits: httpx.Limits | None = None
                 ) -> None:
        limits = limits or httpx.Limits(max_connections=4)
        super().__init__(trust_env=False, limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_GuardedBackend(allowed))


def public_url(url: str) -> httpx.URL:
    """`url` as httpx reads it, http(s) only (`webcal://` is https); FetchError otherwise."""
    if url.lower().startswith("webcal://"):
        url = "https://" + url[len("webcal://"):]
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url} is not a valid URL ({exc}).") from exc
    if parsed.scheme not in ("http", "https"):
        raise FetchError(f"Only http and https URLs can be fetched, not {parsed.scheme or url}.")
    if not parsed.host:
        raise FetchError(f"{url} names no host.")
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
        raise FetchRefused(_refused_message(what, parsed, 0, _Refused(host, address, reason)))


async def fetch(url: str, *, what: str = "URL", headers: dict[str, str] | None = None,
                max_bytes: int, timeout: float, max_redirects: int = MAX_REDIRECTS) -> Fetched:
    """GET `url` through the guard, following at most `max_redirects` redirects (each checked
    again), within `timeout` seconds in all, reading at most `max_bytes` of a 2xx body.
    `what` names the URL in messages ("calendar URL")."""
    current = public_url(url)
    allowed = allowed_networks()
    try:
        async with asyncio.timeout(timeout), httpx.AsyncClient(
                transport=GuardedTransport(allowed), timeout=timeout, trust_env=False,
                follow_redirects=False) as client:
            for hop in range(max_redirects + 1):
                try:
                    result = await _get(client, current, headers or {}, max_bytes)
                except _Refused as refused:
                    raise FetchRefused(_refused_message(what, current, hop, refused)) from None
                if isinstance(result, Fetched):
                    return result
                current = public_url(str(current.join(result)))
            raise FetchError(f"The {what} redirects more than {max_redirects} times.")
    except (TimeoutError, httpx.TimeoutException) as exc:
        raise FetchError(f"The server of the {what} did not answer within {timeout:g} s."
                         ) from exc
    except _Unresolvable as exc:
        raise FetchError(f"The {what}'s host {exc.host} could not be found.") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"Could not fetch the {what} {current}: "
                         f"{str(exc) or type(exc).__name__}.") from None


async def _get(client: httpx.AsyncClient, url: httpx.URL, headers: dict[str, str],
               max_bytes: int) -> Fetched | str:
    """The answer, or the Location of a redirect (its body is not read)."""
    async with client.stream("GET", url, headers=headers) as response:
        location = response.headers.get("location")
        if response.status_code in REDIRECT_STATUSES and location:
            return location
        body = b""
        if 200 <= response.status_code < 300:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(_too_large(max_bytes))
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(_too_large(max_bytes))
                chunks.append(chunk)
            body = b"".join(chunks)
        return Fetched(str(url), response.status_code, response.reason_phrase,
                       response.headers, body)


def _too_large(max_bytes: int) -> str:
    if max_bytes >= 1024 * 1024:
        return f"The answer is larger than {max_bytes // (1024 * 1024)} MB."
    return f"The answer is larger than {max_bytes} bytes."


def _refused_message(what: str, current: httpx.URL, hop: int, refused: _Refused) -> str:
    host = refused.host.strip("[]")
    subject = f"The {what}" if hop == 0 else f"The {what} redirects to {current}, which"
    if _same_address(host, refused.address):
        subject += f" points to {host}"
    elif hop == 0:
        subject = f"The {what}'s host {host} resolves to {refused.address}"
    else:
        subject += f" resolves to {refused.address}"
    return (f"{subject}, {refused.reason}; it is not fetched. If this is an internal server "
            f"you trust, ask your administrator to allow its network ({ALLOW_SETTING}).")


def _same_address(host: str, address: IPAddress) -> bool:
    try:
        return ipaddress.ip_address(host) == address
    except ValueError:
        return False
