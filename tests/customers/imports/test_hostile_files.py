"""Hostile bytes get a coded ImportFileError (or read as text), never another exception:
mutated and truncated CSV, XLSX, XLS and ODS files, and text built to make csv.Sniffer slow."""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from clientele.customers.imports import reading, workbook_worker
from clientele.customers.imports.errors import ImportErrorCode, ImportFileError
from clientele.customers.imports.reading import SNIFF_CHARS, open_sheet

from .test_reading_workbooks import HEADER, PEOPLE, WRITERS


def _read_all(data: bytes) -> None:
    try:
        sheet = open_sheet(data)
        for _ in sheet.rows():
            pass
    except ImportFileError as exc:
        assert exc.errors[0].message
        assert exc.code


def _mutations(data: bytes, seed: int, count: int) -> list[bytes]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            mutated[rng.randrange(len(mutated))] = rng.randrange(256)
        out.append(bytes(mutated))
        out.append(data[: rng.randrange(1, len(data))])  # truncated
    return out


@pytest.mark.parametrize("kind", [*WRITERS, "csv"])
def test_mutated_and_truncated_files(kind: str) -> None:
    if kind == "csv":
        data = "\r\n".join(";".join(str(c) for c in row) for row in [HEADER, *PEOPLE]).encode()
    else:
        data = WRITERS[kind]({"Kunden": [HEADER, *PEOPLE, *PEOPLE]})
    # workbooks are read in a child process each: fewer of them
    for mutated in _mutations(data, seed=len(kind), count=60 if kind == "csv" else 20):
        _read_all(mutated)


def test_sniffer_sees_a_bounded_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    sniff = csv.Sniffer.sniff

    def recording(self, sample, delimiters=None):
        seen.append(len(sample))
        return sniff(self, sample, delimiters)

    monkeypatch.setattr(csv.Sniffer, "sniff", recording)
    hostile = (b'First name,Notes\n' + b',"' * 30_000 + b"\n") * 2
    _read_all(hostile)
    normal = b"First name;Last name\n" + b"Anna;Muster\n" * 5000
    assert open_sheet(normal).delimiter == ";"
    assert seen and max(seen) <= SNIFF_CHARS


def test_dates_survive_in_each_kind() -> None:
    # the fixture rows carry a leap day: a date cell, not a number of days, in every kind
    for kind, write in WRITERS.items():
        rows = list(open_sheet(write({"K": [HEADER, *PEOPLE]})).rows())
        assert rows[0][3] == dt.date(1984, 2, 29), kind


def test_a_workbook_that_makes_calamine_abort_its_process() -> None:
    # five bytes changed in an XLS (found by fuzzing): python-calamine 0.9 asks for 1.2 TB and
    # the failed allocation aborts the process; it is the worker's, and the file is refused
    data = bytearray(WRITERS["xls"]({"Kunden": [HEADER, *PEOPLE, *PEOPLE]}))
    for offset, value in ((700, 49), (1845, 203), (2341, 45), (3295, 191), (5301, 217)):
        data[offset] = value
    with pytest.raises(ImportFileError) as caught:
        list(open_sheet(bytes(data)).rows())
    assert caught.value.code is ImportErrorCode.NOT_A_SPREADSHEET


def _fake_worker(tmp_path: Path, rows: int) -> Path:
    script = tmp_path / "worker.py"
    first = {"sheets": ["Kunden"], "chosen": "Kunden", "height": rows + 1, "width": 2}
    script.write_text(
        "import os, sys\n"
        "sys.stdin.buffer.read()\n"
        f"print({json.dumps(json.dumps(first))})\n"
        "print('[\"First name\",\"Last name\"]')\n"
        f"for i in range({rows}):\n"
        "    print('[\"Anna\",\"Muster\"]')\n"
        "sys.stdout.flush()\n"
        "os.abort()\n")
    return script


def test_a_worker_that_dies_mid_sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = WRITERS["xlsx"]({"Kunden": [HEADER, *PEOPLE]})
    monkeypatch.setattr(reading, "WORKER", _fake_worker(tmp_path, rows=30))
    sheet = open_sheet(data)
    assert sheet.header == ["First name", "Last name"]
    read = []
    with pytest.raises(ImportFileError) as caught:
        for row in sheet.rows():
            read.append(row)
    assert caught.value.code is ImportErrorCode.NOT_A_SPREADSHEET
    assert len(read) == 30  # every row it sent, then the error: never a silent end
    monkeypatch.setattr(reading, "WORKER", _fake_worker(tmp_path, rows=3))
    with pytest.raises(ImportFileError) as caught:
        open_sheet(data)  # died while the header was looked for
    assert caught.value.code is ImportErrorCode.NOT_A_SPREADSHEET


def test_the_worker_runs_with_capped_memory_and_cpu() -> None:
    probe = (f"import resource, runpy; m = runpy.run_path({str(reading.WORKER)!r}); "
             "m['_limit'](); print(resource.getrlimit(resource.RLIMIT_AS)[0], "
             "resource.getrlimit(resource.RLIMIT_CPU)[0])")
    out = subprocess.run([sys.executable, "-I", "-c", probe], capture_output=True, text=True,
                         check=True).stdout.split()
    assert [int(x) for x in out] == [workbook_worker.MEMORY_BYTES, workbook_worker.CPU_SECONDS]
