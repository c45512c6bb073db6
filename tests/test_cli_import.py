"""`clientele import` as a user runs it: a subprocess against the session's database, its
exit code, its counts and its rejected-rows file."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

from clientele.core import db

ROOT = Path(__file__).resolve().parents[1]


def _run(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "clientele", "import", *args],
                          env={**os.environ, "DATABASE_URL": database_url}, cwd=ROOT,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


async def test_import_prints_counts_writes_rejects_and_exits_1(database_url: str,
                                                              tmp_path: Path) -> None:
    domain = f"cli-{uuid.uuid4().hex[:8]}.example"
    source = tmp_path / "kunden.csv"
    source.write_text("Vorname;Nachname;E-Mail\r\n"
                      f"Anna;Muster;anna@{domain}\r\n"
                      f"anna;muster;ANNA@{domain}\r\n"
                      "Bea;Bsp;kaputt@\r\n", encoding="utf-8")
    rejects = tmp_path / "rejected.csv"
    done = _run(database_url, str(source), "--yes", "--reject-file", str(rejects))
    assert done.returncode == 1, done.stderr
    assert "created 1, updated 0, skipped 0, merged in file 1, rejected 1" in done.stdout
    assert "kaputt@" in rejects.read_text(encoding="utf-8-sig")
    rows = await db.fetch("SELECT count(*) AS n FROM customer WHERE email LIKE $1",
                          f"%@{domain}")
    assert rows[0]["n"] == 1

    again = _run(database_url, str(source), "--yes", "--duplicates", "skip")
    assert "created 0, updated 0, skipped 1" in again.stdout, again.stderr


def test_without_yes_and_without_a_terminal_nothing_is_imported(database_url: str,
                                                                tmp_path: Path) -> None:
    source = tmp_path / "one.csv"
    source.write_text("Name;Email\r\nZora;zora@cli-no.example\r\n", encoding="utf-8")
    done = _run(database_url, str(source))
    assert done.returncode == 2 and "add --yes" in done.stderr


def test_a_file_that_is_not_a_spreadsheet_exits_2(database_url: str, tmp_path: Path) -> None:
    source = tmp_path / "photo.csv"
    source.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    done = _run(database_url, str(source), "--yes")
    assert done.returncode == 2 and "not a spreadsheet" in done.stderr
