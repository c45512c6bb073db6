"""The `customer` channel: a customer was created, updated or deleted.

Messages carry ids only: `{"account", "id", "kind"}` with `kind` one of KINDS. Subscribers
are the live `customerChanged` subscription (api/customers/subscriptions.py) and every
instance's search index (customers/search/service.py), which reloads the row.

`publish` goes through `core.pubsub.publish`: inside the write's transaction the message waits
for the outermost commit and is dropped on rollback.
"""

from __future__ import annotations

import uuid
from typing import Any

from clientele.core import pubsub

CHANNEL = "customer"
KINDS = ("created", "updated", "deleted")


def payload(account_id: uuid.UUID, customer_id: uuid.UUID, kind: str) -> dict[str, Any]:
    assert kind in KINDS, kind
    return {"account": str(account_id), "id": str(customer_id), "kind": kind}


async def publish(account_id: uuid.UUID, customer_id: uuid.UUID, kind: str) -> None:
    await pubsub.publish(CHANNEL, payload(account_id, customer_id, kind))
