"""webhookCreate: a partner's endpoint; its signing secret is returned this once."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.fields import optional
from clientele.api.mutation import Payload, mutation
from clientele.api.webhooks.enums import WebhookEventTypeEnum
from clientele.api.webhooks.errors import WebhookError
from clientele.api.webhooks.types import WebhookEndpoint
from clientele.webhooks import endpoints
from clientele.webhooks.enums import WebhookEventType


@strawberry.input(description="A new webhook endpoint.")
class WebhookCreateInput:
    url: str = strawberry.field(
        description="http(s) URL, at most 2000 characters, on the public internet.")
    events: list[WebhookEventTypeEnum] = strawberry.field(
        description="The events to send there (at least one).")


@strawberry.type(description="Result of webhookCreate.")
class WebhookCreatePayload(Payload, errors=WebhookError):
    endpoint: WebhookEndpoint | None = optional("The new endpoint (null on error).")
    secret: str | None = optional(
        "The signing secret (whsec_…), shown this once: store it to verify the "
        "`webhook-signature` header (Standard Webhooks).")


@mutation(Permission.MANAGE_SETTINGS,
          description="Add a webhook endpoint; the answer holds its signing secret, which is "
                      "never shown again (manage:settings).")
async def webhook_create(
    info: Info,
    input: Annotated[WebhookCreateInput, strawberry.argument(description="The endpoint.")],
) -> WebhookCreatePayload:
    row = await endpoints.create(info.context.account.id, input.url,
                                 [WebhookEventType[e.name] for e in input.events])
    return WebhookCreatePayload(endpoint=WebhookEndpoint.from_row(row), secret=row["secret"])
