"""Reading an uploaded spreadsheet: CSV (sniffed delimiter and encoding), XLSX, XLS and ODS.

`open_sheet(source)` looks at the content (not the file name), checks the bounds before doing
the work, finds the header row and returns a `Sheet` whose `rows()` streams the data rows as
lists of cells, each padded to the header's width. Blank rows are skipped; row numbers are the
ones a spreadsheet program shows (1-based, blank and title rows counted).

CSV is decoded and parsed as it is read (a 64 KB sample decides encoding and delimiter), so
memory stays flat however long the file is. Workbooks are read by python-calamine in a child
process (`workbook_worker.py`: a forged workbook can make calamine abort its process; memory
and CPU time capped there), which holds one sheet in memory and streams its rows back as JSON
lines: bounded by the file's size, the size its zip entries declare once unpacked, and the
sheet's dimensions before any row is read. Reading is blocking work: an async caller runs it
in a thread.

Cells are `str` for CSV. Workbook cells keep their type: `str`, `int` (a whole number such as a
postcode typed as a number), `float`, `bool`, `datetime.date` (a date cell, or a date-time cell
at midnight), `datetime.datetime`, `datetime.time`; an empty cell is "".

Every failure is an `ImportFileError` with a code; `rows()` may raise one part way (a row over
the limit, an undecodable byte far into the file), so a caller stages rows in a transaction.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import functools
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import charset_normalizer

from clientele.customers.custom_fields import Definition
from clientele.customers.export import restore_cell
from clientele.customers.imports.errors import ImportErrorCode, ImportFileError
from clientele.customers.imports.mapping import known_headers

Cell = Any  # str | int | float | bool | date | datetime | time
Source = bytes | bytearray | memoryview | str | os.PathLike | IO[bytes]

MAX_FILE_BYTES = 256 * 1024 * 1024  # a CSV of a million customers is well under this
MAX_WORKBOOK_BYTES = 50 * 1024 * 1024  # XLSX/XLS/ODS: calamine holds the sheet in memory
MAX_UNPACKED_BYTES = 400 * 1024 * 1024  # XLSX/ODS: what the zip entries declare, all told
MAX_ROWS = 1_048_576  # data rows: Excel's own sheet limit
MAX_COLUMNS = 500
MAX_CELL_CHARS = 32_767  # Excel's own cell limit
HEADER_SEARCH_ROWS = 20  # the header is looked for among the first non-blank rows
SAMPLE_BYTES = 64 * 1024  # decides the encoding and checks the delimiter
SNIFF_CHARS = 4096  # what csv.Sniffer sees
DELIMITERS = ",;\t|"


@dataclasses.dataclass(frozen=True)
class Limits:
    """The bounds a read enforces; tests pass small ones."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_workbook_bytes: int = MAX_WORKBOOK_BYTES
    max_unpacked_bytes: int = MAX_UNPACKED_BYTES
    max_rows: int = MAX_ROWS
    max_columns: int = MAX_COLUMNS
    max_cell_chars: int = MAX_CELL_CHARS


@dataclasses.dataclass
class Sheet:
    kind: str  # "csv", "xlsx", "xlsb", "xls" or "ods"
    header: list[str]
    header_row: int  # its 1-based row number
    sheet_name: str | None  # workbooks: the sheet read
    sheet_names: list[str]  # workbooks: every sheet, in order
    encoding: str | None  # CSV: the Python codec used
    delimiter: str | None  # CSV
    _rows: Iterator[tuple[int, list[Cell]]]

    def numbered_rows(self) -> Iterator[tuple[int, list[Cell]]]:
        """(row number, cells) of each non-blank data row below the header; once only."""
        return self._rows

    def rows(self) -> Iterator[list[Cell]]:
        """The cells of each non-blank data row below the header; once only."""
        return (cells for _, cells in self._rows)


def _fail(code: ImportErrorCode, message: str, **extra: Any) -> ImportFileError:
    return ImportFileError(code, message, **extra)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


# ---------------------------------------------------------------- the bytes and their kind

def _open_binary(source: Source) -> tuple[IO[bytes], int, bool]:
    """A seekable binary stream, its size, and whether we opened it (and close it)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        return io.BytesIO(data), len(data), True
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        size = path.stat().st_size
        return path.open("rb"), size, True
    stream = source
    start = stream.tell()
    size = stream.seek(0, io.SEEK_END) - start
    stream.seek(start)
    return stream, size, False


_OTHER_MAGIC: Sequence[tuple[bytes, str]] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"RIFF", "a media file"),
    (b"{\\rtf", "an RTF document"),
)
_MARKUP = ("<!doctype", "<html", "<?xml", "<table", "<head", "<body")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


def _zip_kind(stream: IO[bytes], limits: Limits) -> str:
    try:
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            unpacked = sum(info.file_size for info in infos)
            if "xl/workbook.xml" in names:
                kind = "xlsx"
            elif "xl/workbook.bin" in names:
                kind = "xlsb"
            elif "mimetype" in names and archive.read("mimetype").strip() == _ODS_MIME:
                kind = "ods"
            elif "mimetype" in names:
                raise _fail(ImportErrorCode.NOT_A_SPREADSHEET,
                            "This is an OpenDocument file but not a spreadsheet (ODS).")
            else:
                raise _fail(ImportErrorCode.NOT_A_SPREADSHEET,
                            "This is a ZIP archive, not an Excel (XLSX) or OpenDocument (ODS) "
                            "workbook.")
    except ImportFileError:
        raise
    except Exception as exc:  # BadZipFile, and ValueError, EOFError… from forged headers
        raise _fail(ImportErrorCode.NOT_A_SPREADSHEET,
                    "The file looks like a ZIP archive but cannot be opened.") from exc
    if unpacked > limits.max_unpacked_bytes:
        raise _fail(ImportErrorCode.FILE_TOO_LARGE,
                    f"The workbook unpacks to {_megabytes(unpacked)}; at most "
                    f"{_megabytes(limits.max_unpacked_bytes)} can be imported.",
                    limit=limits.max_unpacked_bytes)
    return kind


def open_sheet(
    source: Source,
    *,
    sheet: str | None = None,
    limits: Limits = Limits(),
    definitions: Iterable[Definition] = (),
    looks_like_header: Callable[[Sequence[Cell]], int] | None = None,
) -> Sheet:
    """Open an uploaded file (bytes, a path or a binary stream), find its header row and
    return the sheet ready to stream. `sheet` names a workbook's sheet (default: the first
    visible one). The header is the first row with a cell that `looks_like_header(cells)`
    counts as a column header: by default the mapping's `known_headers`, which knows the
    account's custom fields when `definitions` are given."""
    if looks_like_header is None:
        looks_like_header = functools.partial(known_headers, definitions=list(definitions))
    stream, size, owned = _open_binary(source)
    try:
        if size == 0:
            raise _fail(ImportErrorCode.EMPTY_FILE, "The file is empty.")
        head = stream.read(8)
        stream.seek(-len(head), io.SEEK_CUR)
        if head.startswith(_ZIP) or head.startswith(_OLE):
            if size > limits.max_workbook_bytes:
                raise _fail(ImportErrorCode.FILE_TOO_LARGE,
                            f"The workbook is {_megabytes(size)}; at most "
                            f"{_megabytes(limits.max_workbook_bytes)} can be imported "
                            "(a CSV export of it may be larger).",
                            limit=limits.max_workbook_bytes)
            start = stream.tell()
            kind = "xls" if head.startswith(_OLE) else _zip_kind(stream, limits)
            stream.seek(start)
            return _open_workbook(stream.read(), kind, sheet, limits, looks_like_header)
        if size > limits.max_file_bytes:
            raise _fail(ImportErrorCode.FILE_TOO_LARGE,
                        f"The file is {_megabytes(size)}; at most "
                        f"{_megabytes(limits.max_file_bytes)} can be imported.",
                        limit=limits.max_file_bytes)
        for magic, what in _OTHER_MAGIC:
            if head.startswith(magic):
                raise _fail(ImportErrorCode.NOT_A_SPREADSHEET,
                            f"This is {what}, not a spreadsheet (CSV, XLSX, XLS or ODS).")
        if sheet is not None:
            raise _fail(ImportErrorCode.UNKNOWN_SHEET,
                        f"A CSV file has no sheets (asked for {sheet!r}).", sheets=[])
        result = _open_csv(stream, limits, looks_like_header, owned)
        owned = False  # the rows' generator closes it
        return result
    finally:
        if owned:
            stream.close()


# ---------------------------------------------------------------- CSV

def _encoding(sample: bytes) -> str:
    """The codec of a text file from its first bytes: a BOM, else strict UTF-8, else what
    charset-normalizer finds (Windows-1252 and the like)."""
    if sample.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        pass
    else:
        if b"\x00" in sample:
            raise _fail(ImportErrorCode.NOT_A_SPREADSHEET,
                        "The file holds binary data, not a spreadsheet (CSV, XLSX, XLS or ODS).")
        return "utf-8"
    best = charset_normalizer.from_bytes(sample).best()
    if best is None or (b"\x00" in sample and not str(best.encoding).startswith("utf")):
        raise _fail(ImportErrorCode.NOT_A_SPREADSHEET,
                    "The file holds binary data, not a spreadsheet (CSV, XLSX, XLS or ODS).")
    if _western(sample):
        return "cp1252"
    return str(best.encoding)


# Letters and signs of the Western European languages our customers' files are written in.
_WESTERN = frozenset(
    "äöüÄÖÜßéèêëÉÈÊËàâáãÀÂÁÃîïíìÎÏÍÌôóòõœøÔÓÒÕŒØûùúÛÙÚçÇñÑåÅæÆÿŸ"
    "€«»‹›‘’‚“”„–—…°§©®×·¿¡ª º¹²³½¼¾´¨¸\xa0"
)


def _western(sample: bytes) -> bool:
    """Windows-1252, the encoding Excel saves CSV in across Western Europe, when the sample
    reads as Western European text in it: every other character is one of those languages'
    and they are sparse among the letters (Cyrillic read as Windows-1252 looks accented in
    every letter). charset-normalizer alone takes a short "Lefèvre" for Windows-1250
    ("Lefčvre"): too little text to tell them apart."""
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:  # a byte Windows-1252 leaves undefined
        return False
    others = [ch for ch in text if ord(ch) > 127]
    if not others or any(ch not in _WESTERN for ch in others):
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    return len([ch for ch in others if ch.isalpha()]) * 3 <= letters


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    return controls > max(2, len(text) // 100)


def _delimiter(text: str, complete: bool) -> str:
    """csv.Sniffer on the sample's whole lines, restricted to , ; TAB |; else the candidate
    that splits the first lines most often into the same number of columns (a one-column
    file: ",")."""
    lines = text.splitlines(keepends=True)
    sample = "".join(lines[:-1] if len(lines) > 1 and not complete else lines)
    # the Sniffer's regular expressions take quadratic time on hostile text (37 s for 64 KB
    # of ',"'): it sees the whole lines within SNIFF_CHARS, the check below the whole sample
    sniffed = ""
    for line in lines:
        if len(sniffed) + len(line) > SNIFF_CHARS:
            break
        sniffed += line
    try:
        found = csv.Sniffer().sniff(sniffed or text[:SNIFF_CHARS],
                                    delimiters=DELIMITERS).delimiter
        if found in DELIMITERS and _columns(sample, found) >= max(
                _columns(sample, other) for other in DELIMITERS):
            return found
    except csv.Error:
        pass
    best, best_score = ",", (0, 0)
    for candidate in DELIMITERS:
        score = _columns(sample, candidate)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _columns(sample: str, delimiter: str) -> tuple[int, int]:
    """(rows of the sample that agree on a number of columns over one, that number), the
    commonest such number; (0, 0) when the delimiter splits no row."""
    try:
        rows = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r][:100]
    except csv.Error:
        return (0, 0)
    widths = Counter(len(r) for r in rows if len(r) > 1)
    if not widths:
        return (0, 0)
    width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
    return (count, width)


def _too_long(number: int, limits: Limits) -> ImportFileError:
    return _fail(ImportErrorCode.CELL_TOO_LONG,
                 f"Row {number} has a cell over {limits.max_cell_chars} characters "
                 "(a quote left open?).", row=number, limit=limits.max_cell_chars)


def _open_csv(stream: IO[bytes], limits: Limits,
              looks_like_header: Callable[[Sequence[Cell]], int], owned: bool) -> Sheet:
    start = stream.tell()
    sample = stream.read(SAMPLE_BYTES)
    stream.seek(start)
    encoding = _encoding(sample)
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(sample, final=False)
    if _looks_binary(text):
        raise _fail(ImportErrorCode.NOT_A_SPREADSHEET,
                    "The file holds binary data, not a spreadsheet (CSV, XLSX, XLS or ODS).")
    if text.lstrip().lower().startswith(_MARKUP):
        raise _fail(ImportErrorCode.NOT_A_SPREADSHEET,
                    "This is a web page or XML file (some tools save these as .xls), not a "
                    "spreadsheet: open it in a spreadsheet program and save it as XLSX or CSV.")
    delimiter = _delimiter(text, complete=len(sample) < SAMPLE_BYTES)
    wrapper = io.TextIOWrapper(stream, encoding=encoding, newline="")
    released = False

    def release() -> None:
        nonlocal released
        if not released:
            released = True
            if owned:
                wrapper.close()
            else:
                wrapper.detach()  # the caller's stream stays open

    def records() -> Iterator[tuple[int, list[str]]]:
        # the csv module's own field limit (131,072 characters, left as it is: it is
        # process-wide) bounds a cell while it is parsed; ours is checked on each row
        reader = csv.reader(wrapper, delimiter=delimiter, quotechar='"', doublequote=True,
                            strict=False)
        number = 0
        try:
            while True:
                number += 1
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    if "field larger than field limit" in str(exc):
                        raise _too_long(number, limits) from exc
                    raise _fail(ImportErrorCode.NOT_A_SPREADSHEET,
                                f"Row {number} cannot be read as CSV: {exc}.",
                                row=number) from exc
                except UnicodeDecodeError as exc:
                    raise _fail(ImportErrorCode.BAD_ENCODING,
                                f"Row {number} is not valid {encoding} text; save the file "
                                "as UTF-8 and try again.", row=number) from exc
                if cells and max(map(len, cells)) > limits.max_cell_chars:
                    raise _too_long(number, limits)
                if "'" in "".join(cell[:1] for cell in cells):
                    # a cell our export (or a careful tool) escaped against formulas
                    cells = [restore_cell(cell) for cell in cells]
                yield number, cells
        finally:
            release()

    try:
        return _sheet("csv", records(), limits, looks_like_header, None, [],
                      encoding=encoding, delimiter=delimiter)
    except BaseException:
        release()
        raise


# ---------------------------------------------------------------- workbooks

WORKER = Path(__file__).with_name("workbook_worker.py")
_WORKER_ERRORS = {
    "PASSWORD_PROTECTED": (ImportErrorCode.PASSWORD_PROTECTED,
                           "The workbook is protected by a password; save it without one."),
    "NO_SHEETS": (ImportErrorCode.NO_HEADER, "The workbook has no sheets."),
}


def _decoded(value: Any) -> Cell:
    """A cell as the worker sent it, in the types `Sheet` promises."""
    if isinstance(value, dict):
        if "d" in value:
            return dt.date.fromisoformat(value["d"])
        if "dt" in value:
            stamp = dt.datetime.fromisoformat(value["dt"])
            return stamp.date() if stamp.time() == dt.time() else stamp
        if "t" in value:
            return dt.time.fromisoformat(value["t"])
        if "td" in value:
            return dt.timedelta(seconds=value["td"])
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if value is None:
        return ""
    return value


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
    process.wait()
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()


def _open_workbook(data: bytes, kind: str, name: str | None, limits: Limits,
                   looks_like_header: Callable[[Sequence[Cell]], int]) -> Sheet:
    unreadable = _fail(ImportErrorCode.NOT_A_SPREADSHEET,
                       f"The file cannot be read as an {kind.upper()} workbook.")
    process = subprocess.Popen(
        [sys.executable, "-I", str(WORKER), name or "", str(limits.max_cell_chars)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdin is not None and process.stdout is not None
    stdout = process.stdout
    # a line holds one row: bounded by the columns and the cell length the worker checks
    line_limit = limits.max_columns * (limits.max_cell_chars * 6 + 64) + 4096

    def message() -> Any:
        line = stdout.readline(line_limit)
        if not line.endswith(b"\n"):  # the worker died (a forged file) or wrote too much
            raise unreadable
        return json.loads(line)

    try:
        try:
            process.stdin.write(data)
            process.stdin.close()
        except BrokenPipeError:
            pass  # the worker ended early: what it wrote (or did not) tells why
        first = message()
        if not isinstance(first, dict):
            raise unreadable
        if "error" in first:
            code = first["error"]
            if code == "UNKNOWN_SHEET":
                names = first["sheets"]
                raise _fail(ImportErrorCode.UNKNOWN_SHEET,
                            f"The workbook has no sheet {name!r}; its sheets are "
                            + ", ".join(repr(n) for n in names) + ".", sheets=names)
            if code in _WORKER_ERRORS:
                raise _fail(*_WORKER_ERRORS[code])
            raise unreadable
        names, chosen = first["sheets"], first["chosen"]
        if first["height"] > limits.max_rows + HEADER_SEARCH_ROWS:
            raise _fail(ImportErrorCode.TOO_MANY_ROWS,
                        f"The sheet has {first['height']} rows; at most {limits.max_rows} can "
                        "be imported at once.", limit=limits.max_rows)
        if first["width"] > limits.max_columns:
            raise _fail(ImportErrorCode.TOO_MANY_COLUMNS,
                        f"The sheet has {first['width']} columns; at most {limits.max_columns} "
                        "can be imported.", limit=limits.max_columns)
    except BaseException:
        _stop(process)
        raise

    def records() -> Iterator[tuple[int, list[Cell]]]:
        try:
            number = 0
            while True:
                row = message()
                if isinstance(row, dict):
                    if row.get("end"):
                        return
                    if row.get("error") == "CELL_TOO_LONG":
                        raise _too_long(int(row["row"]), limits)
                    raise unreadable
                number += 1
                yield number, [_decoded(v) for v in row]
        finally:
            _stop(process)

    return _sheet(kind, records(), limits, looks_like_header, chosen, names)


# ---------------------------------------------------------------- header and rows

def _blank(cells: Sequence[Cell]) -> bool:
    try:
        return not "".join(cells).strip()  # all text (every CSV row): in C
    except TypeError:
        return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _trimmed(cells: list[Cell]) -> list[Cell]:
    end = len(cells)
    while end and _blank(cells[end - 1:end]):
        end -= 1
    return cells[:end]


def _textual(cells: Sequence[Cell]) -> bool:
    filled = [c for c in cells if not _blank([c])]
    return bool(filled) and all(isinstance(c, str) for c in filled)


def _pick_header(candidates: list[tuple[int, list[Cell]]],
                 looks_like_header: Callable[[Sequence[Cell]], int]) -> int | None:
    """Index (in candidates) of the header: the first all-text row, filled at least half as
    wide as the widest row nearby, with nothing that looks like data (an email, a phone, a
    date) and a cell the mapping knows; else the first such row of at least two cells; else
    None."""
    filled = [sum(1 for c in cells if not _blank([c])) for _, cells in candidates]
    widest = max(filled, default=0)
    wide_enough = [i for i, (_, cells) in enumerate(candidates)
                   if _textual(cells) and filled[i] * 2 >= widest
                   and not any(_data_like(c) for c in cells)]
    for i in wide_enough:
        if looks_like_header(candidates[i][1]) > 0:
            return i
    for i in wide_enough:
        if filled[i] >= 2 or widest == 1:
            return i
    return None


_EMAIL_LIKE = re.compile(r"\S@\S+\.\S")
_NUMBER_LIKE = re.compile(r"^[\d\s+\-./:()']{4,}$")


def _data_like(cell: Cell) -> bool:
    """An email address, a phone number, a date: a row of data taken for a header would be
    lost, so a file without a header row gets NO_HEADER instead."""
    text = str(cell).strip()
    return bool(_EMAIL_LIKE.search(text) or (_NUMBER_LIKE.match(text)
                                              and sum(ch.isdigit() for ch in text) >= 4))


def _sheet(kind: str, records: Iterator[tuple[int, list[Cell]]], limits: Limits,
           looks_like_header: Callable[[Sequence[Cell]], int], sheet_name: str | None,
           sheet_names: list[str], *, encoding: str | None = None,
           delimiter: str | None = None) -> Sheet:
    candidates: list[tuple[int, list[Cell]]] = []
    for number, cells in records:
        if len(cells) > limits.max_columns:
            raise _fail(ImportErrorCode.TOO_MANY_COLUMNS,
                        f"Row {number} has {len(cells)} columns; at most {limits.max_columns} "
                        "can be imported.", row=number, limit=limits.max_columns)
        if _blank(cells):
            continue
        candidates.append((number, cells))
        if len(candidates) >= HEADER_SEARCH_ROWS:
            break
    if not candidates:
        raise _fail(ImportErrorCode.EMPTY_FILE
                    if kind == "csv" else ImportErrorCode.NO_HEADER,
                    "The file has no rows." if kind == "csv"
                    else f"The sheet {sheet_name!r} is empty.")
    found = _pick_header(candidates, looks_like_header)
    if found is None:
        raise _fail(ImportErrorCode.NO_HEADER,
                    f"No header row found in the first {HEADER_SEARCH_ROWS} rows: the first "
                    "row of the table should name its columns (First name, Email…).")
    header_row, header_cells = candidates[found]
    header = [str(c).strip() for c in _trimmed(header_cells)]
    width = len(header)
    ahead = candidates[found + 1:]

    def rows() -> Iterator[tuple[int, list[Cell]]]:
        count = 0
        for number, cells in _chain(ahead, records):
            if len(cells) > limits.max_columns:
                raise _fail(ImportErrorCode.TOO_MANY_COLUMNS,
                            f"Row {number} has {len(cells)} columns; at most "
                            f"{limits.max_columns} can be imported.",
                            row=number, limit=limits.max_columns)
            if _blank(cells):
                continue
            count += 1
            if count > limits.max_rows:
                raise _fail(ImportErrorCode.TOO_MANY_ROWS,
                            f"The file has more than {limits.max_rows} rows; at most "
                            f"{limits.max_rows} can be imported at once.",
                            row=number, limit=limits.max_rows)
            if len(cells) < width:
                cells = cells + [""] * (width - len(cells))
            yield number, cells

    return Sheet(kind=kind, header=header, header_row=header_row, sheet_name=sheet_name,
                 sheet_names=sheet_names, encoding=encoding, delimiter=delimiter,
                 _rows=rows())


def _chain(first: list[tuple[int, list[Cell]]], rest: Iterator[tuple[int, list[Cell]]]
           ) -> Iterator[tuple[int, list[Cell]]]:
    yield from first
    yield from rest
