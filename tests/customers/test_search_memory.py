"""Search indexes per tenant: an account's index loads when it is first searched (the database
answers meanwhile), stays current from customer events while loaded (changes during its load
included), and the least recently searched indexes are evicted under SEARCH_MEMORY_MB."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import uuid
import weakref
from collections.abc import AsyncIterator

import pytest

from clientele.accounts.services import create_account
from clientele.api.errors import decode_id
from clientele.customers.search import service as search_service
from clientele.customers.search.service import SearchService, service
from tests.api.helpers import create_customer
from tests.conftest import Client
from tests.waiting import eventually, subscribed, subscriber_queues

SEARCH = """query($q: String!) { searchCustomers(query: $q, first: 10) {
  customer { id lastName } score } }"""
UPDATE = """mutation($id: ID!, $last: String) { customerUpdate(id: $id, input: {lastName: $last})
  { userErrors { code } } }"""


@pytest.fixture
async def lazy() -> AsyncIterator[SearchService]:
    """The service as the app runs it on a big database: following events, nothing loaded
    until searched, no budget unless a test sets one."""
    service.clear()
    service.configure(None)
    before = subscriber_queues()
    follower = asyncio.create_task(service.follow())
    await subscribed(before)
    await service.start()
    yield service
    follower.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await follower
    await service.stop()
    service.configure(None)
    service.clear()


@pytest.fixture
def held_load(monkeypatch) -> tuple[asyncio.Event, asyncio.Event]:
    """Loads stop once they have read their account's rows (`read` is set) until `release`."""
    read, release = asyncio.Event(), asyncio.Event()
    apply_all = search_service.apply_all

    async def paused(index, rows) -> None:
        await apply_all(index, rows)
        read.set()
        await release.wait()

    monkeypatch.setattr(search_service, "apply_all", paused)
    return read, release


async def _client() -> Client:
    suffix = uuid.uuid4().hex[:10]
    return Client(await create_account(f"Tenant {suffix}", f"tenant-{suffix}", "CH"))


async def _searched(gql: Client, query: str) -> list[dict]:
    return (await gql.data(SEARCH, q=query))["searchCustomers"]


async def _loaded(gql: Client) -> None:
    await eventually(lambda: service.index_for(gql.account.id) is not None,
                     what="the account's index to load")


async def test_first_search_is_answered_by_the_database_then_the_index_loads(
        gql, lazy, held_load) -> None:
    await create_customer(gql, firstName="Lea", lastName="Brandenberger")
    await create_customer(gql, firstName="Max", lastName="Keller")
    loads = service.loads
    read, release = held_load

    first = await _searched(gql, "brandenb")  # nothing loaded: the substring match answers
    assert [(h["customer"]["lastName"], h["score"]) for h in first] == [("Brandenberger", 0.0)]
    await asyncio.wait_for(read.wait(), 10)
    second = await _searched(gql, "keller")  # still loading: the database again, no new load
    assert [(h["customer"]["lastName"], h["score"]) for h in second] == [("Keller", 0.0)]
    assert list(service.loading) == [gql.account.id]
    release.set()
    await _loaded(gql)
    assert service.loads == loads + 1

    ranked = await _searched(gql, "brandnberger")  # a typo: only the index finds it
    assert [h["customer"]["lastName"] for h in ranked] == ["Brandenberger"]
    assert ranked[0]["score"] > 0


async def test_index_and_database_find_the_same_customers(gql, lazy, held_load) -> None:
    """The fallback keeps the results contract: for plain words, a phone and an email the
    database's substring match and the index find the same customers."""
    for first, last, phone, email in (
            ("Anna", "Zwahlen", "079 555 12 34", "anna.zwahlen@example.ch"),
            ("Kenji", "Nakamura", "078 444 98 76", "kenji@nakamura.jp"),
            ("Chidi", "Okonkwo", "076 333 11 22", "chidi.okonkwo@example.ng"),
            ("Maria", "Zwahlen", "077 222 33 44", None)):
        await create_customer(gql, firstName=first, lastName=last, mobilePhone=phone,
                              email=email)
    queries = ("zwahlen", "nakamura", "okonkwo", "chidi", "079 555 12 34", "kenji@nakamura")
    by_database = {q: await _searched(gql, q) for q in queries}  # the load is held
    held_load[1].set()
    await _loaded(gql)
    by_index = {q: await _searched(gql, q) for q in queries}
    for q in queries:
        assert all(h["score"] == 0.0 for h in by_database[q]), q
        assert all(h["score"] > 0 for h in by_index[q]), q
        found = {h["customer"]["id"] for h in by_database[q]}
        assert found and found == {h["customer"]["id"] for h in by_index[q]}, q


async def test_the_least_recently_searched_index_is_evicted_under_the_budget(lazy) -> None:
    a, b, c = [await _client() for _ in range(3)]
    for client, last in ((a, "Aebischer"), (b, "Baumgartner"), (c, "Caflisch")):
        for first in ("Anna", "Beat", "Carla", "Dario"):
            await create_customer(client, firstName=first, lastName=last)
    for client in (a, b, c):  # measure the three, then budget room for two
        await _searched(client, "anna")
        await _loaded(client)
    sizes = sorted(service.indexes[x.account.id].estimated_bytes() for x in (a, b, c))
    assert sizes[0] * 3 > (sizes[1] + sizes[2]) * 1.1
    service.clear()
    service.configure((sizes[1] + sizes[2]) * 1.1 / 1024 / 1024)
    evictions = service.evictions

    for client in (a, b):
        assert service.search(client.account.id, "anna", 5) is None
        await _loaded(client)
    assert service.search(a.account.id, "anna", 5)  # A is now the most recently searched
    held = weakref.ref(service.indexes[b.account.id])
    assert service.search(c.account.id, "anna", 5) is None
    await _loaded(c)
    assert list(service.indexes) == [a.account.id, c.account.id]  # B went
    assert service.evictions == evictions + 1
    gc.collect()
    assert held() is None, "the evicted index is still referenced"
    assert service.held_bytes() <= service.budget

    hits = await _searched(b, "baumgartner")  # B answers from the database and reloads
    assert [(h["customer"]["lastName"], h["score"]) for h in hits][:1] == [("Baumgartner", 0.0)]
    await _loaded(b)
    assert list(service.indexes) == [c.account.id, b.account.id]  # then A, least recent, went
    assert (await _searched(b, "baumgartnr"))[0]["score"] > 0


async def test_an_index_larger_than_the_whole_budget_is_not_loaded(gql, lazy) -> None:
    for first in ("Anna", "Beat", "Carla"):
        await create_customer(gql, firstName=first, lastName="Gigantisch")
    service.configure(1 / 1024 / 1024)  # one byte
    assert service.search(gql.account.id, "gigantisch", 5) is None
    await eventually(lambda: gql.account.id in service.too_large and not service.loading,
                     what="the load to be refused")
    assert service.index_for(gql.account.id) is None
    hits = await _searched(gql, "gigantisch")  # the database answers, no new load
    assert len(hits) == 3 and not service.loading


async def test_changes_during_a_load_are_in_the_index_afterwards(
        gql, lazy, held_load) -> None:
    """The load reads the rows, then a customer is renamed and another created (their events
    arrive while it runs): both are in the index it publishes."""
    renamed = await create_customer(gql, firstName="Olga", lastName="Altname")
    await create_customer(gql, firstName="Paul", lastName="Bleibt")
    read, release = held_load
    assert service.search(gql.account.id, "altname", 5) is None
    await asyncio.wait_for(read.wait(), 10)
    assert (await gql.data(UPDATE, id=renamed, last="Neuname"))["customerUpdate"][
        "userErrors"] == []
    created = await create_customer(gql, firstName="Nora", lastName="Spaetkommer")
    pending = service.pending[gql.account.id]
    await eventually(lambda: {decode_id(renamed, "Customer"),
                              decode_id(created, "Customer")} <= pending,
                     what="both events to reach the load")
    assert service.index_for(gql.account.id) is None
    release.set()
    await _loaded(gql)

    assert [h["customer"]["id"] for h in await _searched(gql, "neuname")] == [renamed]
    index = service.indexes[gql.account.id]
    assert index.docs[index.by_id[decode_id(renamed, "Customer")]].display == "Olga Neuname"
    assert [h["customer"]["id"] for h in await _searched(gql, "spaetkommer")] == [created]
    assert not service.pending  # nothing left behind


async def test_events_for_accounts_not_loaded_cost_no_query(gql, lazy) -> None:
    from clientele.core import db

    customer = await create_customer(gql, firstName="Ida", lastName="Ungeladen")
    before = db.engine().statements
    await service.refresh(gql.account.id, decode_id(customer, "Customer"))
    assert db.engine().statements == before
    assert service.index_for(gql.account.id) is None
