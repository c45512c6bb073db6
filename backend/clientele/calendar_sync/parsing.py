"""Parsing feeds off the event loop.

icalendar and recurring-ical-events are pure Python: a 2.4 MB feed takes seconds of CPU and
holds the GIL all along, so a thread would stall the loop just the same (every request,
`/healthz` included, waits). Feeds larger than `IN_PROCESS_BYTES` are parsed in a small pool
of worker processes (`CALENDAR_PARSE_PROCESSES`, default 1; started on first use with
forkserver, never fork: the app's threads and sockets must not be copied). Small feeds, the
common case for uploads and tests, parse in-process: a few milliseconds, less than the trip to
a worker.

The worker sends the events back as chunks of pickled bytes, and the loop unpickles them one
chunk at a time, yielding between chunks: unpickling 30,000 events in one go would itself hold
the GIL for a few hundred milliseconds."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import multiprocessing
import os
import pickle
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection

from clientele.calendar_sync.ics import Feed, FeedError, parse

IN_PROCESS_BYTES = 32 * 1024
CHUNK_EVENTS = 500

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()
_lifeline: Connection | None = None  # the writing end of the workers' lifeline (never written)


def _processes() -> int:
    from clientele.settings import Settings

    return Settings.from_env().calendar_parse_processes


def _executor() -> ProcessPoolExecutor:
    global _pool, _lifeline
    with _pool_lock:
        if _pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["clientele.calendar_sync.ics"])
            lifeline, _lifeline = context.Pipe(duplex=False)  # the app keeps the writer
            _pool = ProcessPoolExecutor(max_workers=_processes(), mp_context=context,
                                        initializer=_end_with, initargs=(lifeline,))
        return _pool


def _end_with(lifeline: Connection) -> None:
    """In each worker: exit once the app's process is gone. A pool's workers wait for the app
    to shut the pool down, and a process can end without doing so (SIGKILL, a crash, or
    uvicorn, which re-raises SIGTERM after its graceful shutdown and so skips exit handlers);
    they and the forkserver would then live on, orphaned. `lifeline` is the reading end of a
    pipe whose writing end only the app holds: the kernel closes it when the app ends (even
    before anyone reaps the process), and the read here ends."""

    def watch() -> None:
        with contextlib.suppress(EOFError, OSError):
            lifeline.recv()
        os._exit(0)

    threading.Thread(target=watch, name="end-with-app", daemon=True).start()


def _discard(pool: ProcessPoolExecutor) -> None:
    global _pool
    with _pool_lock:
        if _pool is pool:
            _pool = None
    pool.shutdown(wait=False, cancel_futures=True)


def shutdown() -> None:
    """Stop the worker processes (they also stop with the app's process)."""
    with _pool_lock:
        pool = _pool
    if pool is not None:
        _discard(pool)


def parse_in_chunks(data: str | bytes, start: dt.datetime | None, end: dt.datetime,
                    default_tz: str = "UTC"
                    ) -> tuple[Feed, list[bytes]]:
    """In the worker: `ics.parse`, the feed without its events and the events as pickled
    chunks of `CHUNK_EVENTS`."""
    feed = parse(data, start, end, default_tz)
    events = feed.events
    return (dataclasses.replace(feed, events=[]),
            [pickle.dumps(events[i:i + CHUNK_EVENTS], protocol=pickle.HIGHEST_PROTOCOL)
             for i in range(0, len(events), CHUNK_EVENTS)])


async def parse_off_loop(data: str | bytes, start: dt.datetime | None, end: dt.datetime,
                         default_tz: str = "UTC"
                         ) -> Feed:
    """`ics.parse` without stalling the event loop (same result, same FeedError)."""
    if len(data) <= IN_PROCESS_BYTES:
        return parse(data, start, end, default_tz)
    # submitted from a thread: the first submit starts the forkserver and a worker, and
    # waits for them (a quarter of a second or more), which must not happen on the loop
    pool = await asyncio.to_thread(_executor)
    try:
        future = await asyncio.to_thread(pool.submit, parse_in_chunks, data, start, end,
                                          default_tz)
        feed, chunks = await asyncio.wrap_future(future)
    except BrokenProcessPool:
        _discard(pool)  # the next feed gets a fresh worker
        raise FeedError("The calendar file could not be read: its parser stopped (the file "
                        "may be too large or too complex).") from None
    for chunk in chunks:
        feed.events.extend(pickle.loads(chunk))
        await asyncio.sleep(0)  # let waiting requests run between chunks
    return feed
