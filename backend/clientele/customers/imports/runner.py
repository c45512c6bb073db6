"""Every instance runs import jobs in the background: those queued here at once (`wake`),
those queued elsewhere or left behind by a crashed process within POLL_SECONDS."""

from __future__ import annotations

import contextlib
import logging

from clientele.core import background
from clientele.customers.imports import events, jobs

log = logging.getLogger(__name__)
POLL_SECONDS = 2.0


async def run_forever() -> None:
    while True:
        try:
            await jobs.run_pending()
        except Exception:  # a database hiccup: look again later
            log.exception("import runner")
        await events.work(POLL_SECONDS)


def running() -> contextlib.AbstractAsyncContextManager[None]:
    """The runner for the life of the app (cancelled at shutdown: a job it was running rolls
    back and is run again by the next process)."""
    return background.running(run_forever())
