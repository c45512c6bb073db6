"""The WebSocket protocol handlers: graphql-transport-ws (with shared subscription execution)
and the legacy graphql-ws, both hardened the same way.

- Every client message is checked against the protocol before it is used
  (`api/ws_messages.py`); a malformed one closes the socket with 4400 and a reason.
- Text that is not JSON, JSON nested deeper than the parser goes, and binary frames are
  "not a message" too (4400 on graphql-transport-ws; the legacy protocol ignores non-JSON).
- Each connection is registered as live (`api/live.py`): when its principal is revoked, its
  operations are cancelled, nothing more is sent, and the socket is closed with 4403.
- A subscription may be sent as a trusted document's id, and text may be refused from
  first-party callers (api/trusted_documents.py): the refusal is the protocol's `error`
  message for that operation, with the code HTTP would give; the socket stays open.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Awaitable, Callable
from contextlib import suppress
from typing import Any

import orjson
from graphql import GraphQLError
from starlette.websockets import WebSocketDisconnect, WebSocketState
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.http.exceptions import (
    NonJsonMessageReceived,
    NonTextMessageReceived,
    WebSocketDisconnected,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
    Operation,
    _OperationStreamClosed,
)
from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler
from strawberry.types import ExecutionResult
from strawberry.types.execution import PreExecutionError

from clientele.api import live, subscription_fanout, trusted_documents, ws_messages
from clientele.api.context import Context
from clientele.api.input_guard import InputError


class WebSocketAdapter(ASGIWebSocketAdapter):
    """Any text the JSON decoder refuses is "not JSON": json.loads raises RecursionError, not a
    JSONDecodeError, for deeply nested input, which escaped Strawberry's handler."""

    async def iter_json(self, *, ignore_parsing_errors: bool = False
                        ) -> AsyncGenerator[object, None]:
        try:
            while self.ws.application_state != WebSocketState.DISCONNECTED:
                text = await self.ws.receive_text()
                try:
                    message = self.view.decode_json(text)
                except Exception as exc:  # JSONDecodeError, RecursionError, a decoder's own
                    if not ignore_parsing_errors:
                        raise NonJsonMessageReceived from exc
                    continue
                yield message
        except KeyError as exc:  # a binary frame has "bytes", not "text"
            raise NonTextMessageReceived from exc
        except WebSocketDisconnect:
            pass


class _TrustedDocuments:
    """The trusted-documents part both handlers share (mixed into each): an operation's
    `documentId` becomes its text, and a refusal is sent in the handler's protocol."""

    context: Context
    connection_acknowledged: bool
    send_message: Callable[[Any], Awaitable[None]]  # the handler's own

    async def _resolved(self, message: Any) -> Any | None:
        """`message` with its document's text in, or None when refused (the refusal sent)."""
        if not self.connection_acknowledged:
            return message  # the base handler closes it with 4401
        try:
            payload, _ = trusted_documents.resolve_item(
                message["payload"], self.context.request.app.state.settings,
                self.context.principal, empty_query=True)
        except InputError as error:
            await self.send_message(self._refusal(message["id"], dict(GraphQLError(
                error.reason, extensions={"code": error.code}).formatted)))
            return None
        return {**message, "payload": payload}

    def _refusal(self, operation_id: str, error: dict[str, Any]) -> Any:
        raise NotImplementedError


class _Revocable:
    """The live-connection part both handlers share (mixed into each)."""

    live: live.Live
    _ending: asyncio.Task[None] | None = None

    async def handle(self) -> None:
        """The connection is registered for revocations while the base handler runs."""
        self._open_live(self.context)  # type: ignore[attr-defined]
        try:
            await super().handle()  # type: ignore[misc]
        finally:
            await self._close_live()

    def _open_live(self, context: Context) -> None:
        self._ending = None
        self.live = live.registry.open(context.principal, self._revoked)

    def _revoked(self) -> None:
        self._ending = asyncio.get_running_loop().create_task(self._end_revoked())

    async def _end_revoked(self) -> None:
        tasks = await self._cancel_operations()
        for task in tasks:
            with suppress(Exception, asyncio.CancelledError):
                await task
        with suppress(Exception):  # the client may be gone already
            await self.websocket.close(code=live.CLOSE_CODE,  # type: ignore[attr-defined]
                                       reason=live.CLOSE_REASON)

    async def _cancel_operations(self) -> list[asyncio.Task[Any]]:
        raise NotImplementedError

    async def _close_live(self) -> None:
        live.registry.close(self.live)
        if self._ending is not None:
            with suppress(Exception, asyncio.CancelledError):
                await self._ending


class SharedTransportWSHandler(_Revocable, _TrustedDocuments,
                               BaseGraphQLTransportWSHandler[Context, None]):
    """graphql-transport-ws where identical subscriptions share one execution per event and
    one encoded payload (api/subscription_fanout.py). Queries, mutations and anything that
    cannot be keyed run per operation, as before."""

    async def handle_message(self, message: Any) -> None:
        if self.live.revoked:
            return  # the socket is being closed
        if problem := ws_messages.transport_ws_problem(message):
            await self.handle_invalid_message(problem)
            return
        await super().handle_message(message)

    async def handle_connection_init(self, message: Any) -> None:
        if message.get("payload") is None:  # `payload?: Record<string, unknown> | null`
            message = {**message, "payload": {}}
        await super().handle_connection_init(message)
        if self.connection_acknowledged:
            live.registry.attach(self.live, self.context.principal)

    async def handle_subscribe(self, message: Any) -> None:
        if self.connection_acknowledged and message["id"] in self.operations:
            # Strawberry echoes the id in full; a close reason has at most 123 bytes
            await self.websocket.close(code=4409, reason=ws_messages.reason(
                f"Subscriber for {message['id']} already exists"))
            return
        if (message := await self._resolved(message)) is not None:
            await super().handle_subscribe(message)

    def _refusal(self, operation_id: str, error: dict[str, Any]) -> Any:
        return {"id": operation_id, "type": "error", "payload": [error]}

    async def send_message(self, message: Any) -> None:
        if not self.live.revoked:  # nothing after a revocation reached this process
            await super().send_message(message)

    async def _cancel_operations(self) -> list[asyncio.Task[Any]]:
        tasks = [op.task for op in self.operations.values() if op.task]
        for operation_id in list(self.operations):
            await self.cleanup_operation(operation_id)
        return tasks

    async def run_operation(self, operation: Operation[Context, None]) -> None:
        context = self.context
        key = subscription_fanout.key_for(context.principal, operation.query,
                                          operation.operation_name, operation.variables)
        if key is None or not isinstance(self.websocket, ASGIWebSocketAdapter):
            await super().run_operation(operation)
            return
        principal = context.principal

        async def source() -> Any:
            return await self.schema.stream(
                operation.query, variable_values=operation.variables,
                context_value=Context(principal=principal), root_value=self.root_value,
                operation_name=operation.operation_name)

        try:
            async with subscription_fanout.join(key, source, self._encode_payload,
                                                self.live) as member:
                await self._send_shared(operation, member)
            await operation.send_operation_message({"id": operation.id, "type": "complete"})
        except _OperationStreamClosed:
            return
        except Exception as error:
            await self.handle_task_exception(error)
            with suppress(Exception):
                await operation.send_operation_message({"id": operation.id, "type": "complete"})
            self.operations.pop(operation.id, None)
            raise

    def _encode_payload(self, result: ExecutionResult) -> str:
        payload: dict[str, Any] = {"data": result.data}
        if result.errors:
            payload["errors"] = [error.formatted for error in result.errors]
        if result.extensions:
            payload["extensions"] = result.extensions
        return orjson.dumps(payload).decode()

    async def _send_shared(self, operation: Operation[Context, None],
                           member: subscription_fanout.Member) -> None:
        assert isinstance(self.websocket, ASGIWebSocketAdapter)
        ws = self.websocket.ws
        head = '{"id":' + orjson.dumps(operation.id).decode() + ',"type":"next","payload":'
        first = True
        while True:
            item = await member.get()
            if self.live.revoked:
                return
            if isinstance(item, str):
                if operation.completed:
                    return
                try:
                    await ws.send_text(head + item + "}")
                except WebSocketDisconnect as exc:
                    raise WebSocketDisconnected from exc
            elif isinstance(item, PreExecutionError) and first:
                await self._handle_pre_execution_error(operation, item)
                return
            elif isinstance(item, subscription_fanout.Dropped):
                await operation.send_operation_message({
                    "id": operation.id, "type": "next",
                    "payload": {"data": None, "errors": [GraphQLError(
                        item.message, extensions={"code": "SUBSCRIBER_TOO_SLOW"}).formatted]}})
                return
            elif isinstance(item, subscription_fanout.End):
                return  # a failure of the source was logged once, by the group
            else:  # incremental delivery frames
                await self._reject_incremental_delivery(operation)
                return
            first = False


class LegacyWSHandler(_Revocable, _TrustedDocuments, BaseGraphQLWSHandler[Context, None]):
    """graphql-ws (subscriptions-transport-ws), for older clients: malformed messages close
    with 4400 instead of raising in the handler; revocation closes with 4403."""

    async def handle_message(self, message: Any) -> None:
        if self.live.revoked:
            return
        if problem := ws_messages.graphql_ws_problem(message):
            await self.websocket.close(code=ws_messages.INVALID, reason=problem)
            return
        await super().handle_message(message)

    async def handle_connection_init(self, message: Any) -> None:
        await super().handle_connection_init(message)
        if self.connection_acknowledged:
            live.registry.attach(self.live, self.context.principal)

    async def handle_start(self, message: Any) -> None:
        if (message := await self._resolved(message)) is not None:
            await super().handle_start(message)

    def _refusal(self, operation_id: str, error: dict[str, Any]) -> Any:
        return {"type": "error", "id": operation_id, "payload": error}

    async def send_message(self, message: Any) -> None:
        if not self.live.revoked:
            await super().send_message(message)

    async def _cancel_operations(self) -> list[asyncio.Task[Any]]:
        await self.cleanup()  # cancels and awaits every operation
        return []
