"""A wake-up call for a background loop of this process: `set` from anywhere (an after-commit
callback: work was queued), `wait(timeout)` in the loop (its idle wait; other instances
poll). One event per event loop: tests start new loops, and an asyncio.Event belongs to the
loop that first waited on it."""

from __future__ import annotations

import asyncio
import contextlib


class Signal:
    def __init__(self) -> None:
        self._events: dict[asyncio.AbstractEventLoop, asyncio.Event] = {}

    def _event(self) -> asyncio.Event:
        loop = asyncio.get_running_loop()
        event = self._events.get(loop)
        if event is None:
            self._events = {loop: (event := asyncio.Event())}  # one loop at a time
        return event

    def set(self) -> None:
        with contextlib.suppress(RuntimeError):  # no running loop: nobody is waiting
            self._event().set()

    async def wait(self, timeout: float) -> None:
        """Until `set` is called or `timeout` seconds have passed."""
        event = self._event()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), timeout)
        event.clear()
