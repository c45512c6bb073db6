"""Customers of one account as a spreadsheet: CSV (RFC 4180) or XLSX, streamed.

Rows are all of the account's customers, or exactly those the list shows for a filter and
search (`listing.selection`: the same SQL conditions, the same search index hits). They are
read in keyset batches (CSV_BATCH rows for CSV, BATCH for XLSX) inside one read-only
REPEATABLE READ transaction, so the file is one consistent snapshot (a customer renamed
mid-export is neither skipped nor listed twice) and memory stays flat whatever the count.

Columns: FIXED below, then one per custom field definition, archived ones too (by key order),
headed by its label (label and key when two labels are alike).

Formula injection (OWASP "CSV Injection"). A text cell starting with `=`, `+`, `-`, `@`, TAB or
CR would be run as a formula by a spreadsheet. Decisions:
- CSV: such a cell gets a leading `'`, also phone numbers (`'+41791234567`): Excel and
  LibreOffice then read every one of them as text (a bare `+41791234567` would become the
  number 41791234567). To keep the encoding reversible, a cell that starts with `'`s followed
  by one of those characters gets one more `'`; `restore_cell` undoes it exactly (the import
  reads exports back with it). The neutralising runs in SQL (`_neutral_sql`), so the CSV path
  does no per-cell Python work.
- XLSX: every string is written with `write_string` (never evaluated), and the formula-like
  ones, phones included, get Excel's own quote prefix (the cell format's `quotePrefix`): the
  cell shows and stores the exact value, as text, and stays text when someone edits it.
- Numbers of NUMBER fields, dates, booleans, IDs and enum names are written by us from typed
  values (no letters or operators a formula could use) and are left as they are, so a
  negative number stays a number.

Other choices: times are UTC (`YYYY-MM-DD HH:MM:SS`, the header says UTC), booleans are
`true`/`false`, phones E.164 as stored; the CSV starts with a UTF-8 BOM so Excel reads umlauts,
and ends lines with CRLF.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import datetime as dt
import io
import re
import tempfile
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import asyncpg
import orjson

from clientele.core import db
from clientele.customers import custom_fields, filters, listing
from clientele.customers.custom_fields import Definition
from clientele.customers.enums import CustomFieldType
from clientele.customers.filters import CustomerFilter

BATCH = 5_000  # XLSX rows fetched at once (typed values, CPU-bound in XlsxWriter anyway)
# CSV rows per keyset batch: each batch costs a boundary query and the COPY's own round trips,
# and PostgreSQL idles while a batch is sent; 20,000 rows (~5 MB of CSV) read 100k customers
# in 1.4-2.0 s against 2.6-3.3 s with 5,000 (docs/performance.md)
CSV_BATCH = 20_000
RowsDone = Callable[[int], None]  # told how many more rows were written
XLSX_MAX_ROWS = 1_048_576  # rows of one worksheet, the header included
FILE_CHUNK = 256 * 1024
BOM = "\ufeff"
# a cell a spreadsheet would run as a formula; CSV also escapes the ones that only look like
# an escaped cell ("'=…") so that restore_cell is exact
FORMULA_START = re.compile(r"^[=+\-@\t\r]")
ESCAPED = re.compile(r"^'*[=+\-@\t\r]")
NEUTRAL_PATTERN = "^''*[-=+@\t\r]"  # ESCAPED in PostgreSQL's syntax (inside a '' literal)


class Format(str, Enum):
    CSV = "csv"
    XLSX = "xlsx"


MEDIA_TYPES = {
    Format.CSV: "text/csv; charset=utf-8",
    Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def neutralise(value: str) -> str:
    """The CSV form of a text cell: one more leading `'` when a spreadsheet could take it
    for a formula (or it already starts with such an escape)."""
    return "'" + value if ESCAPED.match(value) else value


def restore_cell(value: str) -> str:
    """The stored value of a CSV cell this module wrote: `neutralise` undone."""
    return value[1:] if value.startswith("'") and ESCAPED.match(value[1:]) else value


class Kind(str, Enum):
    TEXT = "text"  # free text: neutralised
    PHONE = "phone"  # E.164: starts with '+', neutralised like text
    PLAIN = "plain"  # enum names and IDs we generate: written as they are
    DATE = "date"
    INSTANT = "instant"
    BOOL = "bool"


@dataclass(frozen=True)
class Column:
    header: str
    sql: str  # the typed value, from `customer`
    kind: Kind


FIXED: tuple[Column, ...] = (
    Column("ID", "encode(convert_to('Customer:' || customer.id::text, 'UTF8'), 'base64')",
           Kind.PLAIN),
    Column("Salutation", "customer.salutation", Kind.TEXT),
    Column("First name", "customer.first_name", Kind.TEXT),
    Column("Last name", "customer.last_name", Kind.TEXT),
    Column("Email", "customer.email", Kind.TEXT),
    Column("Mobile phone", "customer.mobile_phone", Kind.PHONE),
    Column("Landline phone", "customer.landline_phone", Kind.PHONE),
    Column("Date of birth", "customer.date_of_birth", Kind.DATE),
    Column("Street", "customer.street", Kind.TEXT),
    Column("Postcode", "customer.postcode", Kind.TEXT),
    Column("City", "customer.city", Kind.TEXT),
    Column("Country", "customer.country", Kind.TEXT),
    Column("Company", "customer.company", Kind.TEXT),
    Column("Notes", "customer.notes", Kind.TEXT),
    Column("Preferred medium", "customer.preferred_medium", Kind.PLAIN),
    Column("Preferred language", "customer.preferred_language", Kind.TEXT),
    Column("Communication status", "customer.communication_status", Kind.PLAIN),
    Column("Email enabled", "customer.email_enabled", Kind.BOOL),
    Column("SMS enabled", "customer.sms_enabled", Kind.BOOL),
    Column("Source", "customer.source", Kind.PLAIN),
    Column("Created at (UTC)", "customer.created_at", Kind.INSTANT),
    Column("Updated at (UTC)", "customer.updated_at", Kind.INSTANT),
    Column("Archived at (UTC)", "customer.archived_at", Kind.INSTANT),
    Column("Last appointment at (UTC)", "customer.last_appointment_at", Kind.INSTANT),
)


def _neutral_sql(expression: str) -> str:
    return (f"(CASE WHEN {expression} ~ '{NEUTRAL_PATTERN}' THEN '''' || {expression} "
            f"ELSE {expression} END)")


def _csv_sql(column: Column) -> str:
    """The column as CSV text, formatted and neutralised by PostgreSQL."""
    if column.kind in (Kind.TEXT, Kind.PHONE):
        return _neutral_sql(column.sql)
    # text casts under DateStyle ISO (set by `snapshot`): YYYY-MM-DD and YYYY-MM-DD HH:MM:SS,
    # about twice as fast as to_char
    if column.kind is Kind.DATE:
        return f"{column.sql}::text"
    if column.kind is Kind.INSTANT:
        return f"date_trunc('second', {column.sql} AT TIME ZONE 'UTC')::text"
    if column.kind is Kind.BOOL:
        return f"(CASE WHEN {column.sql} THEN 'true' ELSE 'false' END)"
    return f"{column.sql}::text"


def _custom_csv_sql(key_arg: str) -> str:
    """A custom value as CSV text: numbers and booleans as JSON writes them, text (and dates)
    neutralised."""
    value = f"customer.custom -> {key_arg}"
    return (f"(CASE WHEN jsonb_typeof({value}) IN ('number', 'boolean') THEN "
            f"customer.custom ->> {key_arg} ELSE {_neutral_sql(f'(customer.custom ->> {key_arg})')}"
            " END)")


def custom_headers(definitions: list[Definition]) -> list[str]:
    """A header per definition: its label, with the key when labels (or a fixed header)
    would be alike."""
    taken = [c.header.casefold() for c in FIXED]
    labels = [d.label.strip() or d.key for d in definitions]
    folded = [label.casefold() for label in labels]
    return [f"{label} ({d.key})" if folded.count(label.casefold()) > 1
            or label.casefold() in taken else label
            for label, d in zip(labels, definitions, strict=True)]


@dataclass(frozen=True)
class Export:
    """What to export, checked and planned: build it with `prepare`."""
    account_id: uuid.UUID
    definitions: tuple[Definition, ...]
    plan: Any  # listing._Plan

    @property
    def headers(self) -> list[str]:
        return [c.header for c in FIXED] + custom_headers(list(self.definitions))


async def prepare(account_id: uuid.UUID, filt: CustomerFilter | None = None,
                  search: listing.Search | None = None) -> Export:
    """Check the filter against the account's fields (InvalidFilter) and plan the selection
    (a search asks the index now). Nothing is read yet."""
    filt = filt or CustomerFilter()
    definitions = await custom_fields.definitions(account_id)
    filters.validate(filt, definitions)
    if search is not None and not search.text.strip():
        search = None
    plan = listing.selection(account_id, filt, search)
    return Export(account_id, tuple(definitions.values()), plan)


@contextlib.asynccontextmanager
async def snapshot() -> AsyncIterator[asyncpg.Connection]:
    """One connection in a read-only REPEATABLE READ transaction: every batch sees the same
    snapshot. The pool's when the app runs, a connection of its own in the CLI."""
    engine = db.engine()
    if engine.pool is not None:
        async with engine.pool.acquire() as conn, \
                conn.transaction(isolation="repeatable_read", readonly=True):
            await conn.execute("SET LOCAL DateStyle = 'ISO, YMD'")
            yield conn
        return
    conn = await asyncpg.connect(db.current_url())
    try:
        async with conn.transaction(isolation="repeatable_read", readonly=True):
            await conn.execute("SET LOCAL DateStyle = 'ISO, YMD'")
            yield conn
    finally:
        await conn.close()


async def _batches(export: Export, select: Callable[[filters.Where], str],
                   batch: int = BATCH) -> AsyncIterator[list[asyncpg.Record]]:
    """The selected customers in the list's order, `batch` rows at a time: the search's ≤300
    hits by relevance in one statement, otherwise by name on the keyset (sort_name, id)
    (index customer_account_sort_name)."""
    plan = export.plan
    base = plan.where.copy()
    columns = select(base)
    engine = db.engine()
    async with snapshot() as conn:
        if plan.hits is not None:
            engine.statements += 1
            yield list(await conn.fetch(
                f"SELECT {columns} FROM customer {plan.join} WHERE {base.sql()} "
                "ORDER BY hit.rank", *base.args))
            return
        last: tuple[str, uuid.UUID] | None = None
        while True:
            w = base.copy()
            keyset = "TRUE"
            if last is not None:
                keyset = f"(customer.sort_name, customer.id) > ({w.arg(last[0])}, " \
                         f"{w.arg(last[1])})"
            rows = await conn.fetch(
                f"SELECT {columns}, customer.sort_name AS _sort, customer.id AS _id "
                f"FROM customer {plan.join} WHERE {w.sql()} AND {keyset} "
                f"ORDER BY customer.sort_name, customer.id LIMIT {w.arg(batch)}", *w.args)
            engine.statements += 1
            if not rows:
                return
            yield rows
            if len(rows) < batch:
                return
            last = (rows[-1]["_sort"], rows[-1]["_id"])


def _csv_select(export: Export) -> Callable[[filters.Where], str]:
    def select(w: filters.Where) -> str:
        parts = [_csv_sql(c) for c in FIXED]
        parts += [_custom_csv_sql(f"{w.arg(d.key)}::text") for d in export.definitions]
        return ", ".join(parts)
    return select


def crlf(data: bytes, quoted: bool) -> tuple[bytes, bool]:
    """PostgreSQL's CSV with CRLF record ends: a newline outside quotes ends a record, one
    inside a quoted field is data and stays as it is. `quoted`: whether `data` starts inside
    a quoted field (the parity of the `"` before it; `""` inside a field counts twice)."""
    lines = data.split(b"\n")
    out: list[bytes] = []
    for line in lines[:-1]:
        if line.count(b'"') % 2:
            quoted = not quoted
        out.append(line)
        out.append(b"\n" if quoted else b"\r\n")
    last = lines[-1]
    if last.count(b'"') % 2:
        quoted = not quoted
    out.append(last)
    return b"".join(out), quoted


def _after(w: filters.Where, last: tuple[str, uuid.UUID] | None) -> str:
    if last is None:
        return "TRUE"
    return f"(customer.sort_name, customer.id) > ({w.arg(last[0])}, {w.arg(last[1])})"


async def csv_chunks(export: Export, batch: int = CSV_BATCH,
                     on_rows: RowsDone | None = None) -> AsyncIterator[bytes]:
    """The CSV file in chunks of one batch: BOM and header first, CRLF line ends. `on_rows`
    hears how many rows each batch held (COPY's own count), e.g. for a progress bar.

    PostgreSQL writes the rows (COPY … TO STDOUT, FORMAT csv: RFC 4180 quoting, formatted and
    neutralised in SQL) and Python only turns record ends into CRLF: no per-cell work here.
    Each batch is two statements on the snapshot: the keyset boundary `batch` rows ahead
    (index only), then the COPY of the rows up to it."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([neutralise(h) for h in export.headers])
    yield (BOM + buffer.getvalue()).encode("utf-8")
    plan = export.plan
    base = plan.where.copy()
    columns = _csv_select(export)(base)
    engine = db.engine()
    async with snapshot() as conn:
        received: list[bytes] = []
        quoted = False

        async def sink(data: bytes) -> None:  # CRLF as it arrives: one copy of the batch
            nonlocal quoted
            converted, quoted = crlf(data, quoted)
            received.append(converted)

        async def copy(sql: str, args: list[Any]) -> bytes:
            received.clear()
            engine.statements += 1
            status = await conn.copy_from_query(sql, *args, output=sink, format="csv")
            if on_rows is not None:
                on_rows(int(status.split()[-1]))  # "COPY <rows>"
            assert not quoted, "unbalanced quotes in PostgreSQL's CSV"
            data = b"".join(received)
            received.clear()
            return data

        if plan.hits is not None:
            yield await copy(f"SELECT {columns} FROM customer {plan.join} WHERE {base.sql()} "
                             "ORDER BY hit.rank", base.args)
            return
        last: tuple[str, uuid.UUID] | None = None
        while True:
            # the boundary: `batch` rows ahead on the keyset (no column arguments)
            b = plan.where.copy()
            engine.statements += 1
            boundary = await conn.fetch(
                f"SELECT customer.sort_name, customer.id FROM customer {plan.join} "
                f"WHERE {b.sql()} AND {_after(b, last)} "
                f"ORDER BY customer.sort_name, customer.id OFFSET {b.arg(batch - 1)} LIMIT 1",
                *b.args)
            upto = (boundary[0]["sort_name"], boundary[0]["id"]) if boundary else None
            w = base.copy()
            keyset = _after(w, last)
            if upto is not None:
                keyset += f" AND (customer.sort_name, customer.id) <= " \
                          f"({w.arg(upto[0])}, {w.arg(upto[1])})"
            chunk = await copy(
                f"SELECT {columns} FROM customer {plan.join} WHERE {w.sql()} AND {keyset} "
                "ORDER BY customer.sort_name, customer.id", w.args)
            if chunk:
                yield chunk
            if upto is None:
                return
            last = upto
            await asyncio.sleep(0)  # let other requests run between batches


# --- XLSX -------------------------------------------------------------------------------------


def _xlsx_select(export: Export) -> Callable[[filters.Where], str]:
    def select(w: filters.Where) -> str:
        return ", ".join([c.sql for c in FIXED] + ["customer.custom::text"])
    return select


class _Sheet:
    """An XlsxWriter workbook in constant_memory mode, rows appended in order; a worksheet
    that is full continues on the next ("Customers 2", …), so no row is ever dropped."""

    def __init__(self, path: Path, headers: list[str], definitions: tuple[Definition, ...],
                 max_rows: int = XLSX_MAX_ROWS) -> None:
        import xlsxwriter

        self.workbook = xlsxwriter.Workbook(str(path), {
            "constant_memory": True, "remove_timezone": True, "tmpdir": str(path.parent),
            "strings_to_numbers": False, "strings_to_formulas": False,
            "strings_to_urls": False})
        self.text = self.workbook.add_format({"quote_prefix": True})
        self.date = self.workbook.add_format({"num_format": "yyyy-mm-dd"})
        self.instant = self.workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        self.bold = self.workbook.add_format({"bold": True})
        self.headers = headers
        self.definitions = definitions
        self.max_rows = max_rows
        self.sheets = 0
        self.row = max_rows  # no sheet yet
        kinds = [c.kind for c in FIXED]
        self.writers = [self._writer(k) for k in kinds]

    def _new_sheet(self) -> None:
        self.sheets += 1
        name = "Customers" if self.sheets == 1 else f"Customers {self.sheets}"
        self.sheet = self.workbook.add_worksheet(name)
        self.sheet.freeze_panes(1, 0)
        for col, header in enumerate(self.headers):
            self._string(0, col, header, self.bold)
        self.row = 1

    def _string(self, row: int, col: int, value: str, fmt: Any = None) -> None:
        if FORMULA_START.match(value):
            fmt = self.text
        self.sheet.write_string(row, col, value, fmt)

    def _writer(self, kind: Kind) -> Callable[[int, int, Any], None]:
        if kind is Kind.DATE:
            return self._date
        if kind is Kind.INSTANT:
            return lambda r, c, v: self.sheet.write_datetime(r, c, v, self.instant)
        if kind is Kind.BOOL:
            return lambda r, c, v: self.sheet.write_boolean(r, c, v)
        return lambda r, c, v: self._string(r, c, str(v))

    def _date(self, row: int, col: int, value: dt.date) -> None:
        if value.year < 1900:  # before Excel's calendar
            self._string(row, col, value.isoformat())
        else:
            self.sheet.write_datetime(row, col, value, self.date)

    def _custom(self, row: int, col: int, definition: Definition, value: Any) -> None:
        if isinstance(value, bool):
            self.sheet.write_boolean(row, col, value)
        elif isinstance(value, int | float):
            self.sheet.write_number(row, col, value)
        elif definition.field_type is CustomFieldType.DATE and isinstance(value, str):
            try:
                self._date(row, col, dt.date.fromisoformat(value))
            except ValueError:
                self._string(row, col, value)
        else:
            self._string(row, col, value if isinstance(value, str) else
                         orjson.dumps(value).decode())

    def add(self, rows: list[Any]) -> None:
        width = len(FIXED)
        writers = self.writers
        for record in rows:
            if self.row >= self.max_rows:
                self._new_sheet()
            r = self.row
            for col in range(width):
                value = record[col]
                if value is not None:
                    writers[col](r, col, value)
            custom = orjson.loads(record[width]) if record[width] not in (None, "{}") else None
            if custom:
                for offset, definition in enumerate(self.definitions):
                    value = custom.get(definition.key)
                    if value is not None:
                        self._custom(r, width + offset, definition, value)
            self.row += 1

    def close(self) -> None:
        if self.sheets == 0:
            self._new_sheet()
        self.workbook.close()


async def write_xlsx(export: Export, path: Path, batch: int = BATCH,
                     max_rows: int = XLSX_MAX_ROWS, on_rows: RowsDone | None = None) -> None:
    """Write the workbook to `path`; each batch is written in a worker thread, so the event
    loop serves other requests meanwhile."""
    sheet = _Sheet(path, export.headers, export.definitions, max_rows)
    try:
        async for rows in _batches(export, _xlsx_select(export), batch):
            await asyncio.to_thread(sheet.add, rows)
            if on_rows is not None:
                on_rows(len(rows))
    finally:
        await asyncio.to_thread(sheet.close)


async def xlsx_chunks(export: Export, batch: int = BATCH,
                      on_rows: RowsDone | None = None) -> AsyncIterator[bytes]:
    """The XLSX file in chunks: written to a temporary file first (a ZIP cannot be streamed
    before it is complete), then read back; the file is removed at the end or on
    disconnect."""
    with tempfile.TemporaryDirectory(prefix="clientele-export-") as directory:
        path = Path(directory) / "customers.xlsx"
        await write_xlsx(export, path, batch, on_rows=on_rows)
        with open(path, "rb") as file:
            while chunk := await asyncio.to_thread(file.read, FILE_CHUNK):
                yield chunk


def chunks(export: Export, fmt: Format,
           on_rows: RowsDone | None = None) -> AsyncIterator[bytes]:
    if fmt is Format.CSV:
        return csv_chunks(export, on_rows=on_rows)
    return xlsx_chunks(export, on_rows=on_rows)


def filename(fmt: Format, today: dt.date | None = None) -> str:
    return f"customers-{(today or dt.date.today()).isoformat()}.{fmt.value}"


async def write(export: Export, fmt: Format, out: Any,
                on_rows: RowsDone | None = None) -> None:
    """The whole file to a binary stream (the CLI); `on_rows` hears each batch's rows."""
    async for chunk in chunks(export, fmt, on_rows):
        out.write(chunk)
    out.flush()
