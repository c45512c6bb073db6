"""The customer list: search, filters, sorting and keyset pagination (never OFFSET).

With a search, the in-process index ranks the account's customers and the best
MAX_SEARCH_RESULTS hits are then filtered and sorted by PostgreSQL. Until the index is ready
(right after start) a plain substring match answers instead, sorted by name.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from clientele.core import db
from clientele.core.cursors import decode_cursor, encode_cursor
from clientele.customers.filters import LAST_APPOINTMENT_SQL, CustomerFilter, Where, where
from clientele.customers.search.index import CANDIDATES, Hit
from clientele.customers.search.service import service as search_service

MAX_SEARCH_RESULTS = CANDIDATES
NEVER = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)  # sort key of "no appointment yet"
NOTHING_AHEAD = dt.datetime(2200, 1, 1, tzinfo=dt.UTC)  # sort key of "no next appointment"


class CustomerOrderField(str, Enum):
    RELEVANCE = "RELEVANCE"
    NAME = "NAME"
    CREATED_AT = "CREATED_AT"
    UPDATED_AT = "UPDATED_AT"
    LAST_APPOINTMENT = "LAST_APPOINTMENT"
    LAST_VISIT = "LAST_VISIT"
    NEXT_APPOINTMENT = "NEXT_APPOINTMENT"


class SortDirection(str, Enum):
    ASC = "ASC"
    DESC = "DESC"


SORT_KEY: dict[CustomerOrderField, tuple[str, type]] = {
    CustomerOrderField.NAME: ("customer.sort_name", str),
    CustomerOrderField.CREATED_AT: ("customer.created_at", dt.datetime),
    CustomerOrderField.UPDATED_AT: ("customer.updated_at", dt.datetime),
    CustomerOrderField.LAST_APPOINTMENT: (  # the expression of customer_account_last_appointment
        f"coalesce({LAST_APPOINTMENT_SQL}, '{NEVER.isoformat()}'::timestamptz)", dt.datetime),
    # the expressions of customer_account_last_visit and customer_account_next_appointment
    CustomerOrderField.LAST_VISIT: (
        f"coalesce(customer.last_visit_at, '{NEVER.isoformat()}'::timestamptz)", dt.datetime),
    CustomerOrderField.NEXT_APPOINTMENT: (
        f"coalesce(customer.next_appointment_at, '{NOTHING_AHEAD.isoformat()}'::timestamptz)",
        dt.datetime),
    CustomerOrderField.RELEVANCE: ("hit.score", float),
}


@dataclass(frozen=True)
class Search:
    text: str
    full_text: bool = False


@dataclass(frozen=True)
class _Plan:
    """The SQL pieces shared by the page and its count."""
    where: Where
    join: str
    order: CustomerOrderField
    hits: list[Hit] | None


@dataclass(frozen=True)
class Page:
    rows: list[Any]
    has_next_page: bool
    matches: dict[uuid.UUID, Hit] = field(default_factory=dict)
    plan: _Plan | None = None
    counted: int | None = None  # the total, when the page's statement counted it

    def cursor(self, row: Any) -> str:
        return encode_cursor(row["sort_key"], row["id"])

    async def total(self) -> int:
        """How many customers the whole list has (all pages), from the same search."""
        if self.counted is not None:
            return self.counted
        assert self.plan is not None
        return await count_customers(self.plan)


PHONE_LIKE = re.compile(r"^\+?[\d\s().\-/]{3,}$")


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _substring(w: Where, text: str) -> None:
    """The fallback search while the index builds: every word is a substring of the name,
    email or company, or a phone fragment matches the digits."""
    text = text.strip().lower()
    if PHONE_LIKE.match(text):
        digits = w.arg(_like("".join(ch for ch in text if ch.isdigit()).lstrip("0")))
        w.add(f"(customer.mobile_phone LIKE {digits} OR customer.landline_phone LIKE {digits})")
        return
    for word in text.split()[:8]:
        pattern = w.arg(_like(word))
        w.add(f"(customer.sort_name LIKE {pattern} OR customer.email LIKE {pattern} "
              f"OR lower(coalesce(customer.company, '')) LIKE {pattern})")


def _plan(account_id: uuid.UUID, filt: CustomerFilter, search: Search | None,
          order: CustomerOrderField) -> _Plan:
    w = where(account_id, filt)
    hits: list[Hit] | None = None
    join = ""
    if search is not None and search.text.strip():
        hits = search_service.search(account_id, search.text, MAX_SEARCH_RESULTS,
                                     full_text=search.full_text)
        if hits is None:
            _substring(w, search.text)
        else:
            ids = w.arg([h.id for h in hits])
            scores = w.arg([h.score for h in hits])
            join = (f"JOIN unnest({ids}::uuid[], {scores}::float8[]) WITH ORDINALITY "
                    "AS hit(id, score, rank) ON hit.id = customer.id")
    if order is CustomerOrderField.RELEVANCE and hits is None:
        order = CustomerOrderField.NAME  # nothing to rank by
    return _Plan(w, join, order, hits)


def selection(account_id: uuid.UUID, filt: CustomerFilter, search: Search | None) -> _Plan:
    """What the list shows for this filter and search, in its default order (relevance with
    a search the index answered, else name): the export (customers/export.py) reads it."""
    order = CustomerOrderField.RELEVANCE if search is not None and search.text.strip() \
        else CustomerOrderField.NAME
    return _plan(account_id, filt, search, order)


async def list_customers(
    account_id: uuid.UUID,
    first: int,
    after: str | None,
    order: CustomerOrderField,
    direction: SortDirection,
    filt: CustomerFilter,
    search: Search | None = None,
) -> Page:
    plan = _plan(account_id, filt, search, order)
    expression, kind = SORT_KEY[plan.order]
    w = plan.where.copy()
    keyset = "TRUE"
    if plan.order is CustomerOrderField.RELEVANCE:
        sql_order = "sort_key DESC, id ASC"  # best first, whatever the direction
        if after:
            score, last_id = decode_cursor(after, (float, uuid.UUID))
            s, i = w.arg(score), w.arg(last_id)
            keyset = f"(sort_key < {s} OR (sort_key = {s} AND id > {i}))"
    else:
        op, sql_dir = (">", "ASC") if direction is SortDirection.ASC else ("<", "DESC")
        sql_order = f"sort_key {sql_dir}, id {sql_dir}"
        if after:
            value, last_id = decode_cursor(after, (kind, uuid.UUID))
            keyset = f"(sort_key, id) {op} ({w.arg(value)}, {w.arg(last_id)})"
    limit = w.arg(first + 1)
    # A search lists at most MAX_SEARCH_RESULTS customers, so counting them all in the same
    # statement is cheap (and saves the second one); the window keeps the keyset condition
    # from narrowing the count.
    total = ", count(*) OVER () AS total_matches" if plan.hits is not None else ""
    rank = ", hit.rank AS hit_rank" if plan.hits is not None else ""
    rows = await db.fetch_records(
        f"""SELECT * FROM (SELECT customer.*, {expression} AS sort_key{rank}{total} FROM customer
                           {plan.join} WHERE {w.sql()}) AS listed
            WHERE {keyset} ORDER BY {sql_order} LIMIT {limit}""",
        *w.args,
    )
    page_rows = list(rows[:first])
    hits = plan.hits or []
    return Page(rows=page_rows, has_next_page=len(rows) > first,
                matches={r["id"]: hits[r["hit_rank"] - 1] for r in page_rows} if rank else {},
                plan=plan, counted=rows[0]["total_matches"] if total and rows else None)


async def count_customers(plan: _Plan) -> int:
    rows = await db.fetch_records(
        f"SELECT count(*) AS n FROM customer {plan.join} WHERE {plan.where.sql()}",
        *plan.where.args,
    )
    return int(rows[0]["n"])


@dataclass(frozen=True)
class QuickSearch:
    """searchCustomers' answer: `hits`, best first. `ranked` is false while the index is
    being built: the database answered with a substring match sorted by name, each hit on the
    customer's name with score 0, and `rows` holds the customers it read (by id)."""
    hits: list[Hit]
    ranked: bool = True
    rows: dict[uuid.UUID, Any] = field(default_factory=dict)


async def quick_search(account_id: uuid.UUID, text: str, first: int) -> QuickSearch:
    """The best `first` customers for what staff typed (searchCustomers)."""
    hits = search_service.search(account_id, text, first)
    if hits is not None:
        return QuickSearch(hits)
    page = await list_customers(account_id, first, None, CustomerOrderField.NAME,
                                SortDirection.ASC, CustomerFilter(), Search(text))
    return QuickSearch(
        [Hit(r["id"], 0.0, "name", " ".join(p for p in (r["first_name"], r["last_name"]) if p))
         for r in page.rows], ranked=False, rows={r["id"]: r for r in page.rows})
