"""appointmentSynced and syncRunFinished: ids over broadcaster, loaded per subscriber."""

from __future__ import annotations

import functools
import uuid
from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.appointments.types import Appointment
from clientele.api.calendar_sync.types import SyncRun
from clientele.api.context import Info
from clientele.api.errors import decode_id
from clientele.api.permissions import require
from clientele.api.shared_loads import shared_load
from clientele.appointments import services as appointments
from clientele.appointments.booking import APPOINTMENT_CHANNEL
from clientele.calendar_sync.sync import SYNC_RUN_CHANNEL
from clientele.core import db, pubsub


@strawberry.type
class CalendarSubscriptions:
    @strawberry.subscription(description="New or changed appointments (calendar sync, "
                                         "bookings) of your account, or of one customer.")
    async def appointment_synced(
        self,
        info: Info,
        customer_id: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only this customer's appointments.")] = None,
    ) -> AsyncGenerator[Appointment, None]:
        require(info, Permission.READ_CUSTOMERS)
        principal = info.context.principal
        wanted = str(decode_id(customer_id, "Customer")) if customer_id is not None else None
        async with pubsub.subscribe(APPOINTMENT_CHANNEL) as messages:
            async for message in messages:
                if message["account"] != str(principal.account.id):
                    continue
                if wanted is not None and message.get("customer") != wanted:
                    continue
                appointment_id = uuid.UUID(message["id"])
                found = await shared_load(
                    "appointment", principal.account.id, appointment_id,
                    functools.partial(appointments.get_many, principal.account.id,
                                      [appointment_id]))
                row = found.get(appointment_id)
                if row is not None:
                    yield Appointment.from_row(row)

    @strawberry.subscription(description="Finished sync runs of your account, or of one "
                                         "source.")
    async def sync_run_finished(
        self,
        info: Info,
        source_id: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only this calendar source.")] = None,
    ) -> AsyncGenerator[SyncRun, None]:
        require(info, Permission.READ_CUSTOMERS)
        account_id = str(info.context.account.id)
        wanted = str(decode_id(source_id, "CalendarSource")) if source_id is not None else None
        async with pubsub.subscribe(SYNC_RUN_CHANNEL) as messages:
            async for message in messages:
                if message["account"] != account_id:
                    continue
                if wanted is not None and message["source"] != wanted:
                    continue
                rows = await db.fetch_records(
                    "SELECT * FROM sync_run WHERE account = $1 AND id = $2",
                    uuid.UUID(account_id), uuid.UUID(message["id"]))
                if rows:
                    yield SyncRun.from_row(rows[0])
