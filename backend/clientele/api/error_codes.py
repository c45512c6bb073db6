"""Domain error codes → the code each API error enum shows: explicit and total.

A mutation's userErrors use one API enum (CustomerErrorCode, AppointmentErrorCode, …), but a
service deeper down may raise another domain's code: a booking goes through the customer
service, whose DUPLICATE the booking enum does not have. Looking the name up in the API enum
turned such a code into a KeyError, i.e. a 500. Here every domain code has an API code in every
error enum: its own name where the enum has it, else the translation in TRANSLATIONS.
tests/security/test_races.py finds every domain error enum and fails while one of its codes has
no API code in some enum, so a new code is a decision made here, not a crash in production.
"""

from __future__ import annotations

import functools
import logging
from enum import Enum
from typing import Any

from clientele.accounts.errors import AccountErrorCode
from clientele.api.communications.enums import MessageErrorCodeEnum
from clientele.api.customers.merge_enums import MergeErrorCodeEnum
from clientele.api.enums import (
    AccountErrorCodeEnum,
    AppointmentErrorCodeEnum,
    BlockErrorCodeEnum,
    CalendarErrorCodeEnum,
    CustomerErrorCodeEnum,
    ImportErrorCodeEnum,
)
from clientele.api.webhooks.enums import WebhookErrorCodeEnum
from clientele.appointments.errors import AppointmentErrorCode
from clientele.blocking.services import BlockErrorCode
from clientele.calendar_sync.errors import CalendarErrorCode
from clientele.communications.errors import MessageErrorCode
from clientele.core.errors import ErrorCode
from clientele.customers.errors import CustomerErrorCode
from clientele.customers.imports.errors import ImportErrorCode
from clientele.customers.merge import MergeErrorCode
from clientele.webhooks.enums import WebhookErrorCode

log = logging.getLogger(__name__)

DOMAIN_ENUMS: tuple[type[Enum], ...] = (
    ErrorCode, CustomerErrorCode, AppointmentErrorCode, AccountErrorCode, BlockErrorCode,
    CalendarErrorCode, ImportErrorCode, MessageErrorCode, MergeErrorCode, WebhookErrorCode)
API_ENUMS: tuple[Any, ...] = (
    CustomerErrorCodeEnum, AppointmentErrorCodeEnum, AccountErrorCodeEnum, BlockErrorCodeEnum,
    CalendarErrorCodeEnum, ImportErrorCodeEnum, MessageErrorCodeEnum, MergeErrorCodeEnum,
    WebhookErrorCodeEnum)

# customer, appointment (booking), account, block, calendar, import, message, merge, webhook
_C, _P, _A, _B, _K, _I, _M, _G, _W = API_ENUMS

# code → {API enum without that code: the code shown instead}. Most of these never reach that
# enum today; INVALID (with the service's message) is the honest "refused" for them.
TRANSLATIONS: dict[str, dict[Any, str]] = {
    "REQUIRED": {_B: "INVALID", _K: "INVALID"},
    "TOO_LONG": {_A: "INVALID", _B: "INVALID", _K: "INVALID"},
    "DUPLICATE": {_P: "INVALID", _K: "INVALID"},
    "INVALID_EMAIL": {_B: "INVALID", _K: "INVALID"},
    "INVALID_PHONE": {_A: "INVALID", _B: "INVALID", _K: "INVALID"},
    "UNKNOWN_CUSTOM_FIELD": {_P: "INVALID", _A: "INVALID", _B: "INVALID", _K: "INVALID"},
    "BLOCKED": {_C: "INVALID", _A: "INVALID", _B: "INVALID", _K: "INVALID"},
    "RATE_LIMITED": {_C: "INVALID", _B: "INVALID", _K: "INVALID"},
    "TOO_SHORT": {_C: "INVALID", _P: "INVALID", _B: "INVALID", _K: "INVALID"},
    "INVALID_CREDENTIALS": {_C: "INVALID", _P: "INVALID", _B: "INVALID", _K: "INVALID"},
    "PERMISSION_NOT_HELD": {_C: "INVALID", _P: "INVALID", _B: "INVALID", _K: "INVALID"},
    "BUILTIN_ROLE": {_C: "INVALID", _P: "INVALID", _B: "INVALID", _K: "INVALID"},
    "ROLE_IN_USE": {_C: "INVALID", _P: "INVALID", _B: "INVALID", _K: "INVALID"},
    "LAST_ADMIN": {_C: "INVALID", _P: "INVALID", _B: "INVALID", _K: "INVALID"},
    "NOTHING_TO_BLOCK": {_C: "INVALID", _P: "INVALID", _A: "INVALID", _K: "INVALID"},
    "SYNC_FAILED": {_C: "INVALID", _P: "INVALID", _A: "INVALID", _B: "INVALID"},
    # erasure (issue 16): only customer mutations meet these; a booking lifts a suppression
    "ERASED": {_P: "INVALID", _A: "INVALID", _B: "INVALID", _K: "INVALID"},
    "UPCOMING_APPOINTMENTS": {_P: "INVALID", _A: "INVALID", _B: "INVALID", _K: "INVALID"},
}
# The import's codes are its own enum's; elsewhere (none reaches another enum today) INVALID
# with the reader's message. Codes of other domains that reach an import step (a custom
# field's rules, say) are INVALID there, with their message.
TRANSLATIONS.update({code.name: {api: "INVALID" for api in API_ENUMS
                                 if code.name not in api.__members__}
                     for code in ImportErrorCode})
# staff actions on appointments: only the appointment enum has their codes
TRANSLATIONS.update({code: {api: "INVALID" for api in API_ENUMS if api is not _P}
                     for code in ("CALENDAR_OWNED", "INVALID_STATE")})
for _domain in DOMAIN_ENUMS:
    for _code in _domain:
        if _code.name not in _I.__members__:
            TRANSLATIONS.setdefault(_code.name, {})[_I] = "INVALID"
# messages: their own codes (a blocked customer, an unusable channel, a preferences link) are
# INVALID wherever else they might go; other domains' codes the message enum lacks (none
# reaches it today) are INVALID there, with their message
for _domain in DOMAIN_ENUMS:
    for _code in _domain:
        for _api in API_ENUMS if _domain is MessageErrorCode else (_M,):
            if _code.name not in _api.__members__:
                TRANSLATIONS.setdefault(_code.name, {}).setdefault(_api, "INVALID")

# merges: their own codes (two customers that cannot be merged, a merge that cannot be undone)
# are INVALID wherever else they might go; other domains' codes the merge enum lacks (a merge
# goes through no other service's checks) are INVALID there, with their message
for _domain in DOMAIN_ENUMS:
    for _code in _domain:
        for _api in API_ENUMS if _domain is MergeErrorCode else (_G,):
            if _code.name not in _api.__members__:
                TRANSLATIONS.setdefault(_code.name, {}).setdefault(_api, "INVALID")

# webhooks: their own codes are INVALID wherever else they might go; other domains' codes the
# webhook enum lacks (a webhook change goes through no other service's checks) are INVALID
# there, with their message
for _domain in DOMAIN_ENUMS:
    for _code in _domain:
        for _api in API_ENUMS if _domain is WebhookErrorCode else (_W,):
            if _code.name not in _api.__members__:
                TRANSLATIONS.setdefault(_code.name, {}).setdefault(_api, "INVALID")


@functools.cache
def mapping(api_enum: Any) -> dict[str, Any]:
    """Domain code name → member of `api_enum`, for every code of DOMAIN_ENUMS that resolves."""
    resolved: dict[str, Any] = {}
    for domain in DOMAIN_ENUMS:
        for code in domain:
            name = code.name if code.name in api_enum.__members__ \
                else TRANSLATIONS.get(code.name, {}).get(api_enum)
            if name is not None:
                resolved[code.name] = api_enum[name]
    return resolved


def to_api(code: Enum, api_enum: Any) -> Any:
    """The API code for a domain code. Never raises: a code outside the table (the test above
    makes that a failing build) is logged and shown as INVALID rather than becoming a 500."""
    found = mapping(api_enum).get(code.name)
    if found is None:
        log.error("no %s for domain error code %r", api_enum.__name__, code)
        return api_enum["INVALID"]
    return found
