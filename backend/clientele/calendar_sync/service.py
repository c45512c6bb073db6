"""Sync a source end to end (fetch when it is a URL), the background poller, and what a
starting server does about runs a stopped one left behind."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from typing import Any

from clientele.accounts.principal import Actor
from clientele.calendar_sync.fetch import FetchError, fetch_feed
from clientele.calendar_sync.sync import (
    Validators,
    Window,
    fail_interrupted_runs,
    record_failed_run,
    run_sync,
)
from clientele.core import background, db

log = logging.getLogger(__name__)
POLL_EVERY_SECONDS = 60


def default_window(source: Any, now: dt.datetime | None = None,
                   all_dates: bool | None = None) -> Window:
    """Whole days, so that an unchanged feed synced again the same day is recognised. A source
    synced across all its dates (uploads, by default) starts at its first event; its open
    recurrences still end `window_future_days` ahead."""
    now = (now or dt.datetime.now(dt.UTC)).replace(hour=0, minute=0, second=0, microsecond=0)
    window = Window.around(now, source["window_past_days"], source["window_future_days"])
    if source["all_dates"] if all_dates is None else all_dates:
        return Window(None, window.end)
    return window


async def sync_source(actor: Actor, source: Any, data: bytes | None = None,
                      window: Window | None = None, all_dates: bool | None = None,
                      cancel_missing: bool | None = None) -> Any:
    """Fetch (URL sources, conditional GET) or take `data` (uploads) and sync; returns the
    SyncRun. A failed fetch is a failed run with a readable error; nothing stored changes.
    `all_dates` and `cancel_missing` override the source's settings for this run (an upload's
    choice)."""
    window = window or default_window(source, all_dates=all_dates)
    cancel = source["cancel_missing"] if cancel_missing is None else cancel_missing
    if data is None:
        if source["kind"] != "URL" or not source["url"]:
            return await record_failed_run(actor, source["id"],
                                           "Upload a file to sync this calendar.")
        try:
            fetched = await fetch_feed(source["url"], source["etag"], source["last_modified"])
        except FetchError as exc:
            return await record_failed_run(actor, source["id"], str(exc),
                                           getattr(exc, "detail", None))
        if fetched.body is None:  # 304 Not Modified: nothing changed
            return await run_sync(actor, source["id"], None, window, set(source["own_domains"]),
                                  cancel_missing=cancel)
        # the validators are stored by the run, in the transaction that stores the data
        return await run_sync(actor, source["id"], fetched.body, window,
                              set(source["own_domains"]),
                              Validators(fetched.etag, fetched.last_modified), cancel)
    return await run_sync(actor, source["id"], data, window, set(source["own_domains"]),
                          cancel_missing=cancel)


async def recover() -> None:
    """At app start (every instance): runs left "running" by a process that died are marked
    failed with a reason; their data was never committed, so the next sync imports it."""
    await fail_interrupted_runs()


async def due_sources() -> list[Any]:
    return list(await db.fetch_records(
        """SELECT s.*, a.default_phone_region, a.name AS account_name FROM calendar_source s
           JOIN account a ON a.id = s.account
           WHERE s.kind = 'URL' AND (s.last_synced_at IS NULL
                 OR s.last_synced_at + make_interval(mins => s.poll_minutes) <= now())
           ORDER BY s.last_synced_at NULLS FIRST LIMIT 20"""))


async def poll_once() -> int:
    synced = 0
    for source in await due_sources():
        actor = Actor(source["account"], source["default_phone_region"], None, "calendar sync")
        try:
            await sync_source(actor, source)
            synced += 1
        except Exception:  # one broken source must not stop the others
            log.exception("calendar sync of source %s failed", source["id"])
    return synced


def poller(every: float = POLL_EVERY_SECONDS) -> contextlib.AbstractAsyncContextManager[None]:
    """Runs in the app's lifespan: polls due URL sources until the app stops."""

    async def loop() -> None:
        while True:
            try:
                await poll_once()
            except Exception:
                log.exception("calendar poller round failed")
            await asyncio.sleep(every)

    return background.running(loop())
