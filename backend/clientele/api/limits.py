"""The rate limits of one app instance."""

from __future__ import annotations

from dataclasses import dataclass

from clientele.core.ratelimit import RateLimiter
from clientele.settings import Settings


@dataclass
class Limits:
    per_token: RateLimiter
    booking_per_ip: RateLimiter
    login_per_ip: RateLimiter

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(
            per_token=RateLimiter(settings.token_rate_per_minute, 60),
            booking_per_ip=RateLimiter(settings.booking_rate_per_minute, 60),
            login_per_ip=RateLimiter(settings.login_rate_per_minute, 60),
        )
