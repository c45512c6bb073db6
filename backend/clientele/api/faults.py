"""How infrastructure faults reach the client (core/faults.py decides what is one).

- GraphQL: `ServiceFaults` rewrites an error caused by a fault into a coded one
  (`extensions.code = SERVICE_UNAVAILABLE`, the fault's message, the field's path kept), in
  development and production alike: production masks internal errors, but this one is the
  client's to know and act on (retry later), and its message names no internals.
- Plain HTTP: `FaultResponses` turns a fault raised before GraphQL runs (the session or token
  lookup) into 503 with Retry-After, and any other escaped exception into a coded 500, so no
  client ever reads Starlette's bare "Internal Server Error".
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension

from clientele.api.errors import http_error
from clientele.core.faults import SERVICE_UNAVAILABLE, fault_of

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5


def is_fault_error(error: GraphQLError) -> bool:
    """Whether a GraphQL error was caused by an infrastructure fault (not to be masked)."""
    return fault_of(error.original_error) is not None


def _rewrite(errors: list[GraphQLError]) -> list[GraphQLError]:
    out = []
    for error in errors:
        fault = fault_of(error.original_error)
        if fault is None:
            out.append(error)
            continue
        log.warning("%s: %s", fault.reason, error.original_error)
        out.append(GraphQLError(fault.message, nodes=error.nodes, source=error.source,
                                positions=error.positions, path=error.path,
                                extensions={"code": SERVICE_UNAVAILABLE}))
    return out


def _rewrite_result(result: Any) -> None:
    errors = getattr(result, "errors", None)
    if errors:
        result.errors = _rewrite(errors)


class ServiceFaults(SchemaExtension):
    """Coded errors for faults, on single results and on every subscription event."""

    def on_operation(self) -> Iterator[None]:
        yield
        _rewrite_result(self.execution_context.result)

    def on_stream_result(self, result: Any) -> Iterator[None]:
        _rewrite_result(result)
        yield


class FaultResponses:
    """503 SERVICE_UNAVAILABLE for a fault that escapes an HTTP handler, a coded 500 for
    anything else (re-raised, so the server still logs it with its traceback)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started:
                raise
            fault = fault_of(exc)
            if fault is None:
                await http_error(500, "Internal server error.", "INTERNAL_ERROR")(
                    scope, receive, send)
                raise
            log.warning("%s: %r", fault.reason, exc)
            await http_error(503, fault.message, SERVICE_UNAVAILABLE,
                             {"Retry-After": str(RETRY_AFTER_SECONDS)})(scope, receive, send)
