"""`clientele export [--format csv|xlsx] [--filter JSON] [--search TEXT] [--account SLUG]
[--output FILE]`: the customer export of customers/export.py from the command line, to stdout
or a file. Progress and the count of customers written go to standard error (cli_progress).

The CLI has no search index (that lives in the server's process), so --search is the list's
database fallback: every word a substring of the name, email or company, or the digits of a
phone. The output file is written next to its final name and renamed at the end, so a failed
export never leaves half a file under that name.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from clientele.cli_account import command_account
from clientele.cli_progress import progress
from clientele.settings import Settings


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "export", help="export customers as CSV or XLSX (all, or those a filter selects)")
    parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    parser.add_argument("--filter", dest="filter_json", default=None,
                        help='the customer list filter as JSON, e.g. '
                             '\'{"communicationStatus": "ALLOWED"}\'')
    parser.add_argument("--search", default=None, help="only customers matching this text")
    parser.add_argument("--account", default=None,
                        help="the account's slug (default: the default account)")
    parser.add_argument("--output", "-o", default=None,
                        help="file to write (default: standard output)")


async def run(settings: Settings, args: argparse.Namespace) -> int:
    from clientele.customers import export, filter_json, listing
    from clientele.customers.filters import InvalidFilter

    account = await command_account(settings, args.account)
    if account is None:
        return 2
    fmt = export.Format(args.format)
    try:
        filt, inner_search = filter_json.parse(args.filter_json)
        text = filter_json.storable(args.search or inner_search or "", "search")
        prepared = await export.prepare(account.id, filt,
                                        listing.Search(text) if text else None)
    except InvalidFilter as exc:
        print(f"invalid filter: {exc}", file=sys.stderr)
        return 2
    total = await listing.count_customers(prepared.plan)
    if args.output is None:
        if fmt is export.Format.XLSX and sys.stdout.isatty():
            print("an XLSX file is binary: give --output FILE or redirect the output",
                  file=sys.stderr)
            return 2
        # a CSV shown on the terminal itself gets no progress bar across it
        with progress("Exporting", total, "customers", quiet=sys.stdout.isatty()) as bar:
            await export.write(prepared, fmt, sys.stdout.buffer, on_rows=bar.advance)
        print(f"exported {bar.done:,} customers", file=sys.stderr)
        return 0
    target = Path(args.output)
    handle, partial = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "wb") as out, \
                progress("Exporting", total, "customers") as bar:
            await export.write(prepared, fmt, out, on_rows=bar.advance)
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    print(f"exported {bar.done:,} customers to {target}", file=sys.stderr)
    return 0
