"""The per-process search service: one index per account, built from PostgreSQL in the
background at start and kept current by customer events over broadcaster, so every instance
answers alike. Until an account's index is ready, search falls back to the database."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

from clientele.core import background, db, pubsub
from clientele.customers.rows import address_line, custom_values
from clientele.customers.search.index import Hit, SearchIndex

log = logging.getLogger(__name__)
BATCH = 20_000
APPLY_CHUNK = 100  # rows indexed between two turns of other requests
CATCH_UP_SECONDS = 5.0
# Rows written in a transaction carry its start time, so one that commits late may have an
# updated_at behind the watermark; every catch-up re-reads this margin (unchanged rows are
# no-ops for the index).
CATCH_UP_MARGIN = dt.timedelta(seconds=60)
COLUMNS = """id, account, first_name, last_name, email, mobile_phone, landline_phone, company,
             notes, street, postcode, city, custom, archived_at"""


def full_text_fields(row: Any) -> tuple[tuple[str, str | None], ...]:
    """What full-text mode searches besides the identity fields, as (field, text) pairs;
    the field names are the API's (`notes`, `address`, `customFields.<key>`)."""
    address = address_line(row)
    values = [(f"customFields.{key}", str(value)) for key, value in custom_values(row).items()
              if isinstance(value, str | int | float) and not isinstance(value, bool)]
    return (("notes", row["notes"]), ("address", address or None), *values)


class SearchService:
    def __init__(self) -> None:
        self.indexes: dict[uuid.UUID, SearchIndex] = {}
        self.ready = False
        self.build_seconds: float | None = None
        self.watermark: dt.datetime | None = None

    def index_for(self, account_id: uuid.UUID) -> SearchIndex | None:
        return self.indexes.get(account_id) if self.ready else None

    def _apply(self, row: Any) -> None:
        index = self.indexes.setdefault(row["account"], SearchIndex())
        if row["archived_at"] is not None:
            index.remove(row["id"])
            return
        index.upsert(row["id"], row["first_name"], row["last_name"], row["email"],
                     (row["mobile_phone"], row["landline_phone"]), row["company"],
                     full_text_fields(row))

    async def build(self) -> None:
        started = time.perf_counter()
        self.watermark = (await db.fetch_records("SELECT now() AS now"))[0]["now"]
        last: uuid.UUID | None = None
        count = 0
        while True:
            rows = await db.fetch_records(
                f"""SELECT {COLUMNS} FROM customer WHERE ($1::uuid IS NULL OR id > $1)
                   ORDER BY id LIMIT $2""",
                last, BATCH)
            await self._apply_all(rows)
            count += len(rows)
            if len(rows) < BATCH:
                break
            last = rows[-1]["id"]
            await asyncio.sleep(0)  # stay responsive while building
        self.ready = True
        self.build_seconds = time.perf_counter() - started
        log.info("search index ready: %d customers in %.1f s", count, self.build_seconds)

    async def follow(self) -> None:
        """Apply customer events (from any instance) to the index."""
        from clientele.customers.events import CHANNEL as CUSTOMER_CHANNEL

        while True:
            try:
                async with pubsub.subscribe(CUSTOMER_CHANNEL) as messages:
                    async for message in messages:
                        await self.refresh(uuid.UUID(message["account"]),
                                           uuid.UUID(message["id"]))
            except ConnectionError:
                await asyncio.sleep(1)  # the broker reconnects; resubscribe

    async def _apply_all(self, rows: list) -> None:
        """Index `rows`, giving the event loop back every APPLY_CHUNK of them (indexing is CPU
        work that awaits nothing: 20,000 rows in one go held every request ~0.5 s)."""
        for i, row in enumerate(rows):
            self._apply(row)
            if i % APPLY_CHUNK == APPLY_CHUNK - 1:
                await asyncio.sleep(0)

    async def catch_up(self) -> int:
        """Apply customers changed since the last look, whoever wrote them: other processes
        (the CLI, a second server on memory://) publish no events to this one."""
        if self.watermark is None:
            return 0
        since, last_id = self.watermark - CATCH_UP_MARGIN, uuid.UUID(int=0)
        applied = 0
        while True:
            rows = await db.fetch_records(
                f"""SELECT {COLUMNS}, updated_at FROM customer WHERE (updated_at, id) > ($1, $2)
                    ORDER BY updated_at, id LIMIT $3""", since, last_id, BATCH)
            await self._apply_all(rows)
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

    async def refresh(self, account_id: uuid.UUID, customer_id: uuid.UUID) -> None:
        rows = await db.fetch_records(
            f"SELECT {COLUMNS} FROM customer WHERE account = $1 AND id = $2",
            account_id, customer_id)
        if rows:
            self._apply(rows[0])
        elif account_id in self.indexes:
            self.indexes[account_id].remove(customer_id)

    def search(self, account_id: uuid.UUID, query: str, first: int,
               full_text: bool = False) -> list[Hit] | None:
        """The best `first` hits, or None while the account's index is being built."""
        index = self.index_for(account_id)
        if index is None:
            return None
        return index.search(query, first, full_text=full_text)


service = SearchService()


@contextlib.asynccontextmanager
async def running() -> AsyncIterator[SearchService]:
    """In the app's lifespan: follow events first (so nothing is missed), then build; catch
    up every few seconds with what other processes wrote."""
    async with background.running(service.follow(), service.build(),
                                  service.catch_up_forever()):
        yield service
