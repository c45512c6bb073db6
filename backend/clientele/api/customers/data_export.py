"""customerDataExport(id): the GDPR access file of one customer (customers/data_export.py)."""

from __future__ import annotations

from typing import Any

from strawberry.scalars import JSON

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.types import CustomerId
from clientele.api.errors import decode_id
from clientele.api.permissions import require
from clientele.customers import data_export

DESCRIPTION = (
    "Everything held about one customer as one JSON document (GDPR access request): profile, "
    "custom fields, appointments, communications, matching block rules and refused bookings, "
    "history. Null if unknown to you. Needs export:customers. Also a download: "
    "GET /export/customers/{id}.json.")


async def customer_data_export(info: Info, id: CustomerId) -> JSON | None:
    require(info, Permission.EXPORT_CUSTOMERS)
    customer_id = decode_id(id, "Customer")
    account = info.context.account
    document: Any = await data_export.customer_document(account.id, customer_id, account.name)
    return document
