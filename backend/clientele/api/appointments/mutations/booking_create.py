"""bookingCreate: a booking from the public booking form (no login, rate-limited per IP) or
by staff (add:customers). Goes through the identity service and the block check."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.accounts.principal import Principal
from clientele.accounts.services import get_account_by_slug
from clientele.api.appointments.types import Appointment
from clientele.api.context import Info
from clientele.api.customers.inputs import CustomFieldValueInput, custom_changes
from clientele.api.customers.types import Customer
from clientele.api.enums import AppointmentErrorCodeEnum
from clientele.api.fields import optional
from clientele.api.limits import client_address
from clientele.api.mutation import Payload, UserError, mutation
from clientele.api.permissions import require
from clientele.appointments.booking import BookingRequest, book
from clientele.appointments.errors import AppointmentErrorCode
from clientele.core.errors import DomainError
from clientele.core.ratelimit import retry_after_header


@strawberry.type(description="Why a booking was refused; nothing was written.")
class BookingError(UserError, codes=AppointmentErrorCodeEnum):
    message: str = strawberry.field(description="A sentence to show the person booking.")


@strawberry.input(description="A booking. Email or phone identifies the customer.")
class BookingCreateInput:
    account_slug: str | None = strawberry.field(
        default=None, description="The business (required without login; ignored for staff).")
    first_name: str | None = strawberry.field(default=None, description="Given name.")
    last_name: str | None = strawberry.field(default=None, description="Family name.")
    email: str | None = strawberry.field(default=None, description="Email address.")
    phone: str | None = strawberry.field(default=None, description="Phone number.")
    starts_at: dt.datetime = strawberry.field(description="Start, with time zone offset.")
    ends_at: dt.datetime = strawberry.field(description="End, after the start.")
    services: list[str] = strawberry.field(default_factory=list,
                                           description="Services booked (at most 20).")
    location: str | None = strawberry.field(default=None, description="Location.")
    custom_fields: list[CustomFieldValueInput] | None = strawberry.field(
        default=None, description="Values of the custom fields shown in the booking form "
                                  "(customFieldDefinitions with inBookingForm), validated by "
                                  "type. A new customer must give the required ones; a known "
                                  "customer's stored values are kept (conflicts are recorded "
                                  "in the history).")
    consent_to_messages: bool | None = strawberry.field(
        default=None, description="The person agrees to messages about their appointments. "
                                  "false: a new customer gets no email or SMS (staff may "
                                  "change it); a known customer's settings are kept.")


@strawberry.type(description="Result of bookingCreate.")
class BookingCreatePayload(Payload, errors=BookingError, why="Why nothing was booked."):
    appointment: Appointment | None = optional("The new appointment.")
    customer: Customer | None = optional(
        "The customer (matched or new). Null for online bookings, which must not reveal stored "
        "customer data.")
    customer_blocked: bool = strawberry.field(
        default=False,
        description="Staff bookings only: the customer is blocked from online booking.")
    warnings: list[str] = strawberry.field(
        default_factory=list,
        description="Staff bookings only: things staff should know (blocked customer, details "
                    "that differ from the stored ones).")


@mutation(public=True,
          description="A booking. Without login (the public booking form: accountSlug required, "
                      "rate-limited per IP) it is a request (status REQUESTED) that staff "
                      "confirm or decline, and a blocked customer is refused with the "
                      "business's message and the attempt is logged; staff bookings "
                      "(add:customers) are SCHEDULED, blocked customers too (they say so).")
async def booking_create(
    info: Info,
    input: Annotated[BookingCreateInput, strawberry.argument(description="The booking.")],
) -> BookingCreatePayload:
    principal = info.context.principal
    request = BookingRequest(first_name=input.first_name, last_name=input.last_name,
                             email=input.email, phone=input.phone, starts_at=input.starts_at,
                             ends_at=input.ends_at, services=list(input.services),
                             location=input.location,
                             custom=custom_changes(input.custom_fields),
                             consent_to_messages=input.consent_to_messages)
    online = not principal.authenticated
    if not online:
        require(info, Permission.ADD_CUSTOMERS)
        actor = principal.actor
        ip = None
    else:
        http = info.context.request
        ip = client_address(http)
        wait = await http.app.state.limits.booking_per_ip.hit(ip or "unknown") if http else 0
        if wait:
            info.context.response.status_code = 429
            info.context.response.headers["Retry-After"] = retry_after_header(wait)
            raise DomainError.single(None, "Too many bookings; try again later.",
                                     AppointmentErrorCode.RATE_LIMITED)
        account = await get_account_by_slug(input.account_slug or "")
        if account is None:
            raise DomainError.single("account_slug", "Unknown business.",
                                     AppointmentErrorCode.NOT_FOUND)
        actor = Principal.system(account, "online booking").actor
    booking = await book(actor, request, online=online, ip=ip)  # refusals: userErrors
    return BookingCreatePayload(
        appointment=Appointment.from_row(booking.appointment),
        customer=None if online else Customer.from_row(booking.customer),
        customer_blocked=not online and booking.blocking_rule is not None,
        warnings=[] if online else booking.warnings,
    )
