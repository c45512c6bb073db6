"""webhookUpdate: another URL or other events for an endpoint."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.fields import optional
from clientele.api.mutation import mutation
from clientele.api.webhooks.enums import WebhookEventTypeEnum
from clientele.api.webhooks.mutations.payloads import WebhookEndpointPayload
from clientele.api.webhooks.types import EndpointId, WebhookEndpoint
from clientele.webhooks import endpoints
from clientele.webhooks.enums import WebhookEventType


@strawberry.input(description="Changes to a webhook endpoint; omitted fields stay.")
class WebhookUpdateInput:
    url: str | None = optional("New URL (checked like webhookCreate's).")
    events: list[WebhookEventTypeEnum] | None = optional("New list of events (at least one).")


@mutation(Permission.MANAGE_SETTINGS,
          description="Change a webhook endpoint's URL or events (manage:settings).")
async def webhook_update(
    info: Info, id: EndpointId,
    input: Annotated[WebhookUpdateInput, strawberry.argument(description="Changes.")],
) -> WebhookEndpointPayload:
    events = None if input.events is None else [WebhookEventType[e.name] for e in input.events]
    row = await endpoints.update(info.context.account.id, parse_id(id, "WebhookEndpoint"),
                                 input.url, events)
    return WebhookEndpointPayload(endpoint=WebhookEndpoint.from_row(row))
