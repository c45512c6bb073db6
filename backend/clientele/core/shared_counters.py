"""Counters shared by every app instance, kept in Redis; `None` when Redis cannot answer.

Rate limits must hold behind a load balancer, so with a Redis broadcast their counters live in
that Redis, each update one Lua script (atomic, one round trip). A limit must never become an
outage, though: when Redis cannot be reached the caller counts in its own process (a `None`
answer tells it to), the problem is logged once, and Redis is tried again after
`retry_seconds` rather than on every request (a dead Redis would otherwise cost each request a
connection timeout).
"""

from __future__ import annotations

import logging
import time
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)


class SharedCounters:
    def __init__(self, url: str, prefix: str, *, timeout: float = 0.5,
                 retry_seconds: float = 5.0) -> None:
        self.prefix = prefix
        self.retry_seconds = retry_seconds
        self._client = aioredis.from_url(url, socket_connect_timeout=timeout,
                                         socket_timeout=timeout)
        self._scripts: dict[str, Any] = {}
        self._retry_at: float | None = None  # monotonic time; set while Redis is unreachable

    def key(self, *parts: str) -> str:
        return ":".join((self.prefix, *parts))

    @property
    def available(self) -> bool:
        return self._retry_at is None or time.monotonic() >= self._retry_at

    async def run(self, script: str, keys: list[str], args: list[Any]) -> Any | None:
        """The script's answer, or None when Redis is unreachable (count locally then)."""
        if not self.available:
            return None
        runner = self._scripts.get(script)
        if runner is None:
            runner = self._scripts[script] = self._client.register_script(script)
        try:
            result = await runner(keys=keys, args=args)
        except (RedisError, OSError) as error:  # TimeoutError is an OSError
            if self._retry_at is None:
                log.warning("Redis is unreachable for the shared rate limits (%s); each "
                            "instance counts on its own until it is back", error)
            self._retry_at = time.monotonic() + self.retry_seconds
            return None
        if self._retry_at is not None:
            log.warning("Redis is reachable again; rate limits are shared again")
            self._retry_at = None
        return result

    async def close(self) -> None:
        await self._client.aclose()
