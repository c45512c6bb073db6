"""Per-request dataloaders (`XByYLoader`), one batch statement per kind of list.

Created for every request (and every subscription event) so that nothing is cached across
callers; all of them are scoped by the caller's account.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from strawberry.dataloader import DataLoader

from clientele.accounts import audit
from clientele.appointments import services as appointments
from clientele.blocking import services as blocking
from clientele.communications import services as communications
from clientele.core.slices import Slice
from clientele.customers import custom_fields
from clientele.customers import services as customers

ById = Callable[[uuid.UUID, Sequence[uuid.UUID]], Awaitable[dict[uuid.UUID, Any]]]
SliceKey = tuple[uuid.UUID, tuple[Any, ...]]
SliceFetch = Callable[..., Awaitable[dict[uuid.UUID, Slice]]]


def by_id_loader(account_id: uuid.UUID, fetch: ById) -> DataLoader[uuid.UUID, Any]:
    async def load(keys: list[uuid.UUID]) -> list[Any]:
        found = await fetch(account_id, keys)
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


def slice_loader(account_id: uuid.UUID, fetch: SliceFetch) -> DataLoader[SliceKey, Slice]:
    """Keys are (parent id, page arguments); one statement per distinct page arguments."""

    async def load(keys: list[SliceKey]) -> list[Slice]:
        groups: dict[tuple[Any, ...], list[uuid.UUID]] = defaultdict(list)
        for parent_id, args in keys:
            groups[args].append(parent_id)
        results: dict[SliceKey, Slice] = {}
        for args, parent_ids in groups.items():
            slices = await fetch(account_id, parent_ids, *args)
            results.update({(pid, args): s for pid, s in slices.items()})
        return [results[key] for key in keys]

    return DataLoader(load_fn=load)


class Loaders:
    def __init__(self, account_id: uuid.UUID) -> None:
        self.customer_by_id = by_id_loader(account_id, customers.get_many)
        self.appointment_by_id = by_id_loader(account_id, appointments.get_many)
        self.communication_by_id = by_id_loader(account_id, communications.get_many)
        self.next_appointment_by_customer = by_id_loader(
            account_id, appointments.next_for_customers
        )
        self.appointments_by_customer = slice_loader(account_id, appointments.by_customers)
        self.communications_by_appointment = slice_loader(
            account_id, communications.by_appointments
        )
        self.communications_by_customer = slice_loader(account_id, communications.by_customers)
        self.block_rules_by_customer = by_id_loader(account_id, blocking.rules_for_customers)
        self.source_name_by_id = by_id_loader(account_id, appointments.source_names)
        self.history_by_customer = slice_loader(account_id, audit.by_customers)
        self.custom_field_definitions: DataLoader[uuid.UUID, dict[str, Any]] = DataLoader(
            load_fn=_definitions
        )


async def _definitions(account_ids: list[uuid.UUID]) -> list[dict[str, Any]]:
    return [await custom_fields.definitions(account_id) for account_id in account_ids]
