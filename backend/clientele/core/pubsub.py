"""Events between instances: broadcaster chosen by URL scheme (memory://, redis://, postgres://).

Messages carry ids only; subscribers load what they may see. `publish` is a no-op until
`connect` ran (the CLI and scripts may write without broadcasting).

broadcaster's listener task dies silently when the broker connection drops, leaving every
subscription waiting forever. Here a dropped connection ends each open subscription with a
ServiceUnavailable (a ConnectionError with the code SERVICE_UNAVAILABLE, which GraphQL clients
see; they resubscribe), and a new connection is made in the background for the subscriptions
that follow.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
from collections.abc import AsyncIterator
from typing import Any

from broadcaster import Broadcast
from broadcaster._base import Unsubscribed

from clientele.core import db
from clientele.core.brokers import broadcast_for
from clientele.core.faults import ServiceUnavailable

log = logging.getLogger(__name__)

RECONNECT_DELAYS = (0.5, 1, 2, 5, 10)

_broadcast: Broadcast | None = None
_url: str | None = None
_reconnecting: asyncio.Task[None] | None = None
_closing = False


async def connect(url: str) -> None:
    global _broadcast, _url, _closing
    _url, _closing = url, False
    broadcast = broadcast_for(url)
    await broadcast.connect()
    broadcast._listener_task.add_done_callback(_listener_ended)
    _broadcast = broadcast


def _listener_ended(task: asyncio.Task[Any]) -> None:
    """The broker connection is gone: end every open subscription, then reconnect."""
    global _reconnecting
    broadcast = _broadcast
    if broadcast is None or broadcast._listener_task is not task:
        return
    reason = "stopped" if task.cancelled() else repr(task.exception())
    for queues in broadcast._subscribers.values():
        for queue in queues:
            queue.put_nowait(None)
    if _closing:
        return
    log.warning("event broker connection lost (%s); reconnecting", reason)
    _reconnecting = asyncio.get_running_loop().create_task(_reconnect())


async def _reconnect() -> None:
    for attempt in range(10_000):
        delay = RECONNECT_DELAYS[min(attempt, len(RECONNECT_DELAYS) - 1)]
        await asyncio.sleep(delay)
        if _closing or _url is None:
            return
        try:
            await connect(_url)
            log.info("event broker reconnected")
            return
        except Exception as exc:
            log.warning("event broker still unreachable: %s", exc)


async def disconnect() -> None:
    global _broadcast, _closing
    _closing = True
    if _reconnecting is not None:
        _reconnecting.cancel()
    if _broadcast is not None:
        broadcast, _broadcast = _broadcast, None
        with contextlib.suppress(Exception):
            await broadcast.disconnect()


async def publish(channel: str, message: dict[str, Any]) -> None:
    """Publish once the write that raised the event is visible: inside a transaction the
    event waits for the outermost commit (and is dropped on rollback), so a subscriber that
    loads the object finds it and a rolled-back write announces nothing; outside, at once.

    Best effort: the write has committed by then, so a broker outage is logged, not turned
    into an error for the caller."""
    text = json.dumps(message, default=str)

    async def send() -> None:
        broadcast = _broadcast
        if broadcast is None:
            return
        try:
            await broadcast.publish(channel=channel, message=text)
        except Exception as exc:
            log.warning("could not publish %s event: %s", channel, exc)

    await db.after_commit(send)


# events one subscriber may lag behind before it is dropped (the environment variable is for
# tests that need a stalled subscriber dropped after a few events)
MAX_PENDING = int(os.environ.get("CLIENTELE_SUBSCRIBER_MAX_PENDING", "1000"))


class SubscriberTooSlow(ConnectionError):
    """This subscriber fell more than MAX_PENDING events behind and was dropped (the API
    reports it with the code SUBSCRIBER_TOO_SLOW, as the shared fan-out does)."""

    code = "SUBSCRIBER_TOO_SLOW"


@contextlib.asynccontextmanager
async def subscribe(channel: str) -> AsyncIterator[AsyncIterator[dict[str, Any]]]:
    """Yield an async iterator of decoded messages on `channel`.

    Each subscriber has a bounded queue: a client that stops reading (its websocket send
    blocks) is dropped with an error after MAX_PENDING events instead of growing memory."""
    broadcast = _broadcast
    if broadcast is None or broadcast._listener_task.done():
        raise ServiceUnavailable("The event broker is not connected; try again shortly.",
                                 "event broker unreachable")
    queue: asyncio.Queue[Any] = asyncio.Queue(maxsize=MAX_PENDING + 1)
    async with broadcast.subscribe(channel=channel) as subscriber:

        async def pump() -> None:
            try:
                while True:
                    event = await subscriber.get()
                    if queue.qsize() >= MAX_PENDING:
                        queue.put_nowait(SubscriberTooSlow(
                            f"More than {MAX_PENDING} events were waiting for this "
                            "subscriber; it was dropped. Subscribe again."))
                        return
                    queue.put_nowait(event)
            except Unsubscribed:
                queue.put_nowait(Unsubscribed())

        pumping = asyncio.create_task(pump(), name=f"pubsub-pump:{channel}")

        async def messages() -> AsyncIterator[dict[str, Any]]:
            while True:
                item = await queue.get()
                if isinstance(item, Unsubscribed):
                    raise ServiceUnavailable(
                        "The connection to the event broker was lost; subscribe again.",
                        "event broker connection lost")
                if isinstance(item, SubscriberTooSlow):
                    raise item
                yield json.loads(item.message)

        try:
            yield messages()
        finally:
            pumping.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await pumping


def broker() -> Broadcast | None:
    """The current connection (tests use it to simulate a broker failure)."""
    return _broadcast
