"""Identity in one pass: what `match_or_create` and its bulk form cost in statements, and
that the bulk form answers as the inputs resolved one after the other would."""

from __future__ import annotations

from typing import Any

import pytest

from clientele.accounts.audit import AuditAction
from clientele.accounts.services import AccountInfo
from clientele.core import db
from clientele.customers import services
from clientele.customers.enums import ConflictPolicy, CustomerSource
from clientele.customers.services import Person
from tests.conftest import actor_of


async def _counted(call: Any) -> tuple[int, Any]:
    before = db.engine().statements
    result = await call
    return db.engine().statements - before, result


@pytest.mark.parametrize("source", [CustomerSource.CALENDAR, CustomerSource.IMPORT])
async def test_a_new_person_costs_three_statements(account: AccountInfo,
                                                   source: CustomerSource) -> None:
    """Locks, the match, the insert with its CREATED entry (6 before issue 11: definitions
    read, matched twice, history written apart), plus the webhook outbox's one statement per
    transaction that raised events (webhooks/outbox.py)."""
    used, (row, created, conflicts) = await _counted(services.match_or_create(
        actor_of(account), {"first_name": "Nina", "email": "nina@example.com",
                            "mobile_phone": "079 100 20 30"}, source))
    assert created and conflicts == []
    assert used <= 3 + 1, used
    assert (row["email"], row["mobile_phone"], row["source"]) == (
        "nina@example.com", "+41791002030", source.value)
    history = await db.fetch("SELECT action, changes FROM audit_event WHERE customer_id = $1",
                             row["id"])
    assert [h["action"] for h in history] == [AuditAction.CREATED.value]


async def test_a_known_person_with_nothing_new_costs_two_statements(
        account: AccountInfo) -> None:
    """Locks, then the match that also locks the customer against deletion (3 before issue
    11: the match and the lock apart)."""
    actor = actor_of(account)
    first, _, _ = await services.match_or_create(
        actor, {"first_name": "Otto", "email": "otto@example.com"}, CustomerSource.BOOKING)
    used, (row, created, conflicts) = await _counted(services.match_or_create(
        actor, {"first_name": "Otto", "email": "OTTO@example.com"}, CustomerSource.CALENDAR))
    assert (row["id"], created, conflicts) == (first["id"], False, [])
    assert used <= 2, used


async def test_the_bulk_form_resolves_many_in_three_statements(account: AccountInfo) -> None:
    """Fifty new people and one known: locks, one match, one insert (and the webhook
    outbox's one statement for all fifty `customer.created`)."""
    actor = actor_of(account)
    known, _, _ = await services.match_or_create(
        actor, {"first_name": "Known", "email": "known@example.com"}, CustomerSource.BOOKING)
    people = [Person({"first_name": f"P{i}", "email": f"p{i}@example.com"}) for i in range(50)]
    people.insert(10, Person({"first_name": "Known", "email": "known@example.com"}))
    used, results = await _counted(services.match_or_create_many(
        actor, people, CustomerSource.CALENDAR))
    assert used <= 3 + 1, used
    assert [r.created for r in results] == [i != 10 for i in range(51)]
    assert results[10].row["id"] == known["id"]
    assert [r.row["email"] for r in results] == [p.values["email"] for p in people]


async def test_the_bulk_form_answers_as_one_after_the_other(account: AccountInfo) -> None:
    """A later input matches the customer an earlier one created (by phone) and fills its
    blanks; a differing value is a CONFLICT; an unusable input is an error of its own."""
    actor = actor_of(account)
    results = await services.match_or_create_many(actor, [
        Person({"first_name": "Ada", "mobile_phone": "079 300 00 01"}),
        Person({"first_name": "Bad", "email": "not an email"}),
        Person({"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com",
                "mobile_phone": "079 300 00 01"}),
        Person({"first_name": "Ida", "email": "ada@example.com"}),
    ], CustomerSource.CALENDAR, ConflictPolicy.FILL_BLANKS)
    ada = results[0].row
    assert results[0].created and results[1].error is not None and results[1].row is None
    assert (results[2].row["id"], results[2].created) == (ada["id"], False)
    assert (results[2].row["last_name"], results[2].row["email"]) == (
        "Lovelace", "ada@example.com")
    assert (results[3].row["id"], results[3].created) == (ada["id"], False)
    assert results[3].conflicts == [{"field": "first_name", "from": "Ada", "to": "Ida"}]
    history = await db.fetch(
        "SELECT action FROM audit_event WHERE customer_id = $1 ORDER BY created_at", ada["id"])
    assert [h["action"] for h in history] == ["CREATED", "UPDATED", "CONFLICT"]
    assert len(await db.fetch("SELECT id FROM customer WHERE account = $1", account.id)) == 1
