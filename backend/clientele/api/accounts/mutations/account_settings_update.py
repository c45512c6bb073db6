"""accountSettingsUpdate: the blocked-booking message, the calendar conflict policy and the
business's own email domains (manage:settings). Omitted arguments stay as they are."""

from __future__ import annotations

import re
from typing import Annotated

import strawberry

from clientele.accounts.errors import AccountErrorCode
from clientele.accounts.permissions import Permission
from clientele.accounts.services import clean_domains, update_settings
from clientele.api.accounts.errors import AccountError
from clientele.api.accounts.types import AccountSettings, settings_of
from clientele.api.context import Info
from clientele.api.enums import ConflictPolicyEnum
from clientele.api.fields import optional
from clientele.api.mutation import Payload, mutation
from clientele.calendar_sync.details import GENERIC_DOMAINS
from clientele.core.errors import DomainError

MAX_MESSAGE = 1000
MAX_DOMAINS = 50
LABEL = r"[^\W_](?:[\w-]{0,62}[^\W_])?"  # letters and digits, inner hyphens
DOMAIN = re.compile(rf"^(?=.{{3,253}}$){LABEL}(?:\.{LABEL})+$")


def _checked_domains(domains: list[str]) -> list[str]:
    cleaned = clean_domains(domains[:MAX_DOMAINS + 1])
    if len(cleaned) > MAX_DOMAINS:
        raise DomainError.single("own_domains", f"At most {MAX_DOMAINS} domains.",
                                 AccountErrorCode.INVALID)
    for domain in cleaned:
        if not DOMAIN.match(domain):
            raise DomainError.single("own_domains", f"{domain[:80]!r} is not an email domain "
                                     "(such as praxis-weber.ch).", AccountErrorCode.INVALID)
        if domain in GENERIC_DOMAINS:
            raise DomainError.single(
                "own_domains", f"{domain} is a mail service anyone can use: its other users "
                "are your customers, so it cannot be one of your own domains.",
                AccountErrorCode.INVALID)
    return cleaned


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
    own_domains: Annotated[list[str] | None, strawberry.argument(
        description=f"The business's own email domains (at most {MAX_DOMAINS}; generic mail "
                    "services such as gmail.com are refused): people there are never "
                    "customers.")] = None,
) -> AccountSettingsUpdatePayload:
    message = booking_blocked_message.strip() if booking_blocked_message is not None else None
    if message is not None and not 0 < len(message) <= MAX_MESSAGE:
        raise DomainError.single("booking_blocked_message", f"1 to {MAX_MESSAGE} characters.",
                                 AccountErrorCode.INVALID)
    if own_domains is not None:
        own_domains = _checked_domains(own_domains)
    account = await update_settings(
        info.context.account.id, message,
        calendar_conflict_policy.name if calendar_conflict_policy is not None else None,
        own_domains)
    return AccountSettingsUpdatePayload(account=settings_of(account))
