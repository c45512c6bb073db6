"""Open WebSockets and SSE streams end when the credential they rode on does.

A live connection resolves its principal once, when it opens (cookie, bearer header, or the
graphql-transport-ws `connection_init` payload), and then may stay open for days. A revocation
(`accounts/events.py`: token revoked, session logged out, user deactivated or given another
role, password changed, a role's permissions changed) is published after its write commits;
each process holds one subscription to that channel (not one per connection) and ends the
connections it names:

- a WebSocket is closed with 4403 "Forbidden" (graphql-transport-ws and graphql-ws alike) after
  its operations are cancelled, so nothing is sent after the revocation reached this process;
- an SSE (or multipart) stream sends one last `next` with the error code `REVOKED`, then
  `complete`, and ends.

Per event, nothing costs a query: each connection has a `Live` handle whose `revoked` flag the
listener sets before anything else happens, and every send (shared fan-out included) checks it.
Two gaps are closed without per-event work:

- A revocation that reaches this process while a connection is between reading its principal
  and registering is remembered for a few minutes with the time it arrived; a principal read
  before that time is checked against it when it registers (`Principal.resolved_at`).
- A revocation this process never heard of (broker outage, a write by a process that publishes
  nowhere, an expired session, built-in roles refreshed at start) is found by the re-check: every
  `LIVE_RECHECK_SECONDS` one statement reads the current permissions of every token and session
  with an open connection here, and ends those that are gone or whose permissions changed. It
  also runs as soon as the listener has resubscribed after losing the broker.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError
from strawberry.types import ExecutionResult

from clientele.accounts import events, sessions
from clientele.accounts.principal import Principal
from clientele.core import pubsub

log = logging.getLogger(__name__)

CLOSE_CODE = 4403  # graphql-ws "Forbidden": clients may reconnect, with their new rights
CLOSE_REASON = "Forbidden: the sign-in was revoked or its permissions changed"
REVOKED = "REVOKED"
REVOKED_MESSAGE = ("Your sign-in was revoked or its permissions changed; sign in or "
                   "subscribe again.")
REMEMBER_SECONDS = 300.0  # how long a revocation is kept for connections still registering


@dataclass(eq=False)
class Live:
    """One open connection: the principal it acts as now, and how to end it."""

    principal: Principal
    end: Callable[[], None]  # called once, synchronously, when the principal is revoked
    revoked: bool = False


class Registry:
    """The open connections of this process and the recent revocations."""

    def __init__(self) -> None:
        self.connections: set[Live] = set()
        self.recent: deque[tuple[float, events.Revocation]] = deque()

    def open(self, principal: Principal, end: Callable[[], None]) -> Live:
        live = Live(principal, end)
        self.connections.add(live)
        self._check_recent(live)
        return live

    def attach(self, live: Live, principal: Principal) -> None:
        """The connection authenticated anew (graphql-transport-ws `connection_init`)."""
        live.principal = principal
        self._check_recent(live)

    def close(self, live: Live) -> None:
        self.connections.discard(live)

    def apply(self, revocation: events.Revocation) -> int:
        """End the connections `revocation` names; returns how many."""
        now = time.monotonic()
        self.recent.append((now, revocation))
        while self.recent and self.recent[0][0] < now - REMEMBER_SECONDS:
            self.recent.popleft()
        affected = [live for live in self.connections if revocation.affects(live.principal)]
        for live in affected:
            self.revoke(live)
        return len(affected)

    def revoke(self, live: Live) -> None:
        if live.revoked:
            return
        live.revoked = True
        self.connections.discard(live)
        try:
            live.end()
        except Exception:  # one connection's failure must not spare the others
            log.exception("could not end a revoked connection")

    def _check_recent(self, live: Live) -> None:
        since = live.principal.resolved_at
        for arrived, revocation in reversed(self.recent):
            if arrived < since:
                return
            if revocation.affects(live.principal):
                self.revoke(live)
                return

    async def recheck(self) -> int:
        """End the connections whose token or session is no longer valid or whose permissions
        changed (one statement for all of them); returns how many."""
        checked = [live for live in self.connections
                   if live.principal.token_id or live.principal.session_id]
        if not checked:
            return 0
        started = time.monotonic()
        current = await sessions.current_permissions(
            [live.principal.token_id for live in checked if live.principal.token_id],
            [live.principal.session_id for live in checked if live.principal.session_id])
        ended = 0
        for live in checked:
            principal = live.principal
            if live.revoked or principal.resolved_at > started:
                continue  # already ended, or authenticated anew while the statement ran
            credential = principal.token_id or principal.session_id
            if current.get(credential) != principal.permissions:  # type: ignore[arg-type]
                self.revoke(live)
                ended += 1
        return ended


registry = Registry()


async def _listen(subscribed: asyncio.Event) -> None:
    """The process's one subscription to revocations; after losing the broker it resubscribes
    and re-checks every connection (revocations published meanwhile were not heard)."""
    missed = False
    while True:
        try:
            async with pubsub.subscribe(events.CHANNEL) as messages:
                subscribed.set()
                if missed:
                    await registry.recheck()
                    missed = False
                async for message in messages:
                    revocation = events.from_message(message)
                    if revocation is not None:
                        registry.apply(revocation)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the broker is gone or reconnecting: listen again shortly
            log.warning("revocation listener interrupted (%s); resubscribing", exc)
            missed = True
            await asyncio.sleep(1)


async def _recheck_every(seconds: float) -> None:
    while True:
        await asyncio.sleep(seconds)
        try:
            await registry.recheck()
        except Exception:  # the database is unreachable: try again next time
            log.exception("re-check of open connections failed")


@contextlib.asynccontextmanager
async def running(recheck_seconds: float) -> AsyncIterator[None]:
    """For the app's lifespan: listen for revocations (the first subscription is in place
    before the app serves) and re-check open connections every `recheck_seconds` (0: never)."""
    subscribed = asyncio.Event()
    tasks = [asyncio.create_task(_listen(subscribed), name="live-revocations")]
    if recheck_seconds > 0:
        tasks.append(asyncio.create_task(_recheck_every(recheck_seconds), name="live-recheck"))
    try:
        try:
            await asyncio.wait_for(subscribed.wait(), 10)
        except TimeoutError:
            log.warning("revocation listener not subscribed yet; starting anyway")
        yield
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task


def revoked_result() -> ExecutionResult:
    return ExecutionResult(data=None, errors=[
        GraphQLError(REVOKED_MESSAGE, extensions={"code": REVOKED})])


async def guarded(stream: Any, principal: Principal) -> AsyncGenerator[Any, None]:
    """An HTTP event stream (SSE, multipart) that ends when `principal` is revoked: nothing
    after the revocation, then a last result with the code REVOKED."""
    ended = asyncio.Event()
    live = registry.open(principal, ended.set)
    revoked = asyncio.ensure_future(ended.wait())
    step: asyncio.Future[Any] | None = None
    try:
        while not live.revoked:
            step = asyncio.ensure_future(stream.__anext__())
            await asyncio.wait({step, revoked}, return_when=asyncio.FIRST_COMPLETED)
            if live.revoked:
                break
            try:
                result = step.result()
            except StopAsyncIteration:
                return
            step = None
            yield result
        yield revoked_result()
    finally:
        registry.close(live)
        revoked.cancel()
        if step is not None and not step.done():
            step.cancel()
            with contextlib.suppress(BaseException):
                await step
        close = getattr(stream, "aclose", None)
        if close is not None:
            with contextlib.suppress(RuntimeError):
                await close()
