"""preferencesUpdate: the customer changes how the business contacts them, from the link in a
message (no login; rate-limited per IP)."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from clientele.api.communications.errors import MessageError
from clientele.api.communications.public import admit
from clientele.api.communications.types import Preferences
from clientele.api.context import Info
from clientele.api.enums import MediumEnum
from clientele.api.fields import optional
from clientele.api.mutation import Payload, mutation
from clientele.communications import preferences


@strawberry.input(description="What the customer changes; omitted (or null) fields stay.")
class PreferencesInput:
    preferred_medium: MediumEnum | None = optional("The channel to try first.")
    preferred_language: str | None = optional(
        "The language of messages: en, de, fr or it (or another language tag such as de-CH; "
        "messages come in the business's language when it is none of them).")
    email_enabled: bool | None = optional("Emails may be sent.")
    sms_enabled: bool | None = optional("SMS may be sent.")
    email: str | None = optional("A corrected email address (not one another customer has).")
    mobile_phone: str | None = optional(
        "A corrected mobile phone number, for SMS (not one another customer has).")


def _changes(input: PreferencesInput) -> dict[str, Any]:
    changes = {name: getattr(input, name) for name in preferences.FIELDS
               if getattr(input, name) is not None}
    if input.preferred_medium is not None:
        changes["preferred_medium"] = input.preferred_medium.name
    return changes


@strawberry.type(description="Result of preferencesUpdate.")
class PreferencesUpdatePayload(Payload, errors=MessageError):
    preferences: Preferences | None = optional("The preferences now (null on error).")


@mutation(public=True,
          description="The customer changes how the business contacts them, with the token of "
                      "the link in a message; no login (rate-limited per IP: RATE_LIMITED). "
                      "INVALID_LINK for a changed or unknown token, LINK_EXPIRED for an old "
                      "one; an address another customer has is refused (DUPLICATE). The change "
                      "is in the customer's history as 'Customer (preferences page)'.")
async def preferences_update(
    info: Info,
    token: Annotated[str, strawberry.argument(description="The token of the link.")],
    input: Annotated[PreferencesInput, strawberry.argument(description="The changes.")],
) -> PreferencesUpdatePayload:
    await admit(info, token)
    page = await preferences.update(token, _changes(input))
    return PreferencesUpdatePayload(preferences=Preferences.of(page))
