"""The error type shared by the message mutations."""

from __future__ import annotations

import strawberry

from clientele.api.communications.enums import MessageErrorCodeEnum
from clientele.api.mutation import UserError


@strawberry.type(description="Why a message, template or preferences change was refused; "
                             "nothing was written.")
class MessageError(UserError, codes=MessageErrorCodeEnum):
    """userErrors of messageSend, communicationResend, messageTemplateUpdate,
    messageTemplateReset and preferencesUpdate."""
