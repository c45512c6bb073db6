"""broadcaster backends that fail loudly.

broadcaster 0.3.1's Redis backend can miss its first subscription (its listener may start
reading before SUBSCRIBE completes, see the subscribe order below) and, like the PostgreSQL
backend, stalls silently when the broker connection drops. These subclasses subscribe before
listening and turn a lost connection into an error from `next_published`, which ends
broadcaster's listener and lets `core.pubsub` end the open subscriptions and reconnect.
"""

from __future__ import annotations

from typing import Any

from broadcaster import Broadcast
from broadcaster._backends.postgres import PostgresBackend
from broadcaster._backends.redis import RedisBackend
from broadcaster._base import Event

_LOST = Event(channel="\x00lost", message="")


class LoudRedisBackend(RedisBackend):
    async def subscribe(self, channel: str) -> None:
        await self._pubsub.subscribe(channel)
        self._ready.set()  # only now may the listener read: it would stop on no channels

    async def _pubsub_listener(self) -> None:
        try:
            await super()._pubsub_listener()
        except Exception:
            self._queue.put_nowait(_LOST)

    async def next_published(self) -> Event:
        event = await self._queue.get()
        if event is _LOST:
            raise ConnectionError("lost the connection to Redis")
        return event


class LoudPostgresBackend(PostgresBackend):
    async def connect(self) -> None:
        await super().connect()
        self._conn.add_termination_listener(self._terminated)

    def _terminated(self, *args: Any) -> None:
        self._listen_queue.put_nowait(_LOST)

    async def publish(self, channel: str, message: str) -> None:
        # NOTIFY payloads are limited to 8000 bytes; ours are ids only
        await super().publish(channel, message)

    async def next_published(self) -> Event:
        event = await self._listen_queue.get()
        if event is _LOST:
            raise ConnectionError("lost the connection to PostgreSQL")
        return event


def broadcast_for(url: str) -> Broadcast:
    if url.startswith(("redis://", "rediss://")):
        return Broadcast(backend=LoudRedisBackend(url))
    if url.startswith(("postgres://", "postgresql://")):
        return Broadcast(backend=LoudPostgresBackend(url.replace("postgresql://",
                                                                 "postgres://", 1)))
    return Broadcast(url)
