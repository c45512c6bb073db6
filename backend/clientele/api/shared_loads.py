"""One load per event, shared by every subscriber of the same account.

Subscriptions carry ids and each subscriber loads the object in its own account's scope. With
many subscribers on one instance that is one identical query per subscriber and event; here the
first subscriber's load is shared (for a second) with the others of the same account.
Permission to subscribe is checked when subscribing; the objects are account-scoped."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

TTL_SECONDS = 1.0

_loads: dict[tuple[str, uuid.UUID, uuid.UUID], tuple[float, asyncio.Future[Any]]] = {}


async def shared_load(kind: str, account_id: uuid.UUID, object_id: uuid.UUID,
                      load: Callable[[], Awaitable[Any]]) -> Any:
    now = time.monotonic()
    if len(_loads) > 10_000:
        for key in [k for k, (at, _f) in _loads.items() if now - at > TTL_SECONDS]:
            del _loads[key]
    key = (kind, account_id, object_id)
    cached = _loads.get(key)
    if cached is not None and now - cached[0] <= TTL_SECONDS:
        return await asyncio.shield(cached[1])
    future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    _loads[key] = (now, future)
    try:
        result = await load()
    except BaseException as exc:
        _loads.pop(key, None)
        future.set_exception(exc)
        future.exception()  # mark retrieved
        raise
    future.set_result(result)
    return result
