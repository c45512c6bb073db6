"""Reading CSV uploads: every encoding and delimiter, BOMs, line ends, quoting, blank and short
rows, header search, bounds and hostile bytes. Every file is written here."""

from __future__ import annotations

import codecs
import csv
import io
import random
import tracemalloc
import uuid
import zipfile
from pathlib import Path

import pytest

from clientele.customers.custom_fields import Definition
from clientele.customers.enums import CustomFieldType
from clientele.customers.imports.errors import ImportErrorCode, ImportFileError
from clientele.customers.imports.reading import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    SAMPLE_BYTES,
    Limits,
    open_sheet,
)

HEADER = ["First name", "Last name", "Email", "City", "Notes"]
ROWS = [
    ["Anna", "Müller", "anna@example.ch", "Zürich", "Prefers mornings; no perfume, please"],
    ["François", "Lefèvre", "f.lefevre@example.fr", "Genève", "Allergic | to latex"],
    ["Zoë", "Çelik", "zoe@example.com", "Köln", "Tab\tinside"],
    ["Jürgen", "Größer", "", "Straßburg", "Señor, déjà vu"],
    ["Cécile", "Dœuf", "cecile@example.fr", "Besançon", "Paid 20 €"],
]


def _csv(rows: list[list[str]], delimiter: str, line_end: str = "\r\n") -> str:
    out = io.StringIO()


    csv.writer(out, delimiter=delimiter, lineterminator=line_end,
               quoting=csv.QUOTE_MINIMAL).writerows(rows)
    return out.getvalue()


def _read(data: bytes | Path, **kwargs) -> tuple:
    sheet = open_sheet(data, **kwargs)
    return sheet, list(sheet.numbered_rows())


ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16-le with BOM": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "windows-1252": lambda text: text.encode("cp1252"),
}


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"], ids=["comma", "semicolon", "tab",
                                                                 "pipe"])
@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_each_encoding_and_delimiter(encoding: str, delimiter: str) -> None:
    data = ENCODINGS[encoding](_csv([HEADER, *ROWS], delimiter))
    sheet, rows = _read(data)
    assert sheet.kind == "csv"
    assert sheet.delimiter == delimiter
    assert sheet.header == HEADER
    assert sheet.header_row == 1
    assert rows == [(n, r) for n, r in enumerate(ROWS, start=2)]
    assert len(rows) == 5
    assert sheet.encoding == {"utf-8": "utf-8", "utf-8 with BOM": "utf-8-sig",
                              "windows-1252": "cp1252"}.get(encoding, "utf-16")


def test_bom_is_not_part_of_the_first_header() -> None:
    sheet, _ = _read(codecs.BOM_UTF8 + b"Vorname;Nachname\r\nAnna;Muster\r\n")
    assert sheet.header == ["Vorname", "Nachname"]


@pytest.mark.parametrize("line_end", ["\r\n", "\n"], ids=["CRLF", "LF"])
def test_quoted_fields_with_newlines(line_end: str) -> None:
    rows = [["Anna", "Muster", f"line one{line_end}line two{line_end}line three"],
            ["Ben", "Beispiel", 'said "hello"']]
    data = _csv([["First name", "Last name", "Notes"], *rows], ",", line_end).encode()
    _sheet, read = _read(data)
    assert [cells for _, cells in read] == rows
    assert [number for number, _ in read] == [2, 3]  # a record is one row, however many lines


def test_blank_lines_skipped_and_short_rows_padded() -> None:
    data = (b"First name;Last name;Email;Phone\n"
            b"\n"
            b"Anna;Muster;anna@example.com;+41791234567\n"
            b";;;\n"
            b"   ;  \n"
            b"Ben;Beispiel\n"
            b"\n\n"
            b"Cleo\n")
    _sheet, rows = _read(data)
    assert rows == [
        (3, ["Anna", "Muster", "anna@example.com", "+41791234567"]),
        (6, ["Ben", "Beispiel", "", ""]),
        (9, ["Cleo", "", "", ""]),
    ]


def test_header_below_a_title_and_a_blank_line() -> None:
    data = (b"Kundenliste Salon Rosa, Stand 1.3.2024\n\nVorname;Nachname;E-Mail\n"
            b"Anna;Muster;anna@example.ch\nBen;Beispiel;ben@example.ch\n")
    sheet, rows = _read(data)
    assert sheet.header == ["Vorname", "Nachname", "E-Mail"]
    assert sheet.header_row == 3
    assert sheet.delimiter == ";"
    assert [n for n, _ in rows] == [4, 5]


def test_unknown_headers_still_found_as_the_first_full_text_row() -> None:
    sheet, rows = _read(b"Export\nAlpha,Beta,Gamma\n1,2,3\n4,5,6\n")
    assert sheet.header == ["Alpha", "Beta", "Gamma"]
    assert len(rows) == 2


def test_one_column_file() -> None:
    sheet, rows = _read(b"Email\na@example.com\nb@example.com\n")
    assert sheet.header == ["Email"]
    assert rows == [(2, ["a@example.com"]), (3, ["b@example.com"])]


def test_longer_rows_keep_their_cells() -> None:
    _, rows = _read(b"First name,Last name\nAnna,Muster,extra\n")
    assert rows == [(2, ["Anna", "Muster", "extra"])]


def test_path_and_stream_sources(tmp_path: Path) -> None:
    data = _csv([HEADER, *ROWS], ";").encode("cp1252")
    path = tmp_path / "kunden.txt"  # the name says nothing: the content decides
    path.write_bytes(data)
    sheet, rows = _read(path)
    assert len(rows) == 5
    stream = io.BytesIO(data)
    sheet = open_sheet(stream)
    assert len(list(sheet.rows())) == 5
    assert not stream.closed  # a caller's stream is left open


@pytest.mark.parametrize("data", [b"", b"\n\n\r\n", b"   \n;;;\n"],
                         ids=["empty", "blank lines", "only blanks"])
def test_empty_file(data: bytes) -> None:
    with pytest.raises(ImportFileError) as caught:
        open_sheet(data)
    assert caught.value.code is ImportErrorCode.EMPTY_FILE
    assert caught.value.errors[0].message


def test_oversize_file_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as f:  # sparse: no disk used, only the size is big
        f.write(b"First name,Last name\n")
        f.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ImportFileError) as caught:
        open_sheet(path)
    assert caught.value.code is ImportErrorCode.FILE_TOO_LARGE
    assert "256 MB" in str(caught.value)
    with pytest.raises(ImportFileError) as caught:
        open_sheet(b"First name\nAnna\n", limits=Limits(max_file_bytes=10))
    assert caught.value.code is ImportErrorCode.FILE_TOO_LARGE


def test_row_limit() -> None:
    header = b"First name,Last name\n"
    assert MAX_ROWS == 1_048_576
    three = header + b"A,B\n" * 3
    assert len(list(open_sheet(three, limits=Limits(max_rows=3)).rows())) == 3
    four = header + b"A,B\n" * 4
    rows = open_sheet(four, limits=Limits(max_rows=3)).rows()
    with pytest.raises(ImportFileError) as caught:
        list(rows)
    assert caught.value.code is ImportErrorCode.TOO_MANY_ROWS


def test_column_limit() -> None:
    data = (",".join(f"c{i}" for i in range(11)) + "\n").encode()
    with pytest.raises(ImportFileError) as caught:
        open_sheet(data, limits=Limits(max_columns=10))
    assert caught.value.code is ImportErrorCode.TOO_MANY_COLUMNS


def test_cell_limit_and_an_open_quote() -> None:
    data = b"First name,Notes\n" + b"Anna,short\n" * 30 + b"Anna," + b"x" * 101 + b"\n"
    rows = open_sheet(data, limits=Limits(max_cell_chars=100)).rows()
    with pytest.raises(ImportFileError) as caught:
        list(rows)
    assert caught.value.code is ImportErrorCode.CELL_TOO_LONG
    assert caught.value.errors[0].extra["row"] == 32
    # within the rows the header is looked for, the error comes at once
    with pytest.raises(ImportFileError) as caught:
        open_sheet(b"First name,Notes\nAnna," + b"x" * 101, limits=Limits(max_cell_chars=100))
    assert caught.value.code is ImportErrorCode.CELL_TOO_LONG
    # a quote never closed swallows the rest of the file into one cell: bounded all the same
    data = b'First name,Notes\nAnna,"open\n' + b"Ben,more\n" * 20_000
    with pytest.raises(ImportFileError) as caught:
        list(open_sheet(data).rows())
    assert caught.value.code is ImportErrorCode.CELL_TOO_LONG


def test_binary_garbage() -> None:
    garbage = random.Random(12).randbytes(20_000)
    with pytest.raises(ImportFileError) as caught:
        open_sheet(garbage)
    assert caught.value.code is ImportErrorCode.NOT_A_SPREADSHEET


def test_text_with_control_characters_is_not_a_spreadsheet() -> None:
    data = bytes(range(1, 9)) * 200
    with pytest.raises(ImportFileError) as caught:
        open_sheet(data)
    assert caught.value.code is ImportErrorCode.NOT_A_SPREADSHEET


def test_png() -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + random.Random(3).randbytes(500)
    with pytest.raises(ImportFileError) as caught:
        open_sheet(png)
    assert caught.value.code is ImportErrorCode.NOT_A_SPREADSHEET
    assert "PNG" in str(caught.value)


def test_zip_that_is_not_a_workbook() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "First name,Last name\nAnna,Muster\n")
    with pytest.raises(ImportFileError) as caught:
        open_sheet(out.getvalue())
    assert caught.value.code is ImportErrorCode.NOT_A_SPREADSHEET
    assert "ZIP" in str(caught.value)
    with pytest.raises(ImportFileError) as caught:
        open_sheet(b"PK\x03\x04" + b"not really a zip" * 10)
    assert caught.value.code is ImportErrorCode.NOT_A_SPREADSHEET


def test_bad_bytes_after_the_sample() -> None:
    head = b"First name,Last name\n" + "Jürg,Muster\n".encode() * (SAMPLE_BYTES // 10)
    data = head + b"Bad,\xff\xfe\xfd\n"
    sheet = open_sheet(data)
    assert sheet.encoding == "utf-8"
    with pytest.raises(ImportFileError) as caught:
        list(sheet.rows())
    assert caught.value.code is ImportErrorCode.BAD_ENCODING


def test_a_csv_has_no_sheets() -> None:
    with pytest.raises(ImportFileError) as caught:
        open_sheet(b"First name\nAnna\n", sheet="Kunden")
    assert caught.value.code is ImportErrorCode.UNKNOWN_SHEET


def test_memory_stays_flat_however_long_the_file(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    row = "Anna;Muster;anna.muster@example.ch;+41 79 123 45 67;Bahnhofstrasse 1;8001;Zürich\n"
    with path.open("w", encoding="utf-8") as f:
        f.write("Vorname;Nachname;E-Mail;Natel;Strasse;PLZ;Ort\n")
        for _ in range(100_000):
            f.write(row)
    assert path.stat().st_size > 8_000_000
    tracemalloc.start()
    try:
        count = sum(1 for _ in open_sheet(path).rows())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 100_000
    assert peak < 2_000_000  # bytes: a few rows and buffers, not the file


def test_header_known_through_the_accounts_custom_fields() -> None:
    data = (b"Salon Rosa;Kundenliste;Export\n"
            b"Allergien;Lieblingsfarbe;Stammkunde seit\nNuss;rot;2019\n")
    # without the account's fields the widest first all-text row wins: the title
    assert open_sheet(data).header_row == 1
    allergies = Definition(id=uuid.uuid4(), key="allergies", label="Allergien",
                           field_type=CustomFieldType.TEXT, options=(), required=False,
                           archived=False)
    sheet = open_sheet(data, definitions=[allergies])
    assert sheet.header == ["Allergien", "Lieblingsfarbe", "Stammkunde seit"]
    assert list(sheet.rows()) == [["Nuss", "rot", "2019"]]


@pytest.mark.parametrize("data", [
    b"Anna,Muster,anna@example.com\nBen,Beispiel,ben@example.com\n",
    b"Anna;Muster;+41 79 123 45 67\nBen;Beispiel;079 765 43 21\n",
    b"Anna;Muster;14.03.1975\nBen;Beispiel;01.02.1980\n",
], ids=["emails", "phones", "dates"])
def test_a_file_without_a_header_row_is_refused_not_read_one_row_short(data: bytes) -> None:
    with pytest.raises(ImportFileError) as caught:
        open_sheet(data)
    assert caught.value.code is ImportErrorCode.NO_HEADER


def test_a_data_row_naming_a_known_header_is_not_taken_for_the_header() -> None:
    # "Notes" and "Ort" are headers the mapping knows, but the row also holds an email
    data = b"Notes,Ort,anna@example.com\nBen,Bern,ben@example.com\n"
    with pytest.raises(ImportFileError) as caught:
        open_sheet(data)
    assert caught.value.code is ImportErrorCode.NO_HEADER


@pytest.mark.parametrize("data", [
    b"<!DOCTYPE html><html><body><table><tr><td>Vorname</td></tr></table></body></html>",
    b"\xef\xbb\xbf  <html><table><tr><th>First name</th></tr></table></html>",
    b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>',
], ids=["html", "html with BOM", "XML spreadsheet 2003"])
def test_web_pages_saved_as_xls_are_refused_with_advice(data: bytes) -> None:
    with pytest.raises(ImportFileError) as caught:
        open_sheet(data)
    assert caught.value.code is ImportErrorCode.NOT_A_SPREADSHEET
    assert "save it as XLSX or CSV" in str(caught.value)


@pytest.mark.parametrize("text", [
    "Prénom;Nom\nHélène;Lefèvre\n",
    "Vorname;Nachname\nJürg;Müller\n",
    "Nome;Cognome\nNiccolò;Città\n",
    "Name\nGrößer\n",
    "Nom\nœuvre à côté\n",
    "Notes\n€ 20\n",
], ids=["fr", "de", "it", "sharp s", "oe", "euro"])
def test_short_windows_1252_files(text: str) -> None:
    # charset-normalizer alone reads these as Windows-1250 or worse ("Lefčvre", "Cittŕ")
    sheet = open_sheet(text.encode("cp1252"))
    assert sheet.encoding == "cp1252"
    lines = text.splitlines()
    assert [sheet.header, *sheet.rows()] == [line.split(";") for line in lines]


@pytest.mark.parametrize(("text", "encoding"), [
    ("Имя;Фамилия\nАлександр;Иванов\nМария;Петрова\n", "cp1251"),
    ("Imię;Nazwisko\nŁukasz;Wiśniewski\n", "cp1250"),
], ids=["cyrillic", "polish"])
def test_other_single_byte_encodings_are_left_to_the_detector(text: str, encoding: str) -> None:
    sheet = open_sheet(text.encode(encoding))
    assert sheet.encoding == encoding
    assert [sheet.header, *sheet.rows()] == [line.split(";") for line in text.splitlines()]
