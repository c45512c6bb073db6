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
from broadcaster._base import Unsubscribed

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

        async def messages() -> AsyncIterator[dict[str, Any]]:
            while True:
                try:
                    event = await subscriber.get()
                except Unsubscribed as exc:  # the broker connection ended
                    raise ConnectionError("event stream closed by the broker") from exc
                yield json.loads(event.message)

        yield messages()
