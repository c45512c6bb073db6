"""Payloads shared by the webhook mutations."""

from __future__ import annotations

import strawberry

from clientele.api.fields import optional
from clientele.api.mutation import Payload
from clientele.api.webhooks.errors import WebhookError
from clientele.api.webhooks.types import WebhookDelivery, WebhookEndpoint


@strawberry.type(description="Result of webhookUpdate, webhookDelete or webhookEnable.")
class WebhookEndpointPayload(Payload, errors=WebhookError):
    endpoint: WebhookEndpoint | None = optional(
        "The endpoint (null after deletion or on error).")


@strawberry.type(description="Result of webhookRedeliver.")
class WebhookDeliveryPayload(Payload, errors=WebhookError):
    delivery: WebhookDelivery | None = optional("The delivery, due again (null on error).")
