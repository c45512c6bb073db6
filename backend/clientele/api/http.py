"""The GraphQL endpoint: Strawberry's ASGI app with our typed context.

GET and POST follow the GraphQL-over-HTTP spec (GET only for queries); subscriptions speak
graphql-transport-ws on the same path and SSE via `Accept: text/event-stream`.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any
from urllib.parse import urlparse

import orjson
from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http.base import GRAPHQL_SSE_PROTOCOL, MULTIPART_SUBSCRIPTION_PROTOCOL
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET

from clientele.accounts import sessions
from clientele.accounts.principal import Principal
from clientele.api import graphiql, live
from clientele.api.auth import SESSION_COOKIE, bearer_token, principal_from_token
from clientele.api.compiled.execute import raw_json
from clientele.api.context import Context
from clientele.api.request_body import CheckedRequestBody
from clientele.api.trusted_documents import TrustedDocumentRequests  # documentId → text
from clientele.api.ws_handlers import LegacyWSHandler, SharedTransportWSHandler, WebSocketAdapter

GRAPHQL_RESPONSE = "application/graphql-response+json"
_wants_graphql_response: ContextVar[bool] = ContextVar("wants_graphql_response", default=False)


def is_request_error(result: ExecutionResult) -> bool:
    """Parse, validation and variable-coercion errors: nothing executed, no error has a path."""
    errors = result.errors or []
    return result.data is None and bool(errors) and all(not e.path for e in errors)


class GraphQLApp(TrustedDocumentRequests, CheckedRequestBody, GraphQL):
    # request bodies are checked while decoding, HTTP errors are coded JSON (request_body.py)
    # identical subscriptions share one execution per event (api/subscription_fanout.py);
    # malformed messages close with 4400, revoked principals with 4403 (api/ws_handlers.py)
    graphql_transport_ws_handler_class = SharedTransportWSHandler  # type: ignore[assignment]
    graphql_ws_handler_class = LegacyWSHandler  # type: ignore[assignment]
    websocket_adapter_class = WebSocketAdapter

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Any:
        if isinstance(request, WebSocket):
            principal = await websocket_principal(request)
        else:
            principal = request.state.principal
        return Context(principal=principal, request=request, response=response)

    async def render_graphql_ide(self, request: Request) -> Response:
        return await graphiql.render(request)  # the app's own build (api/graphiql.py)

    async def on_ws_connect(self, context: Context) -> Any:  # type: ignore[override]
        """graphql-transport-ws `connection_init` may carry {"authorization": "Bearer …"}."""
        params = context.connection_params if isinstance(context.connection_params, dict) \
            else {}
        token = bearer_token(str(params.get("authorization") or params.get("Authorization")
                                 or "")) or params.get("token")
        if token:
            principal = await principal_from_token(str(token))
            if principal is None:
                raise ConnectionRejectionError({"message": "Unknown or revoked API token."})
            context.become(principal)
        return UNSET

    async def process_result(self, request: Any, result: ExecutionResult) -> Any:
        """With `Accept: application/graphql-response+json` a request error has no `data`
        and is sent with status 400 (GraphQL over HTTP)."""
        wants = GRAPHQL_RESPONSE in request.headers.get("accept", "")
        _wants_graphql_response.set(wants)
        processed = await super().process_result(request, result)
        if wants and is_request_error(result):
            processed.pop("data", None)
        return processed

    def encode_json(self, data: object) -> str:
        # text, not bytes: WebSocket messages must be text frames for graphql-ws clients
        return orjson.dumps(data).decode()

    def _get_stream_transport_from_headers(self, headers: Any) -> Any:
        """A client that also accepts JSON gets JSON for queries and mutations; streams are
        for clients that ask for nothing else (graphql-sse, multipart subscriptions)."""
        accept = next((v for k, v in headers.items() if k.lower() == "accept"), "")
        if "application/json" in accept or GRAPHQL_RESPONSE in accept:
            return None
        return super()._get_stream_transport_from_headers(headers)

    def create_response(self, response_data: Any, sub_response: Response) -> Response:
        response = super().create_response(response_data, sub_response)
        if _wants_graphql_response.get():
            response.headers["content-type"] = GRAPHQL_RESPONSE
            if isinstance(response_data, dict) and "data" not in response_data:
                response.status_code = 400
        return response

    async def execute_operation(  # type: ignore[override]
            self, request: Any, request_adapter: Any, request_data: Any, context: Context,
            *args: Any, **kwargs: Any) -> Any:
        """An SSE or multipart event stream ends when its principal is revoked (api/live.py)."""
        result = await super().execute_operation(
            request, request_adapter, request_data, context,  # type: ignore[arg-type]
            *args, **kwargs)
        if hasattr(result, "__anext__"):
            return live.guarded(result, context.principal)
        return result

    async def execute_single(self, request: Any, request_adapter: Any, *args: Any,
                             **kwargs: Any) -> Any:
        """A mutation sent with GET is 405 Method Not Allowed (GraphQL over HTTP spec).
        A compiled answer's JSON goes out as PostgreSQL wrote it (api/compiled)."""
        raw_json.set(True)
        try:
            return await super().execute_single(request, request_adapter, *args, **kwargs)
        except HTTPException as error:
            if request_adapter.method == "GET" and isinstance(
                error.__cause__, InvalidOperationTypeError
            ):
                raise HTTPException(405, error.reason) from error
            raise


async def websocket_principal(websocket: WebSocket) -> Principal:
    """A WebSocket may ride on the session cookie, but only from our own origin (a page on
    another site must not open a socket with the staff member's cookie)."""
    anonymous = Principal.anonymous(websocket.app.state.account)
    cookie = websocket.cookies.get(SESSION_COOKIE)
    origin = websocket.headers.get("origin")
    if not cookie or (origin and urlparse(origin).netloc != websocket.headers.get("host")):
        return anonymous
    return await sessions.principal_for_session(cookie) or anonymous


def graphql_app(schema: Any, production: bool) -> GraphQLApp:
    return GraphQLApp(
        schema,
        graphql_ide="graphiql",  # on or off per settings.graphiql (api/graphiql.py)
        subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL,
                                GRAPHQL_SSE_PROTOCOL, MULTIPART_SUBSCRIPTION_PROTOCOL),
        allow_queries_via_get=True,
        multipart_uploads_enabled=True,  # calendarUpload; cookie sessions still need CSRF
    )
