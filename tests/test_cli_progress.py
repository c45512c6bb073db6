"""Progress of `clientele import` / `export` / `sync`: plain lines when standard error is not a
terminal (a pipe here), a rich bar when it is, and the counts at the end."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

from rich.console import Console

from clientele.calendar_sync import sources
from clientele.cli_progress import progress
from clientele.core import ids
from clientele.customers import export
from tests.conftest import ROOT, actor_of
from tests.security.local_http import local_server

ROWS = 1200
FEEDS = ROOT / "tests" / "calendar_sync" / "feeds"
ANSI = re.compile(r"\x1b\[")


def _run(database: str, *args: str, **extra: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "DATABASE_URL": database, "CLIENTELE_SEED": "0", **extra}
    env.pop("FORCE_COLOR", None)  # rich would treat the pipe as a terminal
    return subprocess.run([sys.executable, "-m", "clientele", *args], env=env, cwd=ROOT,
                          capture_output=True, timeout=180, stdin=subprocess.DEVNULL)


def _progress_lines(stderr: str, label: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(f"{label}: ")]


async def test_import_then_export_through_a_pipe_print_plain_lines_and_counts(
        database: str, account, tmp_path: Path) -> None:
    domain = f"progress-{uuid.uuid4().hex[:8]}.example"
    source = tmp_path / "many.csv"
    source.write_text("First name;Last name;Email\r\n" + "".join(
        f"Person{i};Progress;p{i}@{domain}\r\n" for i in range(ROWS)), encoding="utf-8")

    imported = _run(database, "import", str(source), "--yes", "--account", account.slug)
    assert imported.returncode == 0, imported.stderr.decode()
    err = imported.stderr.decode()
    assert "\r" not in err and not ANSI.search(err)  # lines for a log, no redrawing
    lines = _progress_lines(err, "Importing")
    assert lines, err
    assert all(re.fullmatch(r"Importing: (\d{1,2}% \([\d,]+ rows\)|done, [\d,]+ rows)", line)
               for line in lines), lines
    assert lines[-1].startswith("Importing: done")
    assert f"created {ROWS}, updated 0, skipped 0" in imported.stdout.decode()

    exported = _run(database, "export", "--account", account.slug)
    assert exported.returncode == 0, exported.stderr.decode()
    assert exported.stdout.decode("utf-8-sig").count(f"@{domain}") == ROWS  # stdout: the file
    err = exported.stderr.decode()
    assert "\r" not in err and not ANSI.search(err)
    assert _progress_lines(err, "Exporting")[-1] == f"Exporting: done, {ROWS:,} customers"
    assert f"exported {ROWS:,} customers" in err

    # the rows the CLI counts are the rows written, batch by batch (COPY's own count)
    seen: list[int] = []
    prepared = await export.prepare(account.id)
    body = b"".join([c async for c in export.csv_chunks(prepared, batch=500,
                                                          on_rows=seen.append)])
    assert seen == [500, 500, 200] and body.count(b"\r\n") == ROWS + 1


def test_sync_of_a_file_through_a_pipe_counts_calendars_and_events(database: str) -> None:
    feed = FEEDS / "outlook.ics"
    done = _run(database, "sync", str(feed), "--from", "2026-10-01", "--to", "2027-01-31")
    assert done.returncode == 0, done.stderr.decode()
    assert _progress_lines(done.stderr.decode(), "Syncing") == ["Syncing: done, 1 calendar"]
    assert re.search(r"^3 events: \d+ appointments created", done.stdout.decode(), re.M)


async def test_sync_all_and_one_source_through_the_sync_service(database: str,
                                                                 account) -> None:
    actor = actor_of(account)
    with local_server() as server:
        for name in ("google", "outlook"):
            server.routes[f"/{name}.ics"] = (200, {"content-type": "text/calendar"},
                                             (FEEDS / f"{name}.ics").read_bytes())
            await sources.find_or_create(actor, name.title(), "URL",
                                         f"{server.base}/{name}.ics")
        upload = await sources.find_or_create(actor, "file.ics", "UPLOAD", None)
        local = {"FETCH_ALLOW_NETWORKS": "127.0.0.1/32"}  # the feeds are served from here

        every = _run(database, "sync", "--all", "--account", account.slug, **local)
        assert every.returncode == 0, every.stderr.decode()
        assert _progress_lines(every.stderr.decode(), "Syncing") == [
            "Syncing: 50% (1/2 calendars)", "Syncing: done, 2 calendars"]
        out = every.stdout.decode()
        assert re.search(r"^Google: \d+ events: ", out, re.M)
        assert re.search(r"^Outlook: \d+ events: ", out, re.M)
        assert "2 of 2 calendars synced; " in out
        assert sorted(server.hits) == ["/google.ics", "/outlook.ics"]

        google = next(s for s in await sources.list_sources(account.id)
                      if s["name"] == "Google")
        one = _run(database, "sync", "--source", ids.encode("CalendarSource", google["id"]),
                   "--account", account.slug, **local)
        assert one.returncode == 0, one.stderr.decode()
        assert re.fullmatch(r"\d+ events: 0 appointments created, 0 updated, 0 cancelled; "
                            r"0 customers created, 0 matched\n", one.stdout.decode())
    refused = _run(database, "sync", "--source", str(upload["id"]), "--account", account.slug)
    assert refused.returncode == 2 and b"give the file" in refused.stderr
    unknown = _run(database, "sync", "--source", "nope", "--account", account.slug)
    assert unknown.returncode == 2 and b"no calendar source" in unknown.stderr


def test_plain_lines_every_five_percent_and_at_the_end() -> None:
    out = io.StringIO()
    with progress("Exporting", 200, "customers", console=Console(file=out)) as bar:
        for _ in range(200):
            bar.advance()
    lines = out.getvalue().splitlines()
    assert lines[0] == "Exporting: 5% (10/200 customers)"
    assert lines[-2] == "Exporting: 95% (190/200 customers)"
    assert lines[-1] == "Exporting: done, 200 customers"
    assert len(lines) == 20  # 5 % … 95 %, then done: never one line per row


def test_plain_lines_without_a_total_come_every_n_units() -> None:
    out = io.StringIO()
    with progress("Importing", console=Console(file=out), every=100) as bar:
        for done in range(0, 351, 50):
            bar.update(done)
    assert out.getvalue().splitlines() == [
        "Importing: 100 rows", "Importing: 200 rows", "Importing: 300 rows",
        "Importing: done, 350 rows"]


def test_a_terminal_gets_a_rich_bar() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    with progress("Exporting", 40, "customers", console=console) as bar:
        for _ in range(40):
            bar.advance()
    shown = out.getvalue()
    assert ANSI.search(shown) and "━" in shown  # drawn with escapes and a bar
    assert "100%" in shown and "40/40 customers" in shown
    assert "Exporting: 5%" not in shown  # not the plain lines


def test_an_error_leaves_no_done_line() -> None:
    out = io.StringIO()
    try:
        with progress("Importing", 10, console=Console(file=out)) as bar:
            bar.update(5)
            raise RuntimeError("the file broke")
    except RuntimeError:
        pass
    assert "done" not in out.getvalue()
