"""customerErase: the right to be forgotten (customers/erasure.py)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.errors import CustomerError
from clientele.api.customers.types import CustomerGlobalId
from clientele.api.errors import parse_id
from clientele.api.mutation import Payload, mutation
from clientele.customers import erasure


@strawberry.type(description="Result of customerErase.")
class CustomerErasePayload(Payload, errors=CustomerError,
                           why="Why nothing was erased; empty on success."):
    erased: bool = strawberry.field(
        default=False, description="true once the customer's personal data is erased.")


@mutation(Permission.DELETE_CUSTOMERS, description=(
    "Erase a customer's personal data everywhere it is held (right to be forgotten), in one "
    "transaction: the profile and custom values; the recipients, subjects and bodies of their "
    "messages; the values in their history (entries keep action, actor and time); their rows "
    "in imports (staged and rejected rows, undo snapshots, previews, a stored file holding "
    "them); their blocked booking attempts; the search index on every instance. Their "
    "appointments stay as anonymised facts (time, duration, services, status). A keyed hash "
    "of their email and phones (no clear text) keeps calendar sync and imports from creating "
    "them again: their events stay unlinked and marked, import rows are rejected; a booking "
    "is the person coming back and lifts it. The erasure is recorded in the history without "
    "personal data (ERASED). Refused with UPCOMING_APPOINTMENTS while the customer has "
    "appointments not cancelled and not ended, unless `force`; refused (INVALID) while block "
    "rules name the customer."))
async def customer_erase(
    info: Info, id: CustomerGlobalId,
    force: Annotated[bool | None, strawberry.argument(
        description="true: erase even with upcoming appointments (they stay booked, "
                    "anonymised). Needs no other permission than delete:customers; it is the "
                    "explicit confirmation.")] = False,
) -> CustomerErasePayload:
    erased = await erasure.erase(info.context.actor, parse_id(id, "Customer"), bool(force))
    return CustomerErasePayload(erased=erased)
