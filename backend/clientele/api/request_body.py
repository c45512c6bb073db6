"""How /graphql reads an HTTP request into GraphQL requests: Strawberry's parsing with every
step checked by `api/input_guard.py`, and its HTTP errors as JSON with a code.

Strawberry (0.341) answers a non-object body or a non-object batch item with a 500
(`'int' object has no attribute 'get'`), a 5,000-digit number with a 500 (Python's int limit),
a malformed multipart `map` with a 500, and its own 4xx as plain text without a code. This mixin
replaces those steps; GraphQLApp (api/http.py) inherits it before Strawberry's view.
"""

from __future__ import annotations

from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from strawberry.http import GraphQLRequestData, GraphQLRequestProtocol
from strawberry.http.parse_content_type import parse_content_type
from strawberry.http.types import QueryParams
from strawberry.types.unset import UNSET

from clientele.api import input_guard
from clientele.api.input_guard import BAD_MULTIPART, UNSUPPORTED_MEDIA_TYPE, InputError

GRAPHQL_RESPONSE = "application/graphql-response+json"


def error_response(error: HTTPException, accept: str) -> Response:
    """`{"errors": [{"message", "extensions": {"code"}}]}`: the shape of a GraphQL response
    without data, so a client reads `errors[0].extensions.code` whatever refused it."""
    media_type = GRAPHQL_RESPONSE if GRAPHQL_RESPONSE in accept else "application/json"
    return JSONResponse({"errors": [{"message": error.reason, "extensions": {
        "code": input_guard.code_of(error)}}]}, status_code=error.status_code,
        media_type=media_type)


class CheckedRequestBody:
    """Mixin for Strawberry's ASGI view (listed before it)."""

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        if not isinstance(request, Request):  # a WebSocket: its handlers answer for it
            return await super().run(request, context, root_value)  # type: ignore[misc]
        try:
            return await super().run(request, context, root_value)  # type: ignore[misc]
        except HTTPException as error:
            return error_response(error, request.headers.get("accept", ""))

    def parse_json(self, data: str | bytes) -> Any:
        return input_guard.decode_json(data, "The request body")

    def parse_query_params(self, params: QueryParams) -> dict[str, Any]:
        data: dict[str, Any] = dict(params)
        for name in ("variables", "extensions"):
            if data.get(name):
                data[name] = input_guard.decode_json(data[name], f"`{name}`")
        return data

    async def parse_multipart(self, request: AsyncHTTPRequestAdapter) -> Any:
        try:
            form = await request.get_form_data()
        except (ValueError, MultiPartException, StarletteHTTPException) as exc:
            detail = getattr(exc, "detail", None) or getattr(exc, "message", None) or exc
            raise InputError(400, BAD_MULTIPART,
                             f"The multipart body cannot be read: {detail}") from None
        operations = form.form.get("operations")
        if not isinstance(operations, str):
            raise InputError(400, BAD_MULTIPART, "A multipart request carries the GraphQL "
                             "request as a form field named `operations` (not a file).")
        data = input_guard.graphql_request(input_guard.decode_json(operations, "`operations`"))
        file_map = form.form.get("map", "{}")
        if not isinstance(file_map, str):
            raise InputError(400, BAD_MULTIPART, "`map` must be a form field, not a file.")
        try:
            decoded_map = input_guard.decode_json(file_map, "`map`")
        except InputError as error:
            raise InputError(400, BAD_MULTIPART, error.reason) from None
        return input_guard.attach_files(data, decoded_map, form.files)

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        view: Any = self  # Strawberry's view, which this mixin is listed before
        content_type, _ = parse_content_type(request.content_type or "")
        transport = view._get_stream_transport_from_headers(request.headers)
        protocol: GraphQLRequestProtocol = transport.protocol if transport else "http"
        if request.method == "GET":
            data = input_guard.graphql_request(self.parse_query_params(request.query_params))
        elif "application/json" in content_type:
            data = input_guard.graphql_request(self.parse_json(await request.get_body()))
        elif view.multipart_uploads_enabled and content_type == "multipart/form-data":
            data = await self.parse_multipart(request)
        else:
            raise InputError(415, UNSUPPORTED_MEDIA_TYPE,
                             "POST /graphql takes application/json (or multipart/form-data "
                             "for file uploads).")
        if isinstance(data, list):
            view._validate_batch_request(data, protocol=protocol)
            return [_request_data(item, protocol) for item in data]
        return _request_data(data, protocol)


def _request_data(item: dict[str, Any], protocol: GraphQLRequestProtocol) -> GraphQLRequestData:
    return GraphQLRequestData(query=item.get("query"), variables=item.get("variables"),
                              operation_name=item.get("operationName"),
                              extensions=item.get("extensions"), protocol=protocol)
