"""The account's webhook endpoints with their delivery log (manage:settings)."""

from __future__ import annotations

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.permissions import require
from clientele.api.webhooks.types import WebhookEndpoint
from clientele.webhooks import endpoints


@strawberry.type
class WebhookQueries:
    @strawberry.field(description="The account's webhook endpoints, oldest first, each with "
                                  "its deliveries (manage:settings). Secrets are never shown "
                                  "again after webhookCreate.")
    async def webhooks(self, info: Info) -> list[WebhookEndpoint]:
        require(info, Permission.MANAGE_SETTINGS)
        return [WebhookEndpoint.from_row(r)
                for r in await endpoints.list_for(info.context.account.id)]
