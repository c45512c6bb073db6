"""The messages' GraphQL enums: what a message is, and why a message mutation refused."""

from __future__ import annotations

from clientele.api.enums import api_enum
from clientele.communications.enums import MessageKind
from clientele.communications.errors import MessageErrorCode

MessageKindEnum = api_enum(
    MessageKind, "MessageKind", "What a message is about.",
    {"CONFIRMATION": "An appointment was booked or confirmed.",
     "REQUESTED": "An online booking request was received (staff confirm it later).",
     "REMINDER": "A reminder of an upcoming appointment (the account's reminderHours before "
                 "it).",
     "MOVED": "An appointment's time changed.",
     "CANCELLED": "An appointment was cancelled.",
     "MANUAL": "Staff wrote it (messageSend)."},
)
MessageErrorCodeEnum = api_enum(
    MessageErrorCode, "MessageErrorCode",
    "Why a message, template or preferences change was refused; nothing was written.",
    {"REQUIRED": "A required value is missing.",
     "INVALID": "The value is not acceptable (see the message).",
     "TOO_LONG": "A text is too long.",
     "NOT_FOUND": "No such customer, appointment or message in your account.",
     "INVALID_EMAIL": "Not a valid email address.",
     "INVALID_PHONE": "Not a valid phone number.",
     "DUPLICATE": "Another customer has this email address or phone number.",
     "COMMUNICATION_BLOCKED": "Communication with this customer is blocked: nothing is sent.",
     "CHANNEL_UNAVAILABLE": "The channel is switched off for this customer or has no address.",
     "INVALID_STATE": "Not possible in the message's state (only FAILED or SKIPPED messages "
                      "are sent again; its appointment is gone, cancelled or over).",
     "INVALID_LINK": "The preferences link is not valid (changed, foreign, or its customer is "
                     "gone).",
     "LINK_EXPIRED": "The preferences link is too old; a newer message carries a new one.",
     "RATE_LIMITED": "Too many requests from this address; try again later."},
)
