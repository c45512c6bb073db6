"""The `customer` channel: a customer was created, updated or deleted.

Messages carry ids only: `{"account", "id", "kind"}` with `kind` one of KINDS. Subscribers
are the live `customerChanged` subscription (api/customers/subscriptions.py) and every
instance's search index (customers/search/service.py), which reloads the row.

`publish` goes through `core.pubsub.publish`: inside the write's transaction the message waits
for the outermost commit and is dropped on rollback. The same call records the partners'
webhook (`customer.<kind>`) in that transaction (webhooks/outbox.py); a merge and an erasure
announce themselves through `merged` and `erased`, which publish the channel's messages and
record `customer.merged` / `customer.erased` instead. Webhook data is ids only.
"""

from __future__ import annotations

import uuid
from typing import Any

from clientele.core import ids, pubsub
from clientele.webhooks import outbox
from clientele.webhooks.enums import WebhookEventType as W

CHANNEL = "customer"
KINDS = ("created", "updated", "deleted")
_WEBHOOKS = {"created": W.CUSTOMER_CREATED, "updated": W.CUSTOMER_UPDATED,
             "deleted": W.CUSTOMER_DELETED}


def payload(account_id: uuid.UUID, customer_id: uuid.UUID, kind: str) -> dict[str, Any]:
    assert kind in KINDS, kind
    return {"account": str(account_id), "id": str(customer_id), "kind": kind}


def global_id(customer_id: uuid.UUID) -> str:
    """The customer's ID in the API (what a partner passes to `customer(id:)`)."""
    return ids.encode("Customer", customer_id)


async def publish(account_id: uuid.UUID, customer_id: uuid.UUID, kind: str,
                  *, webhook: bool = True) -> None:
    await pubsub.publish(CHANNEL, payload(account_id, customer_id, kind))
    if webhook:
        await outbox.record(account_id, _WEBHOOKS[kind], {"id": global_id(customer_id)})


async def merged(account_id: uuid.UUID, kept_id: uuid.UUID, merged_id: uuid.UUID) -> None:
    """`merged_id` was merged into `kept_id` (and deleted)."""
    await publish(account_id, merged_id, "deleted", webhook=False)
    await publish(account_id, kept_id, "updated", webhook=False)
    await outbox.record(account_id, W.CUSTOMER_MERGED,
                        {"id": global_id(kept_id), "mergedId": global_id(merged_id)})


async def erased(account_id: uuid.UUID, customer_id: uuid.UUID) -> None:
    """The customer's personal data was erased (the row deleted)."""
    await publish(account_id, customer_id, "deleted", webhook=False)
    await outbox.record(account_id, W.CUSTOMER_ERASED, {"id": global_id(customer_id)})
