"""webhookEnable: an endpoint disabled after persistent failure receives events again."""

from __future__ import annotations

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.api.webhooks.mutations.payloads import WebhookEndpointPayload
from clientele.api.webhooks.types import EndpointId, WebhookEndpoint
from clientele.webhooks import endpoints


@mutation(Permission.MANAGE_SETTINGS,
          description="Enable an endpoint again (after automatic disabling): new events are "
                      "recorded for it and its pending deliveries sent; failed ones can be "
                      "redelivered (manage:settings).")
async def webhook_enable(info: Info, id: EndpointId) -> WebhookEndpointPayload:
    row = await endpoints.enable(info.context.account.id, parse_id(id, "WebhookEndpoint"))
    return WebhookEndpointPayload(endpoint=WebhookEndpoint.from_row(row))
