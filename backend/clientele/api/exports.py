"""Downloads over plain HTTP GET (export:customers), for the export dialog and the profile:

    GET /export/customers.csv?search=…&searchMode=FULL_TEXT&filter={…CustomerFilter JSON…}
    GET /export/customers.xlsx?…
    GET /export/customers/{id}.json      the GDPR access file of one customer (global ID)

The principal comes from the `Authentication` middleware (session cookie or bearer token, as
for /graphql; bearer tokens rate-limited). GET only: they read and change nothing, so no
CSRF token is needed, and a cookie-authenticated POST never reaches them (405).

Errors are JSON in the shape of GraphQL errors: 401 UNAUTHENTICATED, 403 FORBIDDEN,
400 INVALID_FILTER / INVALID_ID / INVALID_SEARCH, 404 NOT_FOUND, 429 TOO_MANY_EXPORTS (more than
MAX_RUNNING spreadsheet exports at once in this process, each holds a database connection).
"""

from __future__ import annotations

import orjson
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from clientele.accounts.permissions import Permission
from clientele.api.downloads import attachment, holder
from clientele.api.errors import http_error
from clientele.core import ids
from clientele.customers import data_export, export, filter_json, listing
from clientele.customers.filters import InvalidFilter

MAX_RUNNING = 2
MAX_SEARCH = 200  # as customers(search:)
_running = 0


async def customers_file(request: Request) -> Response:
    principal = holder(request, Permission.EXPORT_CUSTOMERS)
    if isinstance(principal, Response):
        return principal
    if request.path_params["format"] not in {f.value for f in export.Format}:
        return http_error(404, "Not found: export customers.csv or customers.xlsx.",
                          "NOT_FOUND")
    fmt = export.Format(request.path_params["format"])
    params = request.query_params
    try:
        filt, inner_search = filter_json.parse(params.get("filter"))
        text = filter_json.storable(params.get("search") or inner_search or "", "search")
        mode = params.get("searchMode", "IDENTITY")
        if mode not in ("IDENTITY", "FULL_TEXT"):
            raise InvalidFilter("searchMode is IDENTITY or FULL_TEXT.")
        search = listing.Search(text[:MAX_SEARCH], mode == "FULL_TEXT") if text else None
        prepared = await export.prepare(principal.account.id, filt, search)
    except InvalidFilter as exc:
        return http_error(400, str(exc), "INVALID_FILTER")
    global _running
    if _running >= MAX_RUNNING:
        return http_error(429, "Other exports are running; try again in a moment.",
                          "TOO_MANY_EXPORTS", {"Retry-After": "5"})
    _running += 1  # until the response has been sent, or failed, or the client left
    return _Counted(export.chunks(prepared, fmt), media_type=export.MEDIA_TYPES[fmt],
                    headers=attachment(export.filename(fmt)))


class _Counted(StreamingResponse):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        global _running
        try:
            await super().__call__(scope, receive, send)
        finally:
            _running -= 1
            await self.body_iterator.aclose()  # type: ignore[attr-defined]


async def customer_file(request: Request) -> Response:
    principal = holder(request, Permission.EXPORT_CUSTOMERS)
    if isinstance(principal, Response):
        return principal
    name = request.path_params["name"]
    if not name.endswith(".json"):
        return http_error(404, "Not found.", "NOT_FOUND")
    try:
        customer_id = ids.decode_as(name[:-len(".json")], "Customer")
    except ids.InvalidGlobalId as exc:
        return http_error(400, str(exc), "INVALID_ID")
    document = await data_export.customer_document(principal.account.id, customer_id,
                                                   principal.account.name)
    if document is None:
        return http_error(404, "No such customer.", "NOT_FOUND")
    return Response(orjson.dumps(document, option=orjson.OPT_INDENT_2),
                    media_type="application/json",
                    headers=attachment(data_export.filename(document)))
