"""accountSettingsUpdate: the blocked-booking message and the calendar conflict policy
(manage:settings). Omitted arguments stay as they are."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.errors import AccountErrorCode
from clientele.accounts.permissions import Permission
from clientele.accounts.services import update_settings
from clientele.api.accounts.errors import AccountError
from clientele.api.accounts.types import AccountSettings, settings_of
from clientele.api.context import Info
from clientele.api.enums import ConflictPolicyEnum
from clientele.api.fields import optional
from clientele.api.mutation import Payload, mutation
from clientele.core.errors import DomainError

MAX_MESSAGE = 1000


@strawberry.type(description="Result of accountSettingsUpdate.")
class AccountSettingsUpdatePayload(Payload, errors=AccountError):
    account: AccountSettings | None = optional("The settings now.")


@mutation(Permission.MANAGE_SETTINGS, description="Change account settings (manage:settings).")
async def account_settings_update(
    info: Info,
    booking_blocked_message: Annotated[str | None, strawberry.argument(
        description=f"Shown to blocked customers who try to book online (1 to {MAX_MESSAGE} "
                    "characters).")] = None,
    calendar_conflict_policy: Annotated[ConflictPolicyEnum | None, strawberry.argument(
        description="What calendar events do with details that differ from a known "
                    "customer's.")] = None,
) -> AccountSettingsUpdatePayload:
    message = booking_blocked_message.strip() if booking_blocked_message is not None else None
    if message is not None and not 0 < len(message) <= MAX_MESSAGE:
        raise DomainError.single("booking_blocked_message", f"1 to {MAX_MESSAGE} characters.",
                                 AccountErrorCode.INVALID)
    account = await update_settings(
        info.context.account.id, message,
        calendar_conflict_policy.name if calendar_conflict_policy is not None else None)
    return AccountSettingsUpdatePayload(account=settings_of(account))
