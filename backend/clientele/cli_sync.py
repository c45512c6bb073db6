"""`clientele sync [TARGET | --source ID | --all] [--account SLUG] [--from DATE] [--to DATE]`:
calendar sync from the command line, through the same service as the app's poller and its
"Sync now" (calendar_sync.service.sync_source).

TARGET is an http(s)/webcal URL or an .ics file: the account's source for it is found or
created, then synced. --source syncs one of the account's sources by its ID (the API's global
ID or the UUID); --all syncs every URL source of the account. Progress (calendars done) goes
to standard error, one line of counts per calendar and the totals to standard output. Exit 0
when every sync succeeded, 1 when one failed, 2 when there was nothing to sync.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import uuid
from pathlib import Path
from typing import Any

from clientele.cli_account import command_account
from clientele.cli_progress import progress
from clientele.settings import Settings

COUNTS = ("events_seen", "appointments_created", "appointments_updated",
          "appointments_cancelled", "customers_created", "customers_matched")


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "sync", help="sync an iCalendar feed URL or .ics file, a source, or every URL source")
    parser.add_argument("target", nargs="?", default=None,
                        help="http(s)/webcal URL or a path to an .ics file")
    parser.add_argument("--source", default=None,
                        help="the ID of one of the account's calendar sources")
    parser.add_argument("--all", action="store_true", help="every URL source of the account")
    parser.add_argument("--account", default=None,
                        help="the account's slug (default: the default account)")
    parser.add_argument("--from", dest="date_from", help="window start (YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", help="window end (YYYY-MM-DD)")


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _summary(counts: dict[str, int]) -> str:
    return (f"{counts['events_seen']} events: {counts['appointments_created']} appointments "
            f"created, {counts['appointments_updated']} updated, "
            f"{counts['appointments_cancelled']} cancelled; {counts['customers_created']} "
            f"customers created, {counts['customers_matched']} matched")


def _date(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC) if text else None


def _source_id(text: str) -> uuid.UUID | None:
    from clientele.core import ids

    try:
        return uuid.UUID(text)
    except ValueError:
        pass
    try:
        return ids.decode_as(text, "CalendarSource")
    except ids.InvalidGlobalId:
        return None


async def run(settings: Settings, args: argparse.Namespace) -> int:
    from clientele.accounts.principal import Principal
    from clientele.calendar_sync import sources
    from clientele.calendar_sync.service import default_window, sync_source
    from clientele.calendar_sync.sync import Window

    if sum((args.target is not None, args.source is not None, args.all)) != 1:
        _say("give one of: a URL or .ics file, --source ID, --all")
        return 2
    try:
        start, end = _date(args.date_from), _date(args.date_to)
    except ValueError as exc:
        _say(f"not a date: {exc}")
        return 2
    account = await command_account(settings, args.account)
    if account is None:
        return 2
    actor = Principal.system(account, "calendar sync").actor

    data: bytes | None = None
    chosen: list[Any]
    if args.all:
        chosen = [s for s in await sources.list_sources(account.id) if s["kind"] == "URL"]
        if not chosen:
            _say("the account has no calendar feed URL to sync")
            return 2
    elif args.source is not None:
        source_id = _source_id(args.source)
        source = await sources.get(account.id, source_id) if source_id else None
        if source is None:
            _say(f"no calendar source {args.source!r} in this account")
            return 2
        if source["kind"] != "URL":
            _say("an uploaded calendar syncs from its file: give the file instead")
            return 2
        chosen = [source]
    elif args.target.startswith(("http://", "https://", "webcal://")):
        chosen = [await sources.find_or_create(actor, args.target, "URL", args.target)]
    else:
        path = Path(args.target).resolve()
        if not path.is_file():
            _say(f"no such file: {args.target}")
            return 2
        data = path.read_bytes()
        chosen = [await sources.find_or_create(actor, str(path), "UPLOAD", None)]

    totals = dict.fromkeys(COUNTS, 0)
    failed = 0
    with progress("Syncing", len(chosen), "calendars", every=1) as bar:
        for source in chosen:
            window = None
            if start or end:
                default = default_window(source, all_dates=False)
                window = Window(start or default.start, end or default.end)
            run = await sync_source(actor, source, data, window)
            name = source["name"] if len(chosen) > 1 else None
            if run["error"]:
                failed += 1
                print(f"{name}: sync failed: {run['error']}" if name
                      else f"sync failed: {run['error']}", flush=True)
            else:
                counts = {key: int(run[key] or 0) for key in COUNTS}
                for key in COUNTS:
                    totals[key] += counts[key]
                print(f"{name}: {_summary(counts)}" if name else _summary(counts), flush=True)
            bar.advance()
    if len(chosen) > 1:
        print(f"{len(chosen) - failed} of {len(chosen)} calendars synced; "
              f"{_summary(totals)}")
    return 1 if failed else 0
