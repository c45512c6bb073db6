"""Sliding-window rate limits: at most `limit` requests per `window_seconds` per key.

`SlidingWindow` counts in Redis when shared counters are configured, so the limit holds for
all instances together (a sorted set of hit times per key, trimmed and counted in one Lua
script), and in this process otherwise or while Redis cannot be reached (`RateLimiter`). Times
come from the wall clock (`clock`), which instances share; tests pass a clock they move.
"""

from __future__ import annotations

import math
import secrets
import time
from collections import defaultdict, deque
from collections.abc import Callable

from clientele.core.shared_counters import SharedCounters

Clock = Callable[[], float]

# KEYS[1]: the key's sorted set of hit times (ms). ARGV: now (ms), window (ms), limit, member.
# Returns 0 when the hit is counted, else the milliseconds until the oldest hit leaves.
_SLIDING_WINDOW = """
local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, math.ceil(tonumber(oldest[2]) + window - now))
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return 0
"""


def retry_after_header(seconds: float) -> str:
    """Whole seconds, at least 1 (`Retry-After: 0` would invite an immediate retry)."""
    return str(max(1, math.ceil(seconds)))


class RateLimiter:
    """The in-process window: a deque of hit times per key."""

    def __init__(self, limit: int, window_seconds: float, max_keys: int = 100_000) -> None:
        self.limit = limit
        self.window = window_seconds
        self.max_keys = max_keys
        self._hits: dict[str, deque[float]] = defaultdict(deque)

    def hit(self, key: str, now: float | None = None) -> float:
        """Count one request for `key`; returns 0 if allowed, else seconds until retry."""
        now = time.monotonic() if now is None else now
        hits = self._hits[key]
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return max(0.001, hits[0] + self.window - now)
        hits.append(now)
        if len(self._hits) > self.max_keys:
            self._forget_idle(now)
        return 0.0

    def _forget_idle(self, now: float) -> None:
        for key in [k for k, h in self._hits.items() if not h or h[-1] <= now - self.window]:
            del self._hits[key]


class SlidingWindow:
    """One named limit, shared through `shared` when given, else counted in this process."""

    def __init__(self, name: str, limit: int, window_seconds: float,
                 shared: SharedCounters | None = None, clock: Clock = time.time) -> None:
        self.name = name
        self.limit = limit
        self.window = window_seconds
        self.shared = shared
        self.clock = clock
        self.local = RateLimiter(limit, window_seconds)

    async def hit(self, key: str) -> float:
        """Count one request for `key`; returns 0 if allowed, else seconds until retry."""
        now = self.clock()
        if self.shared is not None:
            wait_ms = await self.shared.run(
                _SLIDING_WINDOW, [self.shared.key("window", self.name, key)],
                [int(now * 1000), int(self.window * 1000), self.limit,
                 f"{int(now * 1000)}-{secrets.token_hex(6)}"])
            if wait_ms is not None:
                return int(wait_ms) / 1000
        return self.local.hit(key, now)
