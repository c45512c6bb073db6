"""node(id) and nodes(ids): fetch any object by global ID, scoped to the caller's account."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.appointments.types import Appointment
from clientele.api.communications.types import Communication
from clientele.api.context import Info
from clientele.api.customers.types import Customer
from clientele.api.errors import ApiError
from clientele.api.permissions import require
from clientele.api.relay import MAX_PAGE_SIZE, Node
from clientele.api.rows import loaded
from clientele.core import ids

NODE_TYPES: dict[str, tuple[str, Any]] = {
    "Customer": ("customer_by_id", Customer),
    "Appointment": ("appointment_by_id", Appointment),
    "Communication": ("communication_by_id", Communication),
}


async def _resolve(info: Info, global_id: str) -> Node | None:
    require(info, Permission.READ_CUSTOMERS)  # every node type so far is customer data
    try:
        type_name, pk = ids.decode(global_id)
    except ids.InvalidGlobalId as exc:
        raise ApiError(str(exc), "INVALID_ID") from exc
    if type_name not in NODE_TYPES:
        raise ApiError(f"ID {global_id!r} names no known type.", "INVALID_ID")
    loader_name, api_type = NODE_TYPES[type_name]
    return await loaded(getattr(info.context.loaders, loader_name), pk, api_type.from_row)


@strawberry.type
class NodeQueries:
    @strawberry.field(description="Any object by its global ID; null if unknown to you.")
    async def node(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="A global ID.")],
    ) -> Node | None:
        return await _resolve(info, str(id))

    @strawberry.field(description="Several objects by global ID, in the order asked (max 100).")
    async def nodes(
        self,
        info: Info,
        ids: Annotated[list[strawberry.ID], strawberry.argument(description="Global IDs.")],
    ) -> list[Node | None]:
        if len(ids) > MAX_PAGE_SIZE:
            raise ApiError(f"At most {MAX_PAGE_SIZE} IDs at once.", "BAD_PAGE_SIZE")
        return list(await asyncio.gather(*(_resolve(info, str(i)) for i in ids)))
