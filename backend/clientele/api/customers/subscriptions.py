"""customerChanged: live updates of customers, carried as ids and loaded per subscriber."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from enum import Enum
from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Context, Info
from clientele.api.customers.types import Customer
from clientele.api.errors import decode_id
from clientele.api.permissions import require
from clientele.core import ids, pubsub
from clientele.customers.services import CUSTOMER_CHANNEL


@strawberry.enum(description="What happened to a customer.")
class ChangeKind(Enum):
    CREATED = strawberry.enum_value("created", description="The customer was created.")
    UPDATED = strawberry.enum_value("updated", description="The customer changed.")
    DELETED = strawberry.enum_value("deleted", description="The customer was deleted.")


@strawberry.type(description="A change to a customer.")
class CustomerChangedEvent:
    kind: ChangeKind = strawberry.field(description="Created, updated or deleted.")
    customer_id: strawberry.ID = strawberry.field(description="The customer's global ID.")
    customer: Customer | None = strawberry.field(
        description="The customer as it is now (null once deleted).")


@strawberry.type
class CustomerSubscriptions:
    @strawberry.subscription(description="Changes to customers of your account, or to one.")
    async def customer_changed(
        self,
        info: Info,
        id: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only this customer; omit for every customer.")] = None,
    ) -> AsyncGenerator[CustomerChangedEvent, None]:
        require(info, Permission.READ_CUSTOMERS)
        principal = info.context.principal
        account = principal.account
        wanted = decode_id(id, "Customer") if id is not None else None
        async with pubsub.subscribe(CUSTOMER_CHANNEL) as messages:
            async for message in messages:
                if message["account"] != str(account.id):
                    continue
                if wanted is not None and message["id"] != str(wanted):
                    continue
                fresh = Context(principal=principal)  # new loaders: no stale cache across events
                row = await fresh.loaders.customer_by_id.load(_uuid(message["id"]))
                yield CustomerChangedEvent(
                    kind=ChangeKind(message["kind"]),
                    customer_id=strawberry.ID(ids.encode("Customer", message["id"])),
                    customer=Customer.from_row(row) if row else None,
                )


def _uuid(value: str):
    import uuid

    return uuid.UUID(value)
