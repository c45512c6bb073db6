"""What staff do to appointments: book one for a customer, reschedule, cancel (with a
reason), mark completed or no-show, confirm or decline an online request.

Each action checks everything first and writes nothing on error (typed `DomainError`s), then
writes through appointments/writes.py in one transaction with the appointment locked, records
it in the customer's history (action APPOINTMENT, with what changed), queues the message the
change means for the customer (a confirmation, a notice of a move or a cancellation:
communications/queue.py) and publishes the appointment event after the commit.

**Synced appointments.** Where a calendar is the source of truth (an appointment of a
calendar source, still in its calendar), its time and its cancellation belong to the calendar:
rescheduling or cancelling it here is refused with CALENDAR_OWNED and the calendar's name (the
next sync would undo it). Attendance is not in any calendar, so staff may mark a synced
appointment completed or no-show, and a re-sync keeps that mark. An appointment whose event
was removed from its calendar is cancelled and belongs to nobody: it is left as it is.

**Times.** Timed appointments last from 5 minutes to 24 hours; an all-day one is one day (its
start is that day's midnight UTC, as calendar sync stores them). Starts are 1900-2199, with an
offset. Completed and no-show apply once the appointment has begun; a completed one may be
corrected to no-show and back.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from clientele.accounts import audit
from clientele.accounts.audit import AuditAction
from clientele.accounts.principal import Actor
from clientele.appointments import writes
from clientele.appointments.enums import AppointmentStatus as S
from clientele.appointments.errors import AppointmentErrorCode as E
from clientele.blocking import services as blocking
from clientele.communications import queue as messages
from clientele.communications.queue import Change
from clientele.core import db
from clientele.core.errors import DomainError, FieldError, NotFound
from clientele.core.time_range import out_of_range

MIN_DURATION = dt.timedelta(minutes=5)
MAX_DURATION = dt.timedelta(hours=24)
MAX_SERVICES = 20
MAX_NOTES = 2000
MAX_REASON = 500


@dataclass(frozen=True)
class NewAppointment:
    customer_id: uuid.UUID
    starts_at: dt.datetime
    ends_at: dt.datetime | None = None
    all_day: bool = False
    services: Sequence[str] = ()
    location: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Done:
    appointment: Any
    customer_blocked: bool = False


def _error(field: str | None, message: str, code: E) -> DomainError:
    return DomainError([FieldError(field, message, code)])


def _times(starts_at: dt.datetime, ends_at: dt.datetime | None, all_day: bool
           ) -> tuple[dt.datetime, dt.datetime]:
    """The stored start and end, or DomainError with every problem."""
    errors = [FieldError(name, problem, E.INVALID)
              for name, value in (("startsAt", starts_at), ("endsAt", ends_at))
              if value is not None and (problem := out_of_range(value))]
    if errors:
        raise DomainError(errors)
    if starts_at.tzinfo is None or (ends_at is not None and ends_at.tzinfo is None):
        raise _error("startsAt", "Give times with a time zone offset.", E.INVALID)
    if all_day:
        day = starts_at.astimezone(dt.UTC).date()
        start = dt.datetime.combine(day, dt.time(), dt.UTC)
        end = start + dt.timedelta(days=1)
        if ends_at is not None and ends_at != end:
            raise _error("endsAt", "An all-day appointment is one day: leave out its end.",
                         E.INVALID)
        return start, end
    if ends_at is None:
        raise _error("endsAt", "Give the end (or make it an all-day appointment).",
                     E.REQUIRED)
    if ends_at <= starts_at:
        raise _error("endsAt", "The end must come after the start.", E.INVALID)
    if ends_at - starts_at < MIN_DURATION:
        raise _error("endsAt", "An appointment lasts at least 5 minutes.", E.INVALID)
    if ends_at - starts_at > MAX_DURATION:
        raise _error("endsAt", "An appointment lasts at most 24 hours (use several for "
                               "longer stays).", E.INVALID)
    return starts_at, ends_at


def _text_errors(services: Sequence[str], location: str | None, notes: str | None
                 ) -> list[FieldError]:
    errors = []
    if len(services) > MAX_SERVICES or any(len(s) > 200 for s in services):
        errors.append(FieldError("services", f"At most {MAX_SERVICES} services of 200 "
                                 "characters.", E.TOO_LONG))
    if location is not None and len(location) > writes.MAX_TEXT:
        errors.append(FieldError("location", f"At most {writes.MAX_TEXT} characters.",
                                 E.TOO_LONG))
    if notes is not None and len(notes) > MAX_NOTES:
        errors.append(FieldError("notes", f"At most {MAX_NOTES} characters.", E.TOO_LONG))
    return errors


async def _history(actor: Actor, appointment: Any, changes: list[dict[str, Any]]) -> None:
    if appointment["customer"] is not None:
        await audit.record(actor, appointment["customer"], AuditAction.APPOINTMENT,
                           [{"field": "appointment", "from": None,
                             "to": str(appointment["id"])}, *changes])


async def create(actor: Actor, new: NewAppointment) -> Done:
    """Book an appointment for a customer of the account (a blocked one too: staff decide;
    `customer_blocked` says so)."""
    starts_at, ends_at = _times(new.starts_at, new.ends_at, new.all_day)
    services = [s.strip() for s in new.services if s and s.strip()]
    location = (new.location or "").strip() or None
    notes = (new.notes or "").strip() or None
    errors = _text_errors(services, location, notes)
    if errors:
        raise DomainError(errors)
    async with db.transaction():
        found = await db.fetch(
            "SELECT id FROM customer WHERE account = $1 AND id = $2 FOR KEY SHARE",
            actor.account_id, new.customer_id)
        if not found:
            raise NotFound("Customer", "customerId")
        appointment = await writes.insert_one(
            actor.account_id, new.customer_id,
            title=services[0] if services else writes.DEFAULT_TITLE, services=services,
            starts_at=starts_at, ends_at=ends_at, location=location, all_day=new.all_day,
            notes=notes)
        await messages.appointments_changed(actor.account_id, [Change(None, appointment)])
        await _history(actor, appointment, [
            {"field": "status", "from": None, "to": S.SCHEDULED.value},
            {"field": "starts_at", "from": None, "to": audit.plain(starts_at)}])
        rules = await blocking.rules_for_customers(actor.account_id, [new.customer_id])
    return Done(appointment, bool(rules[new.customer_id]))


def owned_by_calendar(appointment: Any) -> bool:
    """A calendar source's appointment still in its calendar: its time and cancellation are the
    calendar's."""
    return (appointment["calendar_source_id"] is not None
            and appointment["removed_from_source_at"] is None)


def calendar_owned(source_name: str | None) -> str:
    """Why staff may not move or cancel a synced appointment here."""
    where = f"the calendar {source_name!r}" if source_name else "its calendar"
    return (f"This appointment comes from {where}: change or cancel it there (the next sync "
            "would undo a change made here).")


async def _act(actor: Actor, appointment_id: uuid.UUID, allowed: set[S], *,
               started: bool = False, calendar: bool = False) -> Any:
    """The locked appointment, checked: its status is one of `allowed`, it has begun when
    `started`, and (with `calendar`) no calendar owns its time and cancellation."""
    appointment = await writes.locked(actor.account_id, appointment_id)
    if appointment is None:
        raise NotFound("Appointment")
    if calendar and owned_by_calendar(appointment):
        raise _error("id", calendar_owned(appointment["source_name"]), E.CALENDAR_OWNED)
    status = S(appointment["status"])
    if status not in allowed:
        raise _error("id", f"The appointment is {status.value.lower().replace('_', ' ')}; "
                           "that cannot be done to it.", E.INVALID_STATE)
    if started and appointment["starts_at"] > dt.datetime.now(dt.UTC):
        raise _error("id", "The appointment has not begun yet.", E.INVALID_STATE)
    return appointment


async def reschedule(actor: Actor, appointment_id: uuid.UUID, starts_at: dt.datetime,
                     ends_at: dt.datetime) -> Done:
    async with db.transaction():
        current = await _act(actor, appointment_id, {S.SCHEDULED, S.REQUESTED}, calendar=True)
        start, end = _times(starts_at, ends_at, current["all_day"])
        if (start, end) == (current["starts_at"], current["ends_at"]):
            return Done(current)
        updated = await writes.update_one(actor.account_id, appointment_id,
                                          starts_at=start, ends_at=end)
        await messages.appointments_changed(actor.account_id, [Change(current, updated)])
        await _history(actor, updated, [
            {"field": "starts_at", "from": audit.plain(current["starts_at"]),
             "to": audit.plain(start)},
            {"field": "ends_at", "from": audit.plain(current["ends_at"]),
             "to": audit.plain(end)}])
    return Done(updated)


async def _to_status(actor: Actor, appointment_id: uuid.UUID, status: S, allowed: set[S], *,
                     started: bool = False, calendar: bool = False,
                     reason: str | None = None) -> Done:
    reason = (reason or "").strip() or None
    if reason is not None and len(reason) > MAX_REASON:
        raise _error("reason", f"At most {MAX_REASON} characters.", E.TOO_LONG)
    async with db.transaction():
        current = await _act(actor, appointment_id, allowed, started=started,
                             calendar=calendar)
        updated = await writes.update_one(actor.account_id, appointment_id, status=status,
                                          cancellation_reason=reason)
        await messages.appointments_changed(actor.account_id, [Change(current, updated)])
        changes = [{"field": "status", "from": current["status"], "to": status.value}]
        if reason:
            changes.append({"field": "reason", "from": None, "to": reason})
        await _history(actor, updated, changes)
    return Done(updated)


async def cancel(actor: Actor, appointment_id: uuid.UUID, reason: str | None) -> Done:
    return await _to_status(actor, appointment_id, S.CANCELLED, {S.SCHEDULED, S.REQUESTED},
                            calendar=True, reason=reason)


async def complete(actor: Actor, appointment_id: uuid.UUID) -> Done:
    return await _to_status(actor, appointment_id, S.COMPLETED, {S.SCHEDULED, S.NO_SHOW},
                            started=True)


async def mark_no_show(actor: Actor, appointment_id: uuid.UUID) -> Done:
    return await _to_status(actor, appointment_id, S.NO_SHOW, {S.SCHEDULED, S.COMPLETED},
                            started=True)


async def confirm(actor: Actor, appointment_id: uuid.UUID) -> Done:
    return await _to_status(actor, appointment_id, S.SCHEDULED, {S.REQUESTED})


async def decline(actor: Actor, appointment_id: uuid.UUID, reason: str | None) -> Done:
    return await _to_status(actor, appointment_id, S.CANCELLED, {S.REQUESTED}, reason=reason)
