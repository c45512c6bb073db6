"""webhookDelete: remove an endpoint with its deliveries."""

from __future__ import annotations

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.api.webhooks.mutations.payloads import WebhookEndpointPayload
from clientele.api.webhooks.types import EndpointId
from clientele.webhooks import endpoints


@mutation(Permission.MANAGE_SETTINGS,
          description="Remove a webhook endpoint with its delivery log; nothing more is sent "
                      "to it (manage:settings).")
async def webhook_delete(info: Info, id: EndpointId) -> WebhookEndpointPayload:
    await endpoints.delete(info.context.account.id, parse_id(id, "WebhookEndpoint"))
    return WebhookEndpointPayload(endpoint=None)
