"""The customer export: CSV and XLSX files, the /export endpoint and `clientele export`."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import httpx
import pytest
from python_calamine import CalamineWorkbook

from clientele.accounts.permissions import ALL, Permission
from clientele.app import create_app
from clientele.customers import custom_fields, export
from clientele.customers.enums import CustomFieldType
from clientele.customers.filters import CustomerFilter, CustomFieldCondition
from clientele.settings import Settings
from tests.api.helpers import create_customer
from tests.conftest import ROOT, Client, token_for

BOM = b"\xef\xbb\xbf"
ARCHIVE = """mutation($id: ID!) { customFieldDefinitionDelete(id: $id) { userErrors { code } } }"""
DEFINITIONS = "{ customFieldDefinitions(includeArchived: true) { id key } }"
LIST = """query($after: String, $filter: CustomerFilter, $search: String) {
  customers(first: 100, after: $after, filter: $filter, search: $search) {
    edges { node { id } } pageInfo { hasNextPage endCursor } } }"""


def _client(account, token: str | None = None) -> httpx.AsyncClient:
    from dataclasses import replace

    app = create_app(replace(Settings.from_env(), calendar_polling=False))
    app.state.account = account
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test",
                             headers=headers)


@pytest.fixture
async def admin(account) -> httpx.AsyncClient:
    token = await token_for(account.slug, ALL, "admin")
    async with _client(account, token) as client:
        yield client


async def _fields(gql) -> None:
    aid = gql.account.id
    await custom_fields.create_definition(aid, "tag", "Tag", CustomFieldType.TEXT)
    await custom_fields.create_definition(aid, "level", "Level", CustomFieldType.DROPDOWN,
                                          ["gold", "silver"])
    await custom_fields.create_definition(aid, "score", "Score", CustomFieldType.NUMBER)
    await custom_fields.create_definition(aid, "member", "Member", CustomFieldType.CHECKBOX)
    await custom_fields.create_definition(aid, "since", "Since", CustomFieldType.DATE)
    await custom_fields.create_definition(aid, "old", "Old field", CustomFieldType.TEXT)


def _cf(**values: Any) -> list[dict[str, Any]]:
    return [{"key": k, "value": v} for k, v in values.items()]


async def _people(gql) -> dict[str, str]:
    """Customers with every hazard; the "old" field is archived afterwards (values kept)."""
    await _fields(gql)
    people = {
        "mueller": await create_customer(
            gql, firstName="Jürg", lastName="Müller", email="jurg@example.ch",
            mobilePhone="+41 79 123 45 67", landlinePhone="044 123 45 67",
            notes='Line one\nLine two, with "quotes"; and ß',
            address={"street": "Bahnhofstrasse 1", "postcode": "8001", "city": "Zürich",
                     "country": "CH"},
            dateOfBirth="1980-05-17",
            customFields=_cf(tag="VIP", level="gold", score=12.5, member=True,
                             since="2020-01-31", old="kept")),
        "formula": await create_customer(
            gql, firstName="=HYPERLINK(\"http://evil\")", lastName="+Attack",
            company="-2+3+cmd|' /C calc'!A0", notes="@SUM(1,2)",
            customFields=_cf(tag="=1+1", score=-5, member=False)),
        "escaped": await create_customer(
            gql, firstName="Quote", lastName="Zed", notes="'=already escaped",
            customFields=_cf(tag="\tTabbed")),
        "plain": await create_customer(gql, firstName="Anna", lastName="Bauer"),
    }
    defs = (await gql.data(DEFINITIONS))["customFieldDefinitions"]
    old = next(d["id"] for d in defs if d["key"] == "old")
    archived = await gql.data(ARCHIVE, id=old)
    assert archived["customFieldDefinitionDelete"]["userErrors"] == []
    return people


def _rows(body: bytes) -> list[list[str]]:
    assert body.startswith(BOM)
    return list(csv.reader(io.StringIO(body[len(BOM):].decode("utf-8"), newline="")))


def _by_id(rows: list[list[str]]) -> dict[str, dict[str, str]]:
    header = rows[0]
    return {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}


async def test_csv_file(gql, admin) -> None:
    people = await _people(gql)
    response = await admin.get("/export/customers.csv")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment; filename=\"customers-")
    assert disposition.endswith('.csv"')
    body = response.content
    assert body.startswith(BOM)
    text = body[len(BOM):].decode("utf-8")
    assert text.split("\r\n")[0].startswith("ID,Salutation,First name,Last name,Email,")
    assert text.endswith("\r\n")
    rows = _rows(body)
    header = rows[0]
    # custom fields as columns, archived definitions too, by key
    assert header[-6:] == ["Level", "Member", "Old field", "Score", "Since", "Tag"]
    assert len(rows) == 5 and all(len(r) == len(header) for r in rows)
    by_id = _by_id(rows)
    m = by_id[people["mueller"]]
    assert (m["First name"], m["Last name"], m["City"]) == ("Jürg", "Müller", "Zürich")
    assert m["Notes"] == 'Line one\nLine two, with "quotes"; and ß'  # quoted newline
    assert '"Line one\nLine two, with ""quotes""; and ß"' in text
    # phones are E.164 and read as text: a leading ' so no spreadsheet turns them into numbers
    assert m["Mobile phone"] == "'+41791234567"
    assert m["Landline phone"] == "'+41441234567"
    assert export.restore_cell(m["Mobile phone"]) == "+41791234567"
    assert (m["Date of birth"], m["Email enabled"], m["Communication status"]) == \
        ("1980-05-17", "true", "ALLOWED")
    assert (m["Tag"], m["Level"], m["Score"], m["Member"], m["Since"], m["Old field"]) == \
        ("VIP", "gold", "12.5", "true", "2020-01-31", "kept")
    f = by_id[people["formula"]]
    assert f["First name"] == "'=HYPERLINK(\"http://evil\")"
    assert f["Last name"] == "'+Attack"
    assert f["Company"] == "'-2+3+cmd|' /C calc'!A0"
    assert f["Notes"] == "'@SUM(1,2)"
    assert f["Tag"] == "'=1+1"
    assert f["Score"] == "-5"  # a NUMBER field stays a number
    assert f["Member"] == "false"
    e = by_id[people["escaped"]]
    assert e["Notes"] == "''=already escaped"  # reversible: one more '
    assert e["Tag"] == "'\tTabbed"
    assert export.restore_cell(e["Notes"]) == "'=already escaped"
    assert export.restore_cell(e["Tag"]) == "\tTabbed"
    assert by_id[people["plain"]]["Notes"] == ""
    # every text cell a spreadsheet would evaluate is neutralised
    for row in rows[1:]:
        for cell in row:
            assert not cell or cell[0] not in "=+-@\t\r" or cell == "-5", cell


@pytest.mark.parametrize("value", ["=1+1", "+41", "-x", "@a", "\tx", "\rx", "'=x", "''+x",
                                   "'", "plain", "", "'plain", "a=b", "=", "''"])
def test_neutralise_is_reversible(value: str) -> None:
    written = export.neutralise(value)
    assert not written or written[0] not in "=+-@\t\r"
    assert export.restore_cell(written) == value


async def test_xlsx_file(gql, admin) -> None:
    people = await _people(gql)
    response = await admin.get("/export/customers.xlsx")
    assert response.status_code == 200
    assert response.headers["content-type"] == export.MEDIA_TYPES[export.Format.XLSX]
    assert response.headers["content-disposition"].endswith('.xlsx"')
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert book.sheet_names == ["Customers"]
    rows = book.get_sheet_by_name("Customers").to_python()
    header = [str(h) for h in rows[0]]
    assert header[-6:] == ["Level", "Member", "Old field", "Score", "Since", "Tag"]
    by_id = {r[0]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    assert set(by_id) == set(people.values())
    m = by_id[people["mueller"]]
    assert (m["First name"], m["Last name"], m["Notes"]) == \
        ("Jürg", "Müller", 'Line one\nLine two, with "quotes"; and ß')
    assert m["Mobile phone"] == "+41791234567"  # text, exactly as stored
    assert str(m["Date of birth"])[:10] == "1980-05-17"
    assert m["Score"] == 12.5 and m["Member"] is True and m["Old field"] == "kept"
    assert str(m["Since"])[:10] == "2020-01-31"
    f = by_id[people["formula"]]
    # exact values, as text cells: nothing evaluated, nothing prefixed
    assert f["First name"] == "=HYPERLINK(\"http://evil\")"
    assert f["Tag"] == "=1+1" and f["Score"] == -5 and f["Notes"] == "@SUM(1,2)"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        styles = archive.read("xl/styles.xml").decode()
    assert "<f>" not in sheet  # no formula anywhere
    assert 'quotePrefix="1"' in styles  # formula-like strings (phones too) carry the prefix


async def test_xlsx_continues_on_a_new_sheet_when_one_is_full(gql, tmp_path: Path) -> None:
    for i in range(5):
        await create_customer(gql, firstName="Row", lastName=f"N{i}")
    prepared = await export.prepare(gql.account.id)
    path = tmp_path / "small.xlsx"
    await export.write_xlsx(prepared, path, batch=2, max_rows=3)
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == ["Customers", "Customers 2", "Customers 3"]
    names = [r[3] for s in book.sheet_names for r in book.get_sheet_by_name(s).to_python()[1:]]
    assert names == ["N0", "N1", "N2", "N3", "N4"]


async def test_keyset_batches_give_every_customer_once(gql) -> None:
    for i in range(7):
        await create_customer(gql, firstName=f"F{i}", lastName="Same")  # equal sort names
    prepared = await export.prepare(gql.account.id)
    body = b"".join([chunk async for chunk in export.csv_chunks(prepared, batch=2)])
    rows = _rows(body)
    ids = [r[0] for r in rows[1:]]
    assert len(ids) == 7 and len(set(ids)) == 7


async def _listed(gql, **variables: Any) -> list[str]:
    found, after = [], None
    while True:
        data = await gql.data(LIST, after=after, **variables)
        found += [e["node"]["id"] for e in data["customers"]["edges"]]
        if not data["customers"]["pageInfo"]["hasNextPage"]:
            return found
        after = data["customers"]["pageInfo"]["endCursor"]


async def _mixed(gql) -> None:
    await _fields(gql)
    for i in range(12):
        await create_customer(
            gql, firstName=["Anna", "Bert", "Carla"][i % 3], lastName=f"Meier{i}",
            email=f"p{i}@example.com", communicationStatus="BLOCKED" if i % 4 == 0 else None,
            customFields=_cf(level="gold" if i % 2 else "silver", score=i))
    archived = await create_customer(gql, firstName="Arch", lastName="Ived")
    await gql.data('mutation($id: ID!) { customerUpdate(id: $id, input: {archived: true}) '
                   "{ userErrors { code } } }", id=archived)


FILTERS = [
    None,
    {"communicationStatus": "BLOCKED"},
    {"archived": None},
    {"archived": True},
    {"customFields": [{"key": "level", "in": ["gold"]}, {"key": "score", "numberMin": 4}]},
    {"createdAfter": "2000-01-01T00:00:00Z", "communicationStatus": "ALLOWED"},
]


@pytest.mark.parametrize("filt", FILTERS, ids=lambda f: json.dumps(f))
async def test_filter_selects_what_the_list_shows(gql, admin, filt) -> None:
    await _mixed(gql)
    listed = await _listed(gql, filter=filt)
    params = {"filter": json.dumps(filt)} if filt is not None else {}
    response = await admin.get("/export/customers.csv", params=params)
    assert response.status_code == 200, response.text
    exported = [r[0] for r in _rows(response.content)[1:]]
    assert exported == listed  # the same customers in the same order
    assert listed  # every case selects someone


@pytest.mark.parametrize("ready", [True, False], ids=["index", "database fallback"])
async def test_search_selects_what_the_list_shows(gql, admin, index, ready) -> None:
    await _mixed(gql)
    await create_customer(gql, firstName="Bertram", lastName="Müller")
    if ready:
        await index()
    for text, filt in (("bert", None), ("meier1", {"communicationStatus": "ALLOWED"}),
                       ("müller", None)):
        listed = await _listed(gql, search=text, filter=filt)
        params = {"search": text, **({"filter": json.dumps(filt)} if filt else {})}
        response = await admin.get("/export/customers.csv", params=params)
        exported = [r[0] for r in _rows(response.content)[1:]]
        assert exported == listed, text
        assert listed, text


async def test_another_accounts_customers_never_appear(gql, admin, other_account) -> None:
    mine = await create_customer(gql, firstName="Mine", email="same@example.com")
    theirs = Client(other_account)
    await create_customer(theirs, firstName="Theirs", email="same@example.com")
    for fmt in ("csv", "xlsx"):
        response = await admin.get(f"/export/customers.{fmt}", params={"filter": "{}"})
        if fmt == "csv":
            ids = [r[0] for r in _rows(response.content)[1:]]
        else:
            sheet = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
            ids = [r[0] for r in sheet.get_sheet_by_name("Customers").to_python()[1:]]
        assert ids == [mine]


async def test_permissions_and_errors(account) -> None:
    async with _client(account) as anonymous:
        response = await anonymous.get("/export/customers.csv")
        assert response.status_code == 401
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        bad_token = await anonymous.get("/export/customers.csv",
                                        headers={"authorization": "Bearer clt_nope"})
        assert bad_token.status_code == 401
    staff = await token_for(account.slug, frozenset({Permission.READ_CUSTOMERS,
                                                     Permission.ADD_CUSTOMERS}), "staff")
    async with _client(account, staff) as client:
        for path in ("/export/customers.csv", "/export/customers.xlsx"):
            response = await client.get(path)
            assert response.status_code == 403
            assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    admin = await token_for(account.slug, ALL, "admin")
    async with _client(account, admin) as client:
        for bad in ("{", "[]", '{"nope": 1}', '{"communicationStatus": "MAYBE"}',
                    '{"customFields": [{"key": "unknown", "equals": "x"}]}',
                    '{"createdAfter": "yesterday"}',
                    '{"createdAfter": "9999-12-31T23:59:59-14:00"}',
                    '{"archived": "yes"}', '{"customFields": "x"}', "x" * 30_000,
                    '{"customFields": [' + ",".join(['{"key": "k", "equals": "x"}'] * 21) + "]}",
                    "[" * 5000 + "]" * 5000):
            response = await client.get("/export/customers.csv", params={"filter": bad})
            assert response.status_code == 400, (bad[:40], response.text)
            assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_FILTER"
        mode = await client.get("/export/customers.csv", params={"searchMode": "X"})
        assert mode.status_code == 400
        assert (await client.get("/export/customers.pdf")).status_code == 404
        posted = await client.post("/export/customers.csv")
        assert posted.status_code == 405  # GET only: nothing here changes state


def _run_cli(database: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "DATABASE_URL": database, "CLIENTELE_SEED": "0"}
    return subprocess.run([sys.executable, "-m", "clientele", "export", *args], env=env,
                          cwd=ROOT, capture_output=True, timeout=120, check=False)


async def test_cli_export(gql, database, tmp_path: Path) -> None:
    await _fields(gql)
    gold = await create_customer(gql, firstName="Göld", lastName="A",
                                 customFields=_cf(level="gold"))
    await create_customer(gql, firstName="Silver", lastName="B",
                          customFields=_cf(level="silver"))
    filt = json.dumps({"customFields": [{"key": "level", "equals": "gold"}]})
    out = _run_cli(database, "--account", gql.account.slug, "--filter", filt)
    assert out.returncode == 0, out.stderr.decode()
    rows = _rows(out.stdout)
    assert [r[0] for r in rows[1:]] == [gold] and rows[1][2] == "Göld"
    target = tmp_path / "all.xlsx"
    done = _run_cli(database, "--account", gql.account.slug, "--format", "xlsx",
                    "--output", str(target))
    assert done.returncode == 0, done.stderr.decode()
    sheet = CalamineWorkbook.from_path(str(target)).get_sheet_by_name("Customers").to_python()
    assert [r[2] for r in sheet[1:]] == ["Göld", "Silver"]
    assert list(tmp_path.iterdir()) == [target]  # no partial file left beside it
    bad = _run_cli(database, "--account", gql.account.slug, "--filter", '{"nope": 1}')
    assert bad.returncode == 2 and b"invalid filter" in bad.stderr
    unknown = _run_cli(database, "--account", "no-such-account")
    assert unknown.returncode == 2


async def test_the_export_is_one_snapshot(gql) -> None:
    """A customer renamed between two batches is listed once, as they were at the start."""
    for i in range(4):
        await create_customer(gql, firstName="Snap", lastName=f"S{i}")
    prepared = await export.prepare(gql.account.id)
    chunks = export.csv_chunks(prepared, batch=2)
    header = await chunks.__anext__()
    first = await chunks.__anext__()
    last_ids = [r[0] for r in csv.reader(io.StringIO(first.decode()))]
    mover = Client(gql.account)
    await mover.data('mutation($id: ID!) { customerUpdate(id: $id, input: {lastName: "S9"}) '
                     "{ userErrors { code } } }", id=last_ids[0])
    rest = b"".join([c async for c in chunks])
    rows = _rows(header + first + rest)
    assert sorted(r[3] for r in rows[1:]) == ["S0", "S1", "S2", "S3"]


def test_filter_json_matches_the_graphql_input() -> None:
    from clientele.customers import filter_json

    filt, search = filter_json.parse(json.dumps({
        "search": "anna", "communicationStatus": "ALLOWED", "source": "MANUAL",
        "blocked": False, "hasUpcomingAppointment": True, "archived": None,
        "lastAppointmentBefore": "2030-01-01T00:00:00+01:00",
        "customFields": [{"key": "level", "in": ["gold"]}, {"key": "score", "numberMin": 1},
                         {"key": "since", "dateFrom": "2020-01-01"},
                         {"key": "member", "checked": True}]}))
    assert search == "anna"
    assert filt.archived is None and filt.blocked is False and filt.source == "MANUAL"
    assert filt.custom_fields[0] == CustomFieldCondition(key="level", any_of=("gold",))
    assert filt.last_appointment_before.utcoffset().total_seconds() == 3600
    assert filter_json.parse(None) == (CustomerFilter(), None)
    assert filter_json.parse("{}")[0].archived is False  # active customers, as the list


def test_record_ends_become_crlf_outside_quotes_only() -> None:
    data = b'a,"line\none",""""\nb,"x ""q""\n",c\n'
    assert export.crlf(data, False) == \
        (b'a,"line\none",""""\r\nb,"x ""q""\n",c\r\n', False)
    first, quoted = export.crlf(b'a,"open\n', False)
    assert (first, quoted) == (b'a,"open\n', True)
    assert export.crlf(b'still"\nnext\n', quoted) == (b'still"\r\nnext\r\n', False)


async def test_exports_at_once_are_bounded(gql, admin, monkeypatch) -> None:
    from clientele.api import exports

    await create_customer(gql, firstName="Busy")
    monkeypatch.setattr(exports, "_running", exports.MAX_RUNNING)
    busy = await admin.get("/export/customers.csv")
    assert busy.status_code == 429 and busy.headers["retry-after"] == "5"
    assert busy.json()["errors"][0]["extensions"]["code"] == "TOO_MANY_EXPORTS"
    monkeypatch.setattr(exports, "_running", 0)
    for fmt in ("csv", "xlsx"):
        assert (await admin.get(f"/export/customers.{fmt}")).status_code == 200
    assert exports._running == 0  # each finished export gave its place back


async def test_hostile_parameters_get_a_code_never_a_500(gql, admin, index) -> None:
    await _fields(gql)
    await create_customer(gql, firstName="Safe")
    cases = [
        {"search": "a\x00b"},
        {"filter": '{"search": "a\\u0000b"}'},
        {"filter": '{"customFields": [{"key": "tag", "equals": "\\ud800"}]}'},
        {"filter": '{"customFields": [{"key": "tag", "in": ["x\\u0000"]}]}'},
        {"filter": '{"customFields": [{"key": "\\u0000", "equals": "x"}]}'},
        {"filter": '{"customFields": [{"key": "score", "numberMin": 1e999}]}'},
        {"filter": '{"customFields": [{"key": "score", "equals": "x"}]}'},
        {"filter": '{"customFields": [{"key": "since", "dateFrom": "2020-02-30"}]}'},
        {"filter": '{"customFields": [{"key": "tag"}]}'},
        {"filter": "\x00"},
    ]
    for ready in (False, True):  # the database fallback, then the index
        if ready:
            await index()
        for params in cases:
            for fmt in ("csv", "xlsx"):
                response = await admin.get(f"/export/customers.{fmt}", params=params)
                assert response.status_code == 400, (params, response.text)
                assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_FILTER"
    odd = await admin.get("/export/customers.csv",
                          params={"search": "ü" * 5000 + "%", "filter": "{}"})
    assert odd.status_code == 200 and _rows(odd.content)[1:] == []
    for path in ("/export/customers/" + "A" * 300 + ".json", "/export/customers/%00.json",
                 "/export/customers/..%2F..%2Fetc%2Fpasswd.json", "/export/customers/.json"):
        response = await admin.get(path)
        assert response.status_code in (400, 404), (path, response.text)


async def test_statements_grow_with_batches_not_rows(gql) -> None:
    from clientele.core import db

    for i in range(5):
        await create_customer(gql, firstName="Count", lastName=f"C{i}")
    prepared = await export.prepare(gql.account.id)
    engine = db.engine()
    for batch, expected in ((2, 6), (5, 4), (100, 2)):  # boundary + COPY per batch
        before = engine.statements
        body = b"".join([c async for c in export.csv_chunks(prepared, batch=batch)])
        assert engine.statements - before == expected, batch
        assert len(_rows(body)) == 6
