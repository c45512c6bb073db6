"""accountSettingsUpdate: the message blocked customers see (manage:settings)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.errors import AccountErrorCode
from clientele.accounts.permissions import Permission
from clientele.accounts.services import update_blocked_message
from clientele.api.accounts.types import AccountError, AccountSettings
from clientele.api.context import Info
from clientele.api.enums import AccountErrorCodeEnum
from clientele.api.permissions import require

MAX_MESSAGE = 1000


@strawberry.type(description="Result of accountSettingsUpdate.")
class AccountSettingsUpdatePayload:
    account: AccountSettings | None = strawberry.field(description="The settings now.")
    user_errors: list[AccountError] = strawberry.field(description="Why nothing changed.")


async def account_settings_update(
    info: Info,
    booking_blocked_message: Annotated[str, strawberry.argument(
        description=f"Shown to blocked customers who try to book online (1 to {MAX_MESSAGE} "
                    "characters).")],
) -> AccountSettingsUpdatePayload:
    require(info, Permission.MANAGE_SETTINGS)
    message = booking_blocked_message.strip()
    if not message or len(message) > MAX_MESSAGE:
        return AccountSettingsUpdatePayload(account=None, user_errors=[AccountError(
            field="bookingBlockedMessage", message=f"1 to {MAX_MESSAGE} characters.",
            code=AccountErrorCodeEnum[AccountErrorCode.INVALID.name])])
    account = await update_blocked_message(info.context.account.id, message)
    return AccountSettingsUpdatePayload(account=AccountSettings(
        name=account.name, slug=account.slug, default_phone_region=account.default_phone_region,
        booking_blocked_message=account.booking_blocked_message), user_errors=[])
