"""Every instance runs import jobs in the background: those queued here at once (`wake`),
those queued elsewhere or left behind by a crashed process within POLL_SECONDS."""

from __future__ import annotations

import logging

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
