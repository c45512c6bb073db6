"""Calendar sync benchmark: a generated feed of ~10,000 event instances (single events and
weekly recurrences, ~3,000 customers), synced once and re-synced unchanged.

    .venv/bin/python bench/calendar_feed.py [--events 10000] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))

from clientele import database
from clientele.accounts.principal import Principal
from clientele.accounts.services import create_account
from clientele.calendar_sync import sources
from clientele.calendar_sync.sync import Window, run_sync
from clientele.core import db
from clientele.demo_data import FIRST_NAMES, LAST_NAMES, SERVICES, email_for
from clientele.settings import Settings

START = dt.datetime(2026, 9, 1, 8, tzinfo=dt.UTC)


def feed(instances: int, people: int, seed: int = 3) -> tuple[bytes, int]:
    """Returns the .ics and the number of instances it expands to in the window."""
    rng = random.Random(seed)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Clientele bench//EN",
             "X-WR-TIMEZONE:Europe/Zurich"]
    expanded = 0
    n = 0
    while expanded < instances:
        person = rng.randrange(people)
        first, last = FIRST_NAMES[person % len(FIRST_NAMES)], LAST_NAMES[person % len(LAST_NAMES)]
        start = START + dt.timedelta(days=rng.randrange(0, 300), hours=rng.randrange(0, 9))
        weekly = n % 5 == 0
        count = 10 if weekly else 1
        stamp = start.strftime("%Y%m%dT%H%M%SZ")
        end = (start + dt.timedelta(hours=1)).strftime("%Y%m%dT%H%M%SZ")
        lines += ["BEGIN:VEVENT", f"UID:bench-{n}@clientele", f"DTSTART:{stamp}",
                  f"DTEND:{end}", f"SUMMARY:{rng.choice(SERVICES)[0]}",
                  f"DESCRIPTION:Name: {first} {last}\\nEmail: {email_for(first, last, person)}"
                  f"\\nPhone: +4176{person:07d}"]
        if weekly:
            lines.append("RRULE:FREQ=WEEKLY;COUNT=10")
        lines.append("END:VEVENT")
        expanded += count
        n += 1
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode(), expanded


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=3_000)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    args = parser.parse_args()
    database.configure(args.database_url or db.resolve_url(Settings.from_env()))
    async with db.startup_lock():
        await db.migrate()
    await db.start_pool()
    suffix = uuid.uuid4().hex[:8]
    account = await create_account(f"Calendar bench {suffix}", f"calbench-{suffix}")
    actor = Principal.system(account, "calendar sync").actor
    source = await sources.find_or_create(actor, "bench.ics", "UPLOAD", None)
    data, expanded = feed(args.events, args.people)
    window = Window(START - dt.timedelta(days=1), START + dt.timedelta(days=400))
    print(f"feed: {len(data) / 1e6:.1f} MB, {expanded:,} event instances, "
          f"{args.people:,} people")
    for label in ("first sync", "re-sync (unchanged)", "re-sync, full path"):
        if label == "re-sync, full path":  # forget the feed's digest: parse and compare all
            await db.fetch("UPDATE calendar_source SET content_hash = NULL WHERE id = $1",
                           source["id"])
        started = time.perf_counter()
        run = await run_sync(actor, source["id"], data, window)
        elapsed = time.perf_counter() - started
        print(f"{label:<22} {elapsed:6.2f} s  events={run['events_seen']:,} "
              f"created={run['appointments_created']:,} updated={run['appointments_updated']:,}"
              f" customers created={run['customers_created']:,} "
              f"matched={run['customers_matched']:,} error={run['error']}")
    await db.close_pool()


if __name__ == "__main__":
    asyncio.run(main())
