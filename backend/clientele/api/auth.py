"""Who is asking, decided once per HTTP request before GraphQL runs.

`Authorization: Bearer <token>` (apps, partners) or the session cookie (the SPA). A request
authenticated by cookie must carry the session's CSRF token in `X-CSRF-Token` unless it is a
GET (GET cannot run mutations). Bearer-token traffic is rate-limited per token.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from clientele.accounts import sessions
from clientele.accounts.credentials import token_hash
from clientele.accounts.principal import Principal
from clientele.core.ratelimit import retry_after_header

SESSION_COOKIE = "clientele_session"
CSRF_HEADER = "x-csrf-token"
# the API and the downloads of api/exports.py and api/import_files.py (GET only)
AUTHENTICATED_PATHS = ("/graphql", "/export/", "/import/")


def bearer_token(authorization: str | None) -> str | None:
    if authorization and authorization[:7].lower() == "bearer ":
        return authorization[7:].strip() or None
    return None


def _error(status: int, message: str, code: str, headers: dict[str, str] | None = None
           ) -> Response:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]},
                        status_code=status, headers=headers)


async def principal_from_token(token: str | None) -> Principal | None:
    return await sessions.principal_for_token(token) if token else None


class Authentication:
    """Puts `request.state.principal` on /graphql, /export/ and /import/ requests (anonymous when
    nobody logged in)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(AUTHENTICATED_PATHS):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        failure = await self.authenticate(request)
        if failure is not None:
            await failure(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def authenticate(self, request: Request) -> Response | None:
        anonymous = Principal.anonymous(request.app.state.account)
        token = bearer_token(request.headers.get("authorization"))
        if token:
            wait = await request.app.state.limits.per_token.hit(token_hash(token))
            if wait:
                return _error(429, "Too many requests for this token.", "RATE_LIMITED",
                              {"Retry-After": retry_after_header(wait)})
            principal = await principal_from_token(token)
            if principal is None:
                return _error(401, "Unknown or revoked API token.", "UNAUTHENTICATED",
                              {"WWW-Authenticate": "Bearer"})
            request.scope.setdefault("state", {})["principal"] = principal
            return None
        cookie = request.cookies.get(SESSION_COOKIE)
        principal = await sessions.principal_for_session(cookie) if cookie else None
        if principal is not None and request.method not in ("GET", "HEAD", "OPTIONS") \
                and request.headers.get(CSRF_HEADER) != principal.csrf_token:
            return _error(403, "Missing or wrong X-CSRF-Token header.", "CSRF")
        request.scope.setdefault("state", {})["principal"] = principal or anonymous
        return None
