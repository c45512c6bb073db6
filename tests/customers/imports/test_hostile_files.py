"""Hostile bytes get a coded ImportFileError (or read as text), never another exception:
mutated and truncated CSV, XLSX, XLS and ODS files, and text built to make csv.Sniffer slow."""

from __future__ import annotations

import csv
import datetime as dt
import random

import pytest

from clientele.customers.imports.errors import ImportFileError
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
    for mutated in _mutations(data, seed=len(kind), count=60):
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
