"""webhookRedeliver: send a delivery again, now."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.api.webhooks.mutations.payloads import WebhookDeliveryPayload
from clientele.api.webhooks.types import WebhookDelivery
from clientele.webhooks import endpoints


@mutation(Permission.MANAGE_SETTINGS,
          description="One more attempt of a delivery, now, with the same webhook-id and body "
                      "(manage:settings).")
async def webhook_redeliver(
    info: Info,
    delivery_id: Annotated[strawberry.ID, strawberry.argument(
        description="The delivery's ID (WebhookDelivery.id).")],
) -> WebhookDeliveryPayload:
    row = await endpoints.redeliver(info.context.account.id,
                                    parse_id(delivery_id, "WebhookDelivery", "delivery_id"))
    return WebhookDeliveryPayload(delivery=WebhookDelivery.from_row(row))
