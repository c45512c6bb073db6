"""The event loop never stalls (issue 10, class 9): argon2 and large .ics parsing run off it.

These tests show where the work runs, as facts rather than times: a password check blocks
until the loop itself releases it (so it cannot be running on the loop), and a large feed is
parsed by a worker process. The latency figures are bench/stall.py's job
(docs/performance.md)."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import threading
import uuid

import pytest

from clientele.accounts import credentials, users
from clientele.accounts.bootstrap import create_user_with_role
from clientele.calendar_sync import parsing
from clientele.calendar_sync.ics import FeedError, parse
from tests.waiting import eventually

START, END = dt.datetime(2026, 1, 1, tzinfo=dt.UTC), dt.datetime(2028, 1, 1, tzinfo=dt.UTC)


class Handshake:
    """The blocking call says it started, then waits until the loop lets it go."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()

    def block(self) -> None:
        self.started.set()
        if not self.release.wait(30):
            raise AssertionError("the event loop could not run while this call was working")

    async def let_go(self) -> None:
        assert await asyncio.to_thread(self.started.wait, 30), "the call never started"
        self.release.set()


class BlockingHasher:
    """argon2's hasher, each call held by the handshake."""

    def __init__(self, real: object, handshake: Handshake) -> None:
        self.real, self.handshake = real, handshake

    def verify(self, password_hash: str, password: str) -> bool:
        self.handshake.block()
        return self.real.verify(password_hash, password)

    def hash(self, password: str) -> str:
        self.handshake.block()
        return self.real.hash(password)


async def test_a_password_check_leaves_the_loop_free(account, monkeypatch) -> None:
    email = f"loop-{uuid.uuid4().hex[:8]}@example.com"
    await create_user_with_role(account, email, "Loop Test", "correct-horse-battery", "staff")
    handshake = Handshake()
    monkeypatch.setattr(credentials, "_hasher", BlockingHasher(credentials._hasher, handshake))
    signing_in = asyncio.create_task(users.authenticate(email, "correct-horse-battery"))
    await handshake.let_go()
    user = await signing_in
    assert user is not None and user["email"] == email


async def test_hashing_a_new_password_leaves_the_loop_free(account, monkeypatch) -> None:
    handshake = Handshake()
    monkeypatch.setattr(credentials, "_hasher", BlockingHasher(credentials._hasher, handshake))
    creating = asyncio.create_task(create_user_with_role(
        account, f"new-{uuid.uuid4().hex[:8]}@example.com", "New", "correct-horse-battery",
        "staff"))
    await handshake.let_go()
    user = await creating
    assert user["password_hash"].startswith("$argon2id$")


def _feed(events: int) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//loop test//EN",
             "X-WR-TIMEZONE:Europe/Zurich"]
    for n in range(events):
        day = dt.date(2026, 11, 2) + dt.timedelta(days=n % 200)
        lines += ["BEGIN:VEVENT", f"UID:loop-{n}@test", f"DTSTART:{day:%Y%m%d}T090000",
                  f"DTEND:{day:%Y%m%d}T100000", f"SUMMARY:Visit {n}",
                  f"DESCRIPTION:Name: Person {n}\\nEmail: p{n}@example.com",
                  *(["RRULE:FREQ=WEEKLY;COUNT=4"] if n % 7 == 0 else []), "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


async def test_a_large_feed_is_parsed_by_a_worker_process() -> None:
    data = _feed(2500)
    assert len(data) > parsing.IN_PROCESS_BYTES
    events = await parsing.parse_off_loop(data, START, END)
    assert parsing._pool is not None
    workers = [p.pid for p in parsing._pool._processes.values()]
    assert workers and os.getpid() not in workers
    assert events == parse(data, START, END)  # the same events, in the same order
    with pytest.raises(FeedError, match=r"Cannot expand|readable|out of range"):
        await parsing.parse_off_loop(data.replace(b"RRULE:FREQ=WEEKLY;COUNT=4",
                                                  b"RRULE:FREQ=NOPE"), START, END)


WORKER_SCRIPT = """
import asyncio, datetime as dt, os, signal, sys
from clientele.calendar_sync import parsing
from tests.security.test_event_loop import START, END, _feed

async def main():
    await parsing.parse_off_loop(_feed(600), START, END)
    print(" ".join(str(p.pid) for p in parsing._pool._processes.values()), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # gone without shutting the pool down

asyncio.run(main())
"""


async def test_parse_workers_end_with_the_app_process() -> None:
    """However the app's process ends (here SIGKILL; uvicorn re-raises SIGTERM after its
    graceful shutdown, which skips exit handlers too), its parse workers do not outlive it."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    app = subprocess.run([sys.executable, "-c", WORKER_SCRIPT], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    workers = [int(pid) for pid in app.stdout.split()]
    assert workers, app.stderr
    await eventually(lambda: not any(_alive(pid) for pid in workers), within=30,
                     what=f"parse workers {workers} to end with the app")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False
