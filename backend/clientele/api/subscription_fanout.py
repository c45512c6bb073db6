"""Shared execution of identical subscriptions (graphql-transport-ws).

With many subscribers of one account on an instance, each event used to be executed (resolver,
selection set, extensions, JSON encoding) once per subscriber. Subscribers whose operations
cannot differ in outcome now share one execution: the key is (account, authenticated or not,
permission set, query document, operation name, variables). The first subscriber of a key
starts the real source (Strawberry's `schema.stream`, which validates, runs the resolver and its
`require(...)`); the others attach to it. Each result is encoded once and the same payload text
is sent to every member, each with its own operation id.

Why the key is enough: the resolvers reachable from `Subscription` read only the principal's
account and permissions (no `me`-like fields, no user id, no request), so two subscribers with
the same key get the same permission check outcome and the same data. The shared execution runs
with a fresh context of the first subscriber's principal, not tied to its websocket.

Each member has a bounded queue (`MAX_PENDING` items; an item is a reference to the shared
payload text): a member that falls behind (its websocket send blocks) is removed from the group
and, once it catches up with its queue, ends with an error, as a lone slow subscriber does
(`clientele.core.pubsub`). A member leaving (complete, disconnect) does not affect the others;
the last one leaving closes the source. The source ending or failing ends every member the same
way a lone subscription ends.

Revocation (api/live.py): a member whose connection's principal was revoked is removed from
the group at the next event and gets nothing more (its handler checks the same flag before each
send); the others go on. The shared execution keeps running with the first member's principal
even when that one is revoked: the key guarantees the others hold the same account and
permissions, and nothing is checked per event that they would not pass.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from graphql import GraphQLError, OperationDefinitionNode, OperationType, parse
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from clientele.accounts.principal import Principal
from clientele.api.document_limits import MAX_TOKENS
from clientele.api.live import Live
from clientele.api.subscription import reached_broker
from clientele.core.pubsub import MAX_PENDING

log = logging.getLogger(__name__)

Source = Callable[[], Awaitable[AsyncIterator[Any]]]


@dataclass(frozen=True)
class Key:
    account_id: object
    authenticated: bool
    permissions: frozenset[str]
    query: str
    operation_name: str | None
    variables: str  # canonical JSON


class End:
    """The source finished; `failure` is an exception the source raised (not a GraphQL error
    result, which arrives as a payload first)."""

    def __init__(self, failure: BaseException | None = None) -> None:
        self.failure = failure


class Dropped:
    """This member fell more than MAX_PENDING results behind and was removed."""

    message = (f"More than {MAX_PENDING} events were waiting for this subscriber; it was "
               "dropped. Subscribe again.")


INCREMENTAL = object()  # a @defer/@stream frame: not representable, the member rejects it

# A queue item: payload JSON text, a PreExecutionError (as the first item), INCREMENTAL, End or
# Dropped.


@functools.lru_cache(maxsize=1000)
def is_subscription(query: str, operation_name: str | None) -> bool:
    """Whether the document's selected operation is a subscription (anything unparsable or
    ambiguous is not shared: the per-subscriber path reports the error)."""
    try:
        document = parse(query, max_tokens=MAX_TOKENS)
    except GraphQLError:
        return False
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None:
        chosen = operations[0] if len(operations) == 1 else None
    else:
        chosen = next((o for o in operations if o.name and o.name.value == operation_name),
                      None)
    return chosen is not None and chosen.operation is OperationType.SUBSCRIPTION


def key_for(principal: Principal, query: str, operation_name: str | None,
            variables: dict[str, Any] | None) -> Key | None:
    if not isinstance(query, str) or not is_subscription(query, operation_name):
        return None
    try:
        canonical = json.dumps(variables or {}, sort_keys=True, separators=(",", ":"))
    except (TypeError, ValueError):
        return None
    return Key(principal.account.id, principal.authenticated,
               frozenset(p.value for p in principal.permissions), query, operation_name,
               canonical)


@dataclass(eq=False)
class Member:
    live: Live | None = None
    queue: asyncio.Queue[Any] = field(
        default_factory=lambda: asyncio.Queue(maxsize=MAX_PENDING + 1))

    async def get(self) -> Any:
        return await self.queue.get()


class Group:
    def __init__(self, key: Key) -> None:
        self.key = key
        self.members: set[Member] = set()
        self.task: asyncio.Task[None] | None = None
        self.ended = False
        self.live = False  # the resolver has subscribed to the broker

    def _reached_broker(self) -> None:
        self.live = True

    def start(self, source: Source, encode: Callable[[Any], str]) -> None:
        self.task = asyncio.get_running_loop().create_task(self._run(source, encode))

    async def _run(self, source: Source, encode: Callable[[Any], str]) -> None:
        from strawberry.types.execution import ExecutionResult, PreExecutionError

        failure: BaseException | None = None
        reached_broker.set(self._reached_broker)  # this task's context only
        try:
            stream = await source()
            try:
                first = True
                async for result in stream:
                    if first and isinstance(result, PreExecutionError):
                        item: Any = result
                    elif isinstance(result, ExecutionResult):
                        item = encode(result)
                    else:
                        item = INCREMENTAL
                    first = False
                    self._broadcast(item)
                    if not self.members or item is INCREMENTAL or isinstance(
                            item, PreExecutionError):
                        break
            finally:
                close = getattr(stream, "aclose", None)
                if close is not None:
                    await close()
        except asyncio.CancelledError:
            self._end(End())
            raise
        except Exception as exc:
            log.exception("shared subscription failed")
            failure = exc
        self._end(End(failure))

    def _broadcast(self, item: Any) -> None:
        for member in list(self.members):
            if member.live is not None and member.live.revoked:
                self.members.discard(member)
                member.queue.put_nowait(End())  # fits: the queue holds at most MAX_PENDING
            elif member.queue.qsize() >= MAX_PENDING:
                self.members.discard(member)
                member.queue.put_nowait(Dropped())
            else:
                member.queue.put_nowait(item)

    def _end(self, end: End) -> None:
        """No member may join any more; the current ones get `end` after what they have."""
        if self.ended:
            return
        self.ended = True
        if _groups.get(self.key) is self:
            del _groups[self.key]
        for member in self.members:
            member.queue.put_nowait(end)  # fits: a full queue's member was dropped already
        self.members.clear()


_groups: dict[Key, Group] = {}


def live_subscribers(account_id: object) -> int:
    """Subscribers of `account_id` on this instance whose subscription has reached the event
    broker: an event published now reaches each of them (/healthz tells staff, so a client or
    a test can wait for this fact instead of for time)."""
    return sum(len(group.members) for group in _groups.values()
               if group.live and not group.ended and group.key.account_id == account_id)


@contextlib.asynccontextmanager
async def join(key: Key, source: Source, encode: Callable[[Any], str], live: Live | None = None
               ) -> AsyncIterator[Member]:
    """Attach to the running execution for `key`, starting it (`source()`) when there is none.
    `encode` turns an ExecutionResult into the payload text of a `next` message; `live` is the
    member's connection (a revoked one is removed)."""
    group = _groups.get(key)
    if group is None or group.ended:
        group = _groups[key] = Group(key)
        group.start(source, encode)
    member = Member(live)
    group.members.add(member)
    try:
        yield member
    finally:
        group.members.discard(member)
        if not group.members and not group.ended:
            group.ended = True
            if _groups.get(key) is group:
                del _groups[key]
            if group.task is not None:
                group.task.cancel()


class PerEventExecutor(StrawberryGraphQLCoreExecutionContext):
    """graphql-core 3.3's per-event executor is a shallow copy of the subscription's, so the
    memo of collected subfields (keyed by the identity of field lists that are new for every
    event) is shared and grows by about 0.6 KB per event for the life of every subscription
    (1,000 lone subscribers: about 1 MB of RSS per event). Each event gets its own memo."""

    def build_per_event_executor(self, payload: Any) -> Any:
        executor = super().build_per_event_executor(payload)
        executor._relevant_sub_fields = {}
        return executor

