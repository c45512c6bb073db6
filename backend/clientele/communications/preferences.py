"""The customer's preferences page (`/preferences/<token>`, no login): the link in every message
lets its holder read and change how the business contacts them.

The token names the account and the customer and is signed with the account's secret
(communications/links.py): the account it claims is read unverified only to find the secret
that then checks it. A changed or foreign token is INVALID_LINK, an old one LINK_EXPIRED, and
so is a token of a customer who was erased since. Changes go through the customer service as
the actor "Customer (preferences page)": the identity rules apply (an address another customer
holds is refused) and the change is in the customer's history."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clientele.accounts.principal import Principal
from clientele.accounts.services import AccountInfo, get_account, link_secret
from clientele.communications import links
from clientele.communications.errors import MessageErrorCode as E
from clientele.core.errors import DomainError, FieldError
from clientele.customers import services as customers

ACTOR_LABEL = "Customer (preferences page)"
FIELDS = ("preferred_medium", "preferred_language", "email_enabled", "sms_enabled", "email",
          "mobile_phone")
MEDIUMS = ("EMAIL", "SMS")
MAX_TOKEN_LENGTH = links.MAX_TOKEN_LENGTH


@dataclass(frozen=True)
class Page:
    account: AccountInfo
    customer: Any  # the customer's row


def _invalid(message: str = "This link is not valid.") -> DomainError:
    return DomainError.single("token", message, E.INVALID_LINK)


async def read(token: str) -> Page:
    """The account and customer a genuine, current token is for; INVALID_LINK or
    LINK_EXPIRED otherwise (a token over 500 characters before any work)."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        raise _invalid()
    claimed = links.account_of(token)
    if claimed is None:
        raise _invalid()
    try:
        secret = await link_secret(claimed)
    except LookupError:  # no such account
        raise _invalid() from None
    try:
        account_id, customer_id = links.read_token(secret, token)
    except links.LinkExpired:
        raise DomainError.single("token", "This link has expired; the next message we send "
                                 "you has a new one.", E.LINK_EXPIRED) from None
    except links.LinkInvalid:
        raise _invalid() from None
    account = await get_account(account_id)
    customer = await customers.get(account_id, customer_id) if account else None
    if account is None or customer is None:
        raise _invalid("This link is no longer valid.")
    return Page(account, customer)


def _checked(changes: Mapping[str, Any]) -> dict[str, Any]:
    """What the page may change, as the customer service takes it; every problem at once."""
    errors: list[FieldError] = []
    out: dict[str, Any] = {}
    for field, value in changes.items():
        if field not in FIELDS:
            errors.append(FieldError(field, "This cannot be changed here.", E.INVALID))
        elif value is None or (isinstance(value, str) and not value.strip()):
            # a channel is switched off, not emptied; an address is corrected, not removed
            errors.append(FieldError(field, "Choose a value.", E.REQUIRED))
        elif field == "preferred_medium" and value not in MEDIUMS:
            errors.append(FieldError(field, "Email or SMS.", E.INVALID))
        elif field in ("email_enabled", "sms_enabled") and not isinstance(value, bool):
            errors.append(FieldError(field, "On or off.", E.INVALID))
        else:
            out[field] = value.strip() if isinstance(value, str) else value
    if errors:
        raise DomainError(errors)
    return out


def _for_customer(error: DomainError, business: str) -> DomainError:
    """The customer service's refusal as the page shows it: no other customer's id, and an
    address someone else holds in words for the customer."""
    out = []
    for e in error.errors:
        message = e.message
        if e.code.name == "DUPLICATE":
            what = "email address" if e.field == "email" else "phone number"
            message = (f"This {what} cannot be used here. Please contact {business} if it is "
                       "yours.")
        out.append(FieldError(e.field, message, e.code))
    return DomainError(out)


async def update(token: str, changes: Mapping[str, Any]) -> Page:
    """Apply the customer's changes (`FIELDS`: preferred medium EMAIL/SMS, preferred language
    as a language tag, the channels' switches, email and mobile phone) as the actor
    "Customer (preferences page)"; the page as it is now."""
    page = await read(token)
    cleaned = _checked(changes)
    if not cleaned:
        return page
    actor = Principal.system(page.account, ACTOR_LABEL).actor
    try:
        row = await customers.update(actor, page.customer["id"], cleaned)
    except DomainError as error:
        raise _for_customer(error, page.account.name) from None
    return Page(page.account, row)

