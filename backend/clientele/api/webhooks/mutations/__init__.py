"""The webhook mutations, one per module; the Mutation root inherits this class."""

from __future__ import annotations

import strawberry

from clientele.api.webhooks.mutations.webhook_create import webhook_create
from clientele.api.webhooks.mutations.webhook_delete import webhook_delete
from clientele.api.webhooks.mutations.webhook_enable import webhook_enable
from clientele.api.webhooks.mutations.webhook_redeliver import webhook_redeliver
from clientele.api.webhooks.mutations.webhook_update import webhook_update


@strawberry.type
class WebhookMutations:
    """Webhook endpoints for partners, and redelivering what they missed."""

    webhook_create = webhook_create
    webhook_update = webhook_update
    webhook_delete = webhook_delete
    webhook_enable = webhook_enable
    webhook_redeliver = webhook_redeliver
