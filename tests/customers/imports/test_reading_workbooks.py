"""Reading XLSX, XLS and ODS uploads through python-calamine: header below a title, dates,
numbers, named and hidden sheets, bounds and broken workbooks. Every workbook is written here
(XlsxWriter, xlwt, odfpy)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
import xlsxwriter
import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from clientele.customers.imports.errors import ImportErrorCode, ImportFileError
from clientele.customers.imports.reading import MAX_WORKBOOK_BYTES, Limits, open_sheet

HEADER = ["Vorname", "Nachname", "E-Mail", "Geburtsdatum", "PLZ", "Natel", "Notizen"]
PEOPLE = [
    ["Anna", "Müller", "anna@example.ch", dt.date(1984, 2, 29), 8001, "+41 79 123 45 67",
     "Stammkundin"],
    ["Jürg", "Zürcher", "", dt.date(1950, 12, 31), 3011, "079 765 43 21", ""],
    ["Élodie", "Favre", "elodie@example.ch", None, 1200, "", "mag Tee, keinen Kaffee"],
]


def _xlsx(sheets: dict[str, list[list]], *, hidden: tuple[str, ...] = ()) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    date = book.add_format({"num_format": "dd.mm.yyyy"})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, dt.date):
                    sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date)
                elif value is not None:
                    sheet.write(r, c, value)
        if name in hidden:
            sheet.hide()
    if hidden:
        book.worksheets()[len(hidden)].activate()
    book.close()
    return out.getvalue()


def _xls(sheets: dict[str, list[list]]) -> bytes:
    book = xlwt.Workbook(encoding="utf-8")
    date = xlwt.easyxf(num_format_str="DD.MM.YYYY")
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, dt.date):
                    sheet.write(r, c, value, date)
                elif value is not None:
                    sheet.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _ods(sheets: dict[str, list[list]]) -> bytes:
    doc = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                if isinstance(value, dt.date):
                    cell = TableCell(valuetype="date", datevalue=value.isoformat())
                    cell.addElement(P(text=value.isoformat()))
                elif isinstance(value, (int, float)):
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                elif value:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=value))
                else:
                    cell = TableCell()
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


WRITERS = {"xlsx": _xlsx, "xls": _xls, "ods": _ods}
EXPECTED = [[("" if v is None else v) for v in row] for row in PEOPLE]


@pytest.mark.parametrize("kind", list(WRITERS))
def test_header_on_row_3_below_a_title_and_a_blank_row(kind: str) -> None:
    rows = [["Kundenliste Salon Rosa"], [], HEADER, *PEOPLE]
    sheet = open_sheet(WRITERS[kind]({"Kunden": rows}))
    assert sheet.kind == kind
    assert sheet.sheet_name == "Kunden"
    assert sheet.sheet_names == ["Kunden"]
    assert sheet.header == HEADER
    assert sheet.header_row == 3
    read = list(sheet.numbered_rows())
    assert [n for n, _ in read] == [4, 5, 6]
    assert [cells for _, cells in read] == EXPECTED


@pytest.mark.parametrize("kind", list(WRITERS))
def test_dates_are_dates_and_whole_numbers_are_ints(kind: str) -> None:
    sheet = open_sheet(WRITERS[kind]({"Sheet1": [HEADER, *PEOPLE]}))
    first = next(sheet.rows())
    assert first[3] == dt.date(1984, 2, 29)
    assert type(first[3]) is dt.date
    assert first[4] == 8001
    assert type(first[4]) is int


def test_date_time_cells_keep_their_time() -> None:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    stamp = book.add_format({"num_format": "dd.mm.yyyy hh:mm"})
    sheet.write_row(0, 0, ["First name", "Last visit", "Score"])
    sheet.write(1, 0, "Anna")
    sheet.write_datetime(1, 1, dt.datetime(2024, 3, 1, 14, 30), stamp)
    sheet.write(1, 2, 4.5)
    book.close()
    assert list(open_sheet(out.getvalue()).rows()) == [
        ["Anna", dt.datetime(2024, 3, 1, 14, 30), 4.5]]


@pytest.mark.parametrize("kind", list(WRITERS))
def test_named_sheet_and_unknown_sheet(kind: str) -> None:
    data = WRITERS[kind]({"Info": [["Exported by Salon Rosa"]],
                          "Kunden": [HEADER, *PEOPLE],
                          "Leer": [[]]})
    sheet = open_sheet(data, sheet="Kunden")
    assert len(list(sheet.rows())) == 3
    with pytest.raises(ImportFileError) as caught:
        open_sheet(data, sheet="Clients")
    assert caught.value.code is ImportErrorCode.UNKNOWN_SHEET
    assert "'Info', 'Kunden', 'Leer'" in str(caught.value)
    assert caught.value.errors[0].extra["sheets"] == ["Info", "Kunden", "Leer"]


def test_first_visible_sheet_by_default() -> None:
    data = _xlsx({"Hidden": [["Secret", "Stuff"], ["a", "b"]], "Kunden": [HEADER, *PEOPLE]},
                 hidden=("Hidden",))
    sheet = open_sheet(data)
    assert sheet.sheet_name == "Kunden"
    assert len(list(sheet.rows())) == 3


@pytest.mark.parametrize("kind", list(WRITERS))
def test_sheet_with_no_header(kind: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        open_sheet(WRITERS[kind]({"Zahlen": [[1, 2, 3], [4, 5, 6]]}))
    assert caught.value.code is ImportErrorCode.NO_HEADER
    with pytest.raises(ImportFileError) as caught:
        open_sheet(WRITERS[kind]({"Kunden": [HEADER], "Leer": [[]]}), sheet="Leer")
    assert caught.value.code is ImportErrorCode.NO_HEADER


def test_content_decides_not_the_name(tmp_path) -> None:
    path = tmp_path / "kunden.csv"
    path.write_bytes(_xlsx({"Kunden": [HEADER, *PEOPLE]}))
    sheet = open_sheet(path)
    assert sheet.kind == "xlsx"
    assert len(list(sheet.rows())) == 3


def test_workbook_size_limit(tmp_path) -> None:
    assert MAX_WORKBOOK_BYTES == 50 * 1024 * 1024
    data = _xlsx({"Kunden": [HEADER, *PEOPLE]})
    with pytest.raises(ImportFileError) as caught:
        open_sheet(data, limits=Limits(max_workbook_bytes=len(data) - 1))
    assert caught.value.code is ImportErrorCode.FILE_TOO_LARGE
    with pytest.raises(ImportFileError) as caught:
        open_sheet(data, limits=Limits(max_unpacked_bytes=1000))
    assert caught.value.code is ImportErrorCode.FILE_TOO_LARGE
    assert "unpacks" in str(caught.value)


@pytest.mark.parametrize("kind", list(WRITERS))
def test_row_and_column_limits(kind: str) -> None:
    data = WRITERS[kind]({"Kunden": [HEADER, *PEOPLE]})
    assert len(list(open_sheet(data, limits=Limits(max_rows=3)).rows())) == 3
    with pytest.raises(ImportFileError) as caught:
        list(open_sheet(data, limits=Limits(max_rows=2)).rows())
    assert caught.value.code is ImportErrorCode.TOO_MANY_ROWS
    with pytest.raises(ImportFileError) as caught:
        open_sheet(data, limits=Limits(max_columns=6))
    assert caught.value.code is ImportErrorCode.TOO_MANY_COLUMNS


def test_cell_limit() -> None:
    data = _xlsx({"Kunden": [["First name", "Notes"], ["Anna", "x" * 101]]})
    with pytest.raises(ImportFileError) as caught:
        list(open_sheet(data, limits=Limits(max_cell_chars=100)).rows())
    assert caught.value.code is ImportErrorCode.CELL_TOO_LONG


def test_broken_workbooks() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<not-a-workbook")
    with pytest.raises(ImportFileError) as caught:
        list(open_sheet(out.getvalue()).rows())
    assert caught.value.code is ImportErrorCode.NOT_A_SPREADSHEET
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8
    with pytest.raises(ImportFileError) as caught:
        open_sheet(ole)
    assert caught.value.code is ImportErrorCode.NOT_A_SPREADSHEET
    good = _xlsx({"Kunden": [HEADER, *PEOPLE]})
    with pytest.raises(ImportFileError) as caught:
        open_sheet(good[: len(good) // 2])
    assert caught.value.code is ImportErrorCode.NOT_A_SPREADSHEET


def test_opendocument_text_is_not_a_spreadsheet() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(ImportFileError) as caught:
        open_sheet(out.getvalue())
    assert caught.value.code is ImportErrorCode.NOT_A_SPREADSHEET
