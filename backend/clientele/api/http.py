"""The GraphQL endpoint: Strawberry's ASGI app with our typed context.

GET and POST follow the GraphQL-over-HTTP spec (GET only for queries); subscriptions speak
graphql-transport-ws on the same path and SSE via `Accept: text/event-stream`.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

import orjson
from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.http.base import GRAPHQL_SSE_PROTOCOL, MULTIPART_SUBSCRIPTION_PROTOCOL
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL
from strawberry.types import ExecutionResult

from clientele.api.context import Context

GRAPHQL_RESPONSE = "application/graphql-response+json"
_wants_graphql_response: ContextVar[bool] = ContextVar("wants_graphql_response", default=False)


def is_request_error(result: ExecutionResult) -> bool:
    """Parse, validation and variable-coercion errors: nothing executed, no error has a path."""
    errors = result.errors or []
    return result.data is None and bool(errors) and all(not e.path for e in errors)


class GraphQLApp(GraphQL):
    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Any:
        return Context(account=request.app.state.account, request=request, response=response)

    async def process_result(self, request: Any, result: ExecutionResult) -> Any:
        """With `Accept: application/graphql-response+json` a request error has no `data`
        and is sent with status 400 (GraphQL over HTTP)."""
        wants = GRAPHQL_RESPONSE in request.headers.get("accept", "")
        _wants_graphql_response.set(wants)
        processed = await super().process_result(request, result)
        if wants and is_request_error(result):
            processed.pop("data", None)
        return processed

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    def create_response(self, response_data: Any, sub_response: Response) -> Response:
        response = super().create_response(response_data, sub_response)
        if _wants_graphql_response.get():
            response.headers["content-type"] = GRAPHQL_RESPONSE
            if isinstance(response_data, dict) and "data" not in response_data:
                response.status_code = 400
        return response

    async def execute_single(self, request: Any, request_adapter: Any, *args: Any,
                             **kwargs: Any) -> Any:
        """A mutation sent with GET is 405 Method Not Allowed (GraphQL over HTTP spec)."""
        try:
            return await super().execute_single(request, request_adapter, *args, **kwargs)
        except HTTPException as error:
            if request_adapter.method == "GET" and isinstance(
                error.__cause__, InvalidOperationTypeError
            ):
                raise HTTPException(405, error.reason) from error
            raise


def graphql_app(schema: Any, production: bool) -> GraphQLApp:
    return GraphQLApp(
        schema,
        graphql_ide=None if production else "graphiql",
        subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL,
                                GRAPHQL_SSE_PROTOCOL, MULTIPART_SUBSCRIPTION_PROTOCOL),
        allow_queries_via_get=True,
    )
