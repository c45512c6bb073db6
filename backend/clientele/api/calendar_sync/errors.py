"""The error type shared by the calendar mutations."""

from __future__ import annotations

import strawberry

from clientele.api.enums import CalendarErrorCodeEnum
from clientele.api.mutation import UserError


@strawberry.type(description="Why a calendar change failed; nothing was written.")
class CalendarError(UserError, codes=CalendarErrorCodeEnum):
    """userErrors of the calendar sources' mutations and appointmentLinkCustomer."""
