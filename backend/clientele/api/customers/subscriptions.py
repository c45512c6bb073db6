"""customerChanged: live updates of customers, carried as ids and loaded per subscriber."""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator
from enum import Enum
from typing import Annotated, Any

import strawberry

from clientele.accounts.principal import Principal
from clientele.api.context import Context, Info
from clientele.api.customers.types import Customer
from clientele.api.subscription import LiveEvents
from clientele.core import ids
from clientele.customers.events import CHANNEL as CUSTOMER_CHANNEL


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


async def _changed(principal: Principal, message: Any) -> CustomerChangedEvent:
    fresh = Context(principal=principal)  # new loaders: no stale cache across events
    row = await fresh.loaders.customer_by_id.load(uuid.UUID(message["id"]))
    return CustomerChangedEvent(
        kind=ChangeKind(message["kind"]),
        customer_id=strawberry.ID(ids.encode("Customer", message["id"])),
        customer=Customer.from_row(row) if row else None,
    )


CUSTOMER_CHANGES = LiveEvents(CUSTOMER_CHANNEL, _changed, "id", "Customer")


@strawberry.type
class CustomerSubscriptions:
    @strawberry.subscription(description="Changes to customers of your account, or to one.")
    def customer_changed(
        self, info: Info,
        id: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only this customer; omit for every customer.")] = None,
    ) -> AsyncGenerator[CustomerChangedEvent, None]:
        return CUSTOMER_CHANGES.of(info, id)
