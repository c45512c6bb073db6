"""A booking: the customer through the identity service, the block check, the appointment."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from clientele.accounts.principal import Actor
from clientele.appointments import writes
from clientele.appointments.enums import AppointmentStatus
from clientele.appointments.errors import AppointmentErrorCode
from clientele.blocking import services as blocking
from clientele.communications import queue as messages
from clientele.communications.queue import Change
from clientele.core import db
from clientele.core.errors import DomainError, FieldError
from clientele.core.time_range import out_of_range
from clientele.customers import custom_fields
from clientele.customers import services as customers
from clientele.customers.enums import CustomerSource
from clientele.customers.identity import IdentityError, normalise_email_value, normalise_phone_value

MAX_SERVICES = 20
MAX_LOCATION = writes.MAX_TEXT  # the appointment.location column


@dataclass
class BookingRequest:
    first_name: str | None
    last_name: str | None
    email: str | None
    phone: str | None
    starts_at: dt.datetime
    ends_at: dt.datetime
    services: list[str] = field(default_factory=list)
    location: str | None = None
    title: str | None = None
    custom: dict[str, Any] = field(default_factory=dict)  # booking-form custom fields
    consent_to_messages: bool | None = None  # False: a new customer gets no messages


@dataclass
class Booking:
    appointment: Any
    customer: Any
    customer_created: bool
    blocking_rule: Any | None
    warnings: list[str]


class BookingRefused(DomainError):
    """A blocked customer tried to book online; the account's message says why."""


def _validate(request: BookingRequest) -> list[FieldError]:
    """Everything the rows written later could refuse, checked before the first write: a
    failed insert after the customer's would otherwise be a 500 (the transaction keeps the
    database whole either way)."""
    errors: list[FieldError] = []
    out_of_range_times = [FieldError(name, problem, AppointmentErrorCode.INVALID)
                          for name, value in (("starts_at", request.starts_at),
                                              ("ends_at", request.ends_at))
                          if (problem := out_of_range(value))]
    if out_of_range_times:
        errors += out_of_range_times
    elif request.starts_at.tzinfo is None or request.ends_at.tzinfo is None:
        errors.append(FieldError("starts_at", "Give times with a time zone offset.",
                                 AppointmentErrorCode.INVALID))
    elif request.ends_at <= request.starts_at:
        errors.append(FieldError("ends_at", "The end must come after the start.",
                                 AppointmentErrorCode.INVALID))
    if len(request.services) > MAX_SERVICES or any(len(s) > 200 for s in request.services):
        errors.append(FieldError("services", f"At most {MAX_SERVICES} services of 200 "
                                 "characters.", AppointmentErrorCode.TOO_LONG))
    if request.location is not None and len(request.location) > MAX_LOCATION:
        errors.append(FieldError("location", f"At most {MAX_LOCATION} characters.",
                                 AppointmentErrorCode.TOO_LONG))
    if not (request.email or request.phone):
        errors.append(FieldError("email", "An email address or a phone number is required.",
                                 AppointmentErrorCode.REQUIRED))
    return errors


async def book(actor: Actor, request: BookingRequest, *, online: bool,
               ip: str | None = None) -> Booking:
    """Online bookings by blocked customers are refused (and logged); staff bookings go
    through with a warning."""
    errors = _validate(request)
    try:
        email = normalise_email_value(request.email)
        phone = normalise_phone_value(request.phone, actor.phone_region, "mobile_phone")
    except IdentityError as exc:  # the customer code (INVALID_EMAIL…); the API maps it
        errors.append(FieldError(exc.error.field if exc.error.field != "mobile_phone"
                                 else "phone", exc.error.message, exc.error.code))
        email = phone = None
    errors += await _custom_errors(actor.account_id, request.custom)
    if errors:
        raise DomainError(errors)
    name = blocking.full_name(request.first_name, request.last_name)
    rule = await blocking.matching_rule(actor.account_id, email=email, name=name, phone=phone,
                                        ip=ip if online else None)
    if rule is not None and online:
        await blocking.log_attempt(actor.account_id, rule["id"], email=email, name=name,
                                   phone=phone, ip=ip)
        message = await _blocked_message(actor.account_id)
        raise BookingRefused([FieldError(None, message, AppointmentErrorCode.BLOCKED)])
    # one transaction: the matched customer stays locked until the appointment is written (a
    # concurrent delete waits, or wins before the match), and events leave after the commit
    async with db.transaction():
        values = {"first_name": request.first_name, "last_name": request.last_name,
                  "email": email, "mobile_phone": phone}
        customer, created, conflicts = await customers.match_or_create(
            actor, values, CustomerSource.BOOKING, custom=request.custom,
            new_only={"email_enabled": False, "sms_enabled": False}
            if request.consent_to_messages is False else None)
        if rule is None:
            rules = await blocking.rules_for_customers(actor.account_id, [customer["id"]])
            rule = (rules[customer["id"]] or [None])[0]
        appointment = await create_appointment(
            actor, customer["id"], request,
            AppointmentStatus.REQUESTED if online else AppointmentStatus.SCHEDULED)
    warnings = []
    if rule is not None:
        warnings.append(f"This customer is blocked from online booking ({rule['kind'].lower()}"
                        f" rule{': ' + rule['reason'] if rule['reason'] else ''}).")
    warnings += [f"Kept the stored {_label(c['field'])} {c['from']!r}; the booking "
                 f"said {c['to']!r}." for c in conflicts]
    return Booking(appointment, customer, created, rule, warnings)


async def _custom_errors(account_id: uuid.UUID, values: dict[str, Any]) -> list[FieldError]:
    """A booking may set the custom fields its form asks for, validated by type."""
    if not values:
        return []
    defs = await custom_fields.definitions(account_id)
    errors = [FieldError(f"custom_fields.{key}", f"{key!r} is not asked in the booking form.",
                         AppointmentErrorCode.INVALID)
              for key in values
              if key not in defs or defs[key].archived or not defs[key].in_booking_form]
    if errors:
        return errors
    _, value_errors = custom_fields.apply_values(defs, {}, values, False)
    return value_errors  # customer codes; the API maps each to a booking code


async def _blocked_message(account_id: uuid.UUID) -> str:
    rows = await db.fetch("SELECT booking_blocked_message FROM account WHERE id = $1",
                          account_id)
    return str(rows[0]["booking_blocked_message"])


async def create_appointment(actor: Actor, customer_id: uuid.UUID | None,
                             request: BookingRequest,
                             status: AppointmentStatus = AppointmentStatus.SCHEDULED) -> Any:
    title = request.title or (request.services[0] if request.services else "Appointment")
    appointment = await writes.insert_one(
        actor.account_id, customer_id, title=title, services=request.services,
        starts_at=request.starts_at, ends_at=request.ends_at, location=request.location,
        status=status)
    await messages.appointments_changed(actor.account_id, [Change(None, appointment)])
    return appointment


def _label(field_name: str) -> str:
    """`mobile_phone` → "mobile phone", `custom_fields.consent` → "custom field consent"."""
    return field_name.replace("custom_fields.", "custom field ").replace("_", " ")
