"""Files of the import over plain HTTP GET (import:customers):

    GET /import/template.csv                      the template: every field, the account's
                                                  custom fields too
    GET /import/jobs/{id}/rejected.csv            a job's rejected rows (as read, plus the
                                                  reason), CSV with BOM, cells neutralised

Errors are JSON in the shape of GraphQL errors, as for the exports: 401 UNAUTHENTICATED,
403 FORBIDDEN, 400 INVALID_ID, 404 NOT_FOUND.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from clientele.accounts.permissions import Permission
from clientele.api.downloads import attachment, holder
from clientele.api.errors import http_error
from clientele.core import ids
from clientele.customers import custom_fields
from clientele.customers.imports import jobs
from clientele.customers.imports.template import template_csv

CSV = "text/csv; charset=utf-8"


async def template(request: Request) -> Response:
    principal = holder(request, Permission.IMPORT_CUSTOMERS)
    if isinstance(principal, Response):
        return principal
    definitions = await custom_fields.definitions(principal.account.id)
    return Response(template_csv(definitions.values()), media_type=CSV,
                    headers=attachment("clientele-import-template.csv"))


async def rejected(request: Request) -> Response:
    principal = holder(request, Permission.IMPORT_CUSTOMERS)
    if isinstance(principal, Response):
        return principal
    try:
        job_id = ids.decode_as(request.path_params["id"], "ImportJob")
    except ids.InvalidGlobalId as exc:
        return http_error(400, str(exc), "INVALID_ID")
    chunks = await jobs.rejected_csv(principal.account.id, job_id)
    if chunks is None:
        return http_error(404, "No such import job.", "NOT_FOUND")
    return StreamingResponse(chunks, media_type=CSV,
                             headers=attachment("rejected-rows.csv"))
