"""The error type shared by the webhook mutations."""

from __future__ import annotations

import strawberry

from clientele.api.mutation import UserError
from clientele.api.webhooks.enums import WebhookErrorCodeEnum


@strawberry.type(description="Why a webhook change failed; nothing was written.")
class WebhookError(UserError, codes=WebhookErrorCodeEnum):
    """userErrors of the webhook mutations."""
