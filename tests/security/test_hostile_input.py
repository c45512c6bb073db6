"""Hostile input gets a coded 4xx, never a 500, and never a partial write (issue 10, class 7).

Every case goes over HTTP to the real app (httpx on `create_app`), as an anonymous visitor and
as a signed-in admin, and once more in production mode. Each request is built so that, were
the hostile part ignored, it would write (a booking, a calendar upload); a digest of every
table (row contents; row counts where reading a token updates it) must be identical before
and after.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import zipfile
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import orjson
import pytest

from clientele.accounts.permissions import ALL
from clientele.accounts.services import create_account
from clientele.app import create_app
from clientele.core import db
from clientele.settings import Settings
from tests.conftest import token_for

GRAPHQL_RESPONSE = "application/graphql-response+json"
ACCEPT = f"{GRAPHQL_RESPONSE}, application/json;q=0.9"

BOOK = """mutation Book($input: BookingCreateInput!) {
  bookingCreate(input: $input) { appointment { id } userErrors { field code message } } }"""
UPLOAD = ("mutation($f: Upload!) { calendarUpload(file: $f) { syncRun { id } "
          "userErrors { field code message } } }")
CREATE = ("mutation($input: CustomerCreateInput!) { customerCreate(input: $input) { "
          "customer { id } userErrors { field code message } } }")

# tables whose rows a request may legitimately touch while reading (last use of a token)
COUNTED_ONLY = {"api_token", "staff_session"}


@dataclasses.dataclass
class Ctx:
    slug: str
    sent: int = 0

    def email(self) -> str:
        """A new person each time, so that a booking that got through would create them."""
        self.sent += 1
        return f"hana-{self.sent}@example.com"


def booking_input(ctx: Ctx, **changes: Any) -> dict[str, Any]:
    return {"accountSlug": ctx.slug, "firstName": "Hana", "lastName": "Hostile",
            "email": ctx.email(), "startsAt": "2031-03-03T10:00:00+01:00",
            "endsAt": "2031-03-03T11:00:00+01:00", "services": ["Massage"], **changes}


@dataclasses.dataclass
class Case:
    name: str
    build: Callable[[Ctx], dict[str, Any]]  # httpx request keyword arguments (+ method)
    status: int
    code: str
    mentions: str | None = None  # a word the error message must contain
    anonymous: tuple[int, str] | None = None  # (status, code) when not signed in, if different


def raw(body: bytes, content_type: str = "application/json") -> dict[str, Any]:
    return {"content": body, "headers": {"content-type": content_type}}


def as_json(value: Any) -> dict[str, Any]:
    return raw(json.dumps(value).encode())


def book(ctx: Ctx, **changes: Any) -> dict[str, Any]:
    return as_json({"query": BOOK, "variables": {"input": booking_input(ctx, **changes)}})


def book_with(ctx: Ctx, transform: Callable[[bytes], bytes]) -> dict[str, Any]:
    """The booking's JSON body with a byte-level edit (what json.dumps cannot produce)."""
    body = json.dumps({"query": BOOK, "variables": {"input": booking_input(ctx)}})
    return raw(transform(body.encode()))


def book_literal(ctx: Ctx, **changes: str) -> dict[str, Any]:
    """The booking with its input written in the document; `changes` are GraphQL source."""
    fields = {"accountSlug": json.dumps(ctx.slug), "firstName": '"Hana"',
              "email": json.dumps(ctx.email()), "startsAt": '"2031-03-03T10:00:00+01:00"',
              "endsAt": '"2031-03-03T11:00:00+01:00"', **changes}
    literal = ", ".join(f"{k}: {v}" for k, v in fields.items())
    return as_json({"query": "mutation { bookingCreate(input: {" + literal + "}) { "
                             "appointment { id } userErrors { code } } }"})


def nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def get(params: dict[str, str]) -> dict[str, Any]:
    return {"method": "GET", "params": params, "headers": {}}


def multipart(operations: str | None = None, file_map: str | None = "{\"0\": [\"variables.f\"]}",
              files: dict[str, Any] | None = None, ops_as_file: bool = False) -> dict[str, Any]:
    data = {}
    upload = {"0": ("bookings.ics", ICS, "text/calendar")} if files is None else files
    if operations is not None and not ops_as_file:
        data["operations"] = operations
    if ops_as_file:
        upload = {**upload, "operations": ("ops.json", operations.encode(), "application/json")}
    if file_map is not None:
        data["map"] = file_map
    return {"data": data, "files": upload, "headers": {}}


def upload_file(content: bytes, name: str = "calendar.ics") -> dict[str, Any]:
    return multipart(json.dumps({"query": UPLOAD, "variables": {"f": None}}),
                     files={"0": (name, content, "text/calendar")})


ICS = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
       b"UID:hostile-1\r\nDTSTAMP:20300101T000000Z\r\nDTSTART:20300601T090000Z\r\n"
       b"DTEND:20300601T100000Z\r\nSUMMARY:Massage\r\nDESCRIPTION:Email: ics@example.com\r\n"
       b"END:VEVENT\r\nEND:VCALENDAR\r\n")
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("calendar.ics", ICS)
    return buffer.getvalue()


OPS = json.dumps({"query": UPLOAD, "variables": {"f": None}})
# a multipart POST without Authorization or X-CSRF-Token is refused before it is read
# (api/content_types.py): an anonymous visitor never reaches the multipart parser
NO_UPLOAD = (415, "UNSUPPORTED_MEDIA_TYPE")


def upload_case(name: str, build: Callable[[Ctx], dict[str, Any]], status: int,
                code: str) -> Case:
    """A multipart case: signed in it reaches the parser; anonymous it is refused before."""
    return Case(name, build, status, code, anonymous=NO_UPLOAD)

CASES = [
    # strings PostgreSQL cannot store (NUL) or UTF-8 cannot encode (lone surrogates)
    Case("NUL in a variable", lambda c: book(c, firstName="Ha\x00na"), 400,
         "INVALID_STRING", mentions="variables.input.firstName"),
    Case("NUL in a variable's key", lambda c: as_json({"query": BOOK, "variables": {
        "input": {**booking_input(c), "first\x00Name": "x"}}}), 400, "INVALID_STRING"),
    Case("NUL in a list variable", lambda c: book(c, services=["ok", "\x00"]), 400,
         "INVALID_STRING", mentions="variables.input.services.1"),
    Case("NUL escaped in a document literal", lambda c: book_literal(c, firstName='"Ha\\u0000na"'),
         400, "INVALID_STRING"),
    Case("NUL escaped as \\u{0} in a document literal",
         lambda c: book_literal(c, firstName='"Ha\\u{0}na"'), 400, "INVALID_STRING"),
    Case("NUL raw in the document", lambda c: book_literal(c, firstName='"Ha\x00na"'), 400,
         "INVALID_STRING", mentions="query"),
    Case("NUL in the operation name", lambda c: as_json({
        "query": BOOK, "operationName": "Book\x00", "variables": {
            "input": booking_input(c)}}), 400, "INVALID_STRING", mentions="operationName"),
    Case("NUL in extensions", lambda c: as_json({
        "query": BOOK, "extensions": {"x": "\x00"}, "variables": {
            "input": booking_input(c)}}), 400, "INVALID_STRING"),
    Case("lone surrogate, JSON-escaped", lambda c: book_with(
        c, lambda b: b.replace(b'"Hana"', b'"Ha\\ud800na"')), 400, "INVALID_STRING",
         mentions="variables.input.firstName"),
    Case("lone low surrogate, JSON-escaped", lambda c: book_with(
        c, lambda b: b.replace(b'"Hana"', b'"\\udc00"')), 400, "INVALID_STRING"),
    Case("lone surrogate, raw bytes", lambda c: book_with(
        c, lambda b: b.replace(b'"Hana"', '"\ud800"'.encode("utf-8", "surrogatepass"))),
         400, "INVALID_JSON"),
    Case("lone surrogate escaped in a document literal",
         lambda c: book_literal(c, firstName='"\\ud800"'), 400, "GRAPHQL_PARSE_FAILED"),
    Case("invalid UTF-8", lambda c: book_with(c, lambda b: b.replace(b'"Hana"', b'"\xff\xfe"')),
         400, "INVALID_JSON", mentions="UTF-8"),
    # the shape of the body
    Case("top-level number", lambda c: raw(b"1"), 400, "BAD_REQUEST"),
    Case("top-level string", lambda c: raw(b'"x"'), 400, "BAD_REQUEST"),
    Case("top-level null", lambda c: raw(b"null"), 400, "BAD_REQUEST"),
    Case("top-level true", lambda c: raw(b"true"), 400, "BAD_REQUEST"),
    Case("list of a number", lambda c: raw(b"[1]"), 400, "BAD_REQUEST"),
    Case("list of a list", lambda c: raw(b"[[]]"), 400, "BAD_REQUEST"),
    Case("empty batch", lambda c: raw(b"[]"), 400, "BAD_REQUEST"),
    Case("batch with a non-object", lambda c: as_json([
        {"query": BOOK, "variables": {"input": booking_input(c)}}, 3]), 400,
         "BAD_REQUEST"),
    Case("batch item with string variables", lambda c: as_json([
        {"query": BOOK, "variables": {"input": booking_input(c)}},
        {"query": BOOK, "variables": "x"}]), 400, "BAD_REQUEST"),
    Case("query is a number", lambda c: as_json({"query": 5}), 400, "BAD_REQUEST"),
    Case("no query", lambda c: as_json({}), 400, "BAD_REQUEST"),
    Case("variables is a string", lambda c: as_json({"query": BOOK, "variables": "x"}), 400,
         "BAD_REQUEST"),
    Case("variables is a list", lambda c: as_json({"query": BOOK, "variables": [1]}), 400,
         "BAD_REQUEST"),
    Case("extensions is a number", lambda c: as_json({"query": BOOK, "extensions": 7}), 400,
         "BAD_REQUEST"),
    Case("operationName is a number", lambda c: as_json({
        "query": BOOK, "operationName": 5, "variables": {"input": booking_input(c)}}),
         400, "BAD_REQUEST"),
    # JSON that costs to parse or cannot be represented
    Case("not JSON", lambda c: raw(b"{not json"), 400, "INVALID_JSON"),
    Case("nested 100,000 deep", lambda c: raw(nested(100_000)), 400, "INVALID_JSON"),
    Case("variables nested 100 deep", lambda c: book_with(
        c, lambda b: b.replace(b'["Massage"]', nested(100))), 400, "INVALID_JSON",
         mentions="deep"),
    Case("5,000-digit integer", lambda c: book_with(
        c, lambda b: b.replace(b'"Hana"', b"1" * 5000)), 400, "INVALID_JSON"),
    Case("float overflow", lambda c: book_with(c, lambda b: b.replace(b'"Hana"', b"1e999")),
         400, "INVALID_JSON"),
    Case("NaN", lambda c: book_with(c, lambda b: b.replace(b'"Hana"', b"NaN")), 400,
         "INVALID_JSON"),
    Case("5,000-digit integer literal", lambda c: as_json({
        "query": 'mutation { calendarSourceCreate(input: {name: "Feed", url: '
                 '"https://calendar.example.com/feed.ics", pollMinutes: ' + "1" * 5000 + "})"
                 " { calendarSource { id } } }"}), 400, "INVALID_NUMBER"),
    Case("float literal overflow", lambda c: as_json({
        "query": '{ customers(first: 1, filter: {customFields: [{key: "n", numberMin: 1e999}]})'
                 " { totalCount } }"}), 400, "INVALID_NUMBER"),
    # dates: out of any sane range, or overflowing when converted to UTC
    Case("year 1 at +14:00", lambda c: book(c, startsAt="0001-01-01T00:00:00+14:00"), 400,
         "INVALID_DATE", mentions="startsAt"),
    Case("year 9999 at -14:00", lambda c: book(c, endsAt="9999-12-31T23:59:59-14:00"), 400,
         "INVALID_DATE", mentions="endsAt"),
    Case("year 9999, both ends", lambda c: book(c, startsAt="9999-12-31T22:00:00-14:00",
                                                endsAt="9999-12-31T23:59:59-14:00"),
         400, "INVALID_DATE"),
    Case("year 0", lambda c: book(c, startsAt="0000-01-01T00:00:00Z"), 400, "INVALID_DATE"),
    Case("year 10000", lambda c: book(c, endsAt="10000-01-01T00:00:00Z"), 400, "INVALID_DATE"),
    Case("before 1900", lambda c: book(c, startsAt="1899-12-31T23:59:59Z"), 400,
         "INVALID_DATE"),
    Case("from 2200 on", lambda c: book(c, endsAt="2200-01-01T00:00:00Z"), 400,
         "INVALID_DATE"),
    Case("not a date", lambda c: book(c, startsAt="tomorrow"), 400, "INVALID_DATE"),
    Case("a number as a date", lambda c: book(c, startsAt=1700000000), 400, "INVALID_DATE"),
    Case("year 9999 in a literal", lambda c: book_literal(
        c, endsAt='"9999-12-31T23:59:59-14:00"'), 400, "INVALID_DATE"),
    Case("year 1 in a filter", lambda c: as_json({
        "query": "query($t: DateTime) { customers(first: 1, filter: {createdAfter: $t}) "
                 "{ totalCount } }", "variables": {"t": "0001-01-01T00:00:00+14:00"}}),
         400, "INVALID_DATE"),
    Case("date of birth in year 10000", lambda c: as_json({
        "query": CREATE, "variables": {"input": {"firstName": "Old",
                                                 "dateOfBirth": "10000-01-01"}}}),
         400, "INVALID_DATE"),
    Case("date of birth in year 0", lambda c: as_json({
        "query": CREATE, "variables": {"input": {"firstName": "Old",
                                                 "dateOfBirth": "0000-12-31"}}}),
         400, "INVALID_DATE"),
    # the GET form
    Case("GET with variables that are not JSON", lambda c: get({
        "query": "query($n: Int!) { customers(first: $n) { totalCount } }",
        "variables": "{bad"}), 400, "INVALID_JSON"),
    Case("GET with list variables", lambda c: get({
        "query": "{ customers(first: 1) { totalCount } }", "variables": "[1]"}), 400,
         "BAD_REQUEST"),
    Case("GET with extensions that are not an object", lambda c: get({
        "query": "{ customers(first: 1) { totalCount } }", "extensions": "7"}), 400,
         "BAD_REQUEST"),
    Case("GET with NUL in the query", lambda c: get({
        "query": '{ customers(first: 1, search: "a\x00") { totalCount } }'}), 400,
         "INVALID_STRING"),
    Case("GET with a 2,000 deep variable", lambda c: get({
        "query": "{ customers(first: 1) { totalCount } }",
        "variables": '{"a": ' + nested(2000).decode() + "}"}), 400, "INVALID_JSON"),
    # content types
    Case("text/plain body", lambda c: raw(json.dumps({"query": BOOK}).encode(), "text/plain"),
         415, "UNSUPPORTED_MEDIA_TYPE"),
    # multipart (GraphQL multipart request spec)
    upload_case("multipart without operations", lambda c: multipart(None), 400, "BAD_MULTIPART"),
    upload_case("multipart operations not JSON", lambda c: multipart("{nope"), 400, "INVALID_JSON"),
    upload_case("multipart operations sent as a file", lambda c: multipart(OPS, ops_as_file=True),
           400, "BAD_MULTIPART"),
    upload_case("multipart operations not an object", lambda c: multipart("7"), 400, "BAD_REQUEST"),
    upload_case("multipart map not JSON", lambda c: multipart(OPS, "{nope"), 400, "BAD_MULTIPART"),
    upload_case("multipart map not an object", lambda c: multipart(OPS, "[1]"), 400,
           "BAD_MULTIPART"),
    upload_case("multipart map value not a list", lambda c: multipart(OPS, '{"0": "variables.f"}'),
           400, "BAD_MULTIPART"),
    upload_case("multipart map path not a string", lambda c: multipart(OPS, '{"0": [5]}'), 400,
           "BAD_MULTIPART"),
    upload_case("multipart map to a missing path", lambda c: multipart(
        OPS, '{"0": ["variables.nope.f"]}'), 400, "BAD_MULTIPART"),
    upload_case("multipart map to a batch index that is not there", lambda c: multipart(
        OPS, '{"0": ["3.variables.f"]}'), 400, "BAD_MULTIPART"),
    upload_case("multipart map to the query", lambda c: multipart(OPS, '{"0": ["query"]}'), 400,
           "BAD_MULTIPART"),
    upload_case("multipart map names a file not sent", lambda c: multipart(
        OPS, '{"1": ["variables.f"]}'), 400, "BAD_MULTIPART"),
    upload_case("multipart map names a plain field", lambda c: multipart(
        OPS, '{"operations": ["variables.f"]}'), 400, "BAD_MULTIPART"),
    upload_case("multipart body that is not multipart", lambda c: raw(
        b"garbage", "multipart/form-data; boundary=xyz"), 400, "BAD_MULTIPART"),
    upload_case("multipart without a boundary", lambda c: raw(
        b"--x\r\n", "multipart/form-data"), 400, "BAD_MULTIPART"),
    # files that are not calendars
    upload_case("random bytes as .ics", lambda c: upload_file(os.urandom(4096)), 200, "INVALID"),
    upload_case("a PNG as .ics", lambda c: upload_file(PNG), 200, "INVALID"),
    upload_case("a zip as .ics", lambda c: upload_file(_zip()), 200, "INVALID"),
    upload_case("an empty .ics", lambda c: upload_file(b""), 200, "INVALID"),
    upload_case("an .ics with NUL bytes", lambda c: upload_file(
        ICS.replace(b"Massage", b"Mas\x00sage")), 200, "INVALID"),
    upload_case("an .ics that is text but not iCalendar", lambda c: upload_file(b"garbage"), 200,
                "INVALID"),
    Case("a string where the file goes", lambda c: as_json({"query": UPLOAD, "variables": {
        "f": "BEGIN:VCALENDAR"}}), 200, "INVALID", anonymous=(200, "UNAUTHENTICATED")),
]


async def snapshot(account_id: Any) -> dict[str, Any]:
    """The test account's rows in every table: their count and a digest (but for
    COUNTED_ONLY). Scoped to the account because other servers of the test session (the live
    server's calendar poller, the minute's watermark) write other accounts' rows meanwhile;
    tables with no account column are counted whole."""
    tables = await db.fetch(
        "SELECT t.table_name AS name, bool_or(c.column_name = 'account') AS scoped "
        "FROM information_schema.tables t JOIN information_schema.columns c "
        "ON c.table_schema = t.table_schema AND c.table_name = t.table_name "
        "WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' "
        "GROUP BY t.table_name ORDER BY t.table_name")
    parts = []
    for table in tables:
        name = table["name"]
        where = ("WHERE r.account = $1" if table["scoped"] else
                 "WHERE r.id = $1" if name == "account" else "WHERE $1::uuid IS NOT NULL")
        digest = ("''" if name in COUNTED_ONLY or not (table["scoped"] or name == "account")
                  else "coalesce(md5(string_agg(md5(r::text), '' ORDER BY md5(r::text))), '')")
        parts.append(f"SELECT '{name}' AS name, count(*) AS n, {digest} AS digest "
                     f"FROM {name} r {where}")
    rows = await db.fetch(" UNION ALL ".join(parts), account_id)
    return {r["name"]: (r["n"], r["digest"]) for r in rows}


def codes(body: Any) -> list[str]:
    """Codes of top-level errors, and of userErrors in the mutation payloads."""
    found = []
    for item in body if isinstance(body, list) else [body]:
        found += [e.get("extensions", {}).get("code") for e in item.get("errors") or []]
        for payload in (item.get("data") or {}).values():
            if isinstance(payload, dict):
                found += [e["code"] for e in payload.get("userErrors") or []]
    return found


@dataclasses.dataclass
class World:
    ctx: Ctx
    clients: dict[str, httpx.AsyncClient]
    account_id: Any


@pytest.fixture(scope="module")
async def world() -> AsyncIterator[World]:
    suffix = os.urandom(5).hex()
    account = await create_account(f"Hostile {suffix}", f"hostile-{suffix}", "CH")
    token = await token_for(account.slug, ALL)
    clients = {}
    for name, env, auth in (("anonymous", "development", None),
                            ("admin", "development", token),
                            ("anonymous in production", "production", None),
                            ("admin in production", "production", token)):
        settings = dataclasses.replace(Settings.from_env(), app_env=env,
                                       booking_rate_per_minute=100_000)
        app = create_app(settings)
        app.state.account = account
        headers = {"accept": ACCEPT, **({"authorization": f"Bearer {auth}"} if auth else {})}
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        clients[name] = httpx.AsyncClient(transport=transport, base_url="http://test",
                                          headers=headers)
    yield World(Ctx(account.slug), clients, account.id)
    for client in clients.values():
        await client.aclose()


async def send(client: httpx.AsyncClient, request: dict[str, Any]) -> httpx.Response:
    request = dict(request)
    method = request.pop("method", "POST")
    headers = {**client.headers, **request.pop("headers", {})}
    return await client.request(method, "/graphql", headers=headers, **request)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
async def test_hostile_input_is_refused_with_a_code_and_writes_nothing(world: World,
                                                                       case: Case) -> None:
    failures = []
    for who, client in world.clients.items():
        status, code = case.anonymous if case.anonymous and "anonymous" in who else (
            case.status, case.code)
        before = await snapshot(world.account_id)
        response = await send(client, case.build(world.ctx))
        after = await snapshot(world.account_id)
        changed = {t: (before.get(t), after.get(t)) for t in after if before.get(t) != after[t]}
        if changed:
            failures.append(f"{who}: tables changed: {sorted(changed)}")
        if response.status_code != status:
            failures.append(f"{who}: status {response.status_code}, not {status}: "
                            f"{response.text[:300]}")
            continue
        try:
            body = response.json()
        except ValueError:
            failures.append(f"{who}: not JSON: {response.text[:200]!r}")
            continue
        if code not in codes(body):
            failures.append(f"{who}: codes {codes(body)}, not {code}: {response.text[:300]}")
        elif case.mentions and case.mentions not in response.text:
            failures.append(f"{who}: the message does not say {case.mentions!r}: "
                            f"{response.text[:300]}")
    assert not failures, "\n".join(failures)


async def test_the_same_requests_do_write_without_the_hostile_part(world: World) -> None:
    """The control: the snapshot sees a booking and an upload (so the cases prove something)."""
    admin = world.clients["admin"]
    before = await snapshot(world.account_id)
    booked = (await send(admin, book(world.ctx))).json()
    assert codes(booked) == [] and booked["data"]["bookingCreate"]["appointment"]["id"]
    middle = await snapshot(world.account_id)
    assert middle["appointment"][0] == before["appointment"][0] + 1
    uploaded = (await send(admin, upload_file(ICS))).json()
    assert codes(uploaded) == [], uploaded
    after = await snapshot(world.account_id)
    assert after["sync_run"][0] == middle["sync_run"][0] + 1


async def test_legacy_json_clients_get_the_same_codes(world: World) -> None:
    """`Accept: application/json` (GraphQL over HTTP's legacy mode): errors found while
    decoding the body are still 400; document and variable errors are 200 with `data: null`,
    as the spec asks, with the same codes, and nothing is written."""
    client = world.clients["anonymous"]
    legacy = {"accept": "application/json", "content-type": "application/json"}
    before = await snapshot(world.account_id)
    decoded = await client.post("/graphql", headers=legacy,
                                content=book(world.ctx, firstName="\x00")["content"])
    assert decoded.status_code == 400 and codes(decoded.json()) == ["INVALID_STRING"]
    dated = await client.post("/graphql", headers=legacy, content=book(
        world.ctx, startsAt="9999-12-31T23:59:59-14:00")["content"])
    assert dated.status_code == 200 and dated.json()["data"] is None
    assert codes(dated.json()) == ["INVALID_DATE"]
    assert await snapshot(world.account_id) == before


async def test_an_overlong_booking_field_writes_no_customer(world: World) -> None:
    """A value the appointment row cannot hold is refused before the customer is written."""
    client = world.clients["anonymous"]
    before = await snapshot(world.account_id)
    response = await send(client, book(world.ctx, email="long@example.com",
                                       location="x" * 501))
    assert response.status_code == 200
    assert codes(response.json()) == ["TOO_LONG"]
    assert await snapshot(world.account_id) == before


async def test_a_failing_booking_leaves_no_customer_behind(world: World, monkeypatch) -> None:
    """The booking is one transaction: when the appointment cannot be written (here: the
    insert fails), the customer written just before it is rolled back."""
    from clientele.appointments import booking

    async def failing(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the appointment insert failed")

    monkeypatch.setattr(booking, "create_appointment", failing)
    before = await snapshot(world.account_id)
    response = await send(world.clients["admin"], book(world.ctx, email="rollback@example.com"))
    assert response.status_code == 200 and response.json()["data"] is None
    assert await snapshot(world.account_id) == before


def test_orjson_refuses_what_the_guard_relies_on() -> None:
    """The JSON decoder is the first line: depth, huge numbers, surrogates (library facts)."""
    for body in (nested(2000), b"1" * 5000, b"1e999", b'"\\ud800"', b"NaN"):
        with pytest.raises(orjson.JSONDecodeError):
            orjson.loads(body)


@pytest.mark.parametrize("bad", ["Ha\x00na", "Ha\ud800na"], ids=["NUL", "lone surrogate"])
async def test_variables_are_checked_whatever_carries_them(world: World, account: Any,
                                                           bad: str) -> None:
    """WebSocket messages and in-process calls skip the HTTP boundary: the schema refuses
    unstorable strings in variables itself (before parsing), with the same code."""
    from tests.conftest import Client

    before = await snapshot(world.account_id)
    result = await Client(account).execute(BOOK, input=booking_input(world.ctx, firstName=bad))
    assert result.data is None
    assert [e.extensions["code"] for e in result.errors] == ["INVALID_STRING"]
    assert "variables.input.firstName" in result.errors[0].message
    assert await snapshot(world.account_id) == before
