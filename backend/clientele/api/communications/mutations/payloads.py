"""Payloads shared by the message mutations."""

from __future__ import annotations

import strawberry

from clientele.api.communications.errors import MessageError
from clientele.api.communications.types import Communication, MessageTemplate
from clientele.api.fields import optional
from clientele.api.mutation import Payload


@strawberry.type(description="Result of messageSend or communicationResend.")
class CommunicationPayload(Payload, errors=MessageError, why="Why nothing was queued."):
    communication: Communication | None = optional(
        "The new message, PENDING: it is sent within seconds (null on error).")


@strawberry.type(description="Result of messageTemplateUpdate or messageTemplateReset.")
class MessageTemplatePayload(Payload, errors=MessageError):
    template: MessageTemplate | None = optional("The template now used (null on error).")
