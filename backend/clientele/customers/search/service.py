"""The per-process search service: one index per account, loaded from PostgreSQL in the
background when the account is first searched, kept current by customer events over
broadcaster while it is loaded (so every instance answers alike), and evicted least recently
searched first when the loaded indexes outgrow the memory budget (SEARCH_MEMORY_MB). Until an
account's index is loaded, search answers None and the caller asks the database instead
(customers/listing.py).

Loading an account: the events that arrive for it while it loads are collected (`pending`)
and re-read once its rows are in, until none is left, before the index is published in one
step without awaiting anything: a change that commits during the load is in the index, either
read by the load itself or re-read from its event. Events for accounts that are neither loaded
nor loading are dropped without a query (their load will read the rows).

The budget: each loaded index's size is measured (SearchIndex.footprint) when it is loaded and
scaled with its document count as it changes. Before a load, room is made for the account's
estimated size (its customer count x the bytes per customer measured so far); after it, the
least recently searched indexes are evicted until the total fits. An account whose index alone
would exceed the whole budget is not loaded: the database answers its searches, and its size is
looked at again after TOO_LARGE_RECHECK_SECONDS.

Small deployments (at most PRELOAD_CUSTOMERS live customers in all) load every account at
start, as before: no fallback moment on the first search after a restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import datetime as dt
import logging
import time
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterable
from typing import Any

from clientele.core import background, db, pubsub
from clientele.customers.rows import address_line, custom_values
from clientele.customers.search.index import Hit, SearchIndex

log = logging.getLogger(__name__)
BATCH = 20_000
LOAD_BATCH = 5_000  # rows read at a time by an account's load (their records are transient)
APPLY_CHUNK = 100  # rows indexed between two turns of other requests
CATCH_UP_SECONDS = 5.0
# Rows written in a transaction carry its start time, so one that commits late may have an
# updated_at behind the watermark; every catch-up re-reads this margin (unchanged rows are
# no-ops for the index).
CATCH_UP_MARGIN = dt.timedelta(seconds=60)
COLUMNS = """id, account, first_name, last_name, email, mobile_phone, landline_phone, company,
             notes, street, postcode, city, custom, archived_at"""
PRELOAD_CUSTOMERS = 100_000  # at most this many live customers in all: every account at start
LOADS_AT_ONCE = 2  # accounts loading at the same time (each holds a connection while it reads)
BYTES_PER_CUSTOMER = 1_300  # the estimate before any index was measured (docs/performance.md)
TOO_LARGE_RECHECK_SECONDS = 600.0
NEVER = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)


def full_text_fields(row: Any) -> tuple[tuple[str, str | None], ...]:
    """What full-text mode searches besides the identity fields, as (field, text) pairs;
    the field names are the API's (`notes`, `address`, `customFields.<key>`)."""
    address = address_line(row)
    values = [(f"customFields.{key}", str(value)) for key, value in custom_values(row).items()
              if isinstance(value, str | int | float) and not isinstance(value, bool)]
    return (("notes", row["notes"]), ("address", address or None), *values)


def apply(index: SearchIndex, row: Any) -> None:
    if row["archived_at"] is not None:
        index.remove(row["id"])
        return
    index.upsert(row["id"], row["first_name"], row["last_name"], row["email"],
                 (row["mobile_phone"], row["landline_phone"]), row["company"],
                 full_text_fields(row))


async def apply_all(index: SearchIndex, rows: Iterable[Any]) -> None:
    """Index `rows`, giving the event loop back every APPLY_CHUNK of them (indexing is CPU
    work that awaits nothing: 20,000 rows in one go held every request ~0.5 s)."""
    for i, row in enumerate(rows):
        apply(index, row)
        if i % APPLY_CHUNK == APPLY_CHUNK - 1:
            await asyncio.sleep(0)


class SearchService:
    def __init__(self, memory_mb: float | None = None) -> None:
        self.indexes: OrderedDict[uuid.UUID, SearchIndex] = OrderedDict()  # least recent first
        self.loading: dict[uuid.UUID, asyncio.Task] = {}
        self.pending: dict[uuid.UUID, set[uuid.UUID]] = {}  # events during each account's load
        self.too_large: dict[uuid.UUID, float] = {}  # account -> when to look at it again
        self.load_seconds: dict[uuid.UUID, float] = {}
        self.budget: int | None = None
        self.configure(memory_mb)
        self.ready = False  # following events and loading indexes (the app's lifespan)
        self.watermark: dt.datetime | None = None
        self.loads = self.evictions = 0
        self._reserved = 0  # estimated bytes of the loads under way
        self._slots = asyncio.Semaphore(LOADS_AT_ONCE)

    def configure(self, memory_mb: float | None) -> None:
        self.budget = None if memory_mb is None else int(memory_mb * 1024 * 1024)

    # reads ----------------------------------------------------------------------------
    def index_for(self, account_id: uuid.UUID) -> SearchIndex | None:
        return self.indexes.get(account_id) if self.ready else None

    def search(self, account_id: uuid.UUID, query: str, first: int,
               full_text: bool = False) -> list[Hit] | None:
        """The best `first` hits, or None while the account's index is not loaded (its load
        starts, in the background, if it has not)."""
        index = self.index_for(account_id)
        if index is None:
            if self.ready:
                self.load(account_id)
            return None
        self.indexes.move_to_end(account_id)  # the most recently searched
        return index.search(query, first, full_text=full_text)

    def status(self, account_id: uuid.UUID) -> dict[str, Any]:
        index = self.index_for(account_id)
        return {"ready": index is not None, "customers": len(index) if index else 0,
                "buildSeconds": self.load_seconds.get(account_id) if index else None}

    def held_bytes(self) -> int:
        return sum(index.estimated_bytes() for index in self.indexes.values())

    # loading --------------------------------------------------------------------------
    def load(self, account_id: uuid.UUID) -> None:
        """Start loading the account's index unless it is loaded, loading, or too large for
        the budget (looked at again later). Concurrent first searches share one load."""
        if account_id in self.indexes or account_id in self.loading:
            return
        if self.too_large.get(account_id, 0.0) > time.monotonic():
            return
        self.pending[account_id] = set()  # from now on, its events are kept for the load
        # a context of its own: not the transaction of the request that searched first
        self.loading[account_id] = asyncio.get_running_loop().create_task(
            self._load(account_id), context=contextvars.Context())

    async def _load(self, account_id: uuid.UUID) -> None:
        reserved = 0
        try:
            async with self._slots:
                if self.budget is not None:
                    count = (await db.fetch_records(
                        "SELECT count(*) AS n FROM customer WHERE account = $1 "
                        "AND archived_at IS NULL", account_id))[0]["n"]
                    reserved = count * self._bytes_per_customer()
                    if reserved > self.budget:
                        self._refuse(account_id, reserved)
                        return
                    self._evict(room_for=reserved)
                    self._reserved += reserved
                started = time.perf_counter()
                index = await self._read(account_id)
                size = index.measure()
                if self.budget is not None and size > self.budget:
                    self._refuse(account_id, size)
                    return
                # published in one step with the pending events applied (no await between)
                self.indexes[account_id] = index
                self.load_seconds[account_id] = time.perf_counter() - started
                self.loads += 1
                self._reserved -= reserved
                reserved = 0
                self._evict(room_for=0, keep=account_id)
        except Exception:  # a database hiccup: the next search tries again
            log.exception("loading the search index of account %s failed", account_id)
        finally:
            self._reserved -= reserved
            self.pending.pop(account_id, None)
            self.loading.pop(account_id, None)

    async def _read(self, account_id: uuid.UUID) -> SearchIndex:
        """The account's live customers, then what its events named meanwhile, until no
        event is left unread."""
        index = SearchIndex()
        after: tuple[dt.datetime, uuid.UUID] = (NEVER, uuid.UUID(int=0))
        while True:  # in (created_at, id) order: the customer_account_created index
            rows = await db.fetch_records(
                f"""SELECT {COLUMNS}, created_at FROM customer
                    WHERE account = $1 AND archived_at IS NULL AND (created_at, id) > ($2, $3)
                    ORDER BY created_at, id LIMIT $4""", account_id, *after, LOAD_BATCH)
            await apply_all(index, rows)
            if len(rows) < LOAD_BATCH:
                break
            after = (rows[-1]["created_at"], rows[-1]["id"])
        while self.pending[account_id]:
            named, self.pending[account_id] = self.pending[account_id], set()
            rows = await db.fetch_records(
                f"SELECT {COLUMNS} FROM customer WHERE account = $1 AND id = ANY($2::uuid[])",
                account_id, list(named))
            await apply_all(index, rows)
            for gone in named - {row["id"] for row in rows}:
                index.remove(gone)
        return index

    def _bytes_per_customer(self) -> int:
        measured = [(index.measured_bytes, index.measured_docs)
                    for index in self.indexes.values() if index.measured_docs]
        if not measured:
            return BYTES_PER_CUSTOMER
        return sum(b for b, _ in measured) // sum(n for _, n in measured)

    def _refuse(self, account_id: uuid.UUID, size: int) -> None:
        assert self.budget is not None
        log.warning("the search index of account %s (~%d MB) exceeds SEARCH_MEMORY_MB (%d MB): "
                    "the database answers its searches", account_id, size >> 20,
                    self.budget >> 20)
        self.too_large[account_id] = time.monotonic() + TOO_LARGE_RECHECK_SECONDS

    def _evict(self, room_for: int, keep: uuid.UUID | None = None) -> None:
        """Drop the least recently searched indexes until `room_for` more bytes fit (the
        dropped index is gone: nothing else refers to it)."""
        if self.budget is None:
            return
        held = self.held_bytes() + self._reserved
        for account_id in list(self.indexes):
            if held + room_for <= self.budget:
                return
            if account_id == keep:
                continue
            held -= self.indexes.pop(account_id).estimated_bytes()
            self.load_seconds.pop(account_id, None)
            self.evictions += 1

    async def start(self) -> None:
        """Take the watermark (catch-up starts from it) and serve: searches load indexes."""
        if not self.loading:  # a semaphore of this event loop
            self._slots = asyncio.Semaphore(LOADS_AT_ONCE)
        self.watermark = (await db.fetch_records("SELECT now() AS now"))[0]["now"]
        self.ready = True

    async def preload(self) -> None:
        """Every account with customers, when there are few customers in all."""
        total = (await db.fetch_records(
            "SELECT count(*) AS n FROM customer WHERE archived_at IS NULL"))[0]["n"]
        if total <= PRELOAD_CUSTOMERS:
            await self.build()
        else:
            log.info("search indexes load when first searched (%d customers)", total)

    async def build(self) -> None:
        """Load every account that has customers now (tests, benchmarks, small deployments)."""
        if not self.ready:
            await self.start()
        for row in await db.fetch_records(
                "SELECT DISTINCT account FROM customer WHERE archived_at IS NULL"):
            self.load(row["account"])
        while self.loading:
            await asyncio.gather(*self.loading.values(), return_exceptions=True)

    async def stop(self) -> None:
        self.ready = False
        tasks = list(self.loading.values())
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    def clear(self) -> None:
        """Forget every index (tests; a load under way still publishes its own)."""
        self.indexes.clear()
        self.too_large.clear()
        self.load_seconds.clear()

    # staying current ------------------------------------------------------------------
    async def follow(self) -> None:
        """Apply customer events (from any instance) to the loaded indexes."""
        from clientele.customers.events import CHANNEL as CUSTOMER_CHANNEL

        while True:
            try:
                async with pubsub.subscribe(CUSTOMER_CHANNEL) as messages:
                    async for message in messages:
                        await self.refresh(uuid.UUID(message["account"]),
                                           uuid.UUID(message["id"]))
            except ConnectionError:
                await asyncio.sleep(1)  # the broker reconnects; resubscribe

    def _noted(self, account_id: uuid.UUID, customer_id: uuid.UUID) -> bool:
        """Whether the customer's change is left to the account's load under way."""
        pending = self.pending.get(account_id)
        if pending is not None:
            pending.add(customer_id)
        return pending is not None

    async def refresh(self, account_id: uuid.UUID, customer_id: uuid.UUID) -> None:
        if self._noted(account_id, customer_id) or account_id not in self.indexes:
            return  # loading: the load re-reads it; not loaded: nothing to keep current
        rows = await db.fetch_records(
            f"SELECT {COLUMNS} FROM customer WHERE account = $1 AND id = $2",
            account_id, customer_id)
        self._noted(account_id, customer_id)  # evicted and loading again meanwhile
        index = self.indexes.get(account_id)
        if index is None:
            return
        if rows:
            apply(index, rows[0])
        else:
            index.remove(customer_id)

    async def catch_up(self) -> int:
        """Apply customers changed since the last look, whoever wrote them: other processes
        (the CLI, a second server on memory://) publish no events to this one. Returns how
        many rows were read."""
        if self.watermark is None:
            return 0
        since, last_id = self.watermark - CATCH_UP_MARGIN, uuid.UUID(int=0)
        applied = 0
        while True:
            rows = await db.fetch_records(
                f"""SELECT {COLUMNS}, updated_at FROM customer WHERE (updated_at, id) > ($1, $2)
                    ORDER BY updated_at, id LIMIT $3""", since, last_id, BATCH)
            for i, row in enumerate(rows):
                if not self._noted(row["account"], row["id"]):
                    index = self.indexes.get(row["account"])
                    if index is not None:
                        apply(index, row)
                if i % APPLY_CHUNK == APPLY_CHUNK - 1:
                    await asyncio.sleep(0)
            applied += len(rows)
            if rows:
                since, last_id = rows[-1]["updated_at"], rows[-1]["id"]
                self.watermark = max(self.watermark, since)
            if len(rows) < BATCH:
                return applied
            await asyncio.sleep(0)

    async def catch_up_forever(self) -> None:
        while True:
            await asyncio.sleep(CATCH_UP_SECONDS)
            if self.ready:
                try:
                    await self.catch_up()
                except Exception:  # a database hiccup: try again next time
                    log.exception("search index catch-up failed")


service = SearchService()


@contextlib.asynccontextmanager
async def running(memory_mb: float | None = None) -> AsyncIterator[SearchService]:
    """In the app's lifespan: follow events, serve (searches load indexes; a small database is
    loaded whole), and catch up every few seconds with what other processes wrote."""
    service.configure(memory_mb)
    await service.start()
    try:
        async with background.running(service.follow(), service.preload(),
                                      service.catch_up_forever()):
            yield service
    finally:
        await service.stop()
