"""Rate limits that hold (issue 10, class 12).

The client address is the socket peer unless the peer is a configured proxy; sign-in is
throttled per account (growing delays for the addresses that failed) as well as per address;
with a Redis broadcast the counters are shared by every instance, and a Redis that cannot be
reached falls back to counting in the instance instead of failing the request.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
import uuid

import httpx
import pytest

from clientele.accounts.bootstrap import create_user_with_role
from clientele.api.limits import Limits
from clientele.app import create_app
from clientele.settings import Settings
from tests.blocking.test_booking import BOOK, booking
from tests.conftest import free_port, redis_or_skip, running_server

PASSWORD = "correct-horse-battery"
LOGIN = ("mutation($e: String!, $p: String!) { login(email: $e, password: $p) "
         "{ me { name } userErrors { code message } } }")


class Clock:
    """Wall time that a test moves by hand, so growing delays are shown without waiting."""

    def __init__(self) -> None:
        self.now = 1_900_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def _settings(**overrides) -> Settings:
    return dataclasses.replace(Settings.from_env(), **overrides)


def _limits(settings: Settings, clock: Clock | None = None, prefix: str | None = None) -> Limits:
    """Limits under a key prefix of their own, so tests sharing a Redis never collide."""
    return Limits.from_settings(settings, prefix=prefix or f"test:{uuid.uuid4().hex}",
                                clock=clock)


def _app(account, limits: Limits | None = None, **overrides):
    app = create_app(_settings(**overrides))
    app.state.account = account
    if limits is not None:
        app.state.limits = limits
    return app


def _client(app, peer: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(peer, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://test")


async def _login(client: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    return await client.post("/graphql", json={"query": LOGIN,
                                                "variables": {"e": email, "p": password}})


def _login_code(response: httpx.Response) -> str | None:
    errors = response.json()["data"]["login"]["userErrors"]
    return errors[0]["code"] if errors else None


async def _book(client: httpx.AsyncClient, account, n: int, **headers: str) -> httpx.Response:
    return await client.post("/graphql", headers=headers, json={"query": BOOK, "variables": {
        "input": booking(account, email=f"guest{n}@example.com")}})


@pytest.fixture
async def staff_email(account) -> str:
    email = f"staff-{account.slug}@example.com"
    await create_user_with_role(account, email, "Stella Staff", PASSWORD, "staff")
    return email


@pytest.fixture(params=["memory", "redis"])
def broadcast_url(request) -> str:
    if request.param == "redis":
        return redis_or_skip("sign-in throttling shared through Redis")
    return "memory://"


# --- the client's address ------------------------------------------------------------------


async def test_forwarded_for_is_ignored_by_default_in_the_real_server(database, account
                                                                      ) -> None:
    """One peer rotating X-Forwarded-For values is still one client: 10 bookings, then 429."""
    with running_server(database, BROADCAST_URL="memory://", CLIENTELE_SEED="0",
                        CALENDAR_POLLING="0") as base:
        async with httpx.AsyncClient(base_url=base) as client:
            statuses = [(await _book(client, account, n,
                                     **{"x-forwarded-for": f"203.0.113.{n}"})).status_code
                        for n in range(20)]
    assert statuses == [200] * 10 + [429] * 10


async def test_a_trusted_proxy_names_the_client_by_the_right_most_untrusted_address(
        account) -> None:
    app = _app(account, trusted_proxies=(ipaddress.ip_network("10.0.0.0/8"),))
    async with _client(app, "10.1.2.3") as proxy, _client(app, "192.0.2.1") as direct:
        for n in range(10):
            ok = await _book(proxy, account, n, **{"x-forwarded-for": "203.0.113.7"})
            assert ok.status_code == 200
        # the client in front of our proxy chain is the same one, whatever it put first
        spoofed = await _book(proxy, account, 10,
                              **{"x-forwarded-for": "198.51.100.1, 203.0.113.7, 10.0.0.9"})
        assert spoofed.status_code == 429 and spoofed.headers["retry-after"]
        other = await _book(proxy, account, 11, **{"x-forwarded-for": "203.0.113.8"})
        assert other.status_code == 200
        # a peer that is not a proxy cannot name another client
        for n in range(10):
            assert (await _book(direct, account, 20 + n,
                                **{"x-forwarded-for": f"198.51.100.{n}"})).status_code == 200
        assert (await _book(direct, account, 30,
                            **{"x-forwarded-for": "198.51.100.99"})).status_code == 429


def test_trusted_proxies_are_parsed_and_checked(monkeypatch) -> None:
    monkeypatch.setenv("TRUSTED_PROXIES", " 10.0.0.0/8, 192.168.1.5 ,fd00::/8")
    assert [str(n) for n in Settings.from_env().trusted_proxies] == [
        "10.0.0.0/8", "192.168.1.5/32", "fd00::/8"]
    monkeypatch.delenv("TRUSTED_PROXIES")
    assert Settings.from_env().trusted_proxies == ()
    monkeypatch.setenv("TRUSTED_PROXIES", "proxy.internal")
    with pytest.raises(ValueError, match="TRUSTED_PROXIES"):
        Settings.from_env()


# --- sign-in throttling --------------------------------------------------------------------


async def test_an_attacker_waits_ever_longer_while_the_right_password_gets_in_elsewhere(
        account, staff_email, broadcast_url) -> None:
    clock = Clock()
    settings = _settings(broadcast_url=broadcast_url, login_rate_per_minute=1000)
    limits = _limits(settings, clock)
    app = _app(account, limits, broadcast_url=broadcast_url, login_rate_per_minute=1000)
    waits: list[int] = []
    total = 50 if broadcast_url == "memory://" else 20  # Redis: enough to reach the cap
    async with _client(app, "198.51.100.66") as attacker, _client(app, "203.0.113.5") as user:
        failures = 0
        while failures < total:
            response = await _login(attacker, staff_email, f"guess-{failures}")
            if response.status_code == 429:
                assert _login_code(response) == "RATE_LIMITED"
                wait = int(response.headers["retry-after"])
                waits.append(wait)
                # the right password from the attacker's address waits too (not even checked)
                right = await _login(attacker, staff_email, PASSWORD)
                assert right.status_code == 429 and "set-cookie" not in right.headers
                clock.advance(wait)
                continue
            assert _login_code(response) == "INVALID_CREDENTIALS"
            failures += 1
        # the first five failures cost nothing; then 1 s, doubling per failure, 15 min at most
        assert waits[:11] == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900]
        assert set(waits[11:]) == {900}
        assert len(waits) == total - 5
        # meanwhile the real user, from an address with no failures, signs in at once
        signed_in = await _login(user, staff_email, PASSWORD)
        assert signed_in.status_code == 200 and _login_code(signed_in) is None
        assert signed_in.json()["data"]["login"]["me"]["name"] == "Stella Staff"
        assert "clientele_session" in signed_in.headers["set-cookie"]
        # and the attacker is still held back
        assert (await _login(attacker, staff_email, PASSWORD)).status_code == 429
    await limits.close()


async def test_every_address_that_failed_waits_once_the_account_is_under_attack(
        account, staff_email, broadcast_url) -> None:
    """Many addresses, a few guesses each: the count is the account's, not each address's."""
    clock = Clock()
    settings = _settings(broadcast_url=broadcast_url)
    limits = _limits(settings, clock)
    app = _app(account, limits, broadcast_url=broadcast_url)
    for n in range(6):
        async with _client(app, f"198.51.100.{n}") as bot:
            assert _login_code(await _login(bot, staff_email, "guess")) == \
                "INVALID_CREDENTIALS"
    for n in range(6):
        async with _client(app, f"198.51.100.{n}") as bot:
            again = await _login(bot, staff_email, "guess")
            assert again.status_code == 429 and _login_code(again) == "RATE_LIMITED"
    # an unknown email is throttled the same way, so throttling tells nobody who has an account
    async with _client(app, "198.51.100.200") as bot:
        for _ in range(5):
            assert _login_code(await _login(bot, "nobody@example.com", "x")) == \
                "INVALID_CREDENTIALS"
        assert (await _login(bot, "Nobody@Example.com ", "x")).status_code == 429
    await limits.close()


async def test_signing_in_clears_the_address_own_failures(account, staff_email,
                                                          broadcast_url) -> None:
    clock = Clock()
    settings = _settings(broadcast_url=broadcast_url)
    limits = _limits(settings, clock)
    app = _app(account, limits, broadcast_url=broadcast_url)
    async with _client(app, "203.0.113.9") as user:
        for _ in range(5):
            assert _login_code(await _login(user, staff_email, "typo")) == "INVALID_CREDENTIALS"
        assert (await _login(user, staff_email, "typo")).headers["retry-after"] == "1"
        clock.advance(1)
        assert _login_code(await _login(user, staff_email, "typo")) == "INVALID_CREDENTIALS"
        held = await _login(user, staff_email, PASSWORD)
        assert held.status_code == 429 and held.headers["retry-after"] == "2"
        clock.advance(2)
        assert _login_code(await _login(user, staff_email, PASSWORD)) is None
        # the address is clean again: its next sign-in is not held back
        user.cookies.clear()
        assert _login_code(await _login(user, staff_email, PASSWORD)) is None
    await limits.close()


# --- shared across instances ---------------------------------------------------------------


async def test_two_instances_share_every_limit_through_redis() -> None:
    url = redis_or_skip("rate limits shared by two instances")
    clock = Clock()
    settings = _settings(broadcast_url=url, token_rate_per_minute=7,
                         booking_rate_per_minute=10, login_rate_per_minute=4)
    prefix = f"test:{uuid.uuid4().hex}"
    one, two = _limits(settings, clock, prefix), _limits(settings, clock, prefix)
    try:
        for name, limit in (("per_token", 7), ("booking_per_ip", 10), ("login_per_ip", 4)):
            waits = [await getattr(limits, name).hit("the-key")
                     for _ in range(20) for limits in (one, two)]
            assert sum(1 for w in waits if w == 0) == limit, name
            assert all(0 < w <= 60 for w in waits[limit:]), name
        clock.advance(60)
        assert await one.per_token.hit("the-key") == 0  # the window slides on
        for _ in range(5):
            await one.signin.failed("shared@example.com", "198.51.100.1")
        assert await two.signin.check("shared@example.com", "198.51.100.1") == 1
        assert await two.signin.check("shared@example.com", "203.0.113.1") == 0
    finally:
        await one.close()
        await two.close()


async def test_two_app_instances_share_the_booking_limit(account) -> None:
    url = redis_or_skip("the booking limit shared by two app instances")
    prefix = f"test:{uuid.uuid4().hex}"
    settings = _settings(broadcast_url=url)
    apps = [_app(account, _limits(settings, prefix=prefix), broadcast_url=url)
            for _ in range(2)]
    async with _client(apps[0], "198.51.100.7") as one, _client(apps[1], "198.51.100.7") as two:
        statuses = [(await _book(client, account, 2 * n + i)).status_code
                    for n in range(10) for i, client in enumerate((one, two))]
    assert statuses == [200] * 10 + [429] * 10
    for app in apps:
        await app.state.limits.close()


async def test_an_unreachable_redis_falls_back_to_counting_here(account, staff_email,
                                                                caplog) -> None:
    url = f"redis://127.0.0.1:{free_port()}"  # nothing listens there
    limits = _limits(_settings(broadcast_url=url, booking_rate_per_minute=3))
    app = _app(account, limits, broadcast_url=url)
    with caplog.at_level(logging.WARNING, logger="clientele.core.shared_counters"):
        async with _client(app, "198.51.100.8") as client:
            statuses = [(await _book(client, account, n)).status_code for n in range(5)]
            signed_in = await _login(client, staff_email, PASSWORD)
    assert statuses == [200, 200, 200, 429, 429]
    assert _login_code(signed_in) is None
    assert any("Redis" in record.getMessage() for record in caplog.records)
    await limits.close()
