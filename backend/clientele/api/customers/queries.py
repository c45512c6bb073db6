"""Customer queries: one by ID and the keyset-paginated list."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.inputs import CustomerFilter, CustomerOrderBy
from clientele.api.customers.types import Customer, CustomFieldDefinition
from clientele.api.enums import to_domain
from clientele.api.errors import ApiError, decode_id
from clientele.api.permissions import require
from clientele.api.relay import Connection, check_first, make_connection
from clientele.core.cursors import InvalidCursor
from clientele.customers import listing
from clientele.customers.enums import CommunicationStatus, CustomerSource


def _domain_filter(filt: CustomerFilter | None) -> listing.CustomerFilter:
    if filt is None:
        return listing.CustomerFilter()
    status = to_domain(filt.communication_status, CommunicationStatus)
    source = to_domain(filt.source, CustomerSource)
    return listing.CustomerFilter(
        search=filt.search,
        communication_status=status.value if status else None,
        source=source.value if source else None,
        archived=filt.archived,
    )


@strawberry.type
class CustomerQueries:
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

    @strawberry.field(description="A customer of your account by global ID; null if unknown.")
    async def customer(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The customer's ID.")],
    ) -> Customer | None:
        require(info, Permission.READ_CUSTOMERS)
        row = await info.context.loaders.customer_by_id.load(decode_id(id, "Customer"))
        return Customer.from_row(row) if row else None

    @strawberry.field(description="Customers of your account, keyset-paginated.")
    async def customers(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description="Page size, 0 to 100.")] = 20,
        after: Annotated[str | None, strawberry.argument(
            description="Cursor after which the page starts (`pageInfo.endCursor`).")] = None,
        order_by: Annotated[CustomerOrderBy | None, strawberry.argument(
            description="Sort order; default by name, ascending.")] = None,
        filter: Annotated[CustomerFilter | None, strawberry.argument(
            description="Conditions every listed customer meets.")] = None,
    ) -> Connection[Customer]:
        require(info, Permission.READ_CUSTOMERS)
        check_first(first)
        account_id = info.context.account.id
        order = listing.CustomerOrderField[order_by.field.name] if order_by else \
            listing.CustomerOrderField.NAME
        direction = listing.SortDirection[order_by.direction.name] if order_by else \
            listing.SortDirection.ASC
        domain_filter = _domain_filter(filter)
        try:
            page = await listing.list_customers(account_id, first, after, order, direction,
                                                domain_filter)
        except InvalidCursor as exc:
            raise ApiError(str(exc), "INVALID_CURSOR") from exc
        for row in page.rows:
            info.context.loaders.customer_by_id.prime(row["id"], row)

        async def total() -> int:
            return await listing.count_customers(account_id, domain_filter)

        return make_connection(
            [Customer.from_row(r) for r in page.rows],
            [page.cursor(r, order) for r in page.rows],
            page.has_next_page,
            after,
            total,
        )
