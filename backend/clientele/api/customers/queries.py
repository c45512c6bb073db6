"""Customer queries: one by ID and the keyset-paginated list."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.accounts.services import get_account_by_slug
from clientele.api.context import Info
from clientele.api.customers import data_export, merge_preview
from clientele.api.customers.connection import CustomerConnection, customer_connection
from clientele.api.customers.duplicates import DuplicateQueries
from clientele.api.customers.inputs import CustomerFilter, CustomerOrderBy
from clientele.api.customers.search import MAX_QUERY, match_of
from clientele.api.customers.types import Customer, CustomerId, CustomFieldDefinition
from clientele.api.enums import to_domain
from clientele.api.errors import ApiError, decode_id
from clientele.api.permissions import require
from clientele.api.relay import AFTER, FIRST, check_first
from clientele.api.rows import loaded
from clientele.core.cursors import InvalidCursor
from clientele.customers import custom_fields, filters, listing
from clientele.customers.enums import CommunicationStatus, CustomerSource

MAX_CUSTOM_CONDITIONS = 20


@strawberry.enum(description="What a customer search looks at.")
class SearchMode(Enum):
    IDENTITY = strawberry.enum_value(
        "IDENTITY", description="Name, email, phones and company (the default).")
    FULL_TEXT = strawberry.enum_value(
        "FULL_TEXT", description="Also notes, address and custom field values; those matches "
                                 "rank below the identity fields.")


def _domain_filter(filt: CustomerFilter | None) -> filters.CustomerFilter:
    if filt is None:
        return filters.CustomerFilter()
    if len(filt.custom_fields or ()) > MAX_CUSTOM_CONDITIONS:
        raise ApiError(f"At most {MAX_CUSTOM_CONDITIONS} custom field conditions.",
                       "INVALID_FILTER")
    status = to_domain(filt.communication_status, CommunicationStatus)
    source = to_domain(filt.source, CustomerSource)
    return filters.CustomerFilter(
        communication_status=status.value if status else None,
        source=source.value if source else None,
        archived=filt.archived,
        blocked=filt.blocked,
        has_upcoming_appointment=filt.has_upcoming_appointment,
        last_appointment_before=filt.last_appointment_before,
        last_appointment_after=filt.last_appointment_after,
        created_after=filt.created_after,
        created_before=filt.created_before,
        custom_fields=tuple(
            filters.CustomFieldCondition(
                key=c.key, equals=c.equals, contains=c.contains,
                any_of=tuple(c.in_) if c.in_ is not None else None,
                number_min=c.number_min, number_max=c.number_max, date_from=c.date_from,
                date_to=c.date_to, checked=c.checked)
            for c in filt.custom_fields or ()),
    )


@strawberry.type
class CustomerQueries(DuplicateQueries):
    @strawberry.field(description="The account's custom customer fields, in display order.")
    async def custom_field_definitions(
        self,
        info: Info,
        include_archived: Annotated[bool, strawberry.argument(
            description="Also list archived definitions.")] = False,
    ) -> list[CustomFieldDefinition]:
        require(info, Permission.READ_CUSTOMERS)
        defs = await info.context.loaders.custom_field_definitions.load(info.context.account.id)
        return [CustomFieldDefinition.from_definition(d)
                for d in defs.values() if include_archived or not d.archived]

    @strawberry.field(description="The custom fields a business's public booking form asks "
                                  "for (no login needed): those with inBookingForm, not "
                                  "archived, in display order.")
    async def booking_form_fields(
        self,
        account_slug: Annotated[str, strawberry.argument(description="The business.")],
    ) -> list[CustomFieldDefinition]:
        account = await get_account_by_slug(account_slug)
        if account is None:
            raise ApiError("Unknown business.", "NOT_FOUND")
        defs = await custom_fields.definitions(account.id)
        return [CustomFieldDefinition.from_definition(d) for d in defs.values()
                if d.in_booking_form and not d.archived]

    @strawberry.field(description="A customer of your account by global ID; null if unknown.")
    async def customer(self, info: Info, id: CustomerId) -> Customer | None:
        require(info, Permission.READ_CUSTOMERS)
        return await loaded(info.context.loaders.customer_by_id, decode_id(id, "Customer"),
                            Customer.from_row)

    @strawberry.field(description="Customers of your account, keyset-paginated; searched, "
                                  "filtered and sorted.")
    async def customers(
        self, info: Info, first: FIRST = 20, after: AFTER = None,
        search: Annotated[str | None, strawberry.argument(
            description=f"Typo-tolerant search as in searchCustomers (at most {MAX_QUERY} "
                        f"characters); lists at most {listing.MAX_SEARCH_RESULTS} best "
                        "matches, each edge with its `match`.")] = None,
        search_mode: Annotated[SearchMode, strawberry.argument(
            description="What the search looks at.")] = SearchMode.IDENTITY,
        order_by: Annotated[CustomerOrderBy | None, strawberry.argument(
            description="Sort order; default: RELEVANCE with a search, NAME ascending "
                        "without.")] = None,
        filter: Annotated[CustomerFilter | None, strawberry.argument(
            description="Conditions every listed customer meets.")] = None,
    ) -> CustomerConnection:
        require(info, Permission.READ_CUSTOMERS)
        check_first(first)
        account_id = info.context.account.id
        text = search if search is not None else (filter.search if filter else None)
        wanted = listing.Search(text[:MAX_QUERY], search_mode is SearchMode.FULL_TEXT) \
            if text and text.strip() else None
        order = listing.CustomerOrderField[order_by.field.name] if order_by else \
            listing.CustomerOrderField.RELEVANCE if wanted else listing.CustomerOrderField.NAME
        direction = listing.SortDirection[order_by.direction.name] if order_by else \
            listing.SortDirection.ASC
        domain_filter = _domain_filter(filter)
        try:
            definitions = await info.context.loaders.custom_field_definitions.load(
                account_id) if domain_filter.needs_definitions() else {}
            filters.validate(domain_filter, definitions)
            page = await listing.list_customers(account_id, first, after, order, direction,
                                                domain_filter, wanted)
        except InvalidCursor as exc:
            raise ApiError(str(exc), "INVALID_CURSOR") from exc
        except filters.InvalidFilter as exc:
            raise ApiError(str(exc), "INVALID_FILTER") from exc
        for row in page.rows:
            info.context.loaders.customer_by_id.prime(row["id"], row)
        custom_labels: dict[str, str] = {}
        if any(h.field.startswith("customFields.") for h in page.matches.values()):
            defs = await info.context.loaders.custom_field_definitions.load(account_id)
            custom_labels = {key: d.label for key, d in defs.items()}
        matches = [match_of(page.matches[r["id"]], wanted.text, r, custom_labels)
                   if wanted and r["id"] in page.matches else None for r in page.rows]
        return customer_connection(
            [Customer.from_row(r) for r in page.rows],
            [page.cursor(r) for r in page.rows],
            matches,
            page.has_next_page,
            after,
            page.total,
        )

    customer_data_export = strawberry.field(resolver=data_export.customer_data_export,
                                            description=data_export.DESCRIPTION)
    customer_merge_preview = strawberry.field(resolver=merge_preview.customer_merge_preview,
                                              description=merge_preview.DESCRIPTION)
