"""Events between instances: broadcaster chosen by URL scheme (memory://, redis://, postgres://).

Messages carry ids only; subscribers load what they may see. `publish` is a no-op until
`connect` ran (the CLI and scripts may write without broadcasting).
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

from broadcaster import Broadcast

log = logging.getLogger(__name__)

_broadcast: Broadcast | None = None


async def connect(url: str) -> None:
    global _broadcast
    broadcast = Broadcast(url)
    await broadcast.connect()
    _broadcast = broadcast


async def disconnect() -> None:
    global _broadcast
    if _broadcast is not None:
        await _broadcast.disconnect()
        _broadcast = None


async def publish(channel: str, message: dict[str, Any]) -> None:
    if _broadcast is None:
        return
    await _broadcast.publish(channel=channel, message=json.dumps(message, default=str))


@contextlib.asynccontextmanager
async def subscribe(channel: str) -> AsyncIterator[AsyncIterator[dict[str, Any]]]:
    """Yield an async iterator of decoded messages on `channel`."""
    if _broadcast is None:
        raise RuntimeError("pubsub is not connected")
    async with _broadcast.subscribe(channel=channel) as subscriber:
        if subscriber is None:
            raise ConnectionError(f"could not subscribe to {channel!r}")
        events = subscriber

        async def messages() -> AsyncIterator[dict[str, Any]]:
            async for event in events:
                if event is None:  # the backend closed the subscription
                    raise ConnectionError("event stream closed by the broker")
                yield json.loads(event.message)

        yield messages()
