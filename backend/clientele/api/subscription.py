"""The skeleton every subscription shares. Messages carry ids only: each subscriber takes the
messages of its own account from one channel (optionally only those about one object) and
loads each object itself."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry

from clientele.accounts.permissions import Permission
from clientele.accounts.principal import Principal
from clientele.api.context import Info
from clientele.api.errors import ApiError, decode_id
from clientele.api.permissions import require
from clientele.core import metrics, pubsub

T = TypeVar("T")

# Called once a subscription's resolver has reached the event broker (events published from
# now on reach it); the shared execution (api/subscription_fanout.py) sets it per group.
reached_broker: ContextVar[Callable[[], None] | None] = ContextVar("reached_broker",
                                                                   default=None)


@dataclass(frozen=True)
class LiveEvents(Generic[T]):
    """One kind of live event: its channel, what a subscriber makes of a message (`load`; None
    when the object is gone), and the message field (`key`) that a subscription's filter, a
    global ID of `type_name`, is compared with."""

    channel: str
    load: Callable[[Principal, Any], Awaitable[T | None]]
    key: str = "id"
    type_name: str = ""
    permission: Permission = Permission.READ_CUSTOMERS

    async def of(self, info: Info, wanted: strawberry.ID | None = None
                 ) -> AsyncGenerator[T, None]:
        """The permission (read:customers unless said), then the caller's account's events
        (with `wanted`, only those about that object). The checks run when the first event
        is awaited, as in any subscription resolver."""
        require(info, self.permission)
        principal = info.context.principal
        account = str(principal.account.id)
        only = None if wanted is None else str(decode_id(wanted, self.type_name))
        async with pubsub.subscribe(self.channel) as messages:
            if (reached := reached_broker.get()) is not None:
                reached()
            streams = metrics.SUBSCRIPTIONS.labels(self.channel)
            streams.inc()
            try:
                async for message in messages:
                    if message["account"] != account \
                            or only not in (None, message.get(self.key)):
                        continue
                    item = await self.load(principal, message)
                    if item is not None:
                        yield item
            except pubsub.SubscriberTooSlow as slow:  # coded, so production does not mask it
                raise ApiError(str(slow), slow.code) from slow
            finally:
                streams.dec()
