"""Compiled execution answers exactly as the resolvers do.

Each query runs through the resolvers alone (Strawberry's own `execute`) and through the
schema (which answers from a compiled plan once it knows the document); the JSON must be the
same, errors included, and the compiled path must really have answered. Besides the fixed
queries, seeded random selections of the profile and list shapes with random arguments (page
sizes, directions, filters, cursors taken from earlier answers, aliases, fragments)."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

import orjson
import pytest
import strawberry
from bench.profile import LIST as BENCH_LIST
from bench.profile import PROFILE  # the profile query bench/profile.py measures

from clientele.accounts.permissions import Permission
from clientele.accounts.principal import Principal
from clientele.accounts.services import AccountInfo
from clientele.api.compiled.execute import counters
from clientele.api.context import Context
from clientele.api.schema import schema
from clientele.core import db, ids
from clientele.customers import services
from tests.conftest import actor_of

CUSTOMER_FIELDS = ["id", "salutation", "firstName", "lastName", "email", "mobilePhone",
                   "landlinePhone", "dateOfBirth", "company", "notes", "preferredMedium",
                   "preferredLanguage", "communicationStatus", "emailEnabled", "smsEnabled",
                   "source", "nameFromEmail", "createdAt", "updatedAt", "archivedAt",
                   "lastAppointmentAt", "lastVisitAt", "visitCount", "noShowCount",
                   "cancellationCount", "displayName", "__typename",
                   "address { street postcode city country __typename }"]
APPOINTMENT_FIELDS = ["id", "title", "services", "startsAt", "endsAt", "allDay", "location",
                      "status", "anonymised", "createdAt", "updatedAt", "notes",
                      "cancellationReason", "__typename"]
COMMUNICATION_FIELDS = ["id", "kind", "medium", "recipient", "language", "subject", "body",
                        "bodyHtml", "status", "error", "attempts", "parts", "dueAt",
                        "nextAttemptAt", "sentAt", "createdAt", "updatedAt", "__typename"]
# resolvers that are not SQL: answered per subtree by the resolvers
NOT_SQL_CUSTOMER = ["mobilePhoneDisplay", "landlinePhoneDisplay", "isBlocked",
                    "customFields { key value }", "blockRules { id }"]
NOT_SQL_APPOINTMENT = ["source", "readOnlyReason"]

LIST = """
query List($after: String) {
  customers(first: 50, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id firstName lastName email mobilePhone } }
  }
}
"""


async def _people(account: AccountInfo) -> list[uuid.UUID]:
    """Customers with every kind of value: accents and quotes, nulls, a birth date, stats,
    appointments across directions and statuses, messages of every state."""
    actor = actor_of(account)
    people = [
        {"first_name": "Zoë", "last_name": "Müller-Lüdenscheidt", "email": "zoe@example.ch",
         "mobile_phone": "+41791234567", "company": 'Back\\slash "quoted" AG',
         "notes": "line one\nline\ttwo \u0001 ctrl", "date_of_birth": dt.date(1985, 4, 30),
         "street": "Bahnhofstrasse 1", "postcode": "8001", "city": "Zürich", "country": "CH"},
        {"first_name": "Łukasz", "last_name": "Żółć", "email": "lukasz@example.pl"},
        {"first_name": "", "last_name": "Only", "landline_phone": "+41441234567"},
        {"first_name": "Ann", "last_name": "Ånström", "salutation": "Dr.",
         "preferred_medium": "SMS", "preferred_language": "de-CH",
         "mobile_phone": "+41797654321"},
        {"first_name": "Émile", "last_name": "d'Orléans"},
    ]
    made = [(await services.create(actor, p))["id"] for p in people]
    start = dt.datetime(2025, 6, 1, 8, 30, tzinfo=dt.UTC)
    await db.fetch(
        """
        INSERT INTO appointment (id, account, customer, title, services, starts_at, ends_at,
                                 all_day, status, recurrence_id, location, notes,
                                 cancellation_reason, created_at, updated_at)
        SELECT gen_random_uuid(), $1, c.id, 'Visit ' || i || ' “ü”',
               CASE i % 2 WHEN 1 THEN ARRAY['Cut', 'Colour']
                          ELSE ARRAY[]::text[] END,
               $2::timestamptz + (i * 37) * interval '1 day'
                 + (i % 2) * interval '123456 microseconds',
               $2::timestamptz + (i * 37) * interval '1 day' + interval '1 hour',
               i % 5 = 0, (ARRAY['SCHEDULED','COMPLETED','CANCELLED','NO_SHOW'])[1 + i % 4],
               '', CASE WHEN i % 2 = 0 THEN 'Room ' || i END,
               CASE WHEN i % 3 = 0 THEN 'note ' || i END,
               CASE WHEN i % 4 = 2 THEN 'ill' END,
               now(), now()
        FROM unnest($3::uuid[]) WITH ORDINALITY AS c(id, n), generate_series(1, 7) AS i
        WHERE i <= 2 + c.n
        """, account.id, start, made)
    await db.fetch(
        """
        INSERT INTO communication (id, account, appointment, customer, kind, medium, recipient,
                                   subject, body, status, error, attempts, parts, sent_at,
                                   created_at, due_at)
        SELECT gen_random_uuid(), $1, a.id, a.customer,
               (ARRAY['CONFIRMATION','REMINDER','MANUAL'])[1 + k % 3],
               (ARRAY['EMAIL','SMS'])[1 + k % 2], 'p@example.com', 'Reminder «' || k || '»',
               'Body ' || k, (ARRAY['SENT','FAILED','PENDING','SKIPPED','SENDING'])[1 + k % 5],
               CASE WHEN k % 5 = 1 THEN 'mailbox full' END, k % 3,
               CASE WHEN k % 2 = 1 THEN 1 END,
               CASE WHEN k % 5 = 0 THEN a.starts_at - interval '1 day' END,
               a.starts_at - k * interval '1 hour' - interval '0.5 second',
               a.starts_at - interval '1 day'
        FROM appointment a, generate_series(1, 3) AS k WHERE a.account = $1
        """, account.id)
    await db.fetch(
        """UPDATE customer SET visit_count = 3, last_visit_at = now(),
                  last_appointment_at = '2026-01-02T03:04:05.000001+00'
           WHERE id = $1""", made[0])
    return made


def _principal(account: AccountInfo, permissions: Any = None) -> Principal:
    return Principal(account=account, permissions=frozenset(
        permissions if permissions is not None else {Permission.READ_CUSTOMERS}),
        name="test", via="token")


async def _both(query: str, variables: dict[str, Any], principal: Principal
                ) -> tuple[Any, Any, bool]:
    """(resolvers' answer, schema's answer, whether a plan answered) as JSON values."""
    expected = await strawberry.Schema.execute(schema, query, variables,
                                               Context(principal=principal))
    await schema.execute(query, variables, Context(principal=principal))  # learns the plan
    before = counters.compiled
    got = await schema.execute(query, variables, Context(principal=principal))
    compiled = counters.compiled > before

    def as_json(result: Any) -> Any:
        return orjson.loads(orjson.dumps({
            "data": result.data,
            "errors": [e.formatted for e in result.errors] if result.errors else None}))

    return as_json(expected), as_json(got), compiled


@pytest.fixture
async def people(account: AccountInfo) -> list[uuid.UUID]:
    return await _people(account)


async def test_the_profile_and_the_list_are_compiled_and_equal(
        account: AccountInfo, people: list[uuid.UUID]) -> None:
    principal = _principal(account)
    for pk in people:
        expected, got, compiled = await _both(PROFILE, {"id": ids.encode("Customer", pk)},
                                              principal)
        assert compiled and got == expected
        assert expected["data"]["customer"]["appointments"]["totalCount"] > 0
    after = None
    while True:
        expected, got, compiled = await _both(LIST.replace("first: 50", "first: 2"),
                                              {"after": after}, principal)
        assert compiled and got == expected
        page = expected["data"]["customers"]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert page["totalCount"] == len(people)
    expected, got, compiled = await _both(BENCH_LIST, {}, principal)  # as measured
    assert compiled and got == expected and len(expected["data"]["customers"]["edges"]) == 5


async def test_refused_arguments_and_missing_permissions_get_the_resolvers_errors(
        account: AccountInfo, other_account: AccountInfo, people: list[uuid.UUID]) -> None:
    gid = ids.encode("Customer", people[0])
    cases = [
        (PROFILE.replace("first: 20", "first: 101"), {"id": gid}, _principal(account)),
        (PROFILE, {"id": "not-an-id"}, _principal(account)),
        (PROFILE, {"id": ids.encode("Appointment", people[0])}, _principal(account)),
        (LIST, {"after": "garbage"}, _principal(account)),
        (PROFILE, {"id": gid}, _principal(account, set())),  # FORBIDDEN
        (PROFILE, {"id": gid}, Principal.anonymous(account)),  # UNAUTHENTICATED
        (PROFILE, {"id": 12}, _principal(account)),  # variable coercion
    ]
    for query, variables, principal in cases:
        expected, got, compiled = await _both(query, variables, principal)
        assert not compiled and got == expected and expected["errors"], (query, variables)
    # another account's customer is simply not found, compiled or not
    expected, got, compiled = await _both(PROFILE, {"id": gid}, _principal(other_account))
    assert compiled and got == expected == {"data": {"customer": None}, "errors": None}


async def test_a_subtree_the_compiler_does_not_cover_is_answered_by_the_resolvers(
        account: AccountInfo, people: list[uuid.UUID]) -> None:
    principal = _principal(account)
    query = """
    query Mixed($id: ID!) {
      customer(id: $id) {
        displayName mobilePhoneDisplay isBlocked customFields { key value }
        appointments(first: 5) { edges { node { id source readOnlyReason
          customer { email landlinePhoneDisplay } } } }
      }
      customers(first: 3) { edges { node { id mobilePhoneDisplay } } }
      searchCustomers(query: "Zoe") { __typename }
      customFieldDefinitions { key }
    }"""
    expected, got, compiled = await _both(query, {"id": ids.encode("Customer", people[0])},
                                          principal)
    assert compiled and got == expected and expected["errors"] is None
    assert expected["data"]["customer"]["mobilePhoneDisplay"] == "079 123 45 67"
    assert expected["data"]["customer"]["appointments"]["edges"]


def _random_selection(rng: random.Random, fields: list[str], depth: int, kind: str) -> str:
    chosen = rng.sample(fields, rng.randint(1, min(8, len(fields))))
    if rng.random() < 0.3:  # an alias
        chosen[0] = f"a{rng.randint(0, 9)}: {chosen[0]}"
    if kind == "Customer" and depth < 3:
        if rng.random() < 0.6:
            chosen.append(_connection(rng, "appointments", depth, {
                "first": rng.randint(0, 4), "direction": rng.choice(["ASC", "DESC"]),
                "when": rng.choice(["ALL", "PAST", "UPCOMING"])}, "Appointment"))
        if rng.random() < 0.4:
            chosen.append(_connection(rng, "communications", depth, {
                "first": rng.randint(0, 4), "medium": rng.choice([None, "EMAIL", "SMS"]),
                "status": rng.choice([None, "PENDING", "SENT", "FAILED"])}, "Communication"))
        if rng.random() < 0.3:
            chosen.append("nextAppointment { id startsAt status }")
        if rng.random() < 0.2:
            chosen.append(rng.choice(NOT_SQL_CUSTOMER))
    if kind == "Appointment" and depth < 3:
        if rng.random() < 0.5:
            chosen.append(_connection(rng, "communications", depth,
                                      {"first": rng.randint(0, 3)}, "Communication"))
        if rng.random() < 0.3:
            chosen.append("customer { id email displayName }")
        if rng.random() < 0.15:
            chosen.append(rng.choice(NOT_SQL_APPOINTMENT))
    if kind == "Communication" and rng.random() < 0.3:
        chosen.append("appointment { id title customer { lastName } }")
    if rng.random() < 0.3:  # through a fragment or an inline fragment
        return f"... on {kind} {{ {' '.join(chosen)} }} ... on Node {{ id }}"
    return " ".join(chosen)


def _connection(rng: random.Random, name: str, depth: int, args: dict[str, Any],
                node: str) -> str:
    written = ", ".join(f"{k}: {v}" for k, v in args.items() if v is not None)
    fields = {"Appointment": APPOINTMENT_FIELDS, "Communication": COMMUNICATION_FIELDS}[node]
    parts = [f"edges {{ cursor node {{ {_random_selection(rng, fields, depth + 1, node)} }} }}"]
    if rng.random() < 0.7:
        parts.append("totalCount")
    if rng.random() < 0.6:
        parts.append("pageInfo { hasNextPage hasPreviousPage startCursor endCursor }")
    rng.shuffle(parts)
    return f"{name}({written}) {{ {' '.join(parts)} }}" if written else \
        f"{name} {{ {' '.join(parts)} }}"


async def test_generated_selections_and_arguments_answer_the_same(
        account: AccountInfo, people: list[uuid.UUID]) -> None:
    rng = random.Random(17)
    principal = _principal(account)
    compiled_runs = 0
    cursors: list[str | None] = [None]
    for _ in range(80):
        if rng.random() < 0.5:
            body = _random_selection(rng, CUSTOMER_FIELDS, 0, "Customer")
            query = f"query Q($id: ID!) {{ customer(id: $id) {{ {body} }} }}"
            variables: dict[str, Any] = {"id": ids.encode("Customer", rng.choice(people))}
        else:
            order = rng.choice(["", "NAME", "CREATED_AT", "UPDATED_AT", "LAST_APPOINTMENT",
                                "LAST_VISIT", "NEXT_APPOINTMENT"])
            direction = rng.choice(["ASC", "DESC"])
            order_by = f", orderBy: {{field: {order}, direction: {direction}}}" if order else ""
            order_by += rng.choice([
                "", ", filter: {archived: false}", ", filter: {hasUpcomingAppointment: true}",
                ", filter: {blocked: false, communicationStatus: ALLOWED}",
                ', filter: {createdAfter: "2020-01-01T00:00:00Z", source: MANUAL}',
                ', filter: {createdAfter: "2030-01-01T00:00:00Z", '
                'createdBefore: "2020-01-01T00:00:00Z"}'])  # refused: INVALID_FILTER
            body = _random_selection(rng, CUSTOMER_FIELDS, 1, "Customer")
            query = (f"query L($after: String, $n: Int!) {{ customers(first: $n, after: $after"
                     f"{order_by}) {{ totalCount pageInfo {{ hasNextPage endCursor }} "
                     f"edges {{ cursor node {{ {body} }} }} }} }}")
            variables = {"n": rng.randint(0, 3), "after": rng.choice(cursors)}
        expected, got, compiled = await _both(query, variables, principal)
        assert got == expected, query
        compiled_runs += compiled
        if compiled and "customers" in (expected["data"] or {}):
            cursors.append(expected["data"]["customers"]["pageInfo"]["endCursor"])
    assert compiled_runs >= 40


async def test_node_by_id_answers_each_type_as_the_resolvers_do(
        account: AccountInfo, other_account: AccountInfo, people: list[uuid.UUID]) -> None:
    query = """query N($id: ID!) { node(id: $id) { id __typename
      ... on Customer { displayName appointments(first: 2) { totalCount edges { cursor } } }
      ... on Appointment { title startsAt customer { email mobilePhoneDisplay } }
      ... on Communication { medium sentAt appointment { title } } } }"""
    appointment = await db.fetch("SELECT id FROM appointment WHERE customer = $1 LIMIT 1",
                                 people[0])
    message = await db.fetch("SELECT id FROM communication WHERE customer = $1 LIMIT 1",
                             people[0])
    principal = _principal(account)
    for gid in (ids.encode("Customer", people[1]),
                ids.encode("Appointment", appointment[0]["id"]),
                ids.encode("Communication", message[0]["id"])):
        expected, got, compiled = await _both(query, {"id": gid}, principal)
        assert compiled and got == expected and expected["data"]["node"]["id"] == gid
    # unknown to this account: null; malformed or of a type node() does not know: its error
    expected, got, compiled = await _both(query, {"id": ids.encode("Customer", people[1])},
                                          _principal(other_account))
    assert compiled and got == expected and expected["data"]["node"] is None
    for gid in ("nonsense", ids.encode("BlockRule", people[0])):
        expected, got, compiled = await _both(query, {"id": gid}, principal)
        assert not compiled and got == expected and expected["errors"]


async def test_a_statement_too_long_to_keep_is_left_to_the_resolvers(
        account: AccountInfo, people: list[uuid.UUID], monkeypatch: pytest.MonkeyPatch) -> None:
    from clientele.api.compiled import render

    monkeypatch.setattr(render, "MAX_STATEMENT", 100)
    query = "query Long($id: ID!) { customer(id: $id) { id email displayName createdAt } }"
    expected, got, compiled = await _both(query, {"id": ids.encode("Customer", people[0])},
                                          _principal(account))
    assert not compiled and got == expected and expected["data"]["customer"]["email"]
