"""/healthz: whether this instance can serve, for load balancers and container health checks.

Anyone may ask, so an anonymous answer is the status only: the search index's customer count
and build time say how big a business is, so they are for its signed-in staff (session cookie
or API token) and count their own account only, as does `live.subscribers` (this account's
graphql-transport-ws subscriptions on this instance that have reached the event broker).
A database that does not answer within HEALTH_TIMEOUT_SECONDS is reported as unreachable
with 503, so an orchestrator takes the instance out of rotation instead of reading a 500 or
waiting for the driver's own (minute-long) connect timeout.
"""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from clientele.accounts import sessions
from clientele.accounts.principal import Principal
from clientele.api import subscription_fanout
from clientele.api.auth import SESSION_COOKIE, bearer_token, principal_from_token
from clientele.core import db
from clientele.core.faults import fault_of
from clientele.customers.search.service import service as search_service

HEALTH_TIMEOUT_SECONDS = 2.0


async def _staff(request: Request) -> Principal | None:
    token = bearer_token(request.headers.get("authorization"))
    if token:
        principal = await principal_from_token(token)
    else:
        cookie = request.cookies.get(SESSION_COOKIE)
        principal = await sessions.principal_for_session(cookie) if cookie else None
    return principal if principal is not None and principal.authenticated else None


async def health(request: Request) -> Response:
    try:
        async with asyncio.timeout(HEALTH_TIMEOUT_SECONDS):
            await db.fetch("SELECT 1")
    except Exception as exc:
        if isinstance(exc, TimeoutError) or fault_of(exc) is not None:
            return JSONResponse({"status": "unavailable", "reason": "database unreachable"},
                                status_code=503, headers={"Cache-Control": "no-store"})
        raise
    body: dict = {"status": "ok"}
    staff = await _staff(request)
    if staff is not None:
        body["search"] = search_service.status(staff.account.id)
        body["live"] = {"subscribers": subscription_fanout.live_subscribers(staff.account.id)}
    return JSONResponse(body, headers={"Cache-Control": "no-store"})
