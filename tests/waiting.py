"""Tests wait for facts, not time: every wait in the suite is a poll with a deadline, here.

`eventually` (async) and `eventually_sync` call `check` until it returns something truthy and
return that; past the deadline the test fails, naming what it waited for. `subscribed` is the
handshake for in-process subscriptions: it returns once the broadcaster holds `count` more
subscriber queues than `before` (the subscription has reached the broker, so an event
published now is delivered).
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Callable
from typing import Any

POLL_SECONDS = 0.02


async def eventually(check: Callable[[], Any], *, within: float = 10.0,
                     what: str = "the condition") -> Any:
    deadline = time.monotonic() + within
    while True:
        result = check()
        if inspect.isawaitable(result):
            result = await result
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {within} s for {what}")
        await asyncio.sleep(POLL_SECONDS)


def eventually_sync(check: Callable[[], Any], *, within: float = 10.0,
                    what: str = "the condition") -> Any:
    deadline = time.monotonic() + within
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {within} s for {what}")
        time.sleep(POLL_SECONDS)


def subscriber_queues() -> int:
    """How many subscriber queues this process's broadcaster holds (all channels)."""
    from clientele.core import pubsub

    broker = pubsub.broker()
    if broker is None:
        return 0
    return sum(len(queues) for queues in broker._subscribers.values())


async def subscribed(before: int, count: int = 1, within: float = 5.0) -> None:
    await eventually(lambda: subscriber_queues() >= before + count, within=within,
                     what=f"{count} subscription(s) to reach the broker")
