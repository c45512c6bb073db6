"""Crash-safe sync runs (issue 10, class 6).

A sync killed mid-way must leave nothing half-done: the feed's ETag/Last-Modified are stored in
the same transaction as the appointments they describe, so the next fetch gets the whole feed
again (not a 304 that records "success, 0 events"), and the run left "running" is marked failed
with a reason when a server starts. A run that another instance is still executing (it holds
the source's lock) is left alone.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator

import asyncpg
import pytest

from clientele.accounts.principal import Principal
from clientele.accounts.services import get_account_by_slug
from clientele.calendar_sync import sources
from clientele.calendar_sync.service import sync_source
from clientele.calendar_sync.sync import (
    INTERRUPTED,
    SYNC_LOCK_NAMESPACE,
    fail_interrupted_runs,
)
from clientele.core import db, fetch
from tests.conftest import ROOT, running_server
from tests.security.local_http import local_server
from tests.waiting import eventually

EVENTS = 120


def _feed(count: int) -> bytes:
    start = dt.datetime.now(dt.UTC).replace(hour=9, minute=0, second=0, microsecond=0)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//crash test//EN"]
    for n in range(count):
        begin = start + dt.timedelta(days=1 + n % 30, hours=n % 8)
        lines += ["BEGIN:VEVENT", f"UID:crash-{n}@test", f"DTSTART:{begin:%Y%m%dT%H%M%SZ}",
                  f"DTEND:{begin + dt.timedelta(hours=1):%Y%m%dT%H%M%SZ}", "SUMMARY:Session",
                  f"DESCRIPTION:Name: Person {n}\\nEmail: crash-{n}@example.com", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


@pytest.fixture
def feed_server() -> Iterator:
    fetch.allow_networks((ipaddress.ip_network("127.0.0.0/8"),))
    with local_server() as server:
        server.routes["/crash.ics"] = (200, {"content-type": "text/calendar",
                                             "etag": '"v1"'}, _feed(EVENTS))
        yield server
    fetch.allow_networks(None)


async def _wait_for(query: str, *args: object, process: subprocess.Popen | None = None,
                    seconds: float = 120) -> list:
    """Rows of `query` once there are any (a fact to wait for, with a deadline)."""

    async def rows() -> list:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the sync ended on its own: {process.stdout.read()}")
        return await db.fetch(query, *args)

    return await eventually(rows, within=seconds, what=query)


async def _runs(source_id: uuid.UUID) -> list[dict]:
    return await db.fetch("SELECT * FROM sync_run WHERE source = $1 ORDER BY started_at",
                          source_id)


async def test_a_run_killed_mid_way_is_failed_at_start_and_the_rerun_imports_everything(
        database: str, feed_server) -> None:
    url = f"{feed_server.base}/crash.ics"
    blocker = await asyncpg.connect(database)
    cli = None
    try:
        # Appointments cannot be written while the test holds this lock: the sync stops
        # inside its transaction, after fetching, parsing and creating customers.
        transaction = blocker.transaction()
        await transaction.start()
        await blocker.execute("LOCK TABLE appointment IN SHARE MODE")
        cli = subprocess.Popen(
            [sys.executable, "-m", "clientele", "sync", url],
            env={**os.environ, "DATABASE_URL": database, "FETCH_ALLOW_NETWORKS": "127.0.0.0/8"},
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        [stuck] = await _wait_for(
            """SELECT pid FROM pg_stat_activity WHERE datname = current_database()
                 AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO appointment%'""",
            process=cli)
        [source] = await db.fetch("SELECT * FROM calendar_source WHERE url = $1", url)
        assert [r["finished_at"] for r in await _runs(source["id"])] == [None]
        cli.send_signal(signal.SIGKILL)  # the crash
        cli.wait(30)
        await blocker.execute("SELECT pg_terminate_backend($1)", stuck["pid"])
        await _wait_for("SELECT 1 FROM (SELECT count(*) AS n FROM pg_stat_activity "
                        "WHERE pid = $1) c WHERE n = 0", stuck["pid"])
        await transaction.rollback()
    finally:
        if cli is not None and cli.poll() is None:
            cli.kill()
        await blocker.close()

    [source] = await db.fetch("SELECT * FROM calendar_source WHERE url = $1", url)
    assert source["etag"] is None  # nothing of the killed run was kept, its ETag neither
    assert await db.fetch("SELECT id FROM appointment WHERE calendar_source_id = $1",
                          source["id"]) == []

    with running_server(database, CALENDAR_POLLING="0"):  # a server starts again
        pass
    [killed] = await _runs(source["id"])
    assert killed["finished_at"] is not None and killed["error"] == INTERRUPTED

    account = await get_account_by_slug("default")
    actor = Principal.system(account, "calendar sync").actor
    rerun = await sync_source(actor, await sources.get(account.id, source["id"]))
    assert rerun["error"] is None
    assert (rerun["events_seen"], rerun["appointments_created"]) == (EVENTS, EVENTS)
    [source] = await db.fetch("SELECT * FROM calendar_source WHERE id = $1", source["id"])
    assert source["etag"] == '"v1"' and source["last_synced_at"] is not None
    assert feed_server.hits == ["/crash.ics", "/crash.ics"]  # whole feed, twice: no 304
    again = await sync_source(actor, source)  # now the ETag describes what is stored
    assert again["error"] is None and again["appointments_created"] == 0  # 304: nothing done
    assert feed_server.hits[-1] == "/crash.ics"


async def test_a_run_another_instance_is_executing_is_left_alone(account) -> None:
    actor = Principal.system(account, "calendar sync").actor
    source = await sources.find_or_create(actor, "busy", "UPLOAD", None)
    [run] = await db.fetch(
        """INSERT INTO sync_run (id, account, source, started_at, events_seen,
               appointments_created, appointments_updated, appointments_cancelled,
               customers_created, customers_matched)
           VALUES (gen_random_uuid(), $1, $2, now(), 0, 0, 0, 0, 0, 0) RETURNING id""",
        account.id, source["id"])
    other_instance = await asyncpg.connect(db.current_url())
    try:
        async with other_instance.transaction():
            await other_instance.execute("SELECT pg_advisory_xact_lock($1, hashtext($2))",
                                         SYNC_LOCK_NAMESPACE, str(source["id"]))
            await fail_interrupted_runs()
            [still] = await db.fetch("SELECT * FROM sync_run WHERE id = $1", run["id"])
            assert still["finished_at"] is None and still["error"] is None
    finally:
        await other_instance.close()
    failed = await fail_interrupted_runs()  # the other instance is gone: its lock with it
    assert run["id"] in {r["id"] for r in failed}
    [done] = await db.fetch("SELECT * FROM sync_run WHERE id = $1", run["id"])
    assert done["finished_at"] is not None and done["error"] == INTERRUPTED


async def test_a_feed_that_fails_to_parse_keeps_no_validators(account, feed_server) -> None:
    """The ETag of a feed we could not import must not make the next fetch a 304."""
    feed_server.routes["/broken.ics"] = (200, {"etag": '"b1"'}, b"BEGIN:VCALENDAR\r\nBEGIN")
    actor = Principal.system(account, "calendar sync").actor
    url = f"{feed_server.base}/broken.ics"
    source = await sources.find_or_create(actor, url, "URL", url)
    failed = await sync_source(actor, source)
    assert failed["error"]
    feed_server.routes["/broken.ics"] = (200, {"etag": '"b1"'}, _feed(3))  # fixed, same ETag
    fixed = await sync_source(actor, await sources.get(account.id, source["id"]))
    assert fixed["error"] is None and fixed["appointments_created"] == 3
