"""appointmentSynced and syncRunFinished: ids over broadcaster, loaded per subscriber."""

from __future__ import annotations

import functools
import uuid
from collections.abc import AsyncGenerator
from typing import Annotated, Any

import strawberry

from clientele.accounts.principal import Principal
from clientele.api.appointments.types import Appointment
from clientele.api.calendar_sync.types import SyncRun
from clientele.api.context import Info
from clientele.api.shared_loads import shared_load
from clientele.api.subscription import LiveEvents
from clientele.appointments import services as appointments
from clientele.appointments.events import CHANNEL as APPOINTMENT_CHANNEL
from clientele.calendar_sync import sources
from clientele.calendar_sync.events import CHANNEL as SYNC_RUN_CHANNEL

OnlyCustomer = Annotated[strawberry.ID | None, strawberry.argument(
    description="Only this customer's appointments.")]
OnlySource = Annotated[strawberry.ID | None, strawberry.argument(
    description="Only this calendar source.")]


async def _appointment(principal: Principal, message: Any) -> Appointment | None:
    """The event's appointment, loaded once for all subscribers of the account."""
    account_id, appointment_id = principal.account.id, uuid.UUID(message["id"])
    found = await shared_load(
        "appointment", account_id, appointment_id,
        functools.partial(appointments.get_many, account_id, [appointment_id]))
    row = found.get(appointment_id)
    return Appointment.from_row(row) if row is not None else None


async def _sync_run(principal: Principal, message: Any) -> SyncRun | None:
    run = await sources.get_run(principal.account.id, uuid.UUID(message["id"]))
    return SyncRun.from_row(run) if run is not None else None


APPOINTMENTS = LiveEvents(APPOINTMENT_CHANNEL, _appointment, "customer", "Customer")
SYNC_RUNS = LiveEvents(SYNC_RUN_CHANNEL, _sync_run, "source", "CalendarSource")


@strawberry.type
class CalendarSubscriptions:
    @strawberry.subscription(description="New or changed appointments (calendar sync, "
                                         "bookings) of your account, or of one customer.")
    def appointment_synced(self, info: Info, customer_id: OnlyCustomer = None
                           ) -> AsyncGenerator[Appointment, None]:
        return APPOINTMENTS.of(info, customer_id)

    @strawberry.subscription(description="Finished sync runs of your account, or of one "
                                         "source.")
    def sync_run_finished(self, info: Info, source_id: OnlySource = None
                          ) -> AsyncGenerator[SyncRun, None]:
        return SYNC_RUNS.of(info, source_id)
