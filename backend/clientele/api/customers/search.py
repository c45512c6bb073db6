"""searchCustomers: ranked, typo-tolerant hits with the field that matched and its span."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from rapidfuzz import fuzz

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.types import Customer
from clientele.api.permissions import require
from clientele.api.relay import check_first
from clientele.customers import listing
from clientele.customers.rows import address_line, custom_values
from clientele.customers.search.index import Hit

MAX_QUERY = 200


@strawberry.type(description="Where the query matched inside `value` (character offsets).")
class Highlight:
    start: int = strawberry.field(description="First matched character.")
    end: int = strawberry.field(description="One past the last matched character.")


@strawberry.type(description="Why a customer matched a search: the best-matching field.")
class SearchMatch:
    score: float = strawberry.field(
        description="Relevance; exact and prefix matches score above fuzzy ones, full-text "
                    "matches (notes, address, custom fields) below identity fields.")
    field: str = strawberry.field(
        description="What matched: name, email, phone, company, or in full-text mode notes, "
                    "address or customFields.<key>.")
    label: str = strawberry.field(
        description="The matched field as staff know it: Name, Email, Phone, Company, Notes, "
                    "Address, or the custom field's label.")
    value: str = strawberry.field(description="The matched value as stored.")
    highlight: Highlight | None = strawberry.field(description="The matched span of `value`.")


FIELD_LABELS = {"name": "Name", "email": "Email", "phone": "Phone", "company": "Company",
                "notes": "Notes", "address": "Address"}


@strawberry.type(description="A customer found by searchCustomers.")
class CustomerSearchHit:
    customer: Customer = strawberry.field(description="The customer.")
    score: float = strawberry.field(
        description="Relevance; exact and prefix matches score above fuzzy ones.")
    field: str = strawberry.field(description="What matched: name, email, phone or company.")
    value: str = strawberry.field(description="The matched value.")
    highlight: Highlight | None = strawberry.field(description="The matched span of `value`.")


def _span(query: str, value: str) -> Highlight | None:
    alignment = fuzz.partial_ratio_alignment(query.casefold().strip(), value.casefold())
    if alignment is None or alignment.score < 50:
        return None
    return Highlight(start=alignment.dest_start, end=alignment.dest_end)


def match_of(hit: Hit, query: str, row: Any, custom_labels: dict[str, str]) -> SearchMatch:
    """The hit as the API shows it: full-text fields show the stored (unfolded) text."""
    value = hit.value
    label = FIELD_LABELS.get(hit.field, hit.field)
    if hit.field == "notes":
        value = row["notes"] or ""
    elif hit.field == "address":
        value = address_line(row)
    elif hit.field.startswith("customFields."):
        key = hit.field.split(".", 1)[1]
        value = str(custom_values(row).get(key, ""))
        label = custom_labels.get(key, key)
    return SearchMatch(score=round(hit.score, 1), field=hit.field, label=label, value=value,
                       highlight=_span(query, value))


async def search_customers(
    info: Info,
    query: Annotated[str, strawberry.argument(
        description=f"What staff typed: name parts (typos allowed), phone fragments in any "
                    f"format, email prefixes or domains, company. At most {MAX_QUERY} "
                    "characters.")],
    first: Annotated[int, strawberry.argument(description="How many hits, 0 to 100.")] = 10,
) -> list[CustomerSearchHit]:
    require(info, Permission.READ_CUSTOMERS)
    check_first(first)
    query = query[:MAX_QUERY]
    found = await listing.quick_search(info.context.account.id, query, first)
    loader = info.context.loaders.customer_by_id
    for pk, row in found.rows.items():
        loader.prime(pk, row)
    rows = await loader.load_many([h.id for h in found.hits])
    return [CustomerSearchHit(customer=Customer.from_row(row), score=round(h.score, 1),
                              field=h.field, value=h.value,
                              highlight=_span(query, h.value) if found.ranked else None)
            for h, row in zip(found.hits, rows, strict=True) if row is not None]
