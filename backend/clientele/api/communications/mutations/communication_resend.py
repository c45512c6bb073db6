"""communicationResend: send a failed or skipped message again (edit:customers), as a new
message; the failed one stays in the history."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.communications.mutations.payloads import CommunicationPayload
from clientele.api.communications.types import Communication
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.communications import messages


@mutation(Permission.EDIT_CUSTOMERS,
          description="Send a FAILED or SKIPPED message again (edit:customers): a new PENDING "
                      "message, composed afresh when sent (staff's own text as written); the "
                      "old one stays. Any other message, or one whose appointment is gone, "
                      "cancelled or over: INVALID_STATE; COMMUNICATION_BLOCKED and "
                      "CHANNEL_UNAVAILABLE as for messageSend.")
async def communication_resend(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The message to send again.")],
) -> CommunicationPayload:
    row = await messages.resend(info.context.actor, parse_id(id, "Communication"))
    return CommunicationPayload(communication=Communication.from_row(row))
