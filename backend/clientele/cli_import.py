"""`clientele import FILE [--sheet NAME] [--duplicates skip|fill|overwrite|create]
[--errors import-valid|reject-file] [--reject-file PATH] [--account SLUG] [--yes]`: the
customer import of customers/imports from the command line.

The file is analysed first (the columns as mapped by the suggestions, the counts, rows with
errors); then, with --yes or after a yes at the prompt, imported as one job: all of it in one
transaction, with its progress on standard error (cli_progress: a bar on a terminal, plain
lines otherwise). The counts go to standard output. Exit 0
when every row was imported (or skipped as a duplicate), 1 when rows were rejected (their
original cells and the reason go to --reject-file), 2 when nothing was imported (the file is
not readable, the mapping says nothing about who a row is, no --yes without a terminal).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from pathlib import Path
from typing import Any

import click

from clientele.cli_account import command_account
from clientele.cli_progress import progress
from clientele.settings import Settings

DUPLICATES = {"skip": "SKIP", "fill": "FILL", "overwrite": "OVERWRITE", "create": "CREATE"}
ERRORS = {"import-valid": "IMPORT_VALID", "reject-file": "REJECT_FILE"}
PROGRESS_SECONDS = 0.2


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "import", help="import customers from a CSV, XLSX, XLS or ODS file")
    parser.add_argument("file", help="the spreadsheet")
    parser.add_argument("--sheet", default=None, help="a workbook's sheet (default: the first)")
    parser.add_argument("--duplicates", choices=list(DUPLICATES), default="fill",
                        help="what a row does to a customer it matches (default: fill blanks)")
    parser.add_argument("--errors", choices=list(ERRORS), default="import-valid",
                        help="import the valid rows (default), or nothing if any is rejected")
    parser.add_argument("--reject-file", default=None,
                        help="write the rejected rows (as read, plus the reason) to this CSV")
    parser.add_argument("--account", default=None,
                        help="the account's slug (default: the default account)")
    parser.add_argument("--yes", "-y", action="store_true",
                        help="import without asking after the analysis")


def _say(text: str) -> None:
    click.echo(text, err=True)


def _counts(counts: dict[str, Any]) -> str:
    return (f"created {counts.get('created', 0)}, updated {counts.get('updated', 0)}, "
            f"skipped {counts.get('skipped', 0)}, merged in file "
            f"{counts.get('duplicates_in_file', 0)}, rejected {counts.get('rejected', 0)}")


async def _with_progress(job_id: Any, account_id: Any, label: str) -> None:
    """Run the job here, showing its progress (read from its progress row) on stderr."""
    from clientele.customers.imports import jobs

    work = asyncio.create_task(jobs.run_pending(only=job_id))
    with progress(label, unit="rows") as bar:
        while not work.done():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(work), PROGRESS_SECONDS)
            job = await jobs.get_or_raise(account_id, job_id)
            bar.update(job["progress"].processed,
                       fraction=1.0 if work.done() else job["progress"].fraction)
        await work


async def run(settings: Settings, args: argparse.Namespace) -> int:
    from clientele.accounts.principal import Actor
    from clientele.core.errors import DomainError
    from clientele.customers.imports import jobs

    account = await command_account(settings, args.account)
    if account is None:
        return 2
    path = Path(args.file)
    if not path.is_file():
        _say(f"no file {path}")
        return 2
    actor = Actor(account.id, account.default_phone_region, None, "clientele import (CLI)")
    try:
        with path.open("rb") as handle:
            job_id = await jobs.create(actor, path.name, handle)
        if args.sheet is not None:
            await jobs.remap(actor, job_id, args.sheet, None)
    except DomainError as exc:
        _say(f"cannot import {path.name}: {exc}")
        return 2
    await _with_progress(job_id, account.id, "Analysing")
    job = await jobs.get_or_raise(account.id, job_id)
    if job["status"] != jobs.Status.READY:
        _say(f"cannot import {path.name}: {job['error']}")
        return 2
    _say("Columns: " + "; ".join(
        f"{c['header'] or '(blank)'} -> {c['target'] or 'ignored'}" for c in job["columns"]))
    counts = job["counts"]
    _say(f"{counts['rows']} rows: {counts['valid']} valid, {counts['rejected']} with errors, "
         f"{counts['duplicates_in_file']} repeat an earlier row, {counts['existing']} people "
         "are customers already")
    if not args.yes:
        if not sys.stdin.isatty():
            await jobs.cancel(actor, job_id)
            _say("nothing imported: add --yes to import without a prompt")
            return 2
        if not click.confirm(f"Import with duplicates={args.duplicates}?", err=True):
            await jobs.cancel(actor, job_id)
            _say("nothing imported")
            return 2
    try:
        await jobs.commit(actor, job_id, jobs.Duplicates(DUPLICATES[args.duplicates]),
                          jobs.ErrorPolicy(ERRORS[args.errors]))
    except DomainError as exc:
        _say(f"cannot import {path.name}: {exc}")
        return 2
    await _with_progress(job_id, account.id, "Importing")
    job = await jobs.get_or_raise(account.id, job_id)
    click.echo(f"{job['status'].lower()}: {_counts(job['counts'])}")
    if job["error"]:
        _say(job["error"])
    rejected = int(job["counts"].get("rejected", 0))
    if rejected and args.reject_file:
        chunks = await jobs.rejected_csv(account.id, job_id)
        with open(args.reject_file, "w", encoding="utf-8", newline="") as out:
            for chunk in chunks or ():
                out.write(chunk)
        _say(f"rejected rows written to {args.reject_file}")
    elif rejected:
        _say("add --reject-file PATH to get the rejected rows with their reasons")
    if job["status"] != jobs.Status.SUCCEEDED:
        return 2
    return 1 if rejected else 0
