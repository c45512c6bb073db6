"""Long loops of CPU work that await nothing (a calendar's thousands of events and people,
after-commit callbacks) give the event loop to other requests every few items, so one sync
never holds every other request. One rule, one number: measured with bench/stall.py."""

from __future__ import annotations

import asyncio

EVERY = 10  # items between two turns of other requests (50 left ~100 ms gaps during syncs)


async def let_others_run(done: int, every: int = EVERY) -> None:
    """Call with the count of items done so far; every `every` items it yields once."""
    if done % every == every - 1:
        await asyncio.sleep(0)
