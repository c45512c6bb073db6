"""messageSend: a message staff write to a customer (edit:customers), by the channel they
choose; refused at once when nothing could be sent (communication blocked, the channel off or
without an address)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.communications.mutations.payloads import CommunicationPayload
from clientele.api.communications.types import Communication
from clientele.api.context import Info
from clientele.api.enums import MediumEnum
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.communications import messages


@mutation(Permission.EDIT_CUSTOMERS,
          description="Send a customer a message you write, by email or SMS (edit:customers). "
                      "It is queued (PENDING) and sent within seconds, laid out like every "
                      "message, with the link to the customer's preferences. "
                      "Refused when communication with the customer is blocked "
                      "(COMMUNICATION_BLOCKED) or the channel is off or has no address "
                      "(CHANNEL_UNAVAILABLE).")
async def message_send(
    info: Info,
    customer_id: Annotated[strawberry.ID, strawberry.argument(description="The customer.")],
    medium: Annotated[MediumEnum, strawberry.argument(description="Email or SMS.")],
    body: Annotated[str, strawberry.argument(
        description=f"The text: 1 to {messages.MAX_BODY} characters, at most "
                    f"{messages.MAX_SMS_BODY} for an SMS.")],
    subject: Annotated[str | None, strawberry.argument(
        description=f"The subject: required for an email (1 to {messages.MAX_SUBJECT} "
                    "characters, on one line); ignored for an SMS.")] = None,
    appointment_id: Annotated[strawberry.ID | None, strawberry.argument(
        description="The customer's appointment the message is about, if any.")] = None,
) -> CommunicationPayload:
    row = await messages.send(
        info.context.actor, parse_id(customer_id, "Customer", "customer_id"), medium.name,
        subject, body,
        parse_id(appointment_id, "Appointment", "appointment_id")
        if appointment_id is not None else None)
    return CommunicationPayload(communication=Communication.from_row(row))
