"""The rate limits of the app: shared through Redis when the broadcast is Redis, else local.

Every instance behind a load balancer builds the same `Limits`; with `BROADCAST_URL=redis://…`
they count in that Redis, so a client gets the limit once, not once per instance.
"""

from __future__ import annotations

import ipaddress
import time
from dataclasses import dataclass
from typing import Any

from clientele.accounts.signin_throttle import Policy, SigninThrottle
from clientele.core.ratelimit import Clock, SlidingWindow
from clientele.core.shared_counters import SharedCounters
from clientele.settings import Settings

KEY_PREFIX = "clientele:limits"


def client_address(request: Any) -> str | None:
    """The client's IP address: the socket peer, or, when the peer is a trusted proxy, what
    `ProxyHeadersMiddleware` (app.py, `TRUSTED_PROXIES`) read from X-Forwarded-For. None when
    that is not an IP address (a test client's name, a proxy passing junk), since the address
    goes into `inet` comparisons with IP block rules and would fail them."""
    host = request.client.host if request is not None and request.client else None
    try:
        return str(ipaddress.ip_address(host)) if host else None
    except ValueError:
        return None


@dataclass
class Limits:
    per_token: SlidingWindow
    booking_per_ip: SlidingWindow
    login_per_ip: SlidingWindow
    signin: SigninThrottle
    shared: SharedCounters | None = None

    @classmethod
    def from_settings(cls, settings: Settings, prefix: str = KEY_PREFIX,
                      clock: Clock | None = None) -> Limits:
        clock = clock or time.time
        shared = (SharedCounters(settings.broadcast_url, prefix)
                  if settings.broadcast_url.startswith(("redis://", "rediss://")) else None)
        policy = Policy(free_failures=settings.login_failures_before_delay,
                        max_delay=settings.login_max_delay_seconds)
        return cls(
            per_token=SlidingWindow("token", settings.token_rate_per_minute, 60, shared, clock),
            booking_per_ip=SlidingWindow("booking", settings.booking_rate_per_minute, 60,
                                         shared, clock),
            login_per_ip=SlidingWindow("login", settings.login_rate_per_minute, 60, shared,
                                       clock),
            signin=SigninThrottle(policy, shared, clock),
            shared=shared,
        )

    async def close(self) -> None:
        if self.shared is not None:
            await self.shared.close()
