"""accountSettingsUpdate: the blocked-booking message, the calendar conflict policy, the
business's own email domains, when reminders go out, the time zone of messages and the
customer lifecycle rules, and whether staff sessions may send only trusted documents
(manage:settings). Omitted arguments stay as they are; the lifecycle
rules are turned off with an explicit null."""

from __future__ import annotations

import functools
import re
import zoneinfo
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
MAX_REMINDERS = 2
MAX_REMINDER_HOURS = 336  # two weeks
MAX_ZONE = 64
ARCHIVE_MONTHS = (1, 120)
ERASE_MONTHS = (6, 240)


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


def _checked_reminders(hours: list[int]) -> list[int]:
    if len(hours) > MAX_REMINDERS:
        raise DomainError.single("reminder_hours", f"At most {MAX_REMINDERS} reminders.",
                                 AccountErrorCode.INVALID)
    if any(not 1 <= h <= MAX_REMINDER_HOURS for h in hours):
        raise DomainError.single("reminder_hours", f"Reminders go out 1 to "
                                 f"{MAX_REMINDER_HOURS} hours (two weeks) before the start.",
                                 AccountErrorCode.INVALID)
    if len(set(hours)) != len(hours):
        raise DomainError.single("reminder_hours", "Two reminders at the same time.",
                                 AccountErrorCode.INVALID)
    return hours


@functools.cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())  # read from disk: once (~0.1 s)


def _checked_zone(name: str) -> str:
    zone = name.strip()
    if len(zone) > MAX_ZONE or zone not in _zones():
        raise DomainError.single("time_zone", f"{zone[:80]!r} is not a time zone such as "
                                 "Europe/Zurich.", AccountErrorCode.INVALID)
    return zone


def _checked_months(field: str, months: int | None, bounds: tuple[int, int]) -> int | None:
    """The rule's months; None when the argument was omitted or null (the caller tells)."""
    if months is None or months is strawberry.UNSET:
        return None
    if not bounds[0] <= months <= bounds[1]:
        raise DomainError.single(field, f"{bounds[0]} to {bounds[1]} months, or null (off).",
                                 AccountErrorCode.INVALID)
    return months


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
    reminder_hours: Annotated[list[int] | None, strawberry.argument(
        description=f"Send reminders this many hours before an appointment's start: none "
                    f"([]), one or {MAX_REMINDERS} different values, each 1 to "
                    f"{MAX_REMINDER_HOURS}.")] = None,
    time_zone: Annotated[str | None, strawberry.argument(
        description="The IANA time zone of the dates and times in messages, such as "
                    "Europe/Zurich.")] = None,
    archive_after_months: Annotated[int | None, strawberry.argument(
        description=f"Archive customers inactive for this many months ({ARCHIVE_MONTHS[0]} to "
                    f"{ARCHIVE_MONTHS[1]}): created that long ago, with no appointment since "
                    "and none upcoming. null turns the rule off.")] = strawberry.UNSET,
    erase_after_months: Annotated[int | None, strawberry.argument(
        description=f"Erase the personal data of customers inactive for this many months "
                    f"({ERASE_MONTHS[0]} to {ERASE_MONTHS[1]}; as for archiving): permanent. "
                    "Blocked customers are skipped. null turns the rule off.")
    ] = strawberry.UNSET,
    trusted_documents_only: Annotated[bool | None, strawberry.argument(
        description="true: staff signed in with the browser may send only trusted documents "
                    "(documentId, the app's own operations), not document text; API tokens "
                    "may still send text.")] = None,
) -> AccountSettingsUpdatePayload:
    message = booking_blocked_message.strip() if booking_blocked_message is not None else None
    if message is not None and not 0 < len(message) <= MAX_MESSAGE:
        raise DomainError.single("booking_blocked_message", f"1 to {MAX_MESSAGE} characters.",
                                 AccountErrorCode.INVALID)
    if own_domains is not None:
        own_domains = _checked_domains(own_domains)
    if reminder_hours is not None:
        reminder_hours = _checked_reminders(reminder_hours)
    zone = _checked_zone(time_zone) if time_zone is not None else None
    off = frozenset(name for name, value in (("archive", archive_after_months),
                                             ("erase", erase_after_months)) if value is None)
    archive = _checked_months("archive_after_months", archive_after_months, ARCHIVE_MONTHS)
    erase = _checked_months("erase_after_months", erase_after_months, ERASE_MONTHS)
    account = await update_settings(
        info.context.account.id, message,
        calendar_conflict_policy.name if calendar_conflict_policy is not None else None,
        own_domains, reminder_hours, zone, archive, erase, off, trusted_documents_only)
    return AccountSettingsUpdatePayload(account=settings_of(account))
